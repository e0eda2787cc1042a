/** u32 words per slot: the first 8 bytes of a row's hash, and how many times it was seen. */
const WORDS = 3;
const MAX_LOAD = 0.75;

/**
 * How many times each row hash came up so far in one pass over a file, in one typed array
 * (12 bytes a slot). Identical rows in a file are numbered by this, so each is its own row:
 * the second of two identical rows is not mistaken for the first one already sent. 8 bytes of
 * a SHA-256 make a false match among a million rows a one-in-ten-million-million event.
 */
export class OccurrenceCounter {
  private slots = new Uint32Array(1024 * WORDS);
  private mask = 1023;
  private count = 0;

  /** Room for `hashes` without growing: a pass that knows its row count sizes the table once,
   * instead of doubling it (each doubling copies every slot and leaves the old array to the GC). */
  reserve(hashes: number): void {
    let capacity = this.mask + 1;
    while (hashes > capacity * MAX_LOAD) capacity *= 2;
    if (capacity > this.mask + 1) this.grow(capacity);
  }

  /** 0 the first time the hash whose first two u32 words are `a` and `b` is seen, then 1, 2… */
  next(a: number, b: number): number {
    if (this.count + 1 > (this.mask + 1) * MAX_LOAD) this.grow();
    for (let slot = a & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * WORDS;
      const seen = this.slots[at + 2] ?? 0;
      if (seen === 0) {
        this.slots[at] = a;
        this.slots[at + 1] = b;
        this.slots[at + 2] = 1;
        this.count++;
        return 0;
      }
      if (this.slots[at] === a && this.slots[at + 1] === b) {
        this.slots[at + 2] = seen + 1;
        return seen;
      }
    }
  }

  private grow(capacity = (this.mask + 1) * 2): void {
    const old = this.slots;
    this.slots = new Uint32Array(capacity * WORDS);
    this.mask = capacity - 1;
    for (let at = 0; at < old.length; at += WORDS) {
      const seen = old[at + 2] ?? 0;
      if (seen === 0) continue;
      const a = old[at] ?? 0;
      let slot = a & this.mask;
      while ((this.slots[slot * WORDS + 2] ?? 0) !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * WORDS] = a;
      this.slots[slot * WORDS + 1] = old[at + 1] ?? 0;
      this.slots[slot * WORDS + 2] = seen;
    }
  }
}
