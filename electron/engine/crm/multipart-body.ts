import { randomBytes } from 'node:crypto';

/**
 * A multipart/form-data body of text fields, built in memory. Only T1 sends one: encoding it
 * here, rather than through the `form-data` package, spares every command the ~55 ms of CPU
 * that package's loading costs at start (its MIME database), T3 and `--help` included.
 */
export interface MultipartBody {
  contentType: string;
  body: Buffer;
}

/** Field names as browsers escape them (WHATWG HTML, "multipart/form-data encoding"). */
function escapeName(name: string): string {
  return name.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}

export function multipartBody(fields: ReadonlyArray<readonly [name: string, value: string]>): MultipartBody {
  // Random, as long as the one the `form-data` package made: a value that held it would cut the
  // field short, and 96 random bits make that a non-event.
  const boundary = `--------------------------${randomBytes(12).toString('hex')}`;
  let text = '';
  for (const [name, value] of fields) {
    text += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value}\r\n`;
  }
  text += `--${boundary}--\r\n`;
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.from(text, 'utf8') };
}
