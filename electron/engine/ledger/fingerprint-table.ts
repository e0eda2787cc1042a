/** u32 words per slot: a 16-byte fingerprint and the reference of the job that sent it. */
const WORDS = 5;
const MAX_LOAD = 0.75;
const MIN_CAPACITY = 1024;

/**
 * A set of 16-byte fingerprints, each with a non-zero u32 reference, in one typed array with
 * open addressing (linear probing). Fingerprints are already uniform hashes, so their first
 * word is the slot. 20 bytes a slot and at most 3/4 full: a million fingerprints take 42 MB
 * (2^21 slots), where a Map of strings would take several times that.
 */
export class FingerprintTable {
  private slots: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 0) {
    const capacity = capacityFor(expected);
    this.slots = new Uint32Array(capacity * WORDS);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table itself. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  /** Room for `count` fingerprints in all without growing (see OccurrenceCounter.reserve). */
  reserve(count: number): void {
    const capacity = capacityFor(count);
    if (capacity > this.mask + 1) this.grow(capacity);
  }

  /** The reference stored with this fingerprint, or 0 when it is not in the table. */
  get(fp: Uint8Array): number {
    const a = word(fp, 0);
    const b = word(fp, 4);
    const c = word(fp, 8);
    const d = word(fp, 12);
    const slots = this.slots;
    for (let slot = a & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * WORDS;
      const ref = slots[at + 4] ?? 0;
      if (ref === 0) return 0;
      if (slots[at] === a && slots[at + 1] === b && slots[at + 2] === c && slots[at + 3] === d) return ref;
    }
  }

  /** Adds the fingerprint with `ref` (non-zero); false when it was already there (its first reference is kept). */
  add(fp: Uint8Array, ref: number): boolean {
    if (ref === 0) throw new RangeError('A fingerprint reference cannot be 0');
    if (this.count + 1 > (this.mask + 1) * MAX_LOAD) this.grow();
    return this.insert(this.slots, this.mask, word(fp, 0), word(fp, 4), word(fp, 8), word(fp, 12), ref);
  }

  private insert(
    slots: Uint32Array,
    mask: number,
    a: number,
    b: number,
    c: number,
    d: number,
    ref: number,
  ): boolean {
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const at = slot * WORDS;
      if ((slots[at + 4] ?? 0) === 0) {
        slots[at] = a;
        slots[at + 1] = b;
        slots[at + 2] = c;
        slots[at + 3] = d;
        slots[at + 4] = ref;
        this.count++;
        return true;
      }
      if (slots[at] === a && slots[at + 1] === b && slots[at + 2] === c && slots[at + 3] === d) return false;
    }
  }

  private grow(capacity = (this.mask + 1) * 2): void {
    const old = this.slots;
    this.slots = new Uint32Array(capacity * WORDS);
    this.mask = capacity - 1;
    this.count = 0;
    for (let at = 0; at < old.length; at += WORDS) {
      const ref = old[at + 4] ?? 0;
      if (ref !== 0)
        this.insert(
          this.slots,
          this.mask,
          old[at] ?? 0,
          old[at + 1] ?? 0,
          old[at + 2] ?? 0,
          old[at + 3] ?? 0,
          ref,
        );
    }
  }
}

function capacityFor(expected: number): number {
  let capacity = MIN_CAPACITY;
  while (capacity * MAX_LOAD < expected) capacity *= 2;
  return capacity;
}

/** Little-endian u32 at `offset`, without allocating. */
export function word(bytes: Uint8Array, offset: number): number {
  return (
    ((bytes[offset] ?? 0) |
      ((bytes[offset + 1] ?? 0) << 8) |
      ((bytes[offset + 2] ?? 0) << 16) |
      ((bytes[offset + 3] ?? 0) << 24)) >>>
    0
  );
}
