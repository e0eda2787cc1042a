import { describe, expect, it } from 'vitest';

import { crmMessages } from '../../../shared/messages/crm-messages';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

describe('crm messages', () => {
  it('say the same things in Spanish and English', () => {
    for (const [code, texts] of Object.entries(crmMessages)) {
      expect(texts.es.trim(), code).not.toBe('');
      expect(texts.en.trim(), code).not.toBe('');
      expect(placeholders(texts.es), code).toEqual(placeholders(texts.en));
    }
  });

  it('exist for each explanation with the row, the column and the value', () => {
    const codes = Object.keys(crmMessages);
    for (const code of codes.filter((c) => /^crm\.(wolkvox|network|thalamus|response)\.[a-z-]+$/.test(c))) {
      expect(codes, code).toEqual(
        expect.arrayContaining([`${code}.at-row`, `${code}.at-cell`, `${code}.at-value`]),
      );
    }
  });
});
