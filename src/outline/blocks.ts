/**
 * The mdast tree flattened into the sequence recognizers read: paragraphs (one per source line, since a
 * line break in a 公文 separates elements) and tables. Ordered lists get their numbers back (`2. …` is
 * content in a letter, not Markdown structure). Every character keeps its source position.
 */
import type { List, Node, Parent, Root, Table, Text } from 'mdast';
import { MappedText } from '../text/mapped.js';
import { normalizeText } from '../text/normalize.js';

export interface ParagraphBlock {
  kind: 'paragraph';
  text: MappedText;
}

export interface TableBlock {
  kind: 'table';
  /** rows[0] is the header row. */
  rows: MappedText[][];
}

export type Block = ParagraphBlock | TableBlock;

/** Flattens the tree. Nodes without positions (from .docx) are numbered by paragraph instead of line. */
export function blocksOf(root: Root): Block[] {
  const blocks: Block[] = [];
  const counter = { paragraph: 0 };
  for (const node of root.children) visitBlock(node, blocks, counter, '');
  return blocks;
}

function visitBlock(node: Node, blocks: Block[], counter: { paragraph: number }, prefix: string): void {
  switch (node.type) {
    case 'table':
      blocks.push(tableBlock(node as Table, counter));
      return;
    case 'list':
      visitList(node as List, blocks, counter);
      return;
    case 'paragraph':
    case 'heading':
      pushLines(inlineText(node as Parent, counter), blocks, prefix);
      return;
    case 'code': {
      const code = node as unknown as { value: string; position?: Node['position'] };
      counter.paragraph += 1;
      const start = code.position ? { line: code.position.start.line + 1, column: 1 } : { line: counter.paragraph, column: 1 };
      pushLines(MappedText.at(code.value, start), blocks, prefix);
      return;
    }
    default:
      if ('children' in node) {
        for (const child of (node as Parent).children) visitBlock(child, blocks, counter, prefix);
      }
  }
}

function visitList(list: List, blocks: Block[], counter: { paragraph: number }): void {
  list.children.forEach((item, index) => {
    const marker = list.ordered ? `${(list.start ?? 1) + index}.` : '';
    item.children.forEach((child, childIndex) => visitBlock(child, blocks, counter, childIndex === 0 ? marker : ''));
  });
}

function tableBlock(table: Table, counter: { paragraph: number }): TableBlock {
  return {
    kind: 'table',
    rows: table.children.map((row) => row.children.map((cell) => normalizeText(joinLines(inlineText(cell, counter))))),
  };
}

/** The text of a paragraph-like node, each character mapped to its source position. */
function inlineText(node: Parent, counter: { paragraph: number }): MappedText {
  counter.paragraph += 1;
  const parts: MappedText[] = [];
  const fallback = { line: counter.paragraph, column: 1 };
  collectText(node, parts, fallback);
  return MappedText.concat(parts);
}

function collectText(node: Node, parts: MappedText[], fallback: { line: number; column: number }): void {
  if (node.type === 'text' || node.type === 'inlineCode') {
    const text = node as Text;
    const start = text.position?.start ?? { line: fallback.line, column: fallback.column };
    parts.push(MappedText.at(text.value, start));
    fallback.column += text.value.length;
    return;
  }
  if (node.type === 'break') {
    parts.push(MappedText.at('\n', node.position?.start ?? fallback));
    return;
  }
  if ('children' in node) {
    for (const child of (node as Parent).children) collectText(child, parts, fallback);
  }
}

function pushLines(text: MappedText, blocks: Block[], prefix: string): void {
  let start = 0;
  let first = true;
  for (let i = 0; i <= text.text.length; i++) {
    if (i === text.text.length || text.text[i] === '\n') {
      let line = normalizeText(text.slice(start, i));
      if (first && prefix) line = MappedText.concat([MappedText.at(prefix, line.start), line]);
      if (line.length > 0) blocks.push({ kind: 'paragraph', text: line });
      first = false;
      start = i + 1;
    }
  }
}

function joinLines(text: MappedText): MappedText {
  return text.replace(/\n/gu, () => ' ');
}
