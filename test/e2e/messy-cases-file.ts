/**
 * The spreadsheet an operator really gets: exported by Excel in Spanish (Windows-1252, `;`,
 * CRLF), a title row above the header, Spanish statuses, priorities and case types, a quoted
 * cell holding the delimiter, and a few bad rows. Users and contacts come from the sandbox's
 * seeded data, so every other row goes in.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import iconv from 'iconv-lite';

import { SANDBOX_DEFAULTS } from '../../electron/sandbox/sandbox';

export const MESSY_FILE_NAME = 'casos marzo 2026.csv';
export const TITLE_ROW = 'Reporte de casos - marzo 2026';
export const HEADER = [
  'Tipo de caso',
  'Responsable',
  'Propietario',
  'Correo contacto',
  'Descripción',
  'Estado',
  'Prioridad',
  'Ciudad',
  'Fecha cierre',
  'Teléfono',
] as const;
type Column = (typeof HEADER)[number];

const [ADMIN, ANA, CARLOS, LAURA, JORGE] = SANDBOX_DEFAULTS.users;
const CONTACTS = SANDBOX_DEFAULTS.contacts;

/** A user the sandbox CRM does not have: it answers 404 REVIEW… for this row. */
export const UNKNOWN_RESPONSIBLE = 'pedro.suarez@demo';
/** The fix the operator types in the results. */
export const KNOWN_RESPONSIBLE = ANA;
/** A status no built-in map knows: the operator maps it to `open` in the Map step. */
export const OWN_STATUS = 'En proceso';

/** Spreadsheet row numbers (as Excel shows them: the title is row 1, the header row 2). */
export const ROWS = {
  first: 3,
  quotedDelimiter: 4,
  unknownResponsible: 5,
  missingDescription: 6,
  impossibleDate: 7,
  ownStatus: 9,
  last: 9,
} as const;

const DATA: Record<Column, string>[] = [
  row(
    'Solicitud',
    ANA,
    ADMIN,
    0,
    'Falla en facturación de la línea fija',
    'Abierto',
    'Alta',
    'Bogotá',
    '15/03/2026',
    '300 123 4567',
  ),
  row(
    'Queja',
    CARLOS,
    ADMIN,
    1,
    'Cobro doble; el cliente pide la devolución',
    'Abierto',
    'Media',
    'Cúcuta',
    '20/03/2026',
    '3109876543',
  ),
  row(
    'Reclamo',
    UNKNOWN_RESPONSIBLE,
    ADMIN,
    2,
    'No llegó el técnico a la cita acordada',
    'Abierto',
    'Alta',
    'Medellín',
    '18/03/2026',
    '3205551234',
  ),
  row('Sugerencia', LAURA, ADMIN, 3, '', 'Abierto', 'Baja', 'Cali', '22/03/2026', '3001112233'),
  row(
    'Solicitud',
    JORGE,
    ADMIN,
    4,
    'Cambio de titular a nombre de la señora Muñoz',
    'Cerrado',
    'Media',
    'Bogotá',
    '31/02/2026',
    '3014445566',
  ),
  row(
    'Queja',
    ANA,
    LAURA,
    5,
    'La señal se cae en Cúcuta desde el lunes',
    'Abierto',
    'Alta',
    'Cúcuta',
    '25/03/2026',
    '3157778899',
  ),
  row(
    'Solicitud',
    CARLOS,
    ADMIN,
    6,
    'Actualizar la dirección de facturación (año 2026)',
    OWN_STATUS,
    'Baja',
    'Bogotá',
    '28/03/2026',
    '6017654321',
  ),
];

function row(
  type: string,
  responsible: string | undefined,
  owner: string | undefined,
  contact: number,
  description: string,
  status: string,
  priority: string,
  city: string,
  closing: string,
  phone: string,
): Record<Column, string> {
  return {
    'Tipo de caso': type,
    Responsable: responsible ?? '',
    Propietario: owner ?? '',
    'Correo contacto': CONTACTS[contact] ?? '',
    Descripción: description,
    Estado: status,
    Prioridad: priority,
    Ciudad: city,
    'Fecha cierre': closing,
    Teléfono: phone,
  };
}

/** The cells of a data row by spreadsheet row number. */
export function cellsAt(rowNumber: number): Record<Column, string> {
  const found = DATA[rowNumber - ROWS.first];
  if (!found) throw new Error(`the messy file has no row ${rowNumber}`);
  return found;
}

export const DATA_ROWS = DATA.length;

function csvCell(cell: string): string {
  return /[";\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Writes the file as Excel in Spanish would: Windows-1252 bytes, `;`, CRLF. */
export function writeMessyCasesFile(dir: string): string {
  const lines = [
    TITLE_ROW + ';'.repeat(HEADER.length - 1),
    HEADER.join(';'),
    ...DATA.map((cells) => HEADER.map((column) => csvCell(cells[column])).join(';')),
  ];
  const path = join(dir, MESSY_FILE_NAME);
  writeFileSync(path, iconv.encode(lines.join('\r\n') + '\r\n', 'win1252'));
  return path;
}
