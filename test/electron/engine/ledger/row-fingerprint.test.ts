import { createHash, randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { CanonicalWriter, RowFingerprinter } from '../../../../electron/engine/ledger/row-fingerprint';
import type { MappedRecord } from '../../../../shared/mapping/mapped-record';

/** The fingerprint as the ledgers on disk were written: field pairs sorted, JSON, keyed SHA-256. */
function reference(key: Buffer, destination: string, record: MappedRecord, occurrence: number): Buffer {
  const sorted = (values: Record<string, string>) =>
    Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const text = JSON.stringify([sorted(record.fields), sorted(record.custom)]);
  const base = createHash('sha256').update(key).update(destination).update('\0').update(text).digest();
  if (occurrence === 0) return base.subarray(0, 16);
  const n = Buffer.alloc(4);
  n.writeUInt32LE(occurrence);
  return createHash('sha256').update(base).update(n).digest().subarray(0, 16);
}

const RECORDS: MappedRecord[] = [
  { fields: { tel1: '3001234567', customer_name: 'Ana', city: 'Bogotá' }, custom: {} },
  { fields: { description: 'Dijo "no funciona";\nrevisar\t\\ mañana 😀' }, custom: { Ciudad: 'Cúcuta' } },
  { fields: { '10': 'diez', '2': 'dos', b: 'x', a: 'y' }, custom: { Zona: 'Norte', Área: 'Sur' } },
  { fields: { description: 'ñ'.repeat(5000), note: '\ud800 suelto' }, custom: {} },
  { fields: { a: '\u0000\u001f\u007f\u2028 €', b: '\udc00', c: '😀\ud83d' }, custom: { '"x"': 'y\\' } },
  { fields: {}, custom: {} },
];

describe('RowFingerprinter', () => {
  it('gives every row the fingerprint the ledgers on disk were written with', () => {
    const key = randomBytes(32);
    const destination = 'wolkvox-campaign|https://crm0000.wolkvox.com|1001';
    const fingerprinter = new RowFingerprinter(key, destination);
    for (const record of RECORDS) {
      expect(fingerprinter.fingerprint(record).toString('hex')).toBe(
        reference(key, destination, record, 0).toString('hex'),
      );
    }
  });

  it('numbers identical rows, whatever the order of their fields', () => {
    const key = randomBytes(32);
    const fingerprinter = new RowFingerprinter(key, 'd');
    const record = RECORDS[0]!;
    const reordered: MappedRecord = {
      fields: { city: 'Bogotá', customer_name: 'Ana', tel1: '3001234567' },
      custom: {},
    };
    const first = fingerprinter.fingerprint(record);
    const second = fingerprinter.fingerprint(reordered);
    const third = fingerprinter.fingerprint(record);
    expect(first.equals(reference(key, 'd', record, 0))).toBe(true);
    expect(second.equals(reference(key, 'd', record, 1))).toBe(true);
    expect(third.equals(reference(key, 'd', record, 2))).toBe(true);
    expect(new Set([first, second, third].map((fp) => fp.toString('hex'))).size).toBe(3);
  });

  it('writes the canonical form as JSON of the sorted pairs, after the prefix', () => {
    const writer = new CanonicalWriter(Buffer.from('key+destination\0'));
    for (const record of RECORDS) {
      const text = writer.after(record).toString('utf8');
      const sorted = (values: Record<string, string>) =>
        Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      expect(text).toBe(`key+destination\0${JSON.stringify([sorted(record.fields), sorted(record.custom)])}`);
    }
  });

  it('keeps the canonical form exact when records of different names alternate', () => {
    const sorted = (values: Record<string, string>) =>
      Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // Same names in another order, a name more, a name less, then the first again.
    const shapes: MappedRecord[] = [
      ...RECORDS,
      { fields: { city: 'Cali', tel1: '1', customer_name: 'Luis' }, custom: {} },
      { fields: { city: 'Cali', tel1: '1', customer_name: 'Luis', extra: 'e' }, custom: { Zona: 'Sur' } },
      { fields: { city: 'Cali', tel1: '1' }, custom: { Área: 'x', Zona: 'y' } },
      RECORDS[0]!,
    ];
    const writer = new CanonicalWriter(new Uint8Array(0));
    for (const record of [...shapes, ...shapes.reverse()]) {
      expect(writer.after(record).toString('utf8')).toBe(
        JSON.stringify([sorted(record.fields), sorted(record.custom)]),
      );
    }
  });

  it('encodes every kind of character as Buffer.from does the JSON text', () => {
    // Each UTF-8 length and its edges, what JSON escapes, pairs and lone surrogates of both kinds.
    const pool = [
      'a',
      '~',
      '\u007f',
      '\u0080',
      'é',
      '\u07ff',
      '\u0800',
      '€',
      '\uffff',
      '😀',
      '\ud83d',
      '\ude00',
      '"',
      '\\',
      '\n',
      '\u0000',
      '\u001f',
      ' ',
      ',',
      '[',
      ']',
    ];
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const text = () => Array.from({ length: random(12) }, () => pool[random(pool.length)]).join('');
    const writer = new CanonicalWriter(Buffer.from('k\0'));
    for (let i = 0; i < 2000; i++) {
      const record: MappedRecord = { fields: { [text()]: text(), b: text() }, custom: { [text()]: text() } };
      const sorted = (values: Record<string, string>) =>
        Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const expected = Buffer.from(`k\0${JSON.stringify([sorted(record.fields), sorted(record.custom)])}`);
      expect(writer.after(record).toString('hex')).toBe(expected.toString('hex'));
    }
  });
});
