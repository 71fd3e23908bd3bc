/**
 * The fast path for a document that is mostly one long table (分发清单, 意见汇总表, 催报名单: a row per unit or
 * per comment, 10,000 of them for a national letter). Laying such a table out costs most of the memory and
 * time (filling the template, its blocks, their XML: a 分发清单 of 3,000 units 0.6 s, against 0.2 s here, and
 * RSS grew by some 80 MB a run instead of 15); here the document is laid out with a handful of rows, and the long
 * table's rows are then written as XML, each from the cells of those few rows with its values put in.
 *
 * The few rows are: rows holding marks in place of the values and rows with the values empty (a cell with
 * an empty value has no text run at all), in each position the layout treats apart (the rows kept with the
 * next one, the others), and the list's real rows that make each column as wide as the whole list makes it
 * (the widest line, the widest piece that cannot wrap, a cell that is not blank): column widths taken from
 * the content come out the same. The bytes are those of laying out the whole table
 * (test/writers/rows.test.ts compares them on real letters); data this cannot reproduce (a value that is not
 * plain text: white space at an end, a □, the marks' own characters; a cell holding two fields; a table with
 * rows besides its heading and the list's) is laid out whole.
 */
import type { Root, Table } from 'mdast';
import { columnContent, cellText, isPlainText } from '../docx/markdown.js';
import { rowKeptWithNext, type ColumnContent } from '../docx/layout.js';
import { packDocx, sharedZipEntry, unpackDocx, zipEntry } from '../docx/package.js';
import { fillTemplate, oneLine, type TemplateData } from './fill.js';
import type { Template } from './load.js';
import { HAS_MARK, MARKS, MARK_CHARACTERS, markAt } from './marks.js';
import { escapeXml } from '../docx/wordml.js';
import type { DocxRenderer } from './render.js';

/** How a rows renderer made its documents: tables written as rows, documents laid out whole. */
export interface RowsCounts {
  patched: number;
  direct: number;
}

const DOCUMENT_PART = 'word/document.xml';
const ROW_START = '<w:tr>';
const ROW_END = '</w:tr>';
const CELL_START = '<w:tc>';
const CELL_END = '</w:tc>';

/** What a cell of the list's row shows: fixed text, or a field of the item (with the template's text around it). */
type CellPattern = { text: string } | { field: string; before: string; after: string };

/** A data row's XML, cut at its cells: a cell is fixed, or text to put the escaped value between. */
interface RowXml {
  start: string;
  /** Per column, the cell with a value (null when the column's values are all empty) and the cell without one. */
  cells: { filled: [string, string] | null; empty: string }[];
  end: string;
}

/**
 * Renders with `render`, writing the rows of `list`'s table as XML when it can; otherwise (see above) it is
 * `render` itself. The date and any other choice `render` makes are kept: the few rows are laid out by it.
 */
export function rowsRenderer(render: DocxRenderer, list: string): DocxRenderer & { counts: RowsCounts } {
  const counts: RowsCounts = { patched: 0, direct: 0 };
  const rows: DocxRenderer = async (template, data, properties) => {
    const bytes = await tableAsRows(render, template, data, properties, list);
    if (bytes !== null) {
      counts.patched++;
      return bytes;
    }
    counts.direct++;
    return render(template, data, properties);
  };
  return Object.assign(rows, { counts });
}

