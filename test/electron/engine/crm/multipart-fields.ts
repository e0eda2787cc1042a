import busboy from 'busboy';

import type { HttpRequest } from '../../../../electron/engine/crm/target-adapter';

/** Reads a multipart body back as (name, value) pairs, in order, with a real parser. */
export function multipartFields(contentType: string, body: Uint8Array): Promise<[string, string][]> {
  return new Promise((resolve, reject) => {
    const fields: [string, string][] = [];
    const parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8' });
    parser.on('field', (name, value) => fields.push([name, value]));
    parser.on('file', () => reject(new Error('unexpected file part')));
    parser.on('error', reject);
    parser.on('close', () => resolve(fields));
    parser.end(Buffer.from(body));
  });
}

export function requestFields(request: HttpRequest): Promise<[string, string][]> {
  const contentType = request.headers['Content-Type'];
  if (!contentType || !(request.body instanceof Uint8Array)) throw new Error('not a multipart request');
  return multipartFields(contentType, request.body);
}
