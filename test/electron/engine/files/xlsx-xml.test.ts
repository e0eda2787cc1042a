import { describe, expect, it } from 'vitest';

import { XmlScanner } from '../../../../electron/engine/files/xlsx-xml';

function events(pieces: readonly string[]): string[] {
  const seen: string[] = [];
  const scanner = new XmlScanner({
    open: (name, attributes) => seen.push(`<${name} ${JSON.stringify(attributes)}`),
    text: (text) =>
      seen.at(-1)?.startsWith('"')
        ? (seen[seen.length - 1] = JSON.stringify(JSON.parse(seen.at(-1)!) + text))
        : seen.push(JSON.stringify(text)),
    close: (name) => seen.push(`</${name}`),
  });
  for (const piece of pieces) scanner.write(piece);
  scanner.end();
  return seen;
}

const DOC =
  '<?xml version="1.0"?>\n<!-- a comment with <tags> --><x:worksheet xmlns:x="urn"><x:row r="1" spans="1:2"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> Peña &amp; Cía &lt;S.A.&gt; &#233;&#x1F600; </t></is></c><c r=\'B1\' note="a>b"/><c><v><![CDATA[<crudo> & ya]]></v></c></x:row></x:worksheet>';

describe('XmlScanner', () => {
  it('reads elements, attributes, entities, CDATA and prefixed names, skipping comments and declarations', () => {
    expect(events([DOC])).toEqual([
      '"\\n"',
      '<worksheet {"xmlns:x":"urn"}',
      '<row {"r":"1","spans":"1:2"}',
      '<c {"r":"A1","t":"inlineStr"}',
      '<is {}',
      '<t {"xml:space":"preserve"}',
      JSON.stringify(' Peña & Cía <S.A.> é😀 '),
      '</t',
      '</is',
      '</c',
      '<c {"r":"B1","note":"a>b"}',
      '</c',
      '<c {}',
      '<v {}',
      JSON.stringify('<crudo> & ya'),
      '</v',
      '</c',
      '</row',
      '</worksheet',
    ]);
  });

  it('gives the same events whatever the chunk boundaries', () => {
    const whole = events([DOC]);
    expect(events([...DOC])).toEqual(whole);
    for (let cut = 1; cut < DOC.length; cut += 7)
      expect(events([DOC.slice(0, cut), DOC.slice(cut)])).toEqual(whole);
  });

  it('refuses a document cut inside a tag, and a tag that never ends', () => {
    expect(() => events(['<row><c r="A1'])).toThrow();
    const scanner = new XmlScanner({ open: () => undefined });
    expect(() => {
      for (let i = 0; i < 40; i++) scanner.write(`<c r="${'A'.repeat(64 * 1024)}`);
    }).toThrow('XML token too large');
  });
});