async function tableAsRows(render: DocxRenderer, template: Template, data: TemplateData, properties: Record<string, string>, list: string): Promise<Uint8Array | null> {
  const items = data.lists[list];
  if (!items || items.length === 0 || !rowsPreparable(data, properties, list)) return null;
  const fields = Object.keys(items[0]!);
  const marked = Object.fromEntries(fields.map((field, index) => [field, markAt(index)]));
  const table = listTable(fillTemplate(template.tree, { values: data.values, lists: { ...data.lists, [list]: [marked] } }), marked);
  if (table === null) return null;
  const { headings, patterns } = table;

  // The cells' texts as markdownToDocx measures them; the items that make each column as wide as the list does.
  const textOf = (item: Record<string, string>, column: number): string => {
    const pattern = patterns[column]!;
    return 'text' in pattern ? pattern.text : pattern.before + oneLine(item[pattern.field]!) + pattern.after;
  };
  const full: ColumnContent[] = headings.map(() => ({ widest: 0, narrowest: 0, byHand: true }));
  const samples = new Set<number>();
  const widest = headings.map(() => 0);
  const narrowest = headings.map(() => 0);
  items.forEach((item, index) => {
    headings.forEach((heading, column) => {
      const content = columnContent([heading, textOf(item, column)]);
      const whole = full[column]!;
      if (index === 0 || content.widest > whole.widest) [whole.widest, widest[column]] = [content.widest, index];
      if (index === 0 || content.narrowest > whole.narrowest) [whole.narrowest, narrowest[column]] = [content.narrowest, index];
      if (whole.byHand && !content.byHand) samples.add(index);
      whole.byHand &&= content.byHand;
    });
  });
  for (const index of [...widest, ...narrowest]) samples.add(index);

  // A column blank in every row keeps its cells blank in the marked rows too, or it would no longer be 签收 by hand.
  const markedItem = Object.fromEntries(
    fields.map((field) => {
      const column = patterns.findIndex((pattern) => 'field' in pattern && pattern.field === field);
      return [field, column !== -1 && !full[column]!.byHand ? marked[field]! : ''];
    }),
  );
  const emptyItem = Object.fromEntries(fields.map((field) => [field, '']));
  // Rows 1 and M−1 are kept with the next one, rows 2, 3 and M are not (M ≥ 5): each kind marked and empty.
  const few = [markedItem, emptyItem, markedItem, ...[...samples].sort((a, b) => a - b).map((index) => items[index]!), emptyItem, markedItem];
  const same = headings.every((heading, column) => sameContent(columnContent([heading, ...few.map((item) => textOf(item, column))]), full[column]!));
  if (!same) return null;

  const fewData = { ...data, lists: { ...data.lists, [list]: few } };
  const parts = render.parts ? await render.parts(template, fewData, properties) : unpackDocx(await render(template, fewData, properties));
  const xml = new TextDecoder().decode(parts.get(DOCUMENT_PART));
  const layout = rowsOf(xml, few.length);
  if (layout === null) return null;
  const last = few.length;
  const variants = new Map<boolean, { marked?: string; empty?: string }>();
  layout.rows.forEach((row, index) => {
    const kind = few[index] === markedItem ? 'marked' : few[index] === emptyItem ? 'empty' : null;
    if (kind === null) return;
    const kept = rowKeptWithNext(index + 1, last);
    const variant = variants.get(kept) ?? variants.set(kept, {}).get(kept)!;
    variant[kind] ??= row;
  });
  const rowKinds = new Map<boolean, RowXml>();
  for (const [kept, { marked: markedRow, empty }] of variants) {
    const cut = markedRow !== undefined && empty !== undefined ? cutRow(markedRow, empty, headings.length, markedItem, patterns) : null;
    if (cut === null) return null;
    rowKinds.set(kept, cut);
  }

  const chunks: Uint8Array[] = [encoder.encode(xml.slice(0, layout.start))];
  let batch = '';
  for (let index = 0; index < items.length; index++) {
    const row = rowKinds.get(rowKeptWithNext(index + 1, items.length));
    if (!row) return null;
    batch += rowText(row, items[index]!, patterns);
    if (batch.length > BATCH) {
      chunks.push(encoder.encode(batch));
      batch = '';
    }
  }
  chunks.push(encoder.encode(batch + xml.slice(layout.end)));
  parts.set(DOCUMENT_PART, Buffer.concat(chunks));
  // The long table is this document's own; the other parts are those of the few rows' layout, compressed already.
  return packDocx([...parts].map(([path, bytes]) => (path === DOCUMENT_PART ? zipEntry(path, bytes) : sharedZipEntry(path, bytes))));
}

/** Characters of XML encoded at a time. */
const BATCH = 1 << 16;
const encoder = new TextEncoder();

/** Data the rows can be written from: no marks' characters anywhere, the list's items alike, each value plain or empty. */
function rowsPreparable(data: TemplateData, properties: Record<string, string>, list: string): boolean {
  const items = data.lists[list]!;
  const texts = [...Object.values(data.values), ...Object.values(properties), ...Object.values(data.lists).flatMap((each) => each.flatMap(Object.values))];
  if (texts.some((text) => MARK_CHARACTERS.test(text))) return false;
  const fields = Object.keys(items[0]!).join('\n');
  return items.every((item) => Object.keys(item).join('\n') === fields && Object.values(item).every((value) => value === '' || isPlainText(oneLine(value))));
}

