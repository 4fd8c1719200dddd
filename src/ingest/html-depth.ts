import { Text, type AnyNode, type Document, type Element } from 'domhandler';

/** Markup nested deeper than this is refused before parsing: the parser's cost grows with the square of depth. */
export const MAX_MARKUP_DEPTH = 5000;
/** Elements below this depth are reduced to their text, so that every tree walk stays shallow. */
export const MAX_TREE_DEPTH = 400;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', '!doctype']);
/** Tags the parser closes by itself when a sibling opens, so they do not nest: counting them would overstate depth. */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'rt', 'rp']);

/** Deepest nesting of the markup, estimated from its tags without parsing it. */
export function estimateDepth(html: string): number {
  let depth = 0;
  let max = 0;
  const tag = /<(\/?)([a-zA-Z][\w:-]*|!doctype)[^>]*?(\/?)>/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2].toLowerCase();
    if (VOID.has(name) || SELF_CLOSING_SIBLINGS.has(name) || m[3] === '/') continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

/** Replaces every element deeper than `max` by its text, without recursion (the tree may be deeper than the stack). */
export function flattenDeep(dom: Document, max = MAX_TREE_DEPTH): void {
  const stack: [AnyNode, number][] = [[dom, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!('children' in node)) continue;
    const element = node as Element;
    if (depth >= max && element.children.length > 0) {
      const text = new Text(textBelow(element));
      text.parent = element;
      element.children = [text];
      continue;
    }
    for (const child of element.children) stack.push([child, depth + 1]);
  }
}

function textBelow(root: Element): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') parts.push((node as Text).data);
    else if ('children' in node && node.type === 'tag') for (let i = (node as Element).children.length - 1; i >= 0; i--) stack.push((node as Element).children[i]);
  }
  return parts.join(' ');
}
