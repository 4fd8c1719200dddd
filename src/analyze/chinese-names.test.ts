import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from './test-helpers.js';

test('names in Chinese: known persons and places by their English names, titled names in pinyin, countries', () => {
  const a = analyzeText('中国外交部发言人汪文斌12日表示，美国应停止干涉中国内政。中国主席习近平和俄罗斯总统普京会谈。时任总统奥巴马访问了北京。', { lang: 'zh' });
  const byName = new Map(a.entities.map((e) => [e.name, e]));
  assert.equal(byName.get('Xi Jinping')?.type, 'person', 'known though the segmenter reads 习 + 近 + 平和');
  assert.equal(byName.get('Vladimir Putin')?.id, analyzeText('Russian President Vladimir Putin met Xi.').entities.find((e) => e.type === 'person' && e.name.includes('Putin'))?.id);
  assert.equal(byName.get('Wang Wenbin')?.type, 'person', 'a family name after a title, read in pinyin');
  assert.equal(byName.get('Beijing')?.type, 'location');
  for (const code of ['CN', 'US', 'RU']) assert.ok(byName.has(a.entities.find((e) => e.id === `country:${code}`)?.name ?? '?'), code);
  assert.ok(!a.mentions.some((m) => m.surface.includes('时任')), '时任 (then-serving) is no name');
  const quote = a.quotes.find((q) => q.text.includes('停止干涉'));
  assert.equal(quote?.speaker?.entity, byName.get('Wang Wenbin')?.id, 'the spokesman is the speaker');
});

test('a known name inside a longer foreign name is not found on its own', () => {
  const a = analyzeText('南非最后一任总统德克勒克去世。', { lang: 'zh' });
  assert.deepEqual(a.entities.map((e) => e.id), ['country:ZA']);
});

test('a foreign name with a middle dot is a person, less the title before it and the verb after it', () => {
  const a = analyzeText('美国国务卿安东尼·布林肯 (Antony Blinken) 星期五与英国外长会谈。主席莎拉·斯夸尔说：“它们给卧室带来一种好闻的气味。”俄罗斯总统弗拉基米尔·普京周六表示欢迎。', { lang: 'zh' });
  const persons = a.entities.filter((e) => e.type === 'person');
  assert.deepEqual(persons.map((e) => e.name).sort(), ['Antony Blinken', 'Vladimir Putin', '莎拉·斯夸尔']);
  assert.ok(persons.find((e) => e.name === 'Antony Blinken')?.aliases.some((alias) => alias.text === '安东尼·布林肯'), 'the name written after it in Latin letters');
  assert.equal(a.quotes[0]?.speaker?.name, '莎拉·斯夸尔');
});

test('a double surname joined by a hyphen is one part of a dotted name', () => {
  const a = analyzeText('博伊德·道格拉斯-戴维斯是园艺业协会的主席。凯瑟琳·泽塔-琼斯周日出席了颁奖典礼。', { lang: 'zh' });
  assert.deepEqual(a.mentions.filter((m) => m.type === 'person').map((m) => m.surface), ['博伊德·道格拉斯-戴维斯', '凯瑟琳·泽塔-琼斯']);
});
