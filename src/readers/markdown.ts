/**
 * Markdown reader (.md): remark-parse with GFM, so task tables survive as tables. Ordered lists get their
 * numbers back as text (`2. …` is content in a letter, not Markdown structure), and every line of a
 * paragraph is a paragraph of its own, since a line break in a 公文 separates elements.
 */
import type { List, Node, Parent, Root, Table, Text } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { DocumentBlock, ParagraphBlock, SourceDocument, TableBlock, TextRun } from '../model/document.js';
import type { Position } from '../model/outline.js';
import { decodeText, looksBinary } from './decode.js';
import { ReadProblem } from './problem.js';
import { linesOf } from './txt.js';

/** A letter never quotes more than a few levels deep; deeper `>` runs are cut to this many. */
const MAX_QUOTE_DEPTH = 8;

export function readMarkdownDocument(bytes: Uint8Array): SourceDocument {
  const decoded = decodeText(bytes);
  if (looksBinary(decoded)) throw new ReadProblem('这是二进制文件，不是文本');
  const text = decoded.text.replace(/\r\n?/gu, '\n');
  const root = parseMarkdown(text);
  const blocks = root ? blocksOfTree(root) : linesOf(text);
  return { format: 'md', encoding: decoded.encoding, blocks, properties: {}, embedded: [], scanned: false };
}

function parseMarkdown(text: string): Root | null {
  const bounded = text.replace(new RegExp(`^(?:[ \\t]*>){${MAX_QUOTE_DEPTH + 1},}`, 'gmu'), '>'.repeat(MAX_QUOTE_DEPTH));
  try {
    return unified().use(remarkParse).use(remarkGfm).parse(bounded);
  } catch (error) {
    // Pathological nesting can still exhaust the parser's stack: the words are read as plain lines instead.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function blocksOfTree(root: Root): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  for (const node of root.children) visitBlock(node, blocks, '');
  return blocks;
}

function visitBlock(node: Node, blocks: DocumentBlock[], prefix: string): void {
  switch (node.type) {
    case 'table':
      blocks.push(tableBlock(node as Table));
      return;
    case 'list':
      visitList(node as List, blocks);
      return;
    case 'paragraph':
    case 'heading':
      blocks.push(...lineParagraphs(runsOf(node as Parent), prefix));
      return;
    case 'code': {
      const code = node as unknown as { value: string; position?: Node['position'] };
      const start = { line: (code.position?.start.line ?? 0) + 1, column: 1 };
      blocks.push(...lineParagraphs([{ text: code.value, start }], prefix));
      return;
    }
    default:
      if ('children' in node) for (const child of (node as Parent).children) visitBlock(child, blocks, prefix);
  }
}

function visitList(list: List, blocks: DocumentBlock[]): void {
  list.children.forEach((item, index) => {
    const marker = list.ordered ? `${(list.start ?? 1) + index}.` : '';
    item.children.forEach((child, childIndex) => visitBlock(child, blocks, childIndex === 0 ? marker : ''));
  });
}

function tableBlock(table: Table): TableBlock {
  return {
    kind: 'table',
    rows: table.children.map((row) =>
      row.children.map((cell) => {
        const runs = runsOf(cell).map((run) => ({ ...run, text: run.text.replace(/\n/gu, ' ') }));
        return { paragraphs: [{ kind: 'paragraph', runs }], columnSpan: 1, mergedAbove: false };
      }),
    ),
  };
}

/** The text nodes under `node`, each where it stands in the source; a hard break is a newline. */
function runsOf(node: Parent): TextRun[] {
  const runs: TextRun[] = [];
  const visit = (child: Node): void => {
    if (child.type === 'text' || child.type === 'inlineCode') {
      runs.push({ text: (child as Text).value, start: startOf(child) });
    } else if (child.type === 'break') {
      runs.push({ text: '\n', start: startOf(child) });
    } else if ('children' in child) {
      for (const grandchild of (child as Parent).children) visit(grandchild);
    }
  };
  visit(node);
  return runs;
}

function startOf(node: Node): Position {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** Runs cut at their newlines into one paragraph a line; `prefix` (a list number) opens the first. */
function lineParagraphs(runs: TextRun[], prefix: string): ParagraphBlock[] {
  const paragraphs: ParagraphBlock[] = [];
  let current: TextRun[] = [];
  const close = (): void => {
    if (current.some((run) => run.text.trim() !== '')) paragraphs.push({ kind: 'paragraph', runs: current });
    current = [];
  };
  for (const run of runs) {
    const pieces = run.text.split('\n');
    let line = run.start.line;
    pieces.forEach((piece, index) => {
      if (index > 0) {
        close();
        line += 1;
      }
      if (piece !== '') current.push({ text: piece, start: { line, column: index === 0 ? run.start.column : 1 } });
    });
  }
  close();
  const first = paragraphs[0];
  if (first && prefix) first.runs.unshift({ text: prefix, start: first.runs[0]?.start ?? { line: 1, column: 1 } });
  return paragraphs;
}
