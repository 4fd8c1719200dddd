import type { FeatureVector } from './cluster.js';

/**
 * Document frequencies of features over the articles seen so far, for inverse-document-frequency weighting: a
 * feature every story has ("said", a frequent country) should not be what joins two articles.
 */
export class DocumentFrequencies {
  /**
   * `counting`: how many times a weighed article's own features are counted on top of `counts`, 1 when it is weighed
   * as if it were already stored (streaming TF-IDF).
   */
  constructor(
    private readonly counts: Map<string, number> = new Map(),
    private documents = 0,
    private readonly counting = 0,
  ) {}

  get size(): number {
    return this.documents;
  }

  /** Smoothed IDF: log((N + 1) / (df + 1)) + 1, so an unseen feature weighs most and none weighs zero. */
  idf(feature: string): number {
    return Math.log((this.documents + 1) / ((this.counts.get(feature) ?? 0) + this.counting + 1)) + 1;
  }

  add(vector: FeatureVector): void {
    this.documents++;
    for (const feature of vector.keys()) this.counts.set(feature, (this.counts.get(feature) ?? 0) + 1);
  }

  /** `vector` weighted by IDF and scaled to unit length. */
  weigh(vector: FeatureVector): FeatureVector {
    const out: FeatureVector = new Map();
    let norm = 0;
    for (const [feature, weight] of vector) {
      const w = weight * this.idf(feature);
      out.set(feature, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [feature, w] of out) out.set(feature, w / norm);
    return out;
  }
}
