import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detachPunctuation, readFactRuEval } from './ner-data.js';

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

test('a factRuEval mention is the part of its object that names it; an object only described is no named mention', () => {
  const dir = mkdtempSync(join(tmpdir(), 'factrueval-'));
  try {
    // "Фонд « Династия » закрыт . Фонда больше нет ." — the first object is named, the second only described.
    const words = ['Фонд', '«', 'Династия', '»', 'закрыт', '.', '', 'Фонда', 'больше', 'нет', '.'];
    let offset = 0;
    const tokens = words.map((w, i) => (w === '' ? '' : `${100 + i} ${(offset += w.length + 1) - w.length - 1} ${w.length} ${w}`));
    writeFileSync(join(dir, 'book_1.tokens'), tokens.join('\n') + '\n');
    writeFileSync(
      join(dir, 'book_1.spans'),
      ['1 org_descr 0 4 100 1  # 100 Фонд', '2 org_name 7 8 102 1  # 102 Династия', '3 org_descr 30 5 107 1  # 107 Фонда'].join('\n') + '\n',
    );
    writeFileSync(join(dir, 'book_1.objects'), ['10 Org 1 2 # Фонд Династия', '11 Org 3 # Фонда'].join('\n') + '\n');
    const [doc] = readFactRuEval(dir);
    assert.deepEqual(
      doc.map((s) => s.tags),
      [
        ['O', 'O', 'B-ORG', 'O', 'O', 'O'],
        ['O', 'O', 'O', 'O'],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
