const DAY_MS = 86_400_000;
/** Days from Excel's day 0 (1899-12-30 in the 1900 system) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const DATE_1904_OFFSET = 1462;

/** The date of an Excel serial number (days since 1899-12-30, or 1904-01-01 in 1904 workbooks),
 * as a UTC Date: Excel dates have no time zone. */
export function dateFromSerial(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DATE_1904_OFFSET : 0)) * DAY_MS));
}

/**
 * ISO text of an Excel date read as UTC: `2026-03-15`, `2026-03-15T10:30:00` when it has a
 * time, `10:30:00` for a time alone (day 0). Rounded to the second: Excel stores times as
 * fractions of a day, so 10:30 often comes back as 10:29:59.9999.
 */
export function isoFromExcelDate(date: Date): string {
  const ms = Math.round(date.getTime() / 1000) * 1000;
  if (!Number.isFinite(ms)) return '';
  const iso = new Date(ms).toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  if (day === '1899-12-30') return time;
  return time === '00:00:00' ? day : `${day}T${time}`;
}
