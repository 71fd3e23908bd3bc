/**
 * A filled template (mdast) → the blocks of a GB/T 9704 document, through the layout module only.
 *
 * `#` is the 标题, `##` 一级标题 (黑体), `###` 二级标题 (楷体), a paragraph 正文; **strong** is 黑体 and
 * *emphasis* 楷体; a task-list item `- [ ] 无意见` a check box; a GFM table a table across the 版心.
 * A comment right before a block sets how it is laid out (templates/README.md):
 * `<!-- 样式：主送 -->`, `<!-- 列宽：1:3:4 -->`, `<!-- 行高：2 -->`, `<!-- 字号：小四 -->`; a table without 列宽
 * takes its column widths from its content. `<!-- 页面：横向 -->` anywhere lays the whole document on
 * landscape pages (横排表格).
 */
import type { List, Nodes, Paragraph as MdParagraph, PhrasingContent, Root, RootContent, Table as MdTable } from 'mdast';
import { toString } from 'mdast-util-to-string';
import {
  TABLE_SIZES,
  checkBox,
  typeAreaWidth,
  widthInCharacters,
  isParagraphKind,
  letterhead,
  letterheadSize,
  paragraph,
  runStyleOf,
  signatureBlock,
  signaturePlacement,
  table,
  tableTextStyle,
  textRun,
  type CellAlignment,
  type ColumnContent,
  type Orientation,
  type ParagraphKind,
  type RunStyle,
  type TableSize,
} from './layout.js';
import { TemplateProblem } from '../template/problem.js';
import type { Block, Inline, Paragraph, Table } from './wordml.js';

export interface DocumentParts {
  /** The text of the first `#` heading, for the document's properties. */
  title: string;
  /** The 信函 mark (`<!-- 样式：信函标志 -->`), when the template asks for 信函格式. */
  letterhead: Paragraph | null;
  body: Block[];
  /** What the layout drew from the width of texts (the 信函 mark's size, where the 署名 stands, a table's column widths). */
  measured: Measure[];
  orientation: Orientation;
}

/**
 * Texts whose width the layout draws a figure from, with the function that draws it: documents whose texts give
 * the same figures are laid out alike, whatever their widths (template/prepared.ts lays out one for all of them).
 */
export interface Measure {
  texts: string[];
  figure: (texts: string[]) => string;
}

/** Paragraph styles beyond the layout's paragraph kinds: they build more than one paragraph. */
type BlockStyle = ParagraphKind | '署名' | '信函标志';

interface Directives {
  style?: BlockStyle;
  widths?: number[];
  rowLines?: number;
  tableSize?: TableSize;
}

const CHECK_BOX = '□';
const DIRECTIVE = /^<!--\s*(样式|列宽|行高|字号)\s*[：:]\s*(.*?)\s*-->$/su;
/** The one directive about the whole document: 页面：横向 or 页面：纵向. */
const PAGE_DIRECTIVE = /^<!--\s*页面\s*[：:]\s*(.*?)\s*-->$/su;
const ORIENTATIONS: Record<string, Orientation> = { 横向: 'landscape', 纵向: 'portrait' };

export function markdownToDocx(root: Root): DocumentParts {
  const blocks: { node: RootContent; directives: Directives }[] = [];
  let pending: Directives = {};
  const orientation = pageOrientation(root);
  for (const node of root.children) {
    if (node.type === 'html' && PAGE_DIRECTIVE.test(node.value.trim())) {
      continue;
    } else if (node.type === 'html') {
      pending = { ...pending, ...directiveOf(node.value, node) };
    } else {
      blocks.push({ node, directives: pending });
      pending = {};
    }
  }
  const parts: DocumentParts = { title: '', letterhead: null, body: [], measured: [], orientation };
  blocks.forEach(({ node, directives }, index) => {
    // The paragraph before the 署名 stays on its page: no page holds only a signature (7.3.5.5).
    block(node, directives, blocks[index + 1]?.directives.style === '署名', parts);
  });
  return parts;
}

/** The orientation a template asks for (`<!-- 页面：横向 -->`), portrait by default. */
export function pageOrientation(root: Root): Orientation {
  let orientation: Orientation = 'portrait';
  for (const node of root.children) {
    const page = node.type === 'html' ? PAGE_DIRECTIVE.exec(node.value.trim()) : null;
    if (!page) continue;
    const asked = ORIENTATIONS[page[1]!];
    if (!asked) throw new TemplateProblem(`页面只能是 ${Object.keys(ORIENTATIONS).join('、')}，这里是“${page[1]}”`, node.position);
    orientation = asked;
  }
  return orientation;
}

