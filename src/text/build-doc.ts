import type { ArticleDraft, Paragraph, Sentence, TextDoc, Token } from '../model/types.js';
import { detectParagraphLanguages } from './langid.js';
import { splitSentences, splitWords, startsWithCapital } from './segment.js';

export const PARAGRAPH_SEPARATOR = '\n\n';

/** Roles whose text is analyzed; captions and boilerplate are kept for display but never read as the article. */
export function isAnalyzedRole(role: Paragraph['role']): boolean {
  return role === 'body' || role === 'heading';
}

/**
 * The text of the analyzed paragraphs, one per line: what identifies an article and its copies (content hash,
 * fingerprint, whether it is too short to be told from another without its headline).
 */
export function analyzedText(doc: TextDoc): string {
  return doc.paragraphs
    .filter((p) => isAnalyzedRole(p.role))
    .map((p) => doc.text.slice(p.span[0], p.span[1]))
    .join('\n');
}

/** The text layer: one normalized text with paragraphs (each with its language), sentences and tokens as spans. */
export function buildTextDoc(draft: ArticleDraft): TextDoc {
  const langs = detectParagraphLanguages(
    draft.blocks.map((b) => ({ text: b.text, analyzed: isAnalyzedRole(b.role) })),
    draft.declaredLang,
  );
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  let text = '';
  draft.blocks.forEach((block, index) => {
    if (index > 0) text += PARAGRAPH_SEPARATOR;
    const start = text.length;
    text += block.text;
    const lang = langs.paragraphs[index];
    paragraphs.push({ index, span: [start, text.length], role: block.role, lang });
    for (const [s, e] of splitSentences(block.text, lang)) {
      const sentenceIndex = sentences.length;
      sentences.push({ index: sentenceIndex, paragraph: index, span: [start + s, start + e] });
      for (const word of splitWords(block.text.slice(s, e), lang)) {
        tokens.push({
          span: [start + s + word.span[0], start + s + word.span[1]],
          norm: word.text.toLowerCase(),
          sentence: sentenceIndex,
          capitalized: startsWithCapital(word.text),
        });
      }
    }
  });
  return { text, paragraphs, sentences, tokens, lang: langs.article };
}
