/**
 * Canonical form of a piece of text: Unicode NFC, no control characters, no-break and other exotic spaces made
 * plain, runs of spaces collapsed. Typographic quotes and dashes are kept: they carry meaning (quote boundaries).
 */
export function normalizeInline(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/gu, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/gu, ' ')
    .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Text without its diacritics ("Brüssel" → "Brussel", "Ελλάδα" → "Ελλαδα"): decomposed, combining marks dropped. */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}
