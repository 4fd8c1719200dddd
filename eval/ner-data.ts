import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tagsToSpans, type TaggedDocument, type TaggedSentence } from '../src/analyze/ner/tagger.js';
import { DATA as SHARED_DATA } from '../bench/corpus.js';

/**
 * Readers for the named-entity data sets in ../shared/data (see its README), each mapped onto IOB2 tags over the
 * four types PER, ORG, LOC, MISC. Labels outside those types (dates, jobs, GermEval's derived and part-of names)
 * become O, and each reader says so where it decides.
 */

export interface NerDataSet {
  name: string;
  lang: string;
  documents: TaggedDocument[];
  /** How the set's labels were mapped, for the evaluation's printout. */
  mapping: string;
}

const TYPE_OF: Record<string, string> = { PER: 'PER', PERS: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC', OTH: 'MISC', EVT: 'MISC', PRO: 'MISC' };

/** IOB1 or IOB2 labels with any type names → IOB2 over PER/ORG/LOC/MISC (unknown types → O). */
function normalizeTags(labels: string[]): string[] {
  const out: string[] = [];
  labels.forEach((label, i) => {
    const m = /^([BI])-(.+)$/.exec(label);
    const type = m ? TYPE_OF[m[2]] : undefined;
    if (!m || !type) {
      out.push('O');
      return;
    }
    const previous = out[i - 1] ?? 'O';
    const continues = m[1] === 'I' && previous !== 'O' && previous.slice(2) === type;
    out.push(`${continues ? 'I' : 'B'}-${type}`);
  });
  return out;
}

/** Blank-line separated sentences of whitespace/tab columns; `docStart` marks document breaks. */
function readColumns(path: string, tokenColumn: number, tagColumn: number, docStart: RegExp | null, sentencesPerDocument = Infinity): TaggedDocument[] {
  const documents: TaggedDocument[] = [];
  let doc: TaggedDocument = [];
  let tokens: string[] = [];
  let labels: string[] = [];
  const endSentence = () => {
    if (tokens.length) doc.push({ tokens, tags: normalizeTags(labels) });
    tokens = [];
    labels = [];
    if (doc.length >= sentencesPerDocument) endDocument();
  };
  const endDocument = () => {
    if (doc.length) documents.push(doc);
    doc = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (docStart?.test(line)) {
      endSentence();
      endDocument();
      continue;
    }
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    if (line.startsWith('#')) continue;
    const cols = line.split(/\t| /);
    tokens.push(cols[tokenColumn]);
    labels.push(cols[tagColumn] ?? 'O');
  }
  endSentence();
  endDocument();
  return documents;
}

/** NER-UK: token and tag columns, documents of 20 sentences, punctuation detached as articles are tokenized. */
function readNerUk(path: string): TaggedDocument[] {
  return readColumns(path, 0, 1, null, 20).map((doc) => doc.map(detachPunctuation));
}

const EDGE_PUNCTUATION = /^([«„“"(\[]*)(.*?)([»“”")\],.;:!?]*)$/su;
const OPENING_OF: Record<string, string> = { '»': '«', '“': '„', '”': '“', '"': '"', ')': '(', ']': '[' };

/**
 * NER-UK writes punctuation attached to words ("Києва,", "«Магнат»"); articles are tokenized with each punctuation
 * mark apart, as the other sets are, so the tagger must learn from that. A mark at the edge of a name is outside it
 * ("«Імпульс»" is the name Імпульс), unless it closes a quotation opened inside the name ("ПАТ «НВП Радій»").
 */
export function detachPunctuation(sentence: TaggedSentence): TaggedSentence {
  const tokens: string[] = [];
  const tags: string[] = [];
  sentence.tokens.forEach((token, i) => {
    const m = EDGE_PUNCTUATION.exec(token);
    const [lead, core, trail] = m && /[\p{L}\p{N}]/u.test(m[2]) ? [m[1], m[2], m[3]] : ['', token, ''];
    const type = sentence.tags[i] === 'O' ? null : sentence.tags[i].slice(2);
    let first = sentence.tags[i].startsWith('B-');
    for (const piece of [...lead, core, ...trail]) {
      tokens.push(piece);
      tags.push(type ? `${first ? 'B' : 'I'}-${type}` : 'O');
      first = false;
    }
  });
  for (const span of tagsToSpans(tags)) {
    let start = span.start;
    let end = span.end;
    while (start < end && !/[\p{L}\p{N}]/u.test(tokens[start])) tags[start++] = 'O';
    while (end > start && !/[\p{L}\p{N}]/u.test(tokens[end - 1])) {
      const mark = tokens[end - 1];
      const opening = OPENING_OF[mark];
      const inside = tokens.slice(start, end - 1);
      const closesOne = opening !== undefined && (opening === mark ? inside.filter((t) => t === mark).length % 2 === 1 : inside.filter((t) => t === opening).length > inside.filter((t) => t === mark).length);
      if (closesOne) break;
      tags[--end] = 'O';
    }
    if (start < end) tags[start] = `B-${span.type}`;
  }
  return { tokens, tags };
}

