import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../analyze/test-helpers.js';
import { articleVector, chooseStory, growStory, startStory } from './cluster.js';

const flood1 = 'Floods in the Ruritanian province of Velka forced 3,000 people from their homes, officials in Prague said. Rescue teams from Austria joined the effort on Sunday.';
const flood2 = 'Rescue teams from Austria helped evacuate 3,000 residents of the flooded Velka province, Czech officials said on Sunday, as rivers kept rising.';
const bank = 'The European Central Bank left interest rates unchanged on Thursday, citing slowing inflation and weak growth in Germany and Italy.';

test('an article joins the story it shares entities, words and figures with, and starts one otherwise', () => {
  const [a, b, c] = [flood1, flood2, bank].map((t) => analyzeText(t));
  const story = startStory(a, articleVector(a), '2024-10-01T00:00:00.000Z');
  assert.equal(chooseStory(articleVector(b), [story]).storyId, story.id);
  assert.equal(chooseStory(articleVector(c), [story]).storyId, null);
  const grown = growStory(story, b, articleVector(b), '2024-10-02T00:00:00.000Z');
  assert.equal(grown.size, 2);
  assert.equal(grown.lastSeen, '2024-10-02T00:00:00.000Z');
});
