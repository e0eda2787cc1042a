import { describe, expect, it } from 'vitest';

import { multipartBody } from '../../../../electron/engine/crm/multipart-body';
import { multipartFields } from './multipart-fields';

describe('a multipart/form-data body of text fields', () => {
  it('reads back with a real parser: every field, in order, values byte for byte', async () => {
    const fields: [string, string][] = [
      ['operation', 'mi_operacion'],
      ['description', 'Cobro doble.\r\nSegunda línea — con «comillas» y "dobles"'],
      ['empty', ''],
      ['form', '{"Categoría Éxito":"Sí"}'],
    ];
    const { contentType, body } = multipartBody(fields);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
    expect(await multipartFields(contentType, body)).toEqual(fields);
  });

  it('escapes a quote or a line break in a field name, as browsers do, so it cannot break the part', async () => {
    const { contentType, body } = multipartBody([
      ['a"b', '1'],
      ['c\r\nd', '2'],
    ]);
    expect(await multipartFields(contentType, body)).toEqual([
      ['a%22b', '1'],
      ['c%0D%0Ad', '2'],
    ]);
  });

  it('draws a new boundary for every body', () => {
    const boundary = () => multipartBody([['x', 'y']]).contentType;
    expect(boundary()).not.toBe(boundary());
  });
});
