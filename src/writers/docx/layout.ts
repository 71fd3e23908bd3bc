/**
 * GB/T 9704-2012《党政机关公文格式》as data: every .docx writer builds its pages from the constructors here, so
 * the standard's figures are stated once. What they build is WordprocessingML as data (wordml.ts writes it; the
 * parts every document of a kind shares are made by the docx library, frame.ts). As the docx library's traps
 * taught (see shared/spec/gbt9704.md §4):
 * - lengths are literal twips (a millimetre helper that floors would make 37 mm 2097);
 * - line spacing is `exact` (`exactly` is a value Word ignores);
 * - every run names its East Asian font and a Latin fallback, so no theme font is ever used;
 * - even-page footers need `evenAndOddHeaderAndFooters`, a first-page header/footer needs `titlePage`;
 * - tables carry DXA widths in `gridCol`, table and cells (WPS reads the grid), in fixed layout.
 * Units: twip = 1/20 pt; font size in half-points; border size in 1/8 pt, border space in pt.
 */
import { makeFrame, type Frame, type WrittenPart } from './frame.js';
import type { DocxParts } from './package.js';
import { WORD_JOINER } from './unbreakable.js';
import {
  blockXml,
  corePropertiesXml,
  customPropertiesXml,
  paragraphXml,
  type Block,
  type Inline,
  type Paragraph,
  type ParagraphAlignment,
  type ParagraphSpacing,
  type RunFonts,
  type RunProperties,
  type Table,
} from './wordml.js';

// ── 5.1 幅面尺寸 and 5.2.1 页边与版心尺寸 ────────────────────────────────────────────────────────────

/** A4 纸 210 × 297 mm (GB/T 9704 5.1, GB/T 148). */
export const PAGE = { width: 11906, height: 16838 } as const;
/** 版心 156 × 225 mm, page number outside it (5.2.1). */
export const TYPE_AREA = { width: 8844, height: 12756 } as const;
/** 天头（上白边）37 mm and 订口（左白边）28 mm (5.2.1); 翻口 26 mm and 下白边 35 mm follow from the 版心. */
export const MARGIN = {
  top: 2098,
  left: 1588,
  right: PAGE.width - 1588 - TYPE_AREA.width,
  bottom: PAGE.height - 2098 - TYPE_AREA.height,
} as const;

/**
 * 横排表格 (GB/T 9704 8): a wide table is printed on A4 turned sideways. The page keeps its 版心 and white
 * margins, turned with it: the 订口 (28 mm) is the top edge, where the table's head is, and the 版心 is
 * 225 mm wide and 156 mm high.
 */
export type Orientation = 'portrait' | 'landscape';

const LANDSCAPE_MARGIN = { top: MARGIN.left, right: MARGIN.top, bottom: MARGIN.right, left: MARGIN.bottom } as const;

/** The 版心's width on a page of this orientation: what a table spans. */
export function typeAreaWidth(orientation: Orientation): number {
  return orientation === 'portrait' ? TYPE_AREA.width : TYPE_AREA.height;
}

// ── 5.2.3 行数和字数: 22 行 × 28 字, filling the 版心 ──────────────────────────────────────────────────

export const LINES_PER_PAGE = 22;
export const CHARACTERS_PER_LINE = 28;
/** 行距: the exact pitch that fits 22 lines in 225 mm (579; 580 twips gives only 21 lines). */
export const LINE_PITCH = Math.floor(TYPE_AREA.height / LINES_PER_PAGE);

// ── 字号 (Word's 号 → half-points) ───────────────────────────────────────────────────────────────────

export const SIZE = { 小初: 72, 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21 } as const;

/** Width of one 字 (a full-width character) at a size in half-points, in twips: 三号 16 pt = 320. */
function characterWidth(size: number): number {
  return size * 10;
}
/** 3号 text is 320 twips a character, so 28 need 8960 > 8844: each is drawn 5 twips narrower (−0.25 pt). */
const BODY_CHARACTER_SPACING = Math.floor(TYPE_AREA.width / CHARACTERS_PER_LINE) - characterWidth(SIZE.三号);
/** 1 字 at 三号 (320 twips), the unit of 首行缩进 and 右空; 左空二字 = 2 × this. */
const 字 = characterWidth(SIZE.三号);

// ── 字体 (5.2.2, 7.x): the standard names typeface styles; these are the names Word and WPS show ────────

