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

/** Room for a feature's position below its hash in one double: hash × 2^20 + position stays an exact integer. */
const POSITIONS = 2 ** 20;

export function toScoringVector(vector: FeatureVector): ScoringVector {
  const features = Object.keys(vector);
  if (features.length >= POSITIONS) throw new Error(`a feature vector of ${features.length} features is too large to score`);
  // Hash and position packed into one number, so that a numeric sort of a typed array orders the features.
  const packed = new Float64Array(features.length);
  for (let i = 0; i < features.length; i++) packed[i] = featureHash(features[i]) * POSITIONS + i;
  packed.sort();
  const keys = new Int32Array(features.length);
  const weights = new Float64Array(features.length);
  let n = 0;
  let sum = 0;
  for (let i = 0; i < packed.length; i++) {
    const key = Math.floor(packed[i] / POSITIONS);
    const weight = vector[features[packed[i] - key * POSITIONS]];
    if (n > 0 && keys[n - 1] === key) weights[n - 1] += weight;
    else {
      keys[n] = key;
      weights[n] = weight;
      n++;
    }
  }
  for (let i = 0; i < n; i++) sum += weights[i] * weights[i];
  return n === features.length ? { keys, weights, norm: Math.sqrt(sum) } : { keys: keys.slice(0, n), weights: weights.slice(0, n), norm: Math.sqrt(sum) };
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
