import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../../paths.js';
import { deserializeModel, type NerModel } from './tagger.js';

/** Trained entity models, one file per language (built by `npm run train:ner`). */
export const NER_MODEL_DIR = join(DATA_DIR, 'ner');

const loaded = new Map<string, NerModel | null>();

/** The language's model, or null when none was trained for it (the rule-based recognizer then stands alone). */
export function nerModel(lang: string): NerModel | null {
  if (!loaded.has(lang)) {
    const path = join(NER_MODEL_DIR, `${lang}.ner.gz`);
    loaded.set(lang, existsSync(path) ? deserializeModel(readFileSync(path), path) : null);
  }
  return loaded.get(lang) ?? null;
}