export type Face = '仿宋' | '小标宋' | '黑体' | '楷体' | '宋体';
const TYPEFACE: Record<Face, string> = {
  仿宋: '仿宋_GB2312',
  小标宋: '方正小标宋简体',
  黑体: '黑体',
  楷体: '楷体_GB2312',
  宋体: '宋体',
};
/**
 * What word/fontTable.xml says of each font, so that a machine without it substitutes a like one: its
 * 字体族 (roman = with serifs, as 宋/仿宋/楷 are; swiss = without, as 黑体), PANOSE, GB2312 character set
 * (charset 86) and the names it goes by elsewhere (altName: Windows Vista and later ship 仿宋 and 楷体, not
 * the _GB2312 fonts). Word and WPS match a missing font by these; LibreOffice reads none of them
 * (writerfilter's FontTable ignores altName, panose1 and family) and asks fontconfig by name alone.
 */
const FONT_DECLARATIONS: { name: string; altName?: string; panose: string; charset: string; family: 'roman' | 'swiss'; pitch: 'variable' | 'fixed' }[] = [
  { name: '仿宋_GB2312', altName: '仿宋', panose: '02010609030101010101', charset: '86', family: 'roman', pitch: 'fixed' },
  { name: '方正小标宋简体', altName: '宋体', panose: '02000000000000000000', charset: '86', family: 'roman', pitch: 'variable' },
  { name: '黑体', altName: 'SimHei', panose: '02010609060101010101', charset: '86', family: 'swiss', pitch: 'fixed' },
  { name: '楷体_GB2312', altName: '楷体', panose: '02010609030101010101', charset: '86', family: 'roman', pitch: 'fixed' },
  { name: '宋体', altName: 'SimSun', panose: '02010600030101010101', charset: '86', family: 'roman', pitch: 'variable' },
  { name: 'Times New Roman', panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
];

/** word/fontTable.xml: docx leaves it empty; it declares the fonts the runs name, with what stands in for them. */
function fontTableXml(): string {
  const fonts = FONT_DECLARATIONS.map(
    (font) =>
      `<w:font w:name="${font.name}">${font.altName ? `<w:altName w:val="${font.altName}"/>` : ''}<w:panose1 w:val="${font.panose}"/>` +
      `<w:charset w:val="${font.charset}"/><w:family w:val="${font.family}"/><w:pitch w:val="${font.pitch}"/></w:font>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.join('')}</w:fonts>`;
}

/** Digits and Latin letters (7.5 asks 半角 Arabic numerals); the page number is 宋体 throughout. */
const LATIN_TYPEFACE = 'Times New Roman';
/** Red of the 发文机关标志 and its lines (5.2.4 红色). */
const RED = 'FF0000';

function fontOf(face: Face): RunFonts {
  const latin = face === '宋体' ? TYPEFACE.宋体 : LATIN_TYPEFACE;
  // hint eastAsia: “” and — are drawn with the East Asian font, full width.
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia: TYPEFACE[face], hint: 'eastAsia' };
}

export interface RunStyle {
  face: Face;
  /** Half-points, one of SIZE except for the 信函 mark. */
  size: number;
}

/** A run of text; 三号 runs are narrowed so that a full line holds 28 characters (5.2.3). */
export function textRun(text: string, style: RunStyle, options: { lineBreakBefore?: boolean; red?: boolean } = {}): Inline {
  const properties: RunProperties = {
    fonts: fontOf(style.face),
    size: style.size,
    ...(style.size === SIZE.三号 ? { characterSpacing: BODY_CHARACTER_SPACING } : {}),
    ...(options.red ? { color: RED } : {}),
  };
  return { type: 'text', text, properties, ...(options.lineBreakBefore ? { lineBreakBefore: true } : {}) };
}

/** A check box a clerk ticks in Word or WPS (a w14 check-box content control): □ unticked, ☑ ticked. */
export function checkBox(checked = false): Inline {
  return { type: 'check box', checked, checkedState: { value: '2611', font: TYPEFACE.宋体 }, uncheckedState: { value: '25A1', font: TYPEFACE.宋体 } };
}

// ── Paragraph kinds: 7.3 主体 and 10.1 信函格式 ────────────────────────────────────────────────────────

interface ParagraphKindSpec {
  run: RunStyle;
  alignment: ParagraphAlignment;
  firstLine?: number;
  right?: number;
  /** Blank lines before and after, in lines of LINE_PITCH. */
  before?: number;
  after?: number;
}

/** The kinds of paragraph a template can ask for (`<!-- 样式：… -->`), plus those of headings and tables. */
const PARAGRAPH_KINDS = {
  /** 正文: 3号仿宋, 左空二字 (7.3.3). */
  正文: { run: { face: '仿宋', size: SIZE.三号 }, alignment: 'both', firstLine: 2 * 字 },
  /** 标题: 2号小标宋, centred; 主送机关 one line below (7.3.1–7.3.2). */
  标题: { run: { face: '小标宋', size: SIZE.二号 }, alignment: 'center', after: 1 },
  /** 一级标题 一、: 黑体 (7.3.3). */
  一级标题: { run: { face: '黑体', size: SIZE.三号 }, alignment: 'both', firstLine: 2 * 字 },
  /** 二级标题 （一）: 楷体 (7.3.3). */
  二级标题: { run: { face: '楷体', size: SIZE.三号 }, alignment: 'both', firstLine: 2 * 字 },
  /** 主送机关: 顶格, ends with a full-width colon (7.3.2). */
  主送: { run: { face: '仿宋', size: SIZE.三号 }, alignment: 'both' },
  /** 信函 发文字号: 顶格居版心右边缘, 标题 two lines below (10.1). */
  发文字号: { run: { face: '仿宋', size: SIZE.三号 }, alignment: 'right', after: 2 },
  /** Centred text, e.g. a table's caption. */
  居中: { run: { face: '仿宋', size: SIZE.三号 }, alignment: 'center' },
  /** 成文日期 with a seal: 右空四字 (7.3.5.1). */
  日期: { run: { face: '仿宋', size: SIZE.三号 }, alignment: 'right', right: 4 * 字 },
} as const satisfies Record<string, ParagraphKindSpec>;

export type ParagraphKind = keyof typeof PARAGRAPH_KINDS;

export function isParagraphKind(name: string): name is ParagraphKind {
  return Object.hasOwn(PARAGRAPH_KINDS, name);
}

export function runStyleOf(kind: ParagraphKind): RunStyle {
  return PARAGRAPH_KINDS[kind].run;
}

/** A paragraph of one kind, on the 22-line grid (exact line pitch). */
export function paragraph(kind: ParagraphKind, children: Inline[], options: { keepNext?: boolean } = {}): Paragraph {
  const spec: ParagraphKindSpec = PARAGRAPH_KINDS[kind];
  return {
    type: 'paragraph',
    ...(options.keepNext ? { keepNext: true } : {}),
    spacing: onGrid(spec.before ?? 0, spec.after ?? 0),
    indent: { firstLine: spec.firstLine ?? 0, ...(spec.right ? { right: spec.right } : {}) },
    alignment: spec.alignment,
    children,
  };
}

function onGrid(linesBefore: number, linesAfter: number): ParagraphSpacing {
  return { line: LINE_PITCH, lineRule: 'exact', before: linesBefore * LINE_PITCH, after: linesAfter * LINE_PITCH };
}

/**
 * 发文机关署名 centred over 成文日期, the date 右空四字, for a document the unit seals (7.3.5.1);
 * two blank lines above leave room for the seal to press on both.
 */
export function signatureBlock(signature: string, date: string, orientation: Orientation): Paragraph[] {
  const style = PARAGRAPH_KINDS.日期.run;
  const placement = signaturePlacement(signature, date, orientation);
  return [
    {
      type: 'paragraph',
      keepNext: true,
      ...(placement === 'flush right' ? {} : { tabStops: [{ type: 'center', position: placement.centredAt }] }),
      spacing: onGrid(2, 0),
      alignment: placement === 'flush right' ? 'right' : 'left',
      children: [...(placement === 'flush right' ? [] : [tabRun(style)]), textRun(signature, style)],
    },
    paragraph('日期', [textRun(date, style)]),
  ];
}

/**
 * Where the 署名 stands: centred on the middle of the date by a centre tab stop there, so that the paragraph is
 * the same whatever the name's width; a name too wide to be centred there without passing the 版心's right
 * edge stands flush right instead. The only thing the name's width decides is which of the two (see `Measure`).
 */
export function signaturePlacement(signature: string, date: string, orientation: Orientation): { centredAt: number } | 'flush right' {
  const advance = 字 + BODY_CHARACTER_SPACING;
  const fromRightEdge = PARAGRAPH_KINDS.日期.right + (widthInCharacters(date) * advance) / 2;
  if ((widthInCharacters(signature) * advance) / 2 > fromRightEdge) return 'flush right';
  return { centredAt: Math.round(typeAreaWidth(orientation) - fromRightEdge) };
}

/** A run holding only a tab, in the style of the text after it. */
function tabRun(style: RunStyle): Inline {
  return { type: 'tab', properties: { fonts: fontOf(style.face), size: style.size } };
}

/** Characters that take no room: the zero-width space (a place to break) and the word joiner (no break). */
const ZERO_WIDTH = /[\u200b\u2060]/u;

/** Full-width characters count 1, half-width (digits, Latin) ½, zero-width characters nothing. */
export function widthInCharacters(text: string): number {
  return [...text].reduce((sum, char) => sum + (ZERO_WIDTH.test(char) ? 0 : char.codePointAt(0)! < 0x2e80 ? 0.5 : 1), 0);
}

/**
 * What must not be split at the end of a line: a document number's 〔2024〕8号, a date, a phone or fax
 * number, a span of years such as （2024—2026年）. Their characters are joined by U+2060 WORD JOINER, and the
 * package gives each such stretch a run LibreOffice keeps whole too (unbreakable.ts; measured in
 * test/writers/pages.test.ts).
 */
const KEPT_TOGETHER = new RegExp(
  [
    '[〔［\\[]\\d{4}[〕］\\]]\\d+号', // 〔2024〕8号
    '\\d{4}年\\d{1,2}月(?:\\d{1,2}日)?', // 2024年10月18日
    '\\d{1,2}月\\d{1,2}日', // 10月18日
    '[（(]?\\+?\\d+(?:\\s?[—–－-]{1,2}\\s?\\d+)+年?[）)]?', // 0591-88610051, （2024—2026年）
  ].join('|'),
  'gu',
);

/** U+200B ZERO WIDTH SPACE: a place a line may break, nothing drawn. */
const BREAK_OPPORTUNITY = '\u200B';
/** A number's 、 in a list such as 1、2、17 (not already followed by a place to break). */
const NUMBER_LIST_COMMA = /(?<=\d)、(?!\u200B)/gu;

/**
 * The text with word joiners inside each run of characters that must stay on one line, and a place to break
 * after each 、 that follows a number: in a list such as 1、2、…、17 LibreOffice finds no other and splits a
 * number (1|7) or starts a line with 、 (test/writers/pages.test.ts; Word and WPS break after 、 anyway).
 */
export function keepTogether(text: string): string {
  return text.replace(KEPT_TOGETHER, (found) => [...found].join(WORD_JOINER)).replace(NUMBER_LIST_COMMA, `、${BREAK_OPPORTUNITY}`);
}

// ── 10.1 信函格式: the first page's 发文机关标志 and red double lines ─────────────────────────────────

/** Top edge of the 信函 mark: 30 mm from the page's top edge. */
const LETTERHEAD_TOP = 1701;
/** The double lines are 170 mm long, centred: 397 twips beyond the 版心 on each side. */
const LETTERHEAD_OVERHANG = Math.round((9638 - TYPE_AREA.width) / 2);
/** The first line is 4 mm under the mark (border space is in points). */
const LETTERHEAD_RULE_SPACE = 11;
/** Border size of the double lines, in 1/8 pt. */
const LETTERHEAD_RULE_SIZE = 18;

/** The mark in 小标宋, as large as 小初 but never wider than the 版心. */
export function letterhead(issuer: string): Paragraph {
  const size = letterheadSize(issuer);
  return {
    type: 'paragraph',
    bottomBorder: { style: 'thickThinSmallGap', size: LETTERHEAD_RULE_SIZE, color: RED, space: LETTERHEAD_RULE_SPACE },
    spacing: { line: 240, lineRule: 'auto', before: 0, after: 0 },
    indent: { left: -LETTERHEAD_OVERHANG, right: -LETTERHEAD_OVERHANG },
    alignment: 'center',
    children: [textRun(issuer, { face: '小标宋', size }, { red: true })],
  };
}

/** The mark's size in half-points: 小初, smaller for a name too long for one line of the 版心, never below 二号. */
export function letterheadSize(issuer: string): number {
  const fit = Math.floor(TYPE_AREA.width / Math.max(1, widthInCharacters(issuer)) / characterWidth(2)) * 2;
  return Math.max(SIZE.二号, Math.min(SIZE.小初, fit));
}

/** The second red double line (上细下粗), 20 mm above the page's bottom edge: the footer of page 1. */
function letterFootRule(): Paragraph {
  return {
    type: 'paragraph',
    bottomBorder: { style: 'thinThickSmallGap', size: LETTERHEAD_RULE_SIZE, color: RED, space: 0 },
    spacing: { line: 20, lineRule: 'exact', before: 0, after: 0 },
    indent: { left: -LETTERHEAD_OVERHANG, right: -LETTERHEAD_OVERHANG },
    children: [textRun('', { face: '仿宋', size: SIZE.四号 })],
  };
}

// ── 7.5 页码: — 1 —, 4号半角宋体, 单页居右空一字, 双页居左空一字, 一字线 7 mm below the 版心 ─────────────

/** Footers sit 20 mm above the page edge, where 信函 needs its second double line. */
const FOOTER_DISTANCE = 1134;
/** Page numbers are raised 5 mm above that, putting the 一字线 about 7 mm under the 版心 (measured). */
const PAGE_NUMBER_RAISE = 284;

/** A footer's paragraph: text, and the field that shows the page's number. */
export type FooterParagraph = Omit<Paragraph, 'children'> & { children: (Inline | { type: 'page number'; properties: RunProperties })[] };

function pageNumberFooter(side: 'odd' | 'even'): FooterParagraph {
  const style: RunStyle = { face: '宋体', size: SIZE.四号 };
  const oneCharacter = characterWidth(SIZE.四号);
  return {
    type: 'paragraph',
    spacing: { line: 240, lineRule: 'auto', before: 0, after: PAGE_NUMBER_RAISE },
    indent: side === 'odd' ? { right: oneCharacter } : { left: oneCharacter },
    alignment: side === 'odd' ? 'right' : 'left',
    children: [textRun('— ', style), { type: 'page number', properties: { fonts: fontOf('宋体'), size: style.size } }, textRun(' —', style)],
  };
}

/**
 * Items joined by 、 for a narrow table cell, with a zero-width space after each 、: LibreOffice otherwise
 * breaks a list such as 1、3、4 between a digit and its 、 (Word and WPS are unaffected).
 */
export function wrappableList(items: string[]): string {
  return items.join(`、${BREAK_OPPORTUNITY}`);
}

// ── Tables (not in the standard: 意见反馈表, 分发清单) ─────────────────────────────────────────────────

/** Table text: 4号仿宋 unless the template asks for 小四 or 五号 (`<!-- 字号：小四 -->`); **…** in a cell is 黑体. */
export const TABLE_SIZES = { 四号: SIZE.四号, 小四: SIZE.小四, 五号: SIZE.五号 } as const;
export type TableSize = keyof typeof TABLE_SIZES;
/** Exact line height in a cell: 1.5 × the text size (in twips, 30 × half-points). */
const TABLE_LINE_PER_HALF_POINT = 15;
/** One row is at least this tall per line the template asks for (`<!-- 行高：2 -->`), 10 mm. */
const TABLE_ROW_LINE = 567;

export type CellAlignment = 'left' | 'center' | 'right' | null;

/** What a column holds, in characters at the table's size, for widths taken from the content. */
export interface ColumnContent {
  /** The longest line of any of its cells, the heading included. */
  widest: number;
  /** The longest piece that cannot wrap: a heading word, a number, a document number. */
  narrowest: number;
  /** Nothing in it below the heading: a column filled in by hand (签收, 采纳情况). */
  byHand: boolean;
}

export interface TableSpec {
  /** Relative column widths (列宽 1:3:4 …), or what each column holds; the table always spans the 版心. */
  widths: number[] | ColumnContent[];
  alignments: CellAlignment[];
  /** Each row's cells, each cell one paragraph of runs (made with `tableTextStyle`). */
  rows: Inline[][][];
  /** Minimum height of the rows after the first, in lines. */
  rowLines: number;
  size: TableSize;
  /** The width it spans: the 版心's on a page of the document's orientation (`typeAreaWidth`). */
  width: number;
}

export function tableTextStyle(size: TableSize): RunStyle {
  return { face: '仿宋', size: TABLE_SIZES[size] };
}

/** A cell's paragraph; the heading row is always centred. */
function cellParagraph(children: Inline[], alignment: CellAlignment, size: TableSize, keepNext: boolean): Paragraph {
  return {
    type: 'paragraph',
    ...(keepNext ? { keepNext: true } : {}),
    spacing: { line: TABLE_SIZES[size] * TABLE_LINE_PER_HALF_POINT, lineRule: 'exact', before: 0, after: 0 },
    alignment: alignment ?? 'left',
    children,
  };
}

/**
 * A table as wide as the 版心; the first row repeats on every page; rows never split. A table sized by its
 * content is a list that may run over pages, and no page holds a single row of it: the heading and the first
 * two rows stay together, and the last row keeps the one before it. (A form with given widths is laid out once
 * and its rows repeated per unit, so its rows cannot depend on how many there are.)
 */
export function table(spec: TableSpec): Table {
  const sizedByContent = isContent(spec.widths);
  const widths = isContent(spec.widths) ? contentWidths(spec.widths, spec.width, TABLE_SIZES[spec.size]) : columnWidths(spec.widths, spec.width);
  const last = spec.rows.length - 1;
  return {
    type: 'table',
    width: spec.width,
    alignment: 'center',
    layout: 'fixed',
    columnWidths: widths,
    rows: spec.rows.map((cells, rowIndex) => {
      const keepNext = sizedByContent && rowKeptWithNext(rowIndex, last);
      return {
        header: rowIndex === 0,
        cantSplit: true,
        ...(rowIndex > 0 ? { minHeight: Math.round(spec.rowLines * TABLE_ROW_LINE) } : {}),
        cells: widths.map((width, column) => ({
          width,
          verticalAlign: 'center',
          children: [cellParagraph(cells[column] ?? [], rowIndex === 0 ? 'center' : (spec.alignments[column] ?? null), spec.size, keepNext)],
        })),
      };
    }),
  };
}

/**
 * Whether a row of a table sized by its content stays on the page of the next one (keep-with-next on every
 * paragraph of the row): the heading and first row, and the last two rows, so that no page starts or ends
 * with a lone row. `last` is the index of the table's last row.
 */
export function rowKeptWithNext(rowIndex: number, last: number): boolean {
  return (rowIndex <= 1 || (rowIndex === last - 1 && last > 2)) && rowIndex < last;
}

function isContent(widths: number[] | ColumnContent[]): widths is ColumnContent[] {
  return typeof widths[0] === 'object';
}

/** Relative widths → twips summing exactly to the table's width. */
function columnWidths(ratios: number[], width: number): number[] {
  const total = ratios.reduce((sum, ratio) => sum + ratio, 0);
  return exactly(ratios.map((ratio) => Math.floor((width * ratio) / total)), width);
}

/** The widths given, the last one taking what rounding left over. */
function exactly(widths: number[], width: number): number[] {
  widths[widths.length - 1]! += width - widths.reduce((sum, each) => sum + each, 0);
  return widths;
}

/** Word's and LibreOffice's default cell margins, 1.9 mm each side. */
const CELL_MARGINS = 2 * 108;
/** A column filled in by hand is at least 25 mm wide: room to sign a name (签收) or write 部分采纳. */
const HANDWRITING_WIDTH = 1417;

/**
 * Column widths from what the columns hold: every column gets its narrowest (no heading wraps a character a
 * line, a column written by hand has room to write). When everything fits on one line, the room to spare goes
 * to every column in proportion to its text; otherwise it goes to the columns whose text wraps, in proportion
 * to the square root of how much wider each would like to be (a long column gets more, a short one is not
 * starved), and never more than a column asks for: what it leaves goes to the others.
 */
function contentWidths(columns: ColumnContent[], width: number, size: number): number[] {
  const twips = (characters: number): number => Math.ceil(characters * characterWidth(size)) + CELL_MARGINS;
  const least = columns.map((column) => Math.max(twips(column.narrowest), column.byHand ? HANDWRITING_WIDTH : 0));
  const wanted = columns.map((column, index) => Math.max(least[index]!, twips(column.widest)));
  const sum = (values: number[]): number => values.reduce((total, each) => total + each, 0);
  if (sum(least) >= width) return columnWidths(least, width);
  if (sum(wanted) <= width) return exactly(wanted.map((each) => Math.floor(each + ((width - sum(wanted)) * each) / sum(wanted))), width);
  const widths = [...least];
  let open = columns.map((_, index) => wanted[index]! > least[index]!);
  for (;;) {
    const spare = width - sum(widths);
    const weights = widths.map((_, index) => (open[index] ? Math.sqrt(wanted[index]! - least[index]!) : 0));
    const share = widths.map((each, index) => each + (spare * weights[index]!) / sum(weights));
    const capped = share.map((each, index) => open[index]! && each >= wanted[index]!);
    if (!capped.some(Boolean)) return exactly(share.map(Math.floor), width);
    capped.forEach((cap, index) => {
      if (cap) widths[index] = wanted[index]!;
    });
    open = open.map((isOpen, index) => isOpen && !capped[index]);
  }
}

// ── The document ─────────────────────────────────────────────────────────────────────────────────

export interface DocumentSpec {
  /** docProps/core.xml title. */
  title: string;
  /** Custom document properties (docProps/custom.xml), e.g. gongwen.recipientId. */
  properties: Record<string, string>;
  /** 信函格式: the mark on page 1, no page number there (10.1). */
  letterhead: Paragraph | null;
  body: Block[];
  /** When it was made: docProps/core.xml's created and modified. */
  date: Date;
  /** 横排表格 pages for a wide table (GB/T 9704 8); portrait otherwise. */
  orientation?: Orientation;
}

/**
 * What every document of one kind has besides its own text: the page (size, margins, footers, a 信函's first
 * page), the defaults its runs inherit (styles.xml) and its fonts. frame.ts turns it into those parts.
 */
export interface FrameSpec {
  orientation: Orientation;
  /** 信函格式: a first page with the mark in its header and the second double line as its footer. */
  letterhead: boolean;
  /** Twips, portrait: a landscape page is the same sheet turned. */
  size: { width: number; height: number };
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number; gutter: number };
  footers: { default: FooterParagraph; even: FooterParagraph; first?: FooterParagraph };
  /** What a run or paragraph that says nothing else is (docDefaults). */
  defaults: { run: RunProperties & { language: { value: string; eastAsia: string } }; spacing: ParagraphSpacing };
  /** word/fontTable.xml. */
  fontTable: string;
}