function directiveOf(html: string, node: Nodes): Directives {
  const match = DIRECTIVE.exec(html.trim());
  if (!match) return {};
  const [, key, value = ''] = match;
  if (key === '样式') {
    if (isParagraphKind(value) || value === '署名' || value === '信函标志') return { style: value };
    throw new TemplateProblem(`没有“${value}”这种样式`, node.position);
  }
  if (key === '字号') {
    if (Object.hasOwn(TABLE_SIZES, value)) return { tableSize: value as TableSize };
    throw new TemplateProblem(`表格字号只能是 ${Object.keys(TABLE_SIZES).join('、')}，这里是“${value}”`, node.position);
  }
  const numbers = value.split(/[:：\s]+/u).map(Number);
  if (numbers.length === 0 || numbers.some((number) => !(number > 0))) {
    throw new TemplateProblem(`${key}应为正数${key === '列宽' ? '，用冒号分隔，如 1:3:4' : '，如 2'}，这里是“${value}”`, node.position);
  }
  return key === '列宽' ? { widths: numbers } : { rowLines: numbers[0]! };
}

function block(node: RootContent, directives: Directives, keepNext: boolean, parts: DocumentParts): void {
  switch (node.type) {
    case 'heading':
      if (node.depth === 1 && parts.title === '') parts.title = toString(node);
      parts.body.push(paragraphOf(node.depth === 1 ? '标题' : node.depth === 2 ? '一级标题' : node.depth === 3 ? '二级标题' : '正文', node.children));
      return;
    case 'paragraph':
      styledParagraph(node, directives.style ?? '正文', keepNext, parts);
      return;
    case 'list':
      parts.body.push(...listParagraphs(node));
      return;
    case 'table':
      parts.body.push(tableOf(node, directives, parts));
      return;
    default: {
      const text = toString(node);
      if (text.trim() !== '') parts.body.push(paragraph('正文', [textRun(text, runStyleOf('正文'))]));
    }
  }
}

function styledParagraph(node: MdParagraph, style: BlockStyle, keepNext: boolean, parts: DocumentParts): void {
  if (style === '信函标志') {
    const mark = toString(node).trim();
    parts.letterhead = letterhead(mark);
    parts.measured.push({ texts: [mark], figure: ([issuer]) => String(letterheadSize(issuer!)) });
  } else if (style === '署名') {
    const lines = toString(node).split('\n');
    if (lines.length !== 2) throw new TemplateProblem('“署名”样式的段落应有两行：第一行署名，第二行日期', node.position);
    const [signature, date] = [lines[0]!.trim(), lines[1]!.trimEnd()];
    parts.body.push(...signatureBlock(signature, date, parts.orientation));
    parts.measured.push({ texts: [signature, date], figure: ([name, day]) => JSON.stringify(signaturePlacement(name!, day!, parts.orientation)) });
  } else {
    parts.body.push(paragraphOf(style, node.children, keepNext));
  }
}

function paragraphOf(kind: ParagraphKind, children: PhrasingContent[], keepNext = false): Paragraph {
  return paragraph(kind, runs(children, runStyleOf(kind)), { keepNext });
}

/** A task-list item starts with a check box; an ordered item with its number; other items are plain 正文. */
function listParagraphs(list: List): Paragraph[] {
  const style = runStyleOf('正文');
  return list.children.flatMap((item, index) =>
    item.children.map((child, childIndex) => {
      const content = child.type === 'paragraph' ? runs(child.children, style) : [textRun(toString(child), style)];
      if (childIndex > 0) return paragraph('正文', content);
      const marker: Inline[] =
        typeof item.checked === 'boolean' ? [checkBox(item.checked)] : list.ordered ? [textRun(`${(list.start ?? 1) + index}.`, style)] : [];
      return paragraph('正文', [...marker, ...content]);
    }),
  );
}

