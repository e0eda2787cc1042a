/**
 * The file name a `Content-Disposition: attachment` header gives: RFC 6266's `filename*`
 * (UTF-8, percent-encoded) when present, else the plain `filename`. Null when there is none or
 * it is not an attachment.
 */
export function attachmentName(header: string | null): string | null {
  if (!header || !/^\s*attachment\s*(;|$)/i.test(header)) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return baseName(decodeURIComponent(extended[1].trim()));
    } catch {
      // A malformed escape: the plain name below still says what the file is.
    }
  }
  const plain = /filename\s*=\s*"((?:[^"\\]|\\.)*)"|filename\s*=\s*([^;\s]+)/i.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  return name ? baseName(name) : null;
}

/** A name, never a path: the browser decides where downloads go. */
function baseName(name: string): string | null {
  const base = name.split(/[/\\]/).pop()?.trim() ?? '';
  return base === '' ? null : base;
}
