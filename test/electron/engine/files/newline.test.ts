import { describe, expect, it } from 'vitest';

import { sniffNewline } from '../../../../electron/engine/files/newline';

describe('sniffNewline', () => {
  it('takes the first line break outside quotes', () => {
    expect(sniffNewline('a;b\r\nc;d')).toBe('\r\n');
    expect(sniffNewline('a;b\nc;d')).toBe('\n');
    expect(sniffNewline('a;b\rc;d')).toBe('\r');
    expect(sniffNewline('a;"x\ny"\r\nc;d')).toBe('\r\n');
  });

  it('waits for more text when there is no complete line yet', () => {
    expect(sniffNewline('a;b')).toBeNull();
    expect(sniffNewline('a;b\r')).toBeNull();
  });
});
