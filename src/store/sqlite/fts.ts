/**
 * A user's words as an FTS5 query: every word must occur, each quoted so that FTS5 operators and punctuation in
 * the input ("AND", "-", ":", unbalanced quotes) are read as text, never as syntax. Null when there is no word.
 */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words.map((w) => `"${w}"`).join(' ');
}
