import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stemCroatian } from './stem-hr.js';

test('inflections of one Croatian lemma share a stem', () => {
  const groups = [
    ['država', 'državi', 'države', 'državom'],
    ['izjavio', 'izjavila', 'izjavili'],
    ['predsjednik', 'predsjednika', 'predsjedniku'],
    ['hrvatska', 'hrvatske', 'hrvatskoj'],
    ['godina', 'godine', 'godinu'],
  ];
  for (const group of groups) {
    const stems = new Set(group.map(stemCroatian));
    assert.equal(stems.size, 1, `${group.join(', ')} → ${[...stems].join(', ')}`);
  }
  assert.equal(stemCroatian('prvi'), 'prv', 'a syllabic r counts as a vowel');
  assert.equal(stemCroatian('sa'), 'sa');
});
