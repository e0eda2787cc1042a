import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import { readZipEntry } from './xlsx-zip';
import type { ZipEntry } from './zip-directory';

export interface XmlHandlers {
  /** `name` without its namespace prefix (`x:row` → `row`: some writers prefix every tag). */
  open(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** A streaming XML parser over `handlers`: text in, events out, no tree built. */
export function createXmlParser(handlers: XmlHandlers): SaxesParser<{ xmlns: false; position: false }> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes));
  if (handlers.text) {
    const text = handlers.text;
    parser.on('text', text);
    parser.on('cdata', text);
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  return parser;
}

/** Parses a whole zip entry through `handlers` (the workbook's small parts and shared strings). */
export async function parseXmlEntry(path: string, entry: ZipEntry, handlers: XmlHandlers): Promise<void> {
  const parser = createXmlParser(handlers);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of readZipEntry(path, entry)) parser.write(decoder.decode(chunk, { stream: true }));
  parser.write(decoder.decode());
  parser.close();
}
