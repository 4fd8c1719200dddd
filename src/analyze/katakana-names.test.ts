import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from './test-helpers.js';

const japanese = [
  'カニエ・ウェストが妻キム・カーダシアンに公開謝罪した。',
  'ウェスト氏はツイッターで、プライベートな問題を公にしたことを謝った。',
  'クドロー氏は新型コロナ・ウイルス対策について述べた。',
].join('');

test('foreign names in katakana are persons; a later surname joins its full name; loanwords are not names', () => {
  const a = analyzeText(japanese, { lang: 'ja' });
  const persons = a.entities.filter((e) => e.type === 'person').map((e) => e.name).sort();
  // Spelled as Latin letters spell them (the Wikidata name pairs), with the ids the English names get.
  assert.deepEqual(persons, ['Kanye West', 'Kim Kardashian', 'Kudlow']);
  const english = analyzeText('Kanye West apologised to his wife Kim Kardashian.');
  for (const name of ['Kanye West', 'Kim Kardashian']) {
    assert.equal(a.entities.find((e) => e.name === name)?.id, english.entities.find((e) => e.name === name)?.id, name);
  }
  assert.ok(a.entities.find((e) => e.name === 'Kanye West')?.aliases.some((alias) => alias.text === 'カニエ・ウェスト'), 'the katakana is an alias');
  const west = a.mentions.find((m) => m.surface === 'ウェスト');
  assert.equal(west?.via, 'short-name');
  assert.equal(west?.entity, a.entities.find((e) => e.name === 'Kanye West')?.id);
  const kim = a.mentions.find((m) => m.surface === 'キム・カーダシアン')!;
  assert.equal(a.doc.text.slice(kim.span[0], kim.span[1]), 'キム・カーダシアン', 'the span covers the name and its middle dot');
  for (const loanword of ['プライベート', 'コロナ・ウイルス']) {
    assert.ok(!a.mentions.some((m) => m.surface === loanword), `${loanword} is not a name`);
  }
  // A social network is a known organization (data/organizations.json), never a person.
  const twitter = analyzeText('He apologised on Twitter.').mentions.find((m) => m.surface === 'Twitter');
  assert.ok(twitter?.entity.startsWith('org:'), 'Twitter is an organization in English');
  assert.equal(a.mentions.find((m) => m.surface === 'ツイッター')?.entity, twitter?.entity, 'and the same one in katakana');
});

test('a katakana name with a part the name pairs lack keeps its script and a romanized id; its short form still joins it', () => {
  const a = analyzeText('ケイリー・マケナニー報道官は会見を開いた。マケナニーは質問に答えなかった。', { lang: 'ja' });
  const person = a.entities.find((e) => e.type === 'person');
  assert.equal(person?.name, 'ケイリー・マケナニー');
  assert.equal(person?.id, 'person:kiri-makenani', 'ids from Hepburn romanization');
  const spelled = analyzeText('トニー・ブレア元首相は発言した。ブレアは政治をやめないと誓った。', { lang: 'ja' });
  const blair = spelled.entities.find((e) => e.name === 'Tony Blair');
  assert.ok(blair, JSON.stringify(spelled.entities));
  assert.ok(spelled.mentions.some((m) => m.surface === 'ブレア' && m.entity === blair.id && m.via === 'short-name'), 'a surname alone, read as katakana, joins the spelled name');
});

test('a katakana name ending in a word organizations end in is an organization', () => {
  const a = analyzeText('フォックス・ニュースによると、マンチェスター・ユナイテッドは声明を出した。', { lang: 'ja' });
  assert.deepEqual(a.entities.map((e) => [e.name, e.type]), [['フォックス・ニュース', 'organization'], ['マンチェスター・ユナイテッド', 'organization']]);
});
