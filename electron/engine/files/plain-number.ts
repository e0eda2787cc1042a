/**
 * A number as a CRM should receive it: at most 15 significant digits, all Excel keeps (so binary
 * noise like 0.30000000000000004 becomes 0.3), and never an exponent (3001234567, not 3.001234567e9).
 */
export function plainNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  if (!Number.isFinite(value)) return String(value);
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toExponential(14).split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  if (digits === '') return '0';
  const point = Number(exponent) + 1;
  const text =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return value < 0 ? `-${text}` : text;
}
