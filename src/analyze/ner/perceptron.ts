/**
 * A multi-class averaged perceptron over sparse string features (Collins 2002). Training keeps running totals so
 * that averaging costs nothing per update; the trained model keeps only the averaged weights.
 */

/** Averaged weights, per feature one weight per class (classes in the order of `classes`). */
export interface PerceptronWeights {
  classes: string[];
  weights: Map<string, Float32Array>;
}

export class PerceptronTrainer {
  readonly classes: string[];
  private readonly classIndex = new Map<string, number>();
  private readonly current = new Map<string, Float64Array>();
  private readonly totals = new Map<string, Float64Array>();
  private readonly stamps = new Map<string, Float64Array>();
  private instances = 0;

  constructor(classes: string[]) {
    this.classes = classes;
    classes.forEach((c, i) => this.classIndex.set(c, i));
  }

  /** Scores with the current (not averaged) weights, as training needs. */
  predict(features: string[]): number {
    return argmax(scoreWith(this.current, this.classes.length, features));
  }

  /** One training step: if the guess is wrong, the truth's weights go up and the guess's down. */
  update(features: string[], truth: string, guess: number): void {
    this.instances++;
    const t = this.classIndex.get(truth);
    if (t === undefined) throw new Error(`unknown class ${truth}`);
    if (t === guess) return;
    for (const f of features) {
      this.bump(f, t, 1);
      this.bump(f, guess, -1);
    }
  }

  classOf(name: string): number {
    const i = this.classIndex.get(name);
    if (i === undefined) throw new Error(`unknown class ${name}`);
    return i;
  }

  private bump(feature: string, cls: number, delta: number): void {
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
    const weights = new Map<string, Float32Array>();
    const n = this.classes.length;
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
      if (largest >= minWeight) weights.set(feature, avg);
    }
    return { classes: this.classes, weights };
  }
}

export function scoreWith(weights: Map<string, ArrayLike<number>>, classCount: number, features: string[]): Float64Array {
  const scores = new Float64Array(classCount);
  for (const f of features) {
    const w = weights.get(f);
    if (!w) continue;
    for (let c = 0; c < classCount; c++) scores[c] += w[c];
  }
  return scores;
}

export function argmax(scores: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c] > scores[best]) best = c;
  return best;
}
