import { describe, expect, it } from 'vitest';

import { separatorLine, sniffDelimiter } from '../../../../electron/engine/files/sniff-delimiter';

describe('sniffDelimiter', () => {
  it('picks the delimiter that splits lines most consistently', () => {
    expect(sniffDelimiter('a;b;c\n1,5;2,5;3\n4;5,25;6\n', '\n', true)).toBe(';');
    expect(sniffDelimiter('a,b\n"x;y",1\n"z;w",2\n', '\n', true)).toBe(',');
    expect(sniffDelimiter('a\tb, c\n1\t2, 3\n', '\n', true)).toBe('\t');
    expect(sniffDelimiter('a|b\n1|2\n', '\n', true)).toBe('|');
  });

  it('falls back to a comma for a single column', () => {
    expect(sniffDelimiter('Correo\nana@example.com\n', '\n', true)).toBe(',');
  });

  it('ignores the cut-off last line of a sample', () => {
    expect(sniffDelimiter('a;b\n1;2\n3;4\n5,6,7,8,9,10', '\n', false)).toBe(';');
  });
});

describe('separatorLine', () => {
  it('reads an Excel sep= first line', () => {
    expect(separatorLine('sep=;\r\na;b')).toBe(';');
    expect(separatorLine('SEP=|\na|b')).toBe('|');
    expect(separatorLine('sep=:\na:b')).toBeNull();
    expect(separatorLine('a;b\nsep=;')).toBeNull();
  });
});
