import type { IncomingMessage } from 'node:http';

import busboy from 'busboy';

import type { AcceptedAttachment } from './accepted-records';

export const MAX_FIELD_BYTES = 1024 * 1024;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_FIELDS = 100;
const MAX_FILES = 5;

export interface MultipartForm {
  /** Text fields by name; a name sent twice keeps its last value, as PHP does. */
  fields: Record<string, string>;
  files: (AcceptedAttachment & { field: string })[];
}

export type FormReading =
  | { kind: 'form'; form: MultipartForm }
  /** JSON, urlencoded or no body at all: the CRM only reads form-data. */
  | { kind: 'not-multipart' }
  | { kind: 'malformed' }
  | { kind: 'too-many-parts' }
  | { kind: 'field-too-large'; field: string }
  | { kind: 'file-too-large'; field: string };

/**
 * Reads a multipart/form-data body with busboy, within limits. Resolves with what was read or
 * why it cannot be used, having consumed the whole body either way (so an answer can follow on
 * the same connection). Rejects only when the client goes away mid-body.
 */
export function readMultipartForm(req: IncomingMessage): Promise<FormReading> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return Promise.resolve({ kind: 'not-multipart' });

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { fieldSize: MAX_FIELD_BYTES, fields: MAX_FIELDS, files: MAX_FILES, fileSize: MAX_FILE_BYTES },
    });
  } catch {
    return Promise.resolve({ kind: 'malformed' });
  }

  const fields = new Map<string, string>();
  const files: MultipartForm['files'] = [];
  let refusal: FormReading | undefined;

  parser.on('field', (name, value, info) => {
    if (info.valueTruncated || info.nameTruncated) refusal ??= { kind: 'field-too-large', field: name };
    else fields.set(name, value);
  });
  parser.on('file', (name, stream, info) => {
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
    });
    stream.on('limit', () => {
      refusal ??= { kind: 'file-too-large', field: name };
    });
    stream.on('end', () =>
      files.push({ field: name, filename: info.filename ?? '', mimeType: info.mimeType, size }),
    );
  });
  const tooMany = () => {
    refusal ??= { kind: 'too-many-parts' };
  };
  parser.on('fieldsLimit', tooMany);
  parser.on('filesLimit', tooMany);

  return new Promise((resolve, reject) => {
    const onClientGone = () => {
      if (!req.complete) reject(new Error('The client closed the connection before sending the whole body.'));
    };
    req.once('close', onClientGone);
    parser.once('error', () => {
      req.off('close', onClientGone);
      req.unpipe(parser);
      // Read and drop the rest so the answer can be written on this connection.
      req.resume();
      resolve({ kind: 'malformed' });
    });
    parser.once('finish', () => {
      req.off('close', onClientGone);
      resolve(refusal ?? { kind: 'form', form: { fields: Object.fromEntries(fields), files } });
    });
    req.pipe(parser);
  });
}
