import { describe, expect, it } from 'vitest';

import { reportLabel } from '../../../../electron/engine/reports/report-labels';
import { FAILURE_CLASSES } from '../../../../shared/errors/failure-class';
import { LANGS } from '../../../../shared/lang';
import { catalog } from '../../../../shared/messages/catalog';
import { TARGET_IDS } from '../../../../shared/targets/target-ids';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();

describe('report texts', () => {
  const reportEntries = Object.entries(catalog).filter(([code]) => code.startsWith('report.'));

  it.each(reportEntries)(
    '%s has a Spanish and an English text with the same placeholders',
    (_code, texts) => {
      expect(texts.es.trim()).not.toBe('');
      expect(texts.en.trim()).not.toBe('');
      expect(placeholders(texts.es)).toEqual(placeholders(texts.en));
    },
  );

  it('labels every outcome, failure class, job status and target in both languages', () => {
    const keys = {
      outcome: ['failed', 'uncertain', 'skipped', 'ok', 'pending'],
      kind: [...FAILURE_CLASSES, 'validation'],
      status: ['running', 'paused', 'waiting-quota', 'stopped', 'cancelled', 'finished'],
      target: [...TARGET_IDS],
    } as const;
    for (const lang of LANGS) {
      for (const [group, list] of Object.entries(keys) as [keyof typeof keys, readonly string[]][]) {
        for (const key of list)
          expect(reportLabel(lang, group, key), `${lang} ${group}.${key}`).not.toBe(key);
      }
    }
  });

  it('shows a key it has no label for as it is', () => {
    expect(reportLabel('es', 'kind', 'something-new')).toBe('something-new');
  });
});
