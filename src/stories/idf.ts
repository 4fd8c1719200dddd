import type { FeatureVector } from './cluster.js';
import { scoringVectorOf, type ScoringVector } from './scoring-vector.js';

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

  /** `weigh(vector)` in scoring form, without the intermediate feature map: this runs for every article placed. */
  weighForScoring(vector: FeatureVector): ScoringVector {
    const { features, weights } = this.unitWeights(vector);
    return scoringVectorOf(features, weights);
  }

  /** `vector` weighted by IDF and scaled to unit length. */
  weigh(vector: FeatureVector): FeatureVector {
    const { features, weights } = this.unitWeights(vector);
    return new Map(features.map((feature, i) => [feature, weights[i]]));
  }

  /** The features of `vector` and their IDF-weighted weights, scaled to unit length. */
  private unitWeights(vector: FeatureVector): { features: string[]; weights: Float64Array } {
    const features = [...vector.keys()];
    const weights = new Float64Array(features.length);
    let norm = 0;
    let i = 0;
    for (const weight of vector.values()) {
      const w = weight * this.idf(features[i]);
      weights[i++] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < weights.length; k++) weights[k] /= norm;
    return { features, weights };
  }
}
