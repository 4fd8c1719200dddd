import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detachPunctuation } from './ner-data.js';

const detach = (tokens: string, tags: string) => detachPunctuation({ tokens: tokens.split(' '), tags: tags.split(' ') });

test('punctuation written onto words becomes tokens of its own, outside the names it borders', () => {
  assert.deepEqual(detach('у Києва, і «Імпульс»', 'O B-LOC O B-ORG'), {
    tokens: ['у', 'Києва', ',', 'і', '«', 'Імпульс', '»'],
    tags: ['O', 'B-LOC', 'O', 'O', 'O', 'B-ORG', 'O'],
  });
});

test('a quotation mark that closes one opened inside a name stays in it', () => {
  assert.deepEqual(detach('ПАТ «НВП Радій», сказав', 'B-ORG I-ORG I-ORG O').tags, ['B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'O']);
  assert.deepEqual(detach('«Універмаг «Україна»»', 'B-ORG I-ORG').tags, ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O']);
});
