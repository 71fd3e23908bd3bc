/** Markdown reader (.md): remark-parse with GFM, so task tables survive as tables. */
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

export function readMarkdown(text: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(text);
}