/** The frame of the documents of an orientation, in 信函格式 or not: the page of 5.2.1 and 8, the page numbers of 7.5, 10.1. */
export function frameSpec(orientation: Orientation, letterhead: boolean): FrameSpec {
  return {
    orientation,
    letterhead,
    size: { width: PAGE.width, height: PAGE.height },
    margin: { ...(orientation === 'landscape' ? LANDSCAPE_MARGIN : MARGIN), header: LETTERHEAD_TOP, footer: FOOTER_DISTANCE, gutter: 0 },
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even'), ...(letterhead ? { first: letterFootRule() } : {}) },
    defaults: { run: { fonts: fontOf('仿宋'), size: SIZE.三号, language: { value: 'en-US', eastAsia: 'zh-CN' } }, spacing: onGrid(0, 0) },
    fontTable: fontTableXml(),
  };
}

/** The frames made so far, by orientation and 信函格式. */
const frames = new Map<string, Frame>();
const encoder = new TextEncoder();

/** The parts of the document a spec describes (zip them with `packDocx`). */
export function layoutDocx(spec: DocumentSpec): DocxParts {
  const orientation = spec.orientation ?? 'portrait';
  const key = `${orientation} ${spec.letterhead !== null}`;
  const frame = frames.get(key) ?? frames.set(key, makeFrame(frameSpec(orientation, spec.letterhead !== null))).get(key)!;
  return new Map(frame.parts.map((part) => [part.path, 'written' in part ? encoder.encode(writtenPart(part.written, frame, spec)) : part.bytes]));
}

/** A part the document writes into its frame. */
function writtenPart(part: WrittenPart, frame: Frame, spec: DocumentSpec): string {
  switch (part) {
    case 'document':
      return frame.document.start + spec.body.map(blockXml).join('') + frame.document.end;
    case 'header':
      return frame.header.start + (spec.letterhead ? paragraphXml(spec.letterhead) : '') + frame.header.end;
    case 'core':
      return corePropertiesXml(spec.title, spec.date);
    case 'custom':
      return customPropertiesXml(spec.properties);
  }
}
