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
