import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { formLemmas, translationPairs } from './transducer.js';

const ISL_ENG = '/usr/share/apertium/apertium-isl-eng';
const present = existsSync(`${ISL_ENG}/isl-eng.autobil.bin`);

// Apertium's packages are needed only to rebuild the lexicons (npm run build:bilingual), not to run Parallax.
test('a bilingual transducer is read as lemma pairs, each side up to its first tag', { skip: !present && 'apertium-isl-eng is not installed' }, () => {
  const pairs = translationPairs(`${ISL_ENG}/isl-eng.autobil.bin`);
  assert.ok(pairs.length > 20_000, `${pairs.length} pairs`);
  const english = (is: string) => pairs.filter(([from]) => from === is).map(([, to]) => to);
  assert.ok(english('segja').includes('say'));
  assert.ok(english('tilbúinn').includes('ready'));
  assert.ok(pairs.every(([a, b]) => a && b && !a.includes('<') && !b.includes('<')), 'no tags in words');
});

test('an analyser gives each form its lemmas; a generator the same from its other side', { skip: !present && 'apertium-isl-eng is not installed' }, () => {
  const icelandic = formLemmas(`${ISL_ENG}/isl-eng.automorf.bin`);
  assert.deepEqual([...(icelandic.get('sagði') ?? [])], ['segja']);
  assert.ok(icelandic.get('fólkið')?.has('fólk'));
  const english = formLemmas(`${ISL_ENG}/isl-eng.autogen.bin`, 'output');
  assert.ok(english.get('went')?.has('go'));
  assert.ok(english.get('children')?.has('child'));
});
