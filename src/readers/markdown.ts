/** Markdown reader (.md): remark-parse with GFM, so task tables survive as tables. */
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { readPlainText } from './txt.js';

/** A letter never quotes more than a few levels deep; deeper `>` runs are cut to this many. */
const MAX_QUOTE_DEPTH = 8;

export function readMarkdown(text: string): Root {
  const bounded = text.replace(new RegExp(`^(?:[ \\t]*>){${MAX_QUOTE_DEPTH + 1},}`, 'gmu'), '>'.repeat(MAX_QUOTE_DEPTH));
  try {
    return unified().use(remarkParse).use(remarkGfm).parse(bounded);
  } catch (error) {
    // Pathological nesting can still exhaust the parser's stack: read the words as plain lines instead.
    if (error instanceof RangeError) return readPlainText(text);
    throw error;
  }
}
