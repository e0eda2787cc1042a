import type { HttpRequest } from './target-adapter';

export interface RequestDescription {
  method: HttpRequest['method'];
  url: string;
  body: string;
}

const MASK = '****';

/**
 * A request as the operator sees it in the preview: the URL, and the body as readable text
 * (form fields as `name: value` lines, JSON indented). Headers are left out, and any token value
 * or `token` query parameter is masked, so what is shown can be copied anywhere.
 */
export function describeRequest(request: HttpRequest): RequestDescription {
  const secrets = Object.entries(request.headers)
    .filter(([name, value]) => /token/i.test(name) && value !== '')
    .map(([, value]) => value);
  const contentType = headerValue(request.headers, 'content-type') ?? '';
  const text =
    request.body === undefined
      ? ''
      : typeof request.body === 'string'
        ? request.body
        : new TextDecoder().decode(request.body);
  const boundary = /^multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const body = boundary
    ? describeMultipart(text, boundary)
    : /json/i.test(contentType)
      ? describeJson(text)
      : text;
  return { method: request.method, url: mask(maskedUrl(request.url), secrets), body: mask(body, secrets) };
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

function describeMultipart(text: string, boundary: string): string {
  const lines: string[] = [];
  for (const part of text.split(`--${boundary}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const name = /name="([^"]*)"/.exec(part.slice(0, headerEnd))?.[1] ?? '';
    const value = part.slice(headerEnd + 4).replace(/\r\n$/, '');
    // A multi-line value (a description) stays readable under its name.
    lines.push(`${name}: ${value.replace(/\r?\n/g, '\n  ')}`);
  }
  return lines.join('\n');
}

function describeJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function maskedUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return url;
  const query = new URLSearchParams(url.slice(queryStart + 1));
  let masked = false;
  for (const key of [...query.keys()]) {
    if (/token/i.test(key)) {
      query.set(key, MASK);
      masked = true;
    }
  }
  return masked ? `${url.slice(0, queryStart)}?${query.toString()}` : url;
}

function mask(text: string, secrets: string[]): string {
  return secrets.reduce((result, secret) => result.split(secret).join(MASK), text);
}
