import { readZipEntry } from './xlsx-zip';
import type { ZipEntry } from './zip-directory';

export interface XmlHandlers {
  /** `name` without its namespace prefix (`x:row` → `row`: some writers prefix every tag). */
  open(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** A tag or a piece of text longer than this is not in any sane spreadsheet part (Excel caps a
 * cell at 32,767 characters): the part is damaged or hostile, and buffering on would not end. */
const MAX_TOKEN_CHARS = 1024 * 1024;

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (_, entity: string) => {
    if (entity[0] !== '#') return NAMED[entity]!;
    const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/**
 * A streaming XML scanner for the parts of a workbook: elements, attributes, text, CDATA and the
 * five entities plus character references; comments, processing instructions and doctypes are
 * skipped. No tree, no validation beyond what reading needs: spreadsheet parts are machine
 * written and regular, and this is several times faster than a general SAX parser on them.
 * Throws on a token that never ends (see MAX_TOKEN_CHARS) or text left over at the end.
 */
export class XmlScanner {
  private rest = '';

  constructor(private readonly handlers: XmlHandlers) {}

  write(chunk: string): this {
    const text = this.rest.length > 0 ? this.rest + chunk : chunk;
    const { handlers } = this;
    const length = text.length;
    let at = 0;
    while (at < length) {
      const lt = text.indexOf('<', at);
      if (lt < 0) break;
      if (lt > at && handlers.text) handlers.text(decodeEntities(text.slice(at, lt)));
      at = lt;
      const next = text.charCodeAt(lt + 1);
      let end: number;
      if (next === 47 /* / */) {
        end = text.indexOf('>', lt);
        if (end < 0) break;
        handlers.close?.(localName(text.slice(lt + 2, end).trim()));
        at = end + 1;
      } else if (next === 63 /* ? */) {
        end = text.indexOf('?>', lt);
        if (end < 0) break;
        at = end + 2;
      } else if (next === 33 /* ! */) {
        if (text.startsWith('<!--', lt)) {
          end = text.indexOf('-->', lt);
          if (end < 0) break;
          at = end + 3;
        } else if (text.startsWith('<![CDATA[', lt)) {
          end = text.indexOf(']]>', lt);
          if (end < 0) break;
          handlers.text?.(text.slice(lt + 9, end));
          at = end + 3;
        } else {
          end = text.indexOf('>', lt);
          if (end < 0) break;
          at = end + 1;
        }
      } else {
        end = tagEnd(text, lt + 1);
        if (end < 0) break;
        this.openTag(text, lt + 1, end);
        at = end + 1;
      }
    }
    this.rest = at < length ? text.slice(at) : '';
    if (this.rest.length > MAX_TOKEN_CHARS) throw new Error('XML token too large');
    return this;
  }

  end(): void {
    if (this.rest.trim() !== '') throw new Error('XML ends inside a tag');
    this.rest = '';
  }

  private openTag(text: string, start: number, end: number): void {
    const selfClosing = text.charCodeAt(end - 1) === 47;
    const stop = selfClosing ? end - 1 : end;
    let i = start;
    while (i < stop && !isSpace(text.charCodeAt(i))) i++;
    const name = localName(text.slice(start, i));
    const attributes: Record<string, string> = {};
    while (i < stop) {
      while (i < stop && isSpace(text.charCodeAt(i))) i++;
      const nameStart = i;
      while (i < stop && text.charCodeAt(i) !== 61 /* = */ && !isSpace(text.charCodeAt(i))) i++;
      const key = text.slice(nameStart, i);
      while (i < stop && text.charCodeAt(i) !== 34 && text.charCodeAt(i) !== 39) i++;
      if (i >= stop) break;
      const quote = text[i]!;
      const close = text.indexOf(quote, i + 1);
      if (close < 0 || close > stop) throw new Error('unterminated attribute');
      attributes[key] = decodeEntities(text.slice(i + 1, close));
      i = close + 1;
    }
    this.handlers.open(name, attributes);
    if (selfClosing) this.handlers.close?.(name);
  }
}

/** Index of the `>` closing a start tag, quotes respected; -1 when not in `text` yet. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62 /* > */) return i;
    else if (c === 34 || c === 39) quote = c;
  }
  return -1;
}

/** Parses a whole zip entry through `handlers` (the workbook's small parts and shared strings). */
export async function parseXmlEntry(path: string, entry: ZipEntry, handlers: XmlHandlers): Promise<void> {
  const scanner = new XmlScanner(handlers);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of readZipEntry(path, entry)) scanner.write(decoder.decode(chunk, { stream: true }));
  scanner.write(decoder.decode()).end();
}
