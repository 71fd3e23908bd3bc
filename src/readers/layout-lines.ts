/**
 * Page-laid-out text (PDF, OFD) back into the block model: glyphs placed on a page become lines, lines
 * become paragraphs as a person sees them, ruled grids become tables. Shared by the PDF and OFD readers,
 * which only say where each glyph and each ruling line stands.
 *
 * - A line is the glyphs on one baseline read left to right by their position, whatever order the file
 *   draws them in (a quote set in a second font is drawn after the line, over a space left for it).
 * - Page furniture is dropped: page numbers (— 1 —, - 1 -, 第1页, 第 1 页 共 3 页, 1/3) and lines repeated at
 *   the top or foot of several pages (running headers and footers).
 * - A page with a gutter down its middle is read column by column.
 * - Lines wrapped by the page are joined into their paragraph; a first-line indent, a line ending short of
 *   the right margin, a wider gap above, or a change of type size starts a new one. Each paragraph keeps one
 *   run per line, positioned at that line's number in the document.
 * - Glyphs inside a grid of ruling lines are read as a table, one cell per enclosed box.
 */
import { paragraphText, type DocumentBlock, type ParagraphBlock, type TableBlock, type TableCell, type TextRun } from '../model/document.js';

/** One character as placed on a page. Coordinates grow rightwards and downwards; y is the baseline. */
export interface Glyph {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A ruling line: horizontal at y = `at` from x `from` to `to`, or vertical at x = `at`. */
export interface Rule {
  direction: 'horizontal' | 'vertical';
  at: number;
  from: number;
  to: number;
}

export interface PageLayout {
  width: number;
  height: number;
  glyphs: Glyph[];
  rules: Rule[];
}

/** CJK ideographs and full-width punctuation: a line wraps between them with no space. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2014\u2026\u25a0-\u25ff\u2610-\u2612]/u;
const PAGE_NUMBER = /^(?:[—–\-－~～]\s*\d{1,4}\s*[—–\-－~～]|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/u;

/**
 * Whether glyphs on one baseline stand apart by more than two type sizes somewhere: text set in the cells of
 * a table, or a form's label and its value. A page without such gaps needs no look at its ruling lines.
 */
export function mayHoldTable(glyphs: readonly Glyph[]): boolean {
  const marks = glyphs.filter((glyph) => glyph.text.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  for (let i = 1; i < marks.length; i++) {
    const previous = marks[i - 1] as Glyph;
    const glyph = marks[i] as Glyph;
    if (Math.abs(glyph.y - previous.y) <= glyph.size / 3 && glyph.x - (previous.x + previous.width) > glyph.size * 2) return true;
  }
  return false;
}

interface Line {
  glyphs: Glyph[];
  text: string;
  start: number;
  end: number;
  /** Baseline. */
  y: number;
  size: number;
  /** Its number in the document (counted over every kept line), set once furniture is gone. */
  number: number;
}

interface Box {
  left: number;
  right: number;
}

/** A flow item on a page: a line, or a table standing at `y`. */
type Item = { kind: 'line'; line: Line; box: Box } | { kind: 'table'; y: number; grid: Grid };

/** The blocks of a laid-out document, pages in order. */
export function blocksOfPages(pages: readonly PageLayout[]): DocumentBlock[] {
  const laidOut = pages.map((page) => {
    const grids = gridsOf(page.rules);
    const free: Glyph[] = [];
    for (const glyph of page.glyphs) if (!placeInGrid(glyph, grids)) free.push(glyph);
    return { page, grids, lines: linesOf(free) };
  });
  const furniture = runningLines(laidOut.map(({ page, lines }) => ({ page, lines })));
  const keptLines = laidOut.map(({ page, lines }) => lines.filter((line, index) => !isFurniture(line, index, lines, page, furniture)));
  // One set of margins for the whole document: a short last page must not make its indented lines the margin.
  const margins = marginsOf(keptLines.flat());
  let number = 0;
  const blocks: DocumentBlock[] = [];
  const builder = new ParagraphBuilder(blocks);
  let tableEndedPage = false;
  laidOut.forEach(({ page, grids }, pageIndex) => {
    const kept = keptLines[pageIndex] ?? [];
    const tables = grids.filter((grid) => grid.glyphCount > 0).map((grid): Item => ({ kind: 'table', y: grid.top, grid }));
    const items = placeTables(readingOrder(kept, margins), tables);
    items.forEach((item, index) => {
      if (item.kind === 'line') {
        item.line.number = ++number;
        builder.add(item.line, item.box, page);
        return;
      }
      builder.flush();
      const table = tableOf(item.grid, () => ++number);
      const previous = blocks.at(-1);
      // A table that ended the page before and starts this one, with the same columns, runs on; its header
      // row, repeated at the top of the page (Word's 标题行重复), is not a row of its own.
      if (index === 0 && tableEndedPage && previous?.kind === 'table' && sameColumns(previous, table)) {
        const repeated = rowText(table.rows[0]) === rowText(previous.rows[0]);
        previous.rows.push(...table.rows.slice(repeated ? 1 : 0));
      } else {
        blocks.push(table);
      }
    });
    tableEndedPage = items.at(-1)?.kind === 'table';
    builder.pageEnds();
  });
  builder.flush();
  return blocks;
}

function itemTop(item: Item): number {
  return item.kind === 'table' ? item.y : item.line.y - item.line.size;
}

/** Tables go in the flow before the first line that stands below their top. */
function placeTables(lines: Item[], tables: Item[]): Item[] {
  const sortedTables = [...tables].sort((a, b) => itemTop(a) - itemTop(b));
  const result: Item[] = [];
  let next = 0;
  for (const line of lines) {
    while (next < sortedTables.length && itemTop(sortedTables[next] as Item) < itemTop(line)) result.push(sortedTables[next++] as Item);
    result.push(line);
  }
  while (next < sortedTables.length) result.push(sortedTables[next++] as Item);
  return result;
}

/** Glyphs on one baseline (within a third of the type size) make a line, read by position. */
function linesOf(glyphs: Glyph[]): Line[] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Glyph[][] = [];
  let group: Glyph[] = [];
  let baseline = Number.NEGATIVE_INFINITY;
  for (const glyph of sorted) {
    const tolerance = Math.max(glyph.size, 1) / 3;
    if (group.length > 0 && glyph.y - baseline <= tolerance) {
      group.push(glyph);
    } else {
      if (group.length > 0) groups.push(group);
      group = [glyph];
      baseline = glyph.y;
    }
  }
  if (group.length > 0) groups.push(group);
  return groups.map(lineOf).filter((line): line is Line => line !== null);
}

/** A line from its glyphs: spaces that another glyph is drawn over are dropped, doubled glyphs (fake bold) too. */
function lineOf(glyphs: Glyph[]): Line | null {
  const marks = glyphs.filter((glyph) => glyph.text.trim() !== '').sort((a, b) => a.x - b.x);
  if (marks.length === 0) return null;
  const kept: Glyph[] = [];
  for (const glyph of marks) {
    const previous = kept.at(-1);
    if (previous && previous.text === glyph.text && Math.abs(previous.x - glyph.x) < glyph.size * 0.3) continue;
    kept.push(glyph);
  }
  const spaces = glyphs.filter((glyph) => glyph.text.trim() === '' && !kept.some((mark) => overlaps(mark, glyph)));
  const ordered = [...kept, ...spaces].sort((a, b) => a.x + a.width / 2 - (b.x + b.width / 2));
  // A space beside a Chinese character is spacing (justified or letter-spaced text), not a word break.
  const beside = (index: number, step: number): Glyph | undefined => {
    for (let at = index + step; at >= 0 && at < ordered.length; at += step) if ((ordered[at] as Glyph).text.trim() !== '') return ordered[at];
    return undefined;
  };
  let text = '';
  let previous: Glyph | null = null;
  ordered.forEach((glyph, index) => {
    const isSpace = glyph.text.trim() === '';
    if (isSpace) {
      const wideBeside = WIDE.test(beside(index, -1)?.text ?? '') || WIDE.test(beside(index, 1)?.text ?? '');
      if (text !== '' && !text.endsWith(' ') && !wideBeside) text += ' ';
    } else {
      // A gap between two Latin characters is a space the file did not draw.
      if (previous && !text.endsWith(' ') && glyph.x - (previous.x + previous.width) > glyph.size * 0.25 && !WIDE.test(glyph.text) && !WIDE.test(previous.text)) {
        text += ' ';
      }
      text += glyph.text;
      previous = glyph;
    }
  });
  const first = kept[0] as Glyph;
  const last = kept.reduce((right, glyph) => (glyph.x + glyph.width > right.x + right.width ? glyph : right), first);
  const size = median(kept.map((glyph) => glyph.size));
  return { glyphs: kept, text: text.trim(), start: first.x, end: last.x + last.width, y: median(kept.map((glyph) => glyph.y)), size, number: 0 };
}

/** A space overlapped by a drawn glyph over more than a third of the narrower of the two. */
function overlaps(mark: Glyph, space: Glyph): boolean {
  const overlap = Math.min(mark.x + mark.width, space.x + space.width) - Math.max(mark.x, space.x);
  return overlap > Math.min(mark.width, space.width) / 3;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Lines at the top or foot of a page whose text (digits aside) recurs on other pages: running headers and footers. */
function runningLines(pages: Array<{ page: PageLayout; lines: Line[] }>): Set<string> {
  const counts = new Map<string, number>();
  if (pages.length < 2) return new Set();
  for (const { page, lines } of pages) {
    const seen = new Set<string>();
    for (const line of lines) {
      if (!inMargin(line, page)) continue;
      const key = furnitureKey(line.text);
      if (!seen.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
      seen.add(key);
    }
  }
  return new Set([...counts].filter(([, count]) => count >= Math.max(2, Math.ceil(pages.length / 2))).map(([key]) => key));
}

function furnitureKey(text: string): string {
  return text.replace(/\s/gu, '').replace(/\d+/gu, '#');
}

/** In the top or bottom tenth of the page. */
function inMargin(line: Line, page: PageLayout): boolean {
  return line.y < page.height * 0.1 || line.y > page.height * 0.9;
}

function isFurniture(line: Line, index: number, lines: Line[], page: PageLayout, running: Set<string>): boolean {
  if (inMargin(line, page) && running.has(furnitureKey(line.text))) return true;
  const text = line.text.replace(/\s+/gu, ' ').trim();
  if (!PAGE_NUMBER.test(text)) return false;
  // A page number stands alone as the page's first or last line, or in the outer margins.
  return index === 0 || index === lines.length - 1 || inMargin(line, page);
}

/**
 * The page's lines in reading order. Where lines stand in two columns (three lines at least sharing a gap
 * of two type sizes down the middle), the left column is read before the right one; the lines above and
 * below, and any line crossing the gutter (a title), are read in turn.
 */
function readingOrder(lines: Line[], margins: Box): Item[] {
  const items: Item[] = [];
  for (const region of columnRegions(lines, margins)) {
    if (region.gutter === null) {
      for (const line of region.lines) items.push({ kind: 'line', line, box: margins });
      continue;
    }
    const gutter = region.gutter;
    const left: Line[] = [];
    const right: Line[] = [];
    for (const line of region.lines) {
      const leftLine = lineOf(line.glyphs.filter((glyph) => glyph.x + glyph.width / 2 < gutter));
      const rightLine = lineOf(line.glyphs.filter((glyph) => glyph.x + glyph.width / 2 >= gutter));
      if (leftLine) left.push(leftLine);
      if (rightLine) right.push(rightLine);
    }
    // Columns of equal width: the left one ends as far from the left margin as the right one is wide.
    const rightStart = Math.min(...right.map((line) => line.start), margins.right);
    const leftBox = { left: margins.left, right: Math.min(margins.left + (margins.right - rightStart), gutter) };
    const rightBox = { left: rightStart, right: margins.right };
    for (const line of left) items.push({ kind: 'line', line, box: leftBox });
    for (const line of right) items.push({ kind: 'line', line, box: rightBox });
  }
  return items;
}

interface Region {
  lines: Line[];
  /** The x of the gutter between two columns, or null for lines read whole. */
  gutter: number | null;
}

/** Consecutive lines grouped into runs read whole and runs in two columns. */
function columnRegions(lines: Line[], margins: Box): Region[] {
  const regions: Region[] = [];
  let plain: Line[] = [];
  let index = 0;
  while (index < lines.length) {
    const run = columnRunAt(lines, index, margins);
    if (run === null) {
      plain.push(lines[index] as Line);
      index += 1;
      continue;
    }
    if (plain.length > 0) regions.push({ lines: plain, gutter: null });
    plain = [];
    regions.push({ lines: lines.slice(index, index + run.count), gutter: run.gutter });
    index += run.count;
  }
  if (plain.length > 0) regions.push({ lines: plain, gutter: null });
  return regions;
}

/** The two-column run starting at line `index`, if one does. */
function columnRunAt(lines: Line[], index: number, margins: Box): { count: number; gutter: number } | null {
  const first = lines[index] as Line;
  let gap = middleGap(first, margins);
  if (gap === null) return null;
  const starts = { left: first.start, right: gap[1] };
  let gapped = 1;
  let count = 1;
  for (let at = index + 1; at < lines.length; at++) {
    const line = lines[at] as Line;
    const size = line.size;
    const next = middleGap(line, margins);
    const shared: [number, number] | null = next ? [Math.max(gap[0], next[0]), Math.min(gap[1], next[1])] : null;
    if (shared && shared[1] - shared[0] >= size) {
      gap = shared;
      gapped += 1;
    } else {
      // A line on one side only (a wrapped item's tail) belongs to the run if it starts where a column does.
      const middle = (gap[0] + gap[1]) / 2;
      const crosses = line.glyphs.some((glyph) => glyph.x < middle && glyph.x + glyph.width > middle) || (line.start < middle && line.end > middle);
      const atColumn = Math.abs(line.start - starts.left) < size || Math.abs(line.start - starts.right) < size * 2;
      if (crosses || !atColumn) break;
    }
    count = at - index + 1;
  }
  return gapped >= 3 ? { count, gutter: (gap[0] + gap[1]) / 2 } : null;
}

/** The widest gap of two type sizes or more between a line's glyphs in the middle half of the text width. */
function middleGap(line: Line, margins: Box): [number, number] | null {
  const width = margins.right - margins.left;
  const low = margins.left + width * 0.25;
  const high = margins.right - width * 0.25;
  let best: [number, number] | null = null;
  for (let i = 1; i < line.glyphs.length; i++) {
    const previous = line.glyphs[i - 1] as Glyph;
    const glyph = line.glyphs[i] as Glyph;
    const from = previous.x + previous.width;
    const to = glyph.x;
    if (to - from < line.size * 2 || to < low || from > high) continue;
    if (!best || to - from > best[1] - best[0]) best = [from, to];
  }
  return best;
}

/** The left margin (where most lines start) and the right one (where most full lines end). */
function marginsOf(lines: Line[]): Box {
  if (lines.length === 0) return { left: 0, right: 0 };
  const left = Math.min(...lines.map((line) => line.start));
  const ends = lines.map((line) => line.end).sort((a, b) => a - b);
  // Most full lines end at the right margin; a stray glyph placed past it must not move the margin.
  return { left, right: ends[Math.floor(ends.length * 0.8)] ?? left };
}

/** Joins lines into paragraphs as they are added, across pages. */
class ParagraphBuilder {
  private runs: TextRun[] = [];
  private last: { line: Line; box: Box; full: boolean; page: PageLayout; pageEnded: boolean } | null = null;
  private readonly pitches: number[] = [];

  constructor(private readonly blocks: DocumentBlock[]) {}

  add(line: Line, box: Box, page: PageLayout): void {
    const previous = this.last;
    const indented = line.start - box.left > line.size * 0.8;
    // A line reaching the right margin runs on, unless it starts far from the left one (a signature, a date).
    const full = box.right - line.end < line.size * 2.5 && line.start - box.left < line.size * 4;
    let continues = false;
    if (previous && (centered(previous.line, previous.box) || previous.full) && centered(line, box) && continuesCentered(previous.line, line, this.pitch(line.size))) {
      continues = true;
    } else if (previous && previous.full && !indented && Math.abs(previous.line.size - line.size) <= 1) {
      if (previous.pageEnded || previous.page !== page || previous.box !== box) {
        continues = true;
      } else {
        const gap = line.y - previous.line.y;
        const pitch = this.pitch(previous.line.size);
        continues = gap > 0 && gap <= pitch * 1.3;
      }
    }
    if (previous && previous.page === page && previous.box === box && !previous.pageEnded) {
      const gap = line.y - previous.line.y;
      if (gap > 0 && gap < line.size * 2.5) this.pitches.push(gap);
    }
    if (!continues) this.flush();
    this.runs.push({ text: line.text, start: { line: line.number, column: 1 } });
    this.last = { line, box, full, page, pageEnded: false };
  }

  /** The usual distance between two lines of one paragraph in this type size. */
  private pitch(size: number): number {
    const close = this.pitches.filter((gap) => gap < size * 2.5);
    return close.length > 0 ? Math.min(...close) : size * 1.5;
  }

  pageEnds(): void {
    if (this.last) this.last.pageEnded = true;
  }

  flush(): void {
    if (this.runs.length > 0) this.blocks.push(joinedParagraph(this.runs));
    this.runs = [];
    this.last = null;
  }
}

/** Set in the middle of the text area, clear of both margins: a title's line. */
function centered(line: Line, box: Box): boolean {
  return line.start - box.left > line.size / 2 && box.right - line.end > line.size / 2 && Math.abs((line.start + line.end) / 2 - (box.left + box.right) / 2) < line.size;
}

/** A centred title wrapped over two lines: same type size, no wider gap, the first as wide or wider and unfinished. */
function continuesCentered(previous: Line, line: Line, pitch: number): boolean {
  const gap = line.y - previous.y;
  return (
    Math.abs(previous.size - line.size) <= 1 && gap > 0 && gap <= pitch * 1.3 &&
    previous.end - previous.start >= line.end - line.start - line.size && !/[。：:；！？]$/u.test(previous.text)
  );
}

/**
 * Wrapped lines join with nothing between them, except two words of Latin prose, which keep a space. Latin
 * set among Chinese (an e-mail address after 电子邮箱：) wraps inside the word, as Chinese Word and WPS allow
 * by default, and joins whole.
 */
function joinedParagraph(runs: TextRun[]): ParagraphBlock {
  const joined: TextRun[] = [];
  for (const run of runs) {
    const previous = joined.at(-1);
    if (previous && /[A-Za-z0-9,.;:]$/u.test(previous.text) && /^[A-Za-z0-9]/u.test(run.text) && !/\d$/u.test(previous.text) && / [^ ]{0,24}$/u.test(previous.text)) {
      joined[joined.length - 1] = { ...previous, text: `${previous.text} ` };
    }
    joined.push(run);
  }
  return { kind: 'paragraph', runs: joined };
}

// Tables ---------------------------------------------------------------------------------------------

interface Grid {
  /** Row boundaries, top to bottom; column boundaries, left to right. */
  ys: number[];
  xs: number[];
  horizontal: Rule[];
  vertical: Rule[];
  top: number;
  /** Glyphs by cell band: bands[row][column]. */
  bands: Glyph[][][];
  glyphCount: number;
}

/** Grids of ruling lines: sets of horizontal and vertical lines crossing one another into two cells or more. */
function gridsOf(rules: Rule[]): Grid[] {
  const horizontal = mergeRules(rules.filter((rule) => rule.direction === 'horizontal'));
  const vertical = mergeRules(rules.filter((rule) => rule.direction === 'vertical'));
  const all = [...horizontal, ...vertical];
  const parent = all.map((_, index) => index);
  const find = (index: number): number => {
    let at = index;
    while (parent[at] !== at) at = parent[at] as number;
    return at;
  };
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      if (crosses(h, v)) parent[find(i)] = find(horizontal.length + j);
    });
  });
  const groups = new Map<number, Rule[]>();
  all.forEach((rule, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), rule]);
  });
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    const hs = group.filter((rule) => rule.direction === 'horizontal');
    const vs = group.filter((rule) => rule.direction === 'vertical');
    const ys = clustered(hs.map((rule) => rule.at));
    const xs = clustered(vs.map((rule) => rule.at));
    // A single box (a frame round a page or a note) is not a table: its text is read as paragraphs.
    if (ys.length < 2 || xs.length < 2 || (ys.length === 2 && xs.length === 2)) continue;
    const bands = ys.slice(1).map(() => xs.slice(1).map((): Glyph[] => []));
    grids.push({ ys, xs, horizontal: hs, vertical: vs, top: ys[0] as number, bands, glyphCount: 0 });
  }
  return grids;
}

