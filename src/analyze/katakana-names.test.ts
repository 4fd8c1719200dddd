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
  assert.deepEqual(persons, ['カニエ・ウェスト', 'キム・カーダシアン', 'クドロー']);
  const west = a.mentions.find((m) => m.surface === 'ウェスト');
  assert.equal(west?.via, 'short-name');
  assert.equal(west?.entity, a.entities.find((e) => e.name === 'カニエ・ウェスト')?.id);
  const kim = a.mentions.find((m) => m.surface === 'キム・カーダシアン')!;
  assert.equal(a.doc.text.slice(kim.span[0], kim.span[1]), 'キム・カーダシアン', 'the span covers the name and its middle dot');
  for (const loanword of ['ツイッター', 'プライベート', 'コロナ・ウイルス']) {
    assert.ok(!a.mentions.some((m) => m.surface === loanword), `${loanword} is not a name`);
  }
  assert.equal(a.entities.find((e) => e.name === 'キム・カーダシアン')?.id, 'person:kimu-kadashian', 'ids from Hepburn romanization');
});

test('a katakana name ending in a word organizations end in is an organization', () => {
  const a = analyzeText('フォックス・ニュースによると、マンチェスター・ユナイテッドは声明を出した。', { lang: 'ja' });
  assert.deepEqual(a.entities.map((e) => [e.name, e.type]), [['フォックス・ニュース', 'organization'], ['マンチェスター・ユナイテッド', 'organization']]);
});
