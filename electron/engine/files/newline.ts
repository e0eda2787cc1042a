export type Newline = '\r\n' | '\n' | '\r';

/**
 * The line break of the first line that ends outside quotes (a header cell may hold a quoted
 * newline, and Excel writes those as a bare LF inside CRLF files). Null when the text holds no
 * complete line yet, or ends on a CR that may be the first half of a CRLF.
 */
export function sniffNewline(text: string): Newline | null {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && c === 10) return '\n';
    else if (!inQuotes && c === 13) {
      if (i + 1 >= text.length) return null;
      return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
    }
  }
  return null;
}