export function readConll2003(path: string): TaggedDocument[] {
  return readColumns(path, 0, 3, /^-DOCSTART-/);
}

/**
 * The training copy is `token<TAB>tag` without document marks, its sentences in the original order: runs of
 * consecutive sentences stand in for documents (CoNLL-2003 documents average 15 sentences), so that the
 * document-level features see about as much text in training as in use.
 */
export function readConll2003Training(path: string): TaggedDocument[] {
  return readColumns(path, 0, 1, null, 15);
}

/**
 * Span types that name an object, per object type, as the set's own track-1 scorer weighs them
 * (dialent/config.py, `Tables.QUALITY`): descriptors ("фонд", "министр"), jobs and geographic adjectives are part
 * of an object's markup but no part of its name, and the scorer gives their tokens no weight.
 */
const NAMING_SPANS: Record<string, Set<string>> = {
  PER: new Set(['name', 'surname', 'patronymic', 'nickname']),
  ORG: new Set(['org_name', 'loc_name']),
  LOC: new Set(['org_name', 'loc_name']),
};

/**
 * factRuEval-2016 standoff: an object (Person, Org, Location, LocOrg) is a set of spans. Its mention runs from the
 * first to the last token of the spans that name it, and an object with no such span ("фонда", "российский") is
 * no named mention: the track-1 scorer skips both, so the descriptors are not asked of a tagger of names. LocOrg
 * counts as LOC, as in the usual reading of the task; Project objects are left out.
 */
export function readFactRuEval(dir: string): TaggedDocument[] {
  const OBJECT_TYPES: Record<string, string> = { Person: 'PER', Org: 'ORG', Location: 'LOC', LocOrg: 'LOC' };
  const names = readdirSync(dir).filter((n) => n.endsWith('.tokens')).map((n) => n.slice(0, -'.tokens'.length)).sort();
  return names.map((name) => {
    const sentences: { ids: string[]; tokens: string[] }[] = [];
    let current = { ids: [] as string[], tokens: [] as string[] };
    for (const line of readFileSync(join(dir, `${name}.tokens`), 'utf8').split('\n')) {
      if (line.trim() === '') {
        if (current.ids.length) sentences.push(current);
        current = { ids: [], tokens: [] };
        continue;
      }
      const [id, , , ...text] = line.split(' ');
      current.ids.push(id);
      current.tokens.push(text.join(' '));
    }
    if (current.ids.length) sentences.push(current);
    const spans = new Map<string, { type: string; tokens: string[] }>();
    for (const line of readFileSync(join(dir, `${name}.spans`), 'utf8').split('\n')) {
      const [head, refs] = line.split('#');
      const fields = head.trim().split(' ');
      if (fields.length < 6 || !refs) continue;
      const count = Number(fields[5]);
      spans.set(fields[0], { type: fields[1], tokens: refs.trim().split(' ').slice(0, count) });
    }
    const position = new Map<string, [number, number]>();
    sentences.forEach((s, si) => s.ids.forEach((id, ti) => position.set(id, [si, ti])));
    const tags = sentences.map((s) => s.tokens.map(() => 'O'));
    const objectsText = readFileSync(join(dir, `${name}.objects`), 'utf8');
    const mentions: { sentence: number; start: number; end: number; type: string }[] = [];
    for (const line of objectsText.split('\n')) {
      const fields = line.split('#')[0].trim().split(' ');
      const type = OBJECT_TYPES[fields[1]];
      if (!type) continue;
      const naming = fields.slice(2).flatMap((id) => {
        const span = spans.get(id);
        return span && NAMING_SPANS[type].has(span.type) ? span.tokens : [];
      });
      const places = naming.map((id) => position.get(id)).filter((p): p is [number, number] => p !== undefined);
      if (places.length === 0) continue;
      const sentence = places[0][0];
      const inSentence = places.filter((p) => p[0] === sentence).map((p) => p[1]);
      mentions.push({ sentence, start: Math.min(...inSentence), end: Math.max(...inSentence) + 1, type });
    }
    // Nested objects (an Org inside a LocOrg's span) cannot both be flat tags: the longer mention wins.
    mentions.sort((a, b) => b.end - b.start - (a.end - a.start));
    for (const m of mentions) {
      const row = tags[m.sentence];
      if (row.slice(m.start, m.end).some((t) => t !== 'O')) continue;
      for (let k = m.start; k < m.end; k++) row[k] = `${k === m.start ? 'B' : 'I'}-${m.type}`;
    }
    return sentences.map((s, i) => ({ tokens: s.tokens, tags: tags[i] }));
  });
}

