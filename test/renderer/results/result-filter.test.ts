import { describe, expect, it } from 'vitest';

import { DEFAULT_FILTER, toResultFilter } from '../../../renderer/results/result-filter';

describe('toResultFilter', () => {
  it('starts with the rows that did not go in', () => {
    expect(toResultFilter(DEFAULT_FILTER, 'es')).toEqual({ outcomes: ['failed', 'uncertain'] });
  });

  it('leaves out empty choices and trims the text', () => {
    expect(toResultFilter({ outcomes: [], classes: ['row', 'validation'], text: '  Cali ' }, 'es')).toEqual({
      classes: ['row', 'validation'],
      text: 'Cali',
      lang: 'es',
    });
    expect(toResultFilter({ outcomes: [], classes: [], text: ' ' }, 'en')).toEqual({});
  });
});
