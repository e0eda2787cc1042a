import { describe, expect, it } from 'vitest';

import { reviewMapping } from '../../../renderer/map/mapping-blockers';
import type { Connection, Template } from '../../../shared/contract';

const connection: Connection = {
  id: 'c1',
  name: 'CRM',
  target: 'wolkvox-crm-cases',
  server: 'crm0001.wolkvox.com',
  operation: 'ventas',
};
const FILE = ['Asunto', 'Estado', 'Prioridad', 'Correo', 'Resp'];

function template(patch: Partial<Template> = {}): Template {
  return {
    version: 1,
    name: 'casos',
    target: 'wolkvox-crm-cases',
    connection: { server: 'crm0001.wolkvox.com', operation: 'ventas' },
    columns: {},
    constants: {},
    valueMaps: {},
    dateFormats: {},
    file: {},
    ...patch,
  };
}

const blockedFields = (review: ReturnType<typeof reviewMapping>) =>
  review.blocking.map((problem) => problem.params?.field);

describe('reviewMapping: the Map step judges a mapping as the engine compiles it', () => {
  it('lists required fields with no column and no constant', () => {
    const review = reviewMapping(
      template({ columns: { Asunto: 'description', Estado: 'status' } }),
      connection,
      FILE,
    );
    expect(blockedFields(review)).toEqual(['case-type', 'responsible', 'owner', 'contact', 'priority']);
  });

  it('counts a constant and the connection’s operation as values', () => {
    const filled = template({
      columns: {
        Asunto: 'description',
        Estado: 'status',
        Prioridad: 'priority',
        Correo: 'contact',
        Resp: 'responsible',
      },
      constants: { 'case-type': 'Request', owner: 'admin@ventas' },
    });
    expect(reviewMapping(filled, connection, FILE).blocking).toEqual([]);
    const { operation: _operation, ...withoutOperation } = connection;
    expect(blockedFields(reviewMapping(filled, withoutOperation, FILE))).toEqual(['operation']);
  });

  it('does not count an empty constant', () => {
    const review = reviewMapping(template({ constants: { 'case-type': ' ' } }), connection, FILE);
    expect(blockedFields(review)).toContain('case-type');
  });

  it('blocks what the engine blocks and a field count alone would miss', () => {
    // A column the file does not have provides nothing, and a constant the CRM refuses is no value.
    const review = reviewMapping(
      template({
        columns: { Asunto: 'description', 'Columna que no está': 'status' },
        constants: { priority: 'Urgentísima' },
      }),
      connection,
      FILE,
    );
    expect(blockedFields(review)).toEqual(expect.arrayContaining(['status', 'priority']));
    expect(review.warnings.map((problem) => problem.code)).toContain('mapping.column-not-in-file');
  });

  it('blocks a Thalamus case without its party, category or type', () => {
    const review = reviewMapping(
      { ...template(), target: 'thalamus-cases', connection: { touchpoint: 'tp-1' } },
      { id: 't', name: 'T', target: 'thalamus-cases', server: 'sandbox', touchpoint: 'tp-1' },
      ['Documento'],
    );
    expect(blockedFields(review)).toEqual(['party', 'categoryCode', 'typeCode']);
  });
});
