import type { FeatureVector } from './cluster.js';
import { fnv1a, mix32 } from './fingerprint.js';

/**
 * A feature vector in the form scoring reads fastest and memory holds smallest: each feature as a 32-bit hash, in
 * ascending order, with its weight, and the vector's norm. A story's centroid kept this way takes a twentieth of the
 * memory of its object form, and a cosine is one merge walk over two arrays. Two features of one archive may share
 * a hash (about one pair in a billion): their weights then add up, a difference no score notices.
 */
export interface ScoringVector {
  readonly keys: Int32Array;
  readonly weights: Float64Array;
  readonly norm: number;
}

export function featureHash(feature: string): number {
  return mix32(fnv1a(feature)) | 0;
}

export function toScoringVector(vector: FeatureVector): ScoringVector {
  const pairs: [number, number][] = [];
  for (const feature in vector) pairs.push([featureHash(feature), vector[feature]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const keys = new Int32Array(pairs.length);
  const weights = new Float64Array(pairs.length);
  let n = 0;
  for (const [key, weight] of pairs) {
    if (n > 0 && keys[n - 1] === key) weights[n - 1] += weight;
    else {
      keys[n] = key;
      weights[n] = weight;
      n++;
    }
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i] * weights[i];
  return { keys: keys.slice(0, n), weights: weights.slice(0, n), norm: Math.sqrt(sum) };
}

/** The dot product of two vectors. */
export function dot(a: ScoringVector, b: ScoringVector): number {
  const { keys: ak, weights: aw } = a;
  const { keys: bk, weights: bw } = b;
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < ak.length && j < bk.length) {
    const x = ak[i];
    const y = bk[j];
    if (x === y) sum += aw[i++] * bw[j++];
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

export function scoringCosine(a: ScoringVector, b: ScoringVector): number {
  return dot(a, b) / (a.norm * b.norm || 1);
}
