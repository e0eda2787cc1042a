import { describe, expect, it } from 'vitest';

import {
  chosenPair,
  fieldOptions,
  fileValueRows,
  likelyOption,
  pairChoices,
  withPairConstant,
} from '../../../renderer/map/server-list-choices';
import type { ServerLists, Template } from '../../../shared/contract';

const lists: ServerLists = {
  caseTypes: [
    { categoryCode: 'RECL', categoryName: 'Reclamos', typeCode: 'FACT', typeName: 'Facturación' },
    { categoryCode: 'RECL', categoryName: 'Reclamos', typeCode: 'SERV', typeName: 'Servicio técnico' },
    { categoryCode: 'SOLI', categoryName: 'Solicitudes', typeCode: 'INFO', typeName: 'Información' },
  ],
  statuses: [
    { name: 'Creado', initial: true },
    { name: 'Cerrado', initial: false },
  ],
};

const template: Template = {
  version: 1,
  name: 't',
  target: 'thalamus-cases',
  connection: {},
  columns: { Categoría: 'categoryCode', Estado: 'status' },
  constants: {},
  valueMaps: { categoryCode: { Reclamos: 'RECL' } },
  dateFormats: {},
  file: {},
};

describe('the Map step’s choices from Thalamus’s lists', () => {
  it('offers category and type as valid pairs, grouped by category, with names and codes', () => {
    expect(pairChoices(lists)).toEqual([
      {
        group: 'Reclamos (RECL)',
        items: [
          { value: 'RECL\u0000FACT', label: 'Facturación (FACT)' },
          { value: 'RECL\u0000SERV', label: 'Servicio técnico (SERV)' },
        ],
      },
      { group: 'Solicitudes (SOLI)', items: [{ value: 'SOLI\u0000INFO', label: 'Información (INFO)' }] },
    ]);
  });

  it('sets both codes from one pair, and clears both together', () => {
    const chosen = withPairConstant(template, lists, 'SOLI\u0000INFO');
    expect(chosen.constants).toEqual({ categoryCode: 'SOLI', typeCode: 'INFO' });
    expect(chosenPair(chosen, lists)).toBe('SOLI\u0000INFO');
    expect(withPairConstant(chosen, lists, null).constants).toEqual({});
  });

  it('offers only initial statuses', () => {
    expect(fieldOptions(lists, 'status').map((option) => option.value)).toEqual(['Creado']);
  });

  it('shows each distinct file value with what is sent for it and whether Thalamus takes it', () => {
    const preview = [
      { Categoría: 'Reclamos' },
      { Categoría: 'SOLI' },
      { Categoría: 'Quejas' },
      { Categoría: 'SOLI ' },
    ];
    expect(fileValueRows(template, 'categoryCode', preview, fieldOptions(lists, 'categoryCode'))).toEqual([
      { value: 'Reclamos', sent: 'RECL', translated: true, valid: true },
      { value: 'SOLI', sent: 'SOLI', translated: false, valid: true },
      { value: 'Quejas', sent: 'Quejas', translated: false, valid: false },
    ]);
  });

  it('guesses the option a value names, by code or by name, ignoring case and accents', () => {
    const categories = fieldOptions(lists, 'categoryCode');
    expect(likelyOption('solicitudes', categories)?.value).toBe('SOLI');
    expect(likelyOption('recl', categories)?.value).toBe('RECL');
    expect(likelyOption('servicio tecnico', fieldOptions(lists, 'typeCode'))?.value).toBe('SERV');
    expect(likelyOption('Quejas', categories)).toBeNull();
  });
});