const TOLERANCE = 2;

function crosses(h: Rule, v: Rule): boolean {
  return v.at >= h.from - TOLERANCE && v.at <= h.to + TOLERANCE && h.at >= v.from - TOLERANCE && h.at <= v.to + TOLERANCE;
}

/** Collinear pieces of one line (a border drawn cell by cell) become one rule. */
function mergeRules(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const merged: Rule[] = [];
  for (const rule of sorted) {
    const last = merged.at(-1);
    if (last && Math.abs(last.at - rule.at) <= TOLERANCE / 2 && rule.from <= last.to + TOLERANCE) last.to = Math.max(last.to, rule.to);
    else merged.push({ ...rule });
  }
  return merged;
}

function clustered(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const result: number[] = [];
  for (const value of sorted) if (result.length === 0 || value - (result.at(-1) as number) > TOLERANCE) result.push(value);
  return result;
}

/** Puts a glyph into the band of the grid it stands in; false when it stands in none. */
function placeInGrid(glyph: Glyph, grids: Grid[]): boolean {
  const cx = glyph.x + glyph.width / 2;
  const cy = glyph.y - glyph.size * 0.35;
  for (const grid of grids) {
    const column = bandIndex(grid.xs, cx);
    const row = bandIndex(grid.ys, cy);
    if (column < 0 || row < 0) continue;
    grid.bands[row]?.[column]?.push(glyph);
    grid.glyphCount += 1;
    return true;
  }
  return false;
}

