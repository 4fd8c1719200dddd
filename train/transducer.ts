import { execFileSync } from 'node:child_process';

/**
 * Reading Apertium's compiled transducers (Debian's apertium-* packages) as word lists: a bilingual dictionary as
 * pairs of lemmas, a morphological analyser as each inflected form with its lemmas. `lt-print` writes a transducer
 * as arcs "from to input output weight", one transducer per section separated by "--".
 */

interface Arc {
  to: number;
  input: string;
  output: string;
}

interface Transducer {
  arcs: Map<number, Arc[]>;
  finals: Set<number>;
}

/**
 * More arcs than this from one state to one target are a pattern ("any letter", "any digit") that spells no word
 * of its own; following them would enumerate every string.
 */
const PATTERN_ARCS = 8;
/** Words longer than this (in arcs) are not in a dictionary: a guard against loops through compounding. */
const MAX_WORD_ARCS = 48;
/** Endings kept per analyser state: more means a loop of compounding, not a paradigm. */
const MAX_ENDINGS = 400;

function readTransducers(binary: string): Transducer[] {
  const text = execFileSync('lt-print', [binary], { maxBuffer: 1 << 28 }).toString('utf8');
  return text.split(/^--$/m).map((section) => {
    const arcs = new Map<number, Arc[]>();
    const finals = new Set<number>();
    for (const line of section.split('\n')) {
      const f = line.split('\t');
      if (f.length < 4) {
        if (f[0].trim()) finals.add(Number(f[0]));
        continue;
      }
      const from = Number(f[0]);
      let list = arcs.get(from);
      if (!list) arcs.set(from, (list = []));
      list.push({ to: Number(f[1]), input: f[2], output: f[3] });
    }
    for (const [state, list] of arcs) {
      const perTarget = new Map<number, number>();
      for (const arc of list) perTarget.set(arc.to, (perTarget.get(arc.to) ?? 0) + 1);
      arcs.set(state, list.filter((arc) => perTarget.get(arc.to)! <= PATTERN_ARCS));
    }
    return { arcs, finals };
  });
}

function symbol(s: string): string {
  return s === 'ε' || s === '@0@' ? '' : s === '@_SPACE_@' ? ' ' : s;
}

const isTag = (s: string) => s.startsWith('<');

/** Apertium numbers homonyms ("вага²"); the word in running text has no such mark. */
const SENSE_NUMBER = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu;
const clean = (word: string) => word.toLowerCase().replace(SENSE_NUMBER, '');

/**
 * The lemma pairs of a bilingual dictionary ("fólk<n><nt>" → "person<n>"): each side's word ends at its first
 * grammatical tag, and the two sides reach their tags at different arcs. In the order the dictionary lists them, so a
 * word's first translation is its default.
 */
export function translationPairs(binary: string): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const { arcs } of readTransducers(binary)) {
    // Once one side has reached its tag, what the other side still spells depends on the state alone.
    const rests = [new Map<number, Set<string>>(), new Map<number, Set<string>>()];
    const rest = (state: number, side: 0 | 1): Set<string> => {
      const memo = rests[side];
      const known = memo.get(state);
      if (known) return known;
      memo.set(state, new Set()); // a loop spells nothing more
      const out = new Set<string>();
      for (const arc of arcs.get(state) ?? []) {
        const s = side === 0 ? arc.input : arc.output;
        if (isTag(s)) out.add('');
        else for (const tail of rest(arc.to, side)) out.add(symbol(s) + tail);
      }
      memo.set(state, out);
      return out;
    };
    const add = (input: string, output: string) => {
      if (!input || !output || input.includes(' ') || output.includes(' ')) return;
      const key = `${input}\t${output}`;
      if (!pairs.has(key)) pairs.set(key, [clean(input), clean(output)]);
    };
    const onPath = new Set<number>();
    const walk = (state: number, input: string, output: string, depth: number): void => {
      if (depth > MAX_WORD_ARCS) return;
      onPath.add(state);
      for (const arc of arcs.get(state) ?? []) {
        if (onPath.has(arc.to)) continue;
        const inputEnds = isTag(arc.input);
        const outputEnds = isTag(arc.output);
        if (inputEnds && outputEnds) add(input, output);
        else if (inputEnds) for (const tail of rest(arc.to, 1)) add(input, output + symbol(arc.output) + tail);
        else if (outputEnds) for (const tail of rest(arc.to, 0)) add(input + symbol(arc.input) + tail, output);
        else walk(arc.to, input + symbol(arc.input), output + symbol(arc.output), depth + 1);
      }
      onPath.delete(state);
    };
    walk(0, '', '', 0);
  }
  return [...pairs.values()];
}

/**
 * Every form a morphological transducer knows with the lemmas it may be a form of ("sagði" → "segja", "bænum" →
 * "bæn", "bær"; "people" → "person"): the form's side spelled to a final state, the lemma's side up to its first
 * tag. An analyser has its forms on the input side, a generator on the output side.
 */
export function formLemmas(binary: string, formSide: 'input' | 'output' = 'input'): Map<string, Set<string>> {
  const formOf = (arc: Arc) => (formSide === 'input' ? arc.input : arc.output);
  const lemmaOf = (arc: Arc) => (formSide === 'input' ? arc.output : arc.input);
  const forms = new Map<string, Set<string>>();
  for (const { arcs, finals } of readTransducers(binary)) {
    const endings = new Map<number, Set<string>>();
    const ending = (state: number): Set<string> => {
      const known = endings.get(state);
      if (known) return known;
      endings.set(state, new Set());
      const out = new Set<string>(finals.has(state) ? [''] : []);
      for (const arc of arcs.get(state) ?? []) {
        if (isTag(formOf(arc))) continue;
        for (const tail of ending(arc.to)) {
          if (out.size >= MAX_ENDINGS) break;
          out.add(symbol(formOf(arc)) + tail);
        }
      }
      endings.set(state, out);
      return out;
    };
    const onPath = new Set<number>();
    const walk = (state: number, form: string, lemma: string, depth: number): void => {
      if (depth > MAX_WORD_ARCS) return;
      onPath.add(state);
      for (const arc of arcs.get(state) ?? []) {
        if (onPath.has(arc.to)) continue;
        if (!isTag(lemmaOf(arc))) {
          walk(arc.to, form + symbol(formOf(arc)), lemma + symbol(lemmaOf(arc)), depth + 1);
          continue;
        }
        if (!lemma || lemma.includes(' ')) continue;
        for (const tail of ending(arc.to)) {
          const whole = clean(form + symbol(formOf(arc)) + tail);
          if (!whole || whole.includes(' ')) continue;
          let lemmas = forms.get(whole);
          if (!lemmas) forms.set(whole, (lemmas = new Set()));
          lemmas.add(clean(lemma));
        }
      }
      onPath.delete(state);
    };
    walk(0, '', '', 0);
  }
  return forms;
}
