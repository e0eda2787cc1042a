/** The CRC-32 table of zlib's polynomial (0xEDB88320, reflected). */
const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/**
 * zlib's CRC-32 of `bytes[start, end)`, the same number `zlib.crc32` gives. The ledger checks one
 * 32-byte unit per row written or read: in JavaScript a unit costs a few dozen table steps, where
 * a call into zlib for each costs more than the sum itself (a 100k-row batch of appends, a
 * million-row ledger read at start).
 */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = -1;
  for (let i = start; i < end; i++) c = (TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)) | 0;
  return (c ^ -1) >>> 0;
}
