/** Characters that make Excel, LibreOffice or Sheets read a cell as a formula (OWASP "CSV
 * injection"): `=`, `+`, `-`, `@`, tab and carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a cell that would start a formula with an apostrophe, so a spreadsheet shows it as
 * text instead of running it. Costs a visible `'` on values such as `+57 300…` or `-2`; that is
 * the price of never letting an exported file run what a row carried. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