/** Every evaluation set, with the part held out where a set also serves for training (see `heldOut`). */
export function nerEvaluationSets(): NerDataSet[] {
  const dir = join(SHARED_DATA, 'ner');
  return [
    { name: 'en CoNLL-2003 test B', lang: 'en', documents: readConll2003(join(dir, 'en-conll2003/eng.testb')), mapping: 'PER ORG LOC MISC' },
    { name: 'ru factRuEval-2016 test', lang: 'ru', documents: readFactRuEval(join(dir, 'ru-factrueval2016/testset')), mapping: 'Person, Org, Location+LocOrg → LOC; named spans only, as its track-1 scorer; no MISC' },
    { name: 'ru BSNLP-2019', lang: 'ru', documents: readColumns(join(dir, 'ru-bsnlp2019/test.conllu'), 1, 2, /^#DOCSTART/), mapping: 'PER ORG LOC MISC' },
    { name: 'uk NER-UK 2.0 (held-out 1/5)', lang: 'uk', documents: heldOut(readNerUk(join(dir, 'uk-ner-uk/test.iob'))).test, mapping: 'PERS ORG LOC MISC; dates, jobs, money… → O' },
    { name: 'de GermEval-2014 (held-out 1/5)', lang: 'de', documents: heldOut(readColumns(join(dir, 'de-germeval2014/test.tsv'), 1, 2, null, 1)).test, mapping: 'outer PER ORG LOC, OTH → MISC; *deriv, *part → O' },
    { name: 'es CoNLL-2002 (held-out 1/5)', lang: 'es', documents: heldOut(readColumns(join(dir, 'es-conll2002/test.conllu'), 1, 2, null, 1)).test, mapping: 'PER ORG LOC MISC' },
    { name: 'pl BSNLP-2019 (held-out 1/5)', lang: 'pl', documents: heldOut(readColumns(join(dir, 'pl-bsnlp2019/test.conllu'), 1, 2, /^#DOCSTART/)).test, mapping: 'PER ORG LOC MISC' },
  ];
}

/** Training documents per language: the sets under ../shared/data/train, and the other 4/5 of the sets without one. */
export function nerTrainingSets(): Record<string, TaggedDocument[]> {
  const ner = join(SHARED_DATA, 'ner');
  const train = join(SHARED_DATA, 'train/ner');
  return {
    en: [...readConll2003Training(join(train, 'en-conll2003/train.bio.tsv')), ...readConll2003Training(join(train, 'en-conll2003/valid.bio.tsv'))],
    ru: readFactRuEval(join(train, 'ru-factrueval2016/devset')),
    uk: heldOut(readNerUk(join(ner, 'uk-ner-uk/test.iob'))).train,
    de: heldOut(readColumns(join(ner, 'de-germeval2014/test.tsv'), 1, 2, null, 1)).train,
    es: heldOut(readColumns(join(ner, 'es-conll2002/test.conllu'), 1, 2, null, 1)).train,
    pl: heldOut(readColumns(join(ner, 'pl-bsnlp2019/test.conllu'), 1, 2, /^#DOCSTART/)).train,
  };
}

/**
 * For sets with no training part: every fifth document (by position: documents 0, 5, 10, …) is held out for
 * evaluation and the rest may train. Position, not content, decides, so the split is the same on every machine.
 */
export function heldOut(documents: TaggedDocument[]): { train: TaggedDocument[]; test: TaggedDocument[] } {
  return { train: documents.filter((_, i) => i % 5 !== 0), test: documents.filter((_, i) => i % 5 === 0) };
}