function bandIndex(bounds: number[], value: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) if (value >= (bounds[i] as number) && value < (bounds[i + 1] as number)) return i;
  return -1;
}

/** Whether a rule of the grid runs along `at` over the point `across` (a cell wall is there). */
function ruled(rules: Rule[], at: number, across: number): boolean {
  return rules.some((rule) => Math.abs(rule.at - at) <= TOLERANCE && rule.from - TOLERANCE <= across && rule.to + TOLERANCE >= across);
}

/**
 * The table of a grid: a band with no wall on its right joins the next (a cell spanning columns); a band with
 * no wall above continues the cell above (a vertical merge), whose text is read from all its bands.
 */
function tableOf(grid: Grid, nextLine: () => number): TableBlock {
  const rows = grid.ys.length - 1;
  const columns = grid.xs.length - 1;
  // owner[r][c]: the top-left band of the cell that band (r, c) belongs to.
  const owner: Array<Array<[number, number]>> = [];
  for (let r = 0; r < rows; r++) {
    owner.push([]);
    for (let c = 0; c < columns; c++) {
      const midY = ((grid.ys[r] as number) + (grid.ys[r + 1] as number)) / 2;
      const midX = ((grid.xs[c] as number) + (grid.xs[c + 1] as number)) / 2;
      const wallLeft = c === 0 || ruled(grid.vertical, grid.xs[c] as number, midY);
      const wallAbove = r === 0 || ruled(grid.horizontal, grid.ys[r] as number, midX);
      if (!wallLeft) owner[r]?.push(owner[r]?.[c - 1] as [number, number]);
      else if (!wallAbove) owner[r]?.push(owner[r - 1]?.[c] as [number, number]);
      else owner[r]?.push([r, c]);
    }
  }
  const glyphsOf = new Map<string, Glyph[]>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const [or, oc] = owner[r]?.[c] as [number, number];
      const key = `${or},${oc}`;
      glyphsOf.set(key, [...(glyphsOf.get(key) ?? []), ...(grid.bands[r]?.[c] ?? [])]);
    }
  }
  const table: TableBlock = { kind: 'table', rows: [] };
  for (let r = 0; r < rows; r++) {
    const row: TableCell[] = [];
    for (let c = 0; c < columns; c++) {
      const [or, oc] = owner[r]?.[c] as [number, number];
      if (oc !== c && or === r) continue; // spanned by the cell on its left
      let span = 1;
      while (c + span < columns && owner[r]?.[c + span]?.[1] === oc && owner[r]?.[c + span]?.[0] === or) span += 1;
      if (or !== r) {
        row.push({ paragraphs: [], columnSpan: span, mergedAbove: true });
        continue;
      }
      const box = { left: grid.xs[c] as number, right: grid.xs[c + span] as number };
      row.push({ paragraphs: cellParagraphs(glyphsOf.get(`${r},${c}`) ?? [], box, nextLine), columnSpan: span, mergedAbove: false });
    }
    table.rows.push(row);
  }
  return table;
}

