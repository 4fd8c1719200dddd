import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldedNameKey, nameSkeleton, soundKey } from './names.js';

test('spellings and scripts of one name share a key', () => {
  const keys = ['Sergei Lavrov', 'Sergey Lavrov', 'Sergej Lavrov', 'Сергей Лавров', 'Сергій Лавров'].map(nameSkeleton);
  assert.equal(new Set(keys).size, 1, keys.join(' '));
  assert.equal(nameSkeleton('Volodymyr Zelensky'), nameSkeleton('Володимир Зеленський'));
  assert.equal(nameSkeleton('Zelenskyy'), nameSkeleton('Zelensky'));
});

test('different names keep different keys', () => {
  assert.notEqual(nameSkeleton('Sergei Lavrov'), nameSkeleton('Sergei Shoigu'));
  assert.notEqual(nameSkeleton('Kim Jong-un'), nameSkeleton('Kim Yo-jong'));
});

test('folded name keys meet across cases and genders, and stay apart for different names', () => {
  const key = (name: string) => foldedNameKey(nameSkeleton(name));
  assert.equal(key('Путина'), key('Putin'));
  assert.equal(key('Путиным'), key('Putin'));
  assert.equal(key('Захаровой'), key('Zakharova'));
  assert.equal(key('Иркутске'), key('Irkutsk'));
  assert.notEqual(key('Lavrov'), key('Shoigu'));
  assert.equal(key('Kim'), 'kim');
});

test('a name and its katakana spelling sound alike, different names do not', () => {
  const pairs: [string, string][] = [
    ['Kardashian', 'カーダシアン'],
    ['Kudlow', 'クドロー'],
    ['Reeves', 'リーブス'],
    ['Johnson', 'ジョンソン'],
    ['Trump', 'トランプ'],
    ['Manchester', 'マンチェスター'],
    ['Putin', 'プーチン'],
  ];
  for (const [latin, katakana] of pairs) assert.equal(soundKey(latin), soundKey(katakana), `${latin} / ${katakana}`);
  assert.equal(soundKey('Путин'), soundKey('Putin'), 'Cyrillic goes through its transliteration');
  assert.notEqual(soundKey('Kardashian'), soundKey('Kudlow'));
  assert.notEqual(soundKey('Johnson'), soundKey('ジョーンズ'), 'Johnson is not Jones');
});

test('Cyrillic ц sounds as "ts": Шольц and Scholz, Цой and Tsoi, Кац and Katz share a sound key', () => {
  assert.equal(soundKey('Шольц'), soundKey('Scholz'));
  assert.equal(soundKey('Цой'), soundKey('Tsoi'));
  assert.equal(soundKey('Кац'), soundKey('Katz'));
});
