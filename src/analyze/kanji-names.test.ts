import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from './test-helpers.js';

const japanese = [
  '岸田文雄首相は１０日、福島県を訪れ、記者団に「復興を急ぐ」と述べた。',
  '福島寛人署長も同席した。岸田首相は経済対策にも触れた。',
  '宮原選手は名古屋市で練習した。中国政府とパキスタンの外相も会談した。',
].join('');

test('names in kanji: persons by surname and given name or by title, places before a unit, with the ids English spellings get', () => {
  const a = analyzeText(japanese, { lang: 'ja' });
  const byName = new Map(a.entities.map((e) => [e.name, e]));
  assert.equal(byName.get('Fumio Kishida')?.id, analyzeText('Prime Minister Fumio Kishida visited Fukushima.').entities.find((e) => e.type === 'person')?.id);
  assert.ok(byName.get('Fumio Kishida')?.aliases.some((alias) => alias.text === '岸田文雄'), 'the kanji spelling is an alias');
  const shortName = a.mentions.find((m) => m.surface === '岸田');
  assert.equal(shortName?.entity, byName.get('Fumio Kishida')?.id, 'a titled surname joins the full name');
  assert.equal(byName.get('Fukushima')?.type, 'location');
  assert.ok(a.mentions.filter((m) => m.surface === '福島').every((m) => m.type === 'location'), 'the place stays a place beside a person named 福島');
  assert.equal(byName.get('Hiroto Fukushima')?.type, 'person');
  assert.equal(byName.get('Miyahara')?.type, 'person', 'a titled surname is read whole, not as 宮 + 原');
  assert.equal(byName.get('Nagoya')?.type, 'location');
  assert.ok(a.entities.some((e) => e.id === 'country:CN') && a.entities.some((e) => e.id === 'country:PK'), 'countries by their Japanese names');
  for (const word of ['経済対策', '復興', '記者団']) assert.ok(!a.mentions.some((m) => m.surface.includes(word)), `${word} is no name`);
});

test('a speaker marked by が or も, named in kanji, is the person named earlier', () => {
  const a = analyzeText('内堀雅雄知事も「歓迎する」と語った。内堀知事が「急ぎたい」と述べた。', { lang: 'ja' });
  assert.deepEqual(
    a.quotes.map((q) => q.speaker?.entity),
    ['person:masao-uchibori', 'person:masao-uchibori'],
  );
});
