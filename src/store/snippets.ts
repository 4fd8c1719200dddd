// Snippets of full-text hits, as both backends mark them: the matched words between two private-use characters.

/** Private-use characters that FTS5's snippet() puts around matched words, never found in stored text. */
export const SNIPPET_OPEN = '\uE000';
export const SNIPPET_CLOSE = '\uE001';

/** A snippet with its markers removed, and the ranges they enclosed. */
export function unmarkSnippet(marked: string): { snippet: string; highlights: [number, number][] } {
  let snippet = '';
  const highlights: [number, number][] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === SNIPPET_OPEN) open = snippet.length;
    else if (ch === SNIPPET_CLOSE && open >= 0) {
      highlights.push([open, snippet.length]);
      open = -1;
    } else snippet += ch;
  }
  return { snippet, highlights };
}
