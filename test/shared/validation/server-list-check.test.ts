import { describe, expect, it } from 'vitest';

import type { ServerLists } from '../../../shared/contract';
import { compileMapping } from '../../../shared/mapping/compile-mapping';
import { formatMessage } from '../../../shared/messages/catalog';
import { serverListMessages } from '../../../shared/messages/server-list-messages';
import { templateSchema } from '../../../shared/template';
import { OPTIONS_NAMED, withServerListCheck } from '../../../shared/validation/server-list-check';

const template = templateSchema.parse({
  name: 't',
  target: 'thalamus-cases',
  columns: { Parte: 'party', Categoría: 'categoryCode', Tipo: 'typeCode', Estado: 'status' },
});
const columns = ['Parte', 'Categoría', 'Tipo', 'Estado'];

function lists(pairs: number): ServerLists {
  return {
    caseTypes: Array.from({ length: pairs }, (_, i) => ({
      categoryCode: `C${i}`,
      categoryName: `Categoría ${i}`,
      typeCode: `T${i}`,
      typeName: `Tipo ${i}`,
    })),
    statuses: [{ name: 'Creado', initial: true }],
  };
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('withServerListCheck', () => {
  it('accepts a valid pair and an empty status, refuses a pair from two different options', () => {
    const mapping = withServerListCheck(compileMapping(template, columns), lists(3), template);
    expect(mapping.mapRow(['p', 'C1', 'T1', ''], 0, 2).problems).toEqual([]);
    expect(mapping.mapRow(['p', 'C1', 'T2', ''], 1, 3).problems.map((p) => p.code)).toEqual([
      'not-in-server-list',
    ]);
  });

  it('does not judge a row twice: a missing category is only "required"', () => {
    const mapping = withServerListCheck(compileMapping(template, columns), lists(3), template);
    expect(mapping.mapRow(['p', '', 'T1', 'Creado'], 0, 2).problems.map((p) => p.code)).toEqual([
      'required-missing',
    ]);
  });

  it('names the first options and how many more, so a long list never floods a message', () => {
    const mapping = withServerListCheck(compileMapping(template, columns), lists(40), template);
    const [problem] = mapping.mapRow(['p', 'X', 'Y', ''], 0, 2).problems;
    const text = formatMessage('en', problem!.message);
    expect(text).toContain(`C${OPTIONS_NAMED - 1}/T${OPTIONS_NAMED - 1}`);
    expect(text).not.toContain(`C${OPTIONS_NAMED}/T${OPTIONS_NAMED}`);
    expect(text).toContain(`(+${40 - OPTIONS_NAMED})`);
  });

  it('checks nothing against a list the server left empty', () => {
    const empty = { caseTypes: [], statuses: [] };
    const mapping = withServerListCheck(compileMapping(template, columns), empty, template);
    expect(mapping.mapRow(['p', 'X', 'Y', 'Z'], 0, 2).problems).toEqual([]);
  });

  it('has every text in Spanish and English with the same placeholders', () => {
    for (const [code, texts] of Object.entries(serverListMessages))
      expect(placeholders(texts.es), code).toEqual(placeholders(texts.en));
  });
});