/** The table the list repeats a row of: its heading texts and what each cell of the list's row shows. */
function listTable(root: Root, marked: Record<string, string>): { headings: string[]; patterns: CellPattern[] } | null {
  const byMark = new Map(Object.entries(marked).map(([field, mark]) => [mark, field]));
  const tables = root.children.filter((node): node is Table => node.type === 'table' && HAS_MARK.test(cellText(node.children.flatMap((row) => row.children.flatMap((cell) => cell.children)))));
  // The list's row must be its table's second and last row, after the heading, and in one table only.
  if (tables.length !== 1 || tables[0]!.children.length !== 2) return null;
  const [heading, row] = tables[0]!.children as [Table['children'][number], Table['children'][number]];
  const columns = Math.max(heading.children.length, row.children.length);
  const headings = Array.from({ length: columns }, (_, column) => cellText(heading.children[column]?.children ?? []));
  if (headings.some((text) => HAS_MARK.test(text))) return null;
  const patterns: CellPattern[] = [];
  for (let column = 0; column < columns; column++) {
    const text = cellText(row.children[column]?.children ?? []);
    const found = [...text.matchAll(MARKS)];
    if (found.length === 0) patterns.push({ text });
    else if (found.length === 1) patterns.push({ field: byMark.get(found[0]![0])!, before: text.slice(0, found[0]!.index), after: text.slice(found[0]!.index + 1) });
    else return null;
  }
  return { headings, patterns };
}

function sameContent(a: ColumnContent, b: ColumnContent): boolean {
  return a.widest === b.widest && a.narrowest === b.narrowest && a.byHand === b.byHand;
}

/** Where the list's rows are in the document's XML: `count` rows one after another, from the first mark on; no mark elsewhere. */
function rowsOf(xml: string, count: number): { start: number; end: number; rows: string[] } | null {
  const first = xml.search(HAS_MARK);
  const start = first === -1 ? -1 : xml.lastIndexOf(ROW_START, first);
  if (start === -1) return null;
  const rows: string[] = [];
  let at = start;
  for (let index = 0; index < count; index++) {
    const end = xml.indexOf(ROW_END, at);
    if (!xml.startsWith(ROW_START, at) || end === -1) return null;
    rows.push(xml.slice(at, end + ROW_END.length));
    at = end + ROW_END.length;
  }
  if (HAS_MARK.test(xml.slice(0, start)) || HAS_MARK.test(xml.slice(at))) return null;
  return { start, end: at, rows };
}

/** A row cut at its cells, from the same row laid out marked and empty; null when they do not line up. */
function cutRow(markedRow: string, emptyRow: string, columns: number, markedItem: Record<string, string>, patterns: CellPattern[]): RowXml | null {
  const markedCells = cellsOf(markedRow);
  const emptyCells = cellsOf(emptyRow);
  if (markedCells === null || emptyCells === null || markedCells.cells.length !== columns || emptyCells.cells.length !== columns) return null;
  if (markedCells.start !== emptyCells.start || markedCells.end !== emptyCells.end) return null;
  const cells: RowXml['cells'] = [];
  for (let column = 0; column < columns; column++) {
    const pattern = patterns[column]!;
    const cell = markedCells.cells[column]!;
    const empty = emptyCells.cells[column]!;
    const mark = 'field' in pattern ? markedItem[pattern.field]! : '';
    if (mark === '') {
      if (cell !== empty) return null;
      cells.push({ filled: null, empty });
      continue;
    }
    const at = cell.indexOf(mark);
    if (at === -1 || cell.indexOf(mark, at + 1) !== -1 || HAS_MARK.test(cell.slice(0, at) + cell.slice(at + 1))) return null;
    cells.push({ filled: [cell.slice(0, at), cell.slice(at + 1)], empty });
  }
  return { start: markedCells.start, cells, end: markedCells.end };
}

function cellsOf(row: string): { start: string; cells: string[]; end: string } | null {
  const first = row.indexOf(CELL_START);
  const last = row.lastIndexOf(CELL_END);
  if (first === -1 || last === -1) return null;
  const cells = row
    .slice(first, last + CELL_END.length)
    .split(CELL_END)
    .slice(0, -1)
    .map((cell) => cell + CELL_END);
  return cells.every((cell) => cell.startsWith(CELL_START) && cell.indexOf(CELL_START, 1) === -1) ? { start: row.slice(0, first), cells, end: row.slice(last + CELL_END.length) } : null;
}

function rowText(row: RowXml, item: Record<string, string>, patterns: CellPattern[]): string {
  let text = row.start;
  row.cells.forEach((cell, column) => {
    const pattern = patterns[column]!;
    const value = 'field' in pattern ? item[pattern.field]! : '';
    text += cell.filled === null || value === '' ? cell.empty : cell.filled[0] + escapeXml(oneLine(value)) + cell.filled[1];
  });
  return text + row.end;
}
