import { gunzipSync, gzipSync } from 'node:zlib';
import { contextFeatures, documentContext, isAllCapsSentence, remember, tokenFeatures, tokenView, wordFeatures, type TaggingContext, type TokenView } from './features.js';
import { argmax, PerceptronTrainer, scoreWith, type PerceptronWeights } from './perceptron.js';

/** The entity types the tagger knows; every data set's labels are mapped onto these. */
export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const NER_TYPES: NerType[] = ['PER', 'ORG', 'LOC', 'MISC'];
export const NER_TAGS = ['O', ...NER_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

/** A sentence with its gold tags (IOB2), for training and evaluation. */
export interface TaggedSentence {
  tokens: string[];
  tags: string[];
}

/** One document's sentences: document-level features (how a word is written elsewhere) need them together. */
export type TaggedDocument = TaggedSentence[];

/** A typed entity over tokens [start, end). */
export interface TokenSpan {
  start: number;
  end: number;
  type: NerType;
}

export interface NerModel {
  lang: string;
  weights: PerceptronWeights;
}

/** Tags every sentence of one document (each a list of token texts) with IOB2 tags. */
export function tagDocument(model: NerModel, sentences: string[][]): string[][] {
  const ctx = documentContext(sentences, model.lang);
  return sentences.map((tokens) => {
    const views = tokens.map(tokenView);
    const tags = tagSentence(model, views, ctx);
    remember(ctx, views, tags);
    return tags;
  });
}

function tagSentence(model: NerModel, tokens: TokenView[], ctx: TaggingContext): string[] {
  const { classes, weights } = model.weights;
  const allCaps = isAllCapsSentence(tokens);
  const tags: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const scores = scoreWith(weights, classes.length, contextFeatures(tokens, i, tags[i - 1] ?? '<s>', tags[i - 2] ?? '<s>', ctx, allCaps));
    const own = wordScores(model, tokens[i]);
    for (let c = 0; c < classes.length; c++) scores[c] += own[c];
    forbidInvalid(classes, scores, tags[i - 1] ?? 'O');
    tags.push(classes[argmax(scores)]);
  }
  return tags;
}

/** Scores of a word's own features, kept per model: common words recur in every article. */
const wordScoreCache = new WeakMap<NerModel, Map<string, Float64Array>>();
const WORD_CACHE_LIMIT = 100_000;

function wordScores(model: NerModel, token: TokenView): Float64Array {
  let cache = wordScoreCache.get(model);
  if (!cache) wordScoreCache.set(model, (cache = new Map()));
  let scores = cache.get(token.text);
  if (!scores) {
    scores = scoreWith(model.weights.weights, model.weights.classes.length, wordFeatures(token, model.lang));
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    cache.set(token.text, scores);
  }
  return scores;
}

/** An inside tag may only continue an entity of its own type (IOB2). */
function forbidInvalid(classes: string[], scores: Float64Array, previous: string): void {
  for (let c = 0; c < classes.length; c++) {
    const tag = classes[c];
    if (tag.startsWith('I-') && previous.slice(2) !== tag.slice(2)) scores[c] = -Infinity;
  }
}

/** Entities of a tag sequence; an inside tag without its beginning starts an entity (so IOB1 reads too). */
export function tagsToSpans(tags: string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | null = null;
  tags.forEach((tag, i) => {
    const type = tag === 'O' ? null : (tag.slice(2) as NerType);
    const begins = tag.startsWith('B-') || (type !== null && open?.type !== type);
    if (open && (type === null || begins)) {
      spans.push(open);
      open = null;
    }
    if (type !== null && !open) open = { start: i, end: i + 1, type };
    else if (open) open.end = i + 1;
  });
  if (open) spans.push(open);
  return spans;
}

export interface TrainingOptions {
  epochs: number;
  /** Seeded shuffling of documents between epochs, so a model is rebuilt bit for bit. */
  seed: number;
  minWeight: number;
  onEpoch?: (epoch: number, accuracy: number) => void;
}

/** Documents of one language; a model may learn from a related language's documents too (Ukrainian and Russian). */
export interface TrainingCorpus {
  lang: string;
  documents: TaggedDocument[];
}

/** Trains a tagger on documents, greedy left to right with its own previous guesses as history. */
export function trainTagger(lang: string, corpora: TrainingCorpus[], options: TrainingOptions): NerModel {
  const trainer = new PerceptronTrainer(NER_TAGS);
  const prepared = corpora.flatMap((corpus) =>
    corpus.documents.map((doc) => ({ ctx: documentContext(doc.map((s) => s.tokens), corpus.lang), sentences: doc.map((s) => ({ views: s.tokens.map(tokenView), tags: s.tags })) })),
  );
  const order = prepared.map((_, i) => i);
  let random = options.seed >>> 0 || 1;
  const next = () => {
    random ^= random << 13;
    random ^= random >>> 17;
    random ^= random << 5;
    return (random >>> 0) / 2 ** 32;
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    let correct = 0;
    let total = 0;
    for (const d of order) {
      const { ctx, sentences } = prepared[d];
      ctx.history.clear();
      for (const s of sentences) {
        const allCaps = isAllCapsSentence(s.views);
        const guesses: string[] = [];
        for (let i = 0; i < s.views.length; i++) {
          const features = tokenFeatures(s.views, i, guesses[i - 1] ?? '<s>', guesses[i - 2] ?? '<s>', ctx, allCaps);
          const guess = trainer.predict(features);
          trainer.update(features, s.tags[i], guess);
          if (NER_TAGS[guess] === s.tags[i]) correct++;
          total++;
          guesses.push(NER_TAGS[guess]);
        }
        remember(ctx, s.views, guesses);
      }
    }
    options.onEpoch?.(epoch, total ? correct / total : 1);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
  }
  return { lang, weights: trainer.averaged(options.minWeight) };
}

/** Weights are stored in thousandths: the model file stays small and reads back to the same tags. */
const SCALE = 1000;

interface ModelFile {
  format: 'parallax-ner-1';
  lang: string;
  classes: string[];
  /** feature → [class index, weight in thousandths, class index, weight, …] for the non-zero weights. */
  features: Record<string, number[]>;
}

export function serializeModel(model: NerModel): Buffer {
  const features: Record<string, number[]> = {};
  for (const [feature, w] of model.weights.weights) {
    const sparse: number[] = [];
    w.forEach((value, c) => {
      const q = Math.round(value * SCALE);
      if (q !== 0) sparse.push(c, q);
    });
    if (sparse.length) features[feature] = sparse;
  }
  const file: ModelFile = { format: 'parallax-ner-1', lang: model.lang, classes: model.weights.classes, features };
  return gzipSync(JSON.stringify(file), { level: 9 });
}

export function deserializeModel(bytes: Buffer, source: string): NerModel {
  const file = JSON.parse(gunzipSync(bytes).toString('utf8')) as ModelFile;
  if (file.format !== 'parallax-ner-1') throw new Error(`${source}: not a Parallax entity model (format ${String(file.format)})`);
  const weights = new Map<string, Float32Array>();
  const n = file.classes.length;
  for (const [feature, sparse] of Object.entries(file.features)) {
    const w = new Float32Array(n);
    for (let k = 0; k < sparse.length; k += 2) w[sparse[k]] = sparse[k + 1] / SCALE;
    weights.set(feature, w);
  }
  return { lang: file.lang, weights: { classes: file.classes, weights } };
}
