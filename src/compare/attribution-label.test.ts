import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributionLabel } from './attribution-label.js';

test('an attribution resolved to an entity shows its name unless the surface already names it', () => {
  const names = new Map([['person:lavrov', 'Sergei Lavrov'], ['country:US', 'United States']]);
  assert.equal(attributionLabel('he', 'person:lavrov', names), 'he (Sergei Lavrov)');
  assert.equal(attributionLabel('Lavrov', 'person:lavrov', names), 'Lavrov');
  assert.equal(attributionLabel('Washington', 'country:US', names), 'Washington (United States)');
  assert.equal(attributionLabel('AP News', null, names), 'AP News');
});

test('a joint source shows every name its surface does not already hold', () => {
  const names = new Map([['country:RU', 'Russia'], ['country:KP', 'North Korea'], ['country:US', 'United States']]);
  assert.equal(attributionLabel('Moscow and Pyongyang', ['country:RU', 'country:KP'], names), 'Moscow and Pyongyang (Russia, North Korea)');
  assert.equal(attributionLabel('Russia and North Korea', ['country:RU', 'country:KP'], names), 'Russia and North Korea');
  assert.equal(attributionLabel('Russia and Pyongyang', ['country:RU', 'country:KP'], names), 'Russia and Pyongyang (Russia, North Korea)');
});