function tableOf(node: MdTable, directives: Directives, parts: DocumentParts): Table {
  const columns = Math.max(...node.children.map((row) => row.children.length));
  if (directives.widths && directives.widths.length !== columns) {
    throw new TemplateProblem(`列宽给了 ${directives.widths.length} 个数，表格却有 ${columns} 列`, node.position);
  }
  const size = directives.tableSize ?? '四号';
  const texts = node.children.map((row) => Array.from({ length: columns }, (_, column) => cellText(row.children[column]?.children ?? [])));
  // Widths from the content depend on every cell's text: a prepared document cannot patch them.
  if (!directives.widths) parts.measured.push({ texts: texts.flat(), figure: (cells) => JSON.stringify(tableContent(rowsOf(cells, columns))) });
  return table({
    widths: directives.widths ?? tableContent(texts),
    alignments: Array.from({ length: columns }, (_, column): CellAlignment => node.align?.[column] ?? null),
    rows: node.children.map((row) => row.children.map((cell) => runs(cell.children, tableTextStyle(size)))),
    rowLines: directives.rowLines ?? 1,
    size,
    width: typeAreaWidth(parts.orientation),
  });
}

/** A cell's text as printed, a <br> as a line break. */
export function cellText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node): string => (node.type === 'html' ? (/^<br\s*\/?>$/iu.test(node.value) ? '\n' : '') : 'children' in node ? cellText(node.children) : toString(node)))
    .join('');
}

/** Latin letters and digits: a line breaks between two of them only at a space. */
const LATIN = /[A-Za-z0-9.\-]/u;
const JOINER = '\u2060';

/** The widest piece of a text a line cannot break inside: a number, a Latin word, characters joined by U+2060. */
function widestUnbreakable(text: string): number {
  let widest = 0;
  let piece = '';
  let previous = '';
  for (const char of text) {
    const joined = char === JOINER || previous === JOINER || (LATIN.test(char) && LATIN.test(previous));
    piece = joined ? piece + char : char;
    if (/\s/u.test(char)) piece = '';
    widest = Math.max(widest, widthInCharacters(piece));
    previous = char;
  }
  return widest;
}

/** The widths a column's cells ask for; the first cell is the heading, whose words never wrap. */
/** What each column of a table holds, from its rows' texts. */
function tableContent(texts: string[][]): ColumnContent[] {
  return (texts[0] ?? []).map((_, column) => columnContent(texts.map((row) => row[column]!)));
}

/** A table's cells, row after row, as rows of `columns` cells. */
function rowsOf(cells: string[], columns: number): string[][] {
  return Array.from({ length: cells.length / columns }, (_, row) => cells.slice(row * columns, (row + 1) * columns));
}

export function columnContent(cells: string[]): ColumnContent {
  const [heading = '', ...body] = cells;
  const lines = cells.flatMap((cell) => cell.split('\n'));
  return {
    widest: Math.max(0, ...lines.map(widthInCharacters)),
    narrowest: Math.max(0, ...heading.split('\n').map(widthInCharacters), ...body.map(widestUnbreakable)),
    byHand: body.length > 0 && body.every((cell) => cell.trim() === ''),
  };
}

/**
 * Whether text put into a paragraph comes out as it is, in one run: not empty, no line break, no white space
 * at either end (trimmed or joined away above), no □ (a check box).
 */
export function isPlainText(text: string): boolean {
  return text !== '' && text.trim() === text && !/[\r\n]/u.test(text) && !text.includes(CHECK_BOX);
}

/** Each □ in the text is a check box a clerk can tick. */
function withCheckBoxes(text: string, style: RunStyle): Inline[] {
  return text.split(CHECK_BOX).flatMap((piece, index) => [...(index > 0 ? [checkBox()] : []), ...(piece === '' ? [] : [textRun(piece, style)])]);
}

/** Inline Markdown → runs: **strong** in 黑体, *emphasis* in 楷体; a soft line break joins the lines (Chinese). */
function runs(nodes: PhrasingContent[], style: RunStyle): Inline[] {
  return nodes.flatMap((node): Inline[] => {
    switch (node.type) {
      case 'text':
        return withCheckBoxes(node.value.replace(/[ \t]*\n[ \t]*/gu, ''), style);
      case 'strong':
        return runs(node.children, { ...style, face: '黑体' });
      case 'emphasis':
        return runs(node.children, { ...style, face: '楷体' });
      case 'break':
        return [textRun('', style, { lineBreakBefore: true })];
      case 'html':
        // <br> breaks a line inside a table cell; other inline HTML is the template author's own note.
        return /^<br\s*\/?>$/iu.test(node.value) ? [textRun('', style, { lineBreakBefore: true })] : [];
      default:
        return 'children' in node ? runs(node.children, style) : [textRun(toString(node), style)];
    }
  });
}
