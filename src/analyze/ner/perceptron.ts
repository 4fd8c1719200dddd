/**
 * A multi-class averaged perceptron over sparse hashed features (Collins 2002). Training keeps running totals so
 * that averaging costs nothing per update; the trained model keeps only the averaged weights.
 */

/**
 * Averaged weights as a table: a feature's row number, and the rows one after another, one weight per class (in
 * the order of `classes`). One flat array loads and scores faster than an array per feature.
 */
export interface PerceptronWeights {
  classes: string[];
  rows: FeatureRows;
  matrix: Float32Array;
}

/**
 * Feature hash → row number, by open addressing over typed arrays: scoring probes it for every feature of every
 * token, and a probe here costs a fraction of a Map lookup. Feature hashes are non-negative 30-bit numbers.
 */
export class FeatureRows {
  private readonly slots: Int32Array;
  private readonly rowsOfSlots: Int32Array;
  private readonly shift: number;
  /** The feature of each row, in row order. */
  readonly features: Int32Array;

  constructor(features: ArrayLike<number>) {
    let bits = 4;
    while (1 << bits < features.length * 2) bits++;
    this.shift = 32 - bits;
    this.slots = new Int32Array(1 << bits).fill(-1);
    this.rowsOfSlots = new Int32Array(1 << bits);
    this.features = Int32Array.from(features);
    const mask = (1 << bits) - 1;
    for (let row = 0; row < this.features.length; row++) {
      const feature = this.features[row];
      if (feature < 0) throw new Error(`feature hash ${feature} is negative`);
      let slot = this.slotOf(feature);
      while (this.slots[slot] !== -1 && this.slots[slot] !== feature) slot = (slot + 1) & mask;
      this.slots[slot] = feature;
      this.rowsOfSlots[slot] = row;
    }
  }

  get size(): number {
    return this.features.length;
  }

  private slotOf(feature: number): number {
    return Math.imul(feature, 0x9e3779b1) >>> this.shift;
  }

  /** The feature's row, or -1. */
  get(feature: number): number {
    const mask = this.slots.length - 1;
    for (let slot = this.slotOf(feature); ; slot = (slot + 1) & mask) {
      const held = this.slots[slot];
      if (held === feature) return this.rowsOfSlots[slot];
      if (held === -1) return -1;
    }
  }
}

export class PerceptronTrainer {
  readonly classes: string[];
  private readonly classIndex = new Map<string, number>();
  private readonly current = new Map<number, Float64Array>();
  private readonly totals = new Map<number, Float64Array>();
  private readonly stamps = new Map<number, Float64Array>();
  private instances = 0;

  constructor(classes: string[]) {
    this.classes = classes;
    classes.forEach((c, i) => this.classIndex.set(c, i));
  }

  /** Scores with the current (not averaged) weights, as training needs. */
  predict(features: number[]): number {
    const n = this.classes.length;
    const scores = new Float64Array(n);
    for (const f of features) {
      const w = this.current.get(f);
      if (w) for (let c = 0; c < n; c++) scores[c] += w[c];
    }
    return argmax(scores);
  }

  /** One training step: if the guess is wrong, the truth's weights go up and the guess's down. */
  update(features: number[], truth: string, guess: number): void {
    this.instances++;
    const t = this.classIndex.get(truth);
    if (t === undefined) throw new Error(`unknown class ${truth}`);
    if (t === guess) return;
    for (const f of features) {
      this.bump(f, t, 1);
      this.bump(f, guess, -1);
    }
  }

  private bump(feature: number, cls: number, delta: number): void {
    const n = this.classes.length;
    let w = this.current.get(feature);
    if (!w) {
      w = new Float64Array(n);
      this.current.set(feature, w);
      this.totals.set(feature, new Float64Array(n));
      this.stamps.set(feature, new Float64Array(n));
    }
    const totals = this.totals.get(feature)!;
    const stamps = this.stamps.get(feature)!;
    totals[cls] += (this.instances - stamps[cls]) * w[cls];
    stamps[cls] = this.instances;
    w[cls] += delta;
  }

  /** The averaged weights, with features whose largest weight is below `minWeight` left out. */
  averaged(minWeight: number): PerceptronWeights {
    const n = this.classes.length;
    const kept: [number, Float32Array][] = [];
    for (const [feature, w] of this.current) {
      const totals = this.totals.get(feature)!;
      const stamps = this.stamps.get(feature)!;
      const avg = new Float32Array(n);
      let largest = 0;
      for (let c = 0; c < n; c++) {
        const total = totals[c] + (this.instances - stamps[c]) * w[c];
        avg[c] = this.instances ? total / this.instances : 0;
        largest = Math.max(largest, Math.abs(avg[c]));
      }
      if (largest >= minWeight) kept.push([feature, avg]);
    }
    const matrix = new Float32Array(kept.length * n);
    kept.forEach(([, avg], row) => matrix.set(avg, row * n));
    return { classes: this.classes, rows: new FeatureRows(kept.map(([feature]) => feature)), matrix };
  }
}

/** Sums the weights of the features into `scores` (one per class). */
export function addScores(table: PerceptronWeights, features: readonly number[], scores: Float64Array): Float64Array {
  const n = table.classes.length;
  const { rows, matrix } = table;
  for (let k = 0; k < features.length; k++) {
    const row = rows.get(features[k]);
    if (row === -1) continue;
    const at = row * n;
    for (let c = 0; c < n; c++) scores[c] += matrix[at + c];
  }
  return scores;
}

export function argmax(scores: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c] > scores[best]) best = c;
  return best;
}
