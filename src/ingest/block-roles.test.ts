import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyTextBlock, markGallerySlides } from './block-roles.js';

test('related-link labels are boilerplate in several languages', () => {
  assert.equal(classifyTextBlock('Related article: Parliament Votes on Budget as Protests Grow'), 'boilerplate');
  assert.equal(classifyTextBlock('Читайте также: Парламент принял бюджет'), 'boilerplate');
  assert.equal(classifyTextBlock('Lesen Sie auch: Der Bundestag stimmt ab'), 'boilerplate');
});

test('image captions with photo credits are captions', () => {
  assert.equal(classifyTextBlock('Министр выступает в парламенте / Коллаж РБК, фото Reuters'), 'caption');
  assert.equal(classifyTextBlock('The minister at the podium. Photo: Jane Doe'), 'caption');
  assert.equal(classifyTextBlock('Protesters gathered in the square on Sunday (Getty Images).'), 'body');
  assert.equal(classifyTextBlock('Protesters in the square | Getty Images'), 'caption');
});

test('short unpunctuated lines are headings; prose is body', () => {
  assert.equal(classifyTextBlock('Troops on the Border'), 'heading');
  assert.equal(classifyTextBlock('The photo showed troops on the border, officials said.'), 'body');
});

test('datelines are boilerplate; sentences with dates are body', () => {
  for (const line of ['18 Nov 2019, 19:09', 'Updated: 18 Nov 2019, 19:11', 'November 20, 2019 - 11:28 AMT', '2018-08-16', '19.11.2019, 08:57', '20 ноября 2019, 11:28', 'Mittwoch, 20. November 2019', 'segunda-feira, 22 de janeiro de 2018 às 0:13']) {
    assert.equal(classifyTextBlock(line), 'boilerplate', line);
  }
  assert.equal(classifyTextBlock('The vote is set for November 20, 2019.'), 'body');
  assert.equal(classifyTextBlock('He was born on 5 May 2001 in Oslo'), 'heading');
  assert.equal(classifyTextBlock('Marcus De Guzman wrote on 2019-11-20 about the new car.'), 'body');
});

test('the slides of an inline picture gallery are captions; a sentence opening with "9/11" is body', () => {
  const body = (text: string) => ({ role: 'body' as const, text });
  const blocks = [
    body('The tram overturned on a sharp bend, investigators said.'),
    body('1/3 30 November 2017 Protesters gather in front of the Royal Courts of Justice AP'),
    body('2/3 29 November 2017 A sign reads "Brexit" outside Westminster Rex Features'),
    body('3/3 28 November 2017 A stage designer at work Getty Images'),
    body('9/11 changed how airports screen passengers.'),
  ];
  assert.deepEqual(markGallerySlides(blocks).map((b) => b.role), ['body', 'caption', 'caption', 'caption', 'body']);
  assert.deepEqual(markGallerySlides([blocks[0], blocks[1], blocks[4]]).map((b) => b.role), ['body', 'body', 'body'], 'one counter is no gallery');
});
