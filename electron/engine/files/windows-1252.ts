/**
 * Windows-1252 is Latin-1 except for 0x80–0x9F, where it puts 27 printable characters (€, “, ”,
 * …) and leaves 5 bytes undefined (kept as the C1 controls of the same code, as browsers do, so
 * every character maps back to its byte). The WHATWG TextDecoder decodes it natively, in one pass;
 * where it gets that range wrong or lacks the encoding (some Node builds decode it as Latin-1,
 * builds without full ICU have no 'windows-1252'), text is decoded as native Latin-1 and only the
 * few characters of that range are then replaced.
 */
// prettier-ignore
const CODE_POINTS = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];
const HIGH_C1: Record<string, string> = {};
const BYTE_OF: Map<string, number> = new Map();
CODE_POINTS.forEach((code, i) => {
  HIGH_C1[String.fromCharCode(0x80 + i)] = String.fromCharCode(code);
  BYTE_OF.set(String.fromCharCode(code), 0x80 + i);
});
const C1_RANGE = /[\x80-\x9f]/g;
const HAS_C1 = /[\x80-\x9f]/;
const CONTINUATION = `[\\xa0-\\xbf${CODE_POINTS.map((code) => `\\u${code.toString(16).padStart(4, '0')}`).join('')}]`;

/** Text decoded as Windows-1252 that holds a multi-byte UTF-8 character (`Ã©` for `é`). */
export const UTF8_AS_WINDOWS_1252 = new RegExp(
  `[\\xc2-\\xdf]${CONTINUATION}|[\\xe0-\\xef]${CONTINUATION}{2}|[\\xf0-\\xf4]${CONTINUATION}{3}`,
);

/** Windows-1252 text of `bytes` by native Latin-1 and replacing 0x80–0x9F: where the native
 * decoder cannot be trusted (exported so that tests hold both to the same table). */
export function decodeWindows1252ByLatin1(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  return HAS_C1.test(text) ? text.replace(C1_RANGE, (c) => HIGH_C1[c]!) : text;
}

/** This runtime's native Windows-1252 decoder, when it decodes all of 0x80–0x9F as the table says. */
function trustedNativeDecoder(): { decode(bytes: Uint8Array): string } | null {
  try {
    const decoder = new TextDecoder('windows-1252');
    const high = Uint8Array.from(CODE_POINTS, (_, i) => 0x80 + i);
    return decoder.decode(high) === String.fromCharCode(...CODE_POINTS) ? decoder : null;
  } catch {
    return null;
  }
}

const NATIVE = trustedNativeDecoder();

/** Windows-1252 text of `bytes` (every byte is one character: no state across chunks). About 4×
 * faster natively than by Latin-1 and replacing, which makes a second pass over the text. */
export function decodeWindows1252(bytes: Buffer): string {
  return NATIVE ? NATIVE.decode(bytes) : decodeWindows1252ByLatin1(bytes);
}

/** The bytes `text` was decoded from (the inverse of decodeWindows1252). */
export function encodeWindows1252(text: string): Buffer {
  const bytes = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[i] = code <= 0xff ? code : (BYTE_OF.get(text[i]!) ?? 0x3f);
  }
  return bytes;
}

/** Leads of the UTF-8 characters of Spanish and Latin text (é ñ ¿ are C3/C2 …, “ ” € are E2 …):
 * bytes almost never followed by continuation bytes in Windows-1252 text (`Ã`, `Â`, `â`). */
const COMMON_UTF8_LEADS = [0xc3, 0xc2, 0xe2];

/**
 * Offset of the first UTF-8 character of Spanish or Latin text in `bytes`, or -1: what betrays
 * UTF-8 lines in a Windows-1252 file. Searched byte by byte at memory speed (memchr), not by
 * decoding, since it runs on every chunk of such files.
 */
export function firstUtf8Hint(bytes: Buffer, from = 0): number {
  let first = -1;
  for (const lead of COMMON_UTF8_LEADS) {
    for (
      let at = bytes.indexOf(lead, from);
      at !== -1 && (first === -1 || at < first);
      at = bytes.indexOf(lead, at + 1)
    ) {
      const length = lead >= 0xe0 ? 3 : 2;
      if (at + length > bytes.length) break;
      if ((bytes[at + 1]! & 0xc0) === 0x80 && (length === 2 || (bytes[at + 2]! & 0xc0) === 0x80)) {
        first = at;
        break;
      }
    }
  }
  return first;
}