/** A cell's lines joined into paragraphs: a line reaching the cell's right wall runs on. */
function cellParagraphs(glyphs: Glyph[], box: Box, nextLine: () => number): ParagraphBlock[] {
  const lines = linesOf(glyphs);
  if (lines.length === 0) return [];
  const blocks: DocumentBlock[] = [];
  const builder = new ParagraphBuilder(blocks);
  const page: PageLayout = { width: 0, height: 0, glyphs: [], rules: [] };
  // The text's own margins inside the cell, not the walls (cells have padding).
  const margins = marginsOf(lines);
  const cellBox = { left: Math.min(margins.left, box.right), right: Math.max(margins.right, box.left) };
  for (const line of lines) {
    line.number = nextLine();
    builder.add(line, cellBox, page);
  }
  builder.flush();
  return blocks.filter((block): block is ParagraphBlock => block.kind === 'paragraph');
}

function rowText(row: TableCell[] | undefined): string {
  return (row ?? []).map((cell) => cell.paragraphs.map(paragraphText).join('/')).join('|');
}

function sameColumns(previous: TableBlock, next: TableBlock): boolean {
  const width = (row: TableCell[] | undefined): number => (row ?? []).reduce((sum, cell) => sum + cell.columnSpan, 0);
  return width(previous.rows[0]) === width(next.rows[0]);
}
