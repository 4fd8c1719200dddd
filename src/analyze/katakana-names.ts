import type { EntityType, TextDoc } from '../model/types.js';
import { conceptsOf } from '../text/concepts.js';
import { KATAKANA_RUN } from '../text/translit.js';
import type { Lexicon } from './lexicon.js';
import { nameParts } from './names.js';
import { sentenceRuns } from './unspaced-names.js';
import { nameWord, type Word } from './words.js';

/** A foreign name written in katakana, as the words of its parts. */
export interface KatakanaName {
  words: Word[];
  type: EntityType;
}

const MAX_NAME_PARTS = 4;

/**
 * Foreign names in katakana ("カニエ・ウェスト", "クドロー氏"). Japanese writes them with no capitals for the
 * capitalization rules and has no statistical model here, but its script marks them: a run of two to four katakana
 * parts joined by a middle dot is a person's name unless every part is a loanword the bilingual lexicon knows
 * ("コロナ・ウイルス", then it is no name at all); a single katakana word followed by a title or honorific of the
 * language's data file (`personSuffixes`: 氏, 大統領) is a person too. Other single katakana words are mostly
 * loanwords: they become names only when they repeat part of a full name found in the article (the linker decides).
 * A name whose last part is a word organizations end in (`organizationWords`: ニュース, ユナイテッド) is one.
 */
export function katakanaNames(doc: TextDoc, sentence: number, lang: string, lex: Lexicon): KatakanaName[] {
  const { text, runs } = sentenceRuns(doc, sentence, KATAKANA_RUN);
  const names: KatakanaName[] = [];
  for (const { run, at, offset: runStart } of runs) {
    const parts = nameParts(run);
    if (parts.length > MAX_NAME_PARTS || parts.some((p) => p.length < 2 || /^ー/u.test(p))) continue;
    const words: Word[] = [];
    let offset = 0;
    for (const [k, part] of parts.entries()) {
      const partAt = run.indexOf(part, offset);
      words.push(nameWord(part, at + partAt, k === 0 && runStart === 0, k === 0 ? '' : run.slice(offset, partAt)));
      offset = partAt + part.length;
    }
    const after = text.slice(runStart + run.length);
    const titled = lex.personSuffixes.some((suffix) => after.startsWith(suffix));
    if (titled) names.push({ words, type: 'person' });
    // "フォックス・ニュース", "マンチェスター・ユナイテッド": a name ending in a word organizations end in.
    else if (parts.length > 1 && lex.organizationWords.has(parts[parts.length - 1])) names.push({ words, type: 'organization' });
    else if (parts.length === 1) names.push({ words, type: 'other' });
    else if (!parts.every((p) => conceptsOf(p, lang).length > 0)) names.push({ words, type: 'person' });
  }
  return names;
}
