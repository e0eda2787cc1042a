/** Length of `bytes` without a multi-byte character cut off at its end (a sample's or a chunk's
 * end rarely falls between characters; the cut part belongs to the next piece). */
export function completeUtf8Length(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let i = end - 1; i >= 0 && i >= end - 4; i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0x80) return end;
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return end - i >= size ? end : i;
  }
  return end;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const extra = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (extra === 0 || i + extra >= bytes.length) return i;
    const second = bytes[i + 1]!;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return i;
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    for (let k = 1; k <= extra; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return -1;
}
