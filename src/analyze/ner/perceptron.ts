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
  rows: Map<number, number>;
  matrix: Float32Array;
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
    const rows = new Map<number, number>();
    kept.forEach(([feature, avg], row) => {
      rows.set(feature, row);
      matrix.set(avg, row * n);
    });
    return { classes: this.classes, rows, matrix };
  }
}

/** Sums the weights of the features into `scores` (one per class). */
export function addScores(table: PerceptronWeights, features: number[], scores: Float64Array): Float64Array {
  const n = table.classes.length;
  for (const f of features) {
    const row = table.rows.get(f);
    if (row === undefined) continue;
    const at = row * n;
    for (let c = 0; c < n; c++) scores[c] += table.matrix[at + c];
  }
  return scores;
}

export function argmax(scores: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c] > scores[best]) best = c;
  return best;
}
