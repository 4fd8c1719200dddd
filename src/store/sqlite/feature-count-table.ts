/**
 * Counts by 32-bit feature hash in two typed arrays (open addressing, linear probing): the document frequencies of a
 * whole archive held in memory at 8 bytes a slot, and looked up without a query or a Map. A hash of 0 marks an empty
 * slot, so a feature hashing to 0 is kept under 1 (one feature in four billion shares another's count).
 */
export class FeatureCountTable {
  private keys: Int32Array;
  private counts: Int32Array;
  private used = 0;

  constructor(expected = 1024) {
    const slots = slotsFor(expected);
    this.keys = new Int32Array(slots);
    this.counts = new Int32Array(slots);
  }

  get size(): number {
    return this.used;
  }

  /** Resident bytes of the two arrays. */
  get bytes(): number {
    return this.keys.byteLength + this.counts.byteLength;
  }

  get(hash: number): number {
    const key = hash || 1;
    const mask = this.keys.length - 1;
    for (let slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
      const k = this.keys[slot];
      if (k === key) return this.counts[slot];
      if (k === 0) return 0;
    }
  }

  add(hash: number, count: number): void {
    const key = hash || 1;
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    for (let slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
      const k = this.keys[slot];
      if (k === key) {
        this.counts[slot] += count;
        return;
      }
      if (k === 0) {
        this.keys[slot] = key;
        this.counts[slot] = count;
        this.used++;
        return;
      }
    }
  }

  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.counts = new Int32Array(keys.length * 2);
    this.used = 0;
    for (let slot = 0; slot < keys.length; slot++) if (keys[slot] !== 0) this.add(keys[slot], counts[slot]);
  }
}

/** A power of two at least twice `expected`: the table stays at most half full. */
function slotsFor(expected: number): number {
  let slots = 16;
  while (slots < expected * 2) slots *= 2;
  return slots;
}

/** The feature hashes are already mixed; a multiply spreads runs of nearby hashes over the slots all the same. */
function mix(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 0;
}
