/** The codes of an Excel number format's first section, without its literal parts: "quoted
 * text", \escaped characters, _ and * padding, and [Red] / [$-409] brackets (the elapsed-time
 * brackets [h] [mm] [ss] are kept). */
function formatCodes(format: string): string {
  const firstSection = format.split(';')[0] ?? '';
  return firstSection.replace(/"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]/gi, '');
}

export function isDateFormat(format: string | undefined): boolean {
  return !!format && /[dmyhs]/i.test(formatCodes(format));
}

export function isScientificFormat(format: string | undefined): boolean {
  return !!format && /E[+-]/i.test(formatCodes(format));
}

/** Digits a `0000000000` format pads integers to: ids and phone numbers whose leading zeros
 * Excel keeps only in the display. 0 for any other format. */
export function zeroPadWidth(format: string | undefined): number {
  if (!format) return 0;
  const codes = formatCodes(format).trim();
  return /^0+$/.test(codes) && codes.length > 1 ? codes.length : 0;
}
