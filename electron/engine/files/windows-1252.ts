/**
 * Windows-1252 is Latin-1 except for 0x80–0x9F, where it puts 27 printable characters (€, “, ”,
 * …) and leaves 5 bytes undefined. Decoding as Latin-1 is native and as fast as copying; only
 * the few characters of that range are then replaced, and only in text that holds any.
 */
const HIGH_C1: Record<string, string> = {};
// prettier-ignore
const CODE_POINTS = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];
CODE_POINTS.forEach((code, i) => (HIGH_C1[String.fromCharCode(0x80 + i)] = String.fromCharCode(code)));
const C1_RANGE = /[\x80-\x9f]/g;
const HAS_C1 = /[\x80-\x9f]/;

/** Windows-1252 text of `bytes` (every byte is one character: no state across chunks). */
export function decodeWindows1252(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  return HAS_C1.test(text) ? text.replace(C1_RANGE, (c) => HIGH_C1[c]!) : text;
}
