/**
 * How a template's Markdown becomes a tree: remark with GFM tables. gongwen's own templates go through it when
 * gongwen is built (scripts/build.js, into built-in-trees.ts); an office's own, when they are loaded.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export function parseTemplateText(text: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(text);
}
