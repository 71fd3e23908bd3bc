/**
 * The parts every document of one kind shares, as the docx library (9.15.2) makes them: styles, settings, theme,
 * numbering, notes, relationships and content types, the footers, and the XML around the body (the section) and
 * around the 信函 mark (the first-page header). A document is its frame with its own text put in (layout.ts).
 *
 * `npm run build` makes the four frames (portrait or landscape, 信函 or not) and writes them into dist/ in place
 * of this module (scripts/build.js), so gongwen does not load the docx library to run; from source, they are made
 * here when first asked for. The same node → docx object conversion lays out a whole document through the library
 * in the tests, which compare it part for part with what gongwen writes (test/writers/wordml.test.ts).
 */
import {
  AlignmentType,
  BorderStyle,
  CheckBox,
  Document,
  Footer,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph as DocxParagraph,
  Tab,
  TabStopType,
  Table as DocxTable,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { FooterParagraph, FrameSpec } from './layout.js';
import type { Block, Inline, Paragraph, RunProperties, Table } from './wordml.js';

/** A part of a frame: the same bytes in every document, or one each document writes (layout.ts). */
export type FramePart = { path: string; bytes: Uint8Array } | { path: string; written: WrittenPart };
/** The parts each document writes: its body, its 信函 mark, its title and date, its own properties. */
export type WrittenPart = 'document' | 'header' | 'core' | 'custom';

export interface Frame {
  /** The package's parts in the order docx zips them. */
  parts: FramePart[];
  /** word/document.xml before and after the body. */
  document: { start: string; end: string };
  /** word/header1.xml before and after the 信函 mark (empty strings when the frame has no mark). */
  header: { start: string; end: string };
}

const WRITTEN: Record<string, WrittenPart> = {
  'word/document.xml': 'document',
  'word/header1.xml': 'header',
  'docProps/core.xml': 'core',
  'docProps/custom.xml': 'custom',
};
const FONT_TABLE = 'word/fontTable.xml';

/** The frame of the documents a spec describes, made by laying out an empty one through the docx library. */
export function makeFrame(spec: FrameSpec): Frame {
  // An empty paragraph where the 信函 mark goes, to cut the header there.
  const mark: Paragraph = { type: 'paragraph', spacing: spec.defaults.spacing, children: [] };
  const parts = compiledParts(documentOf(spec, { title: '', properties: {}, letterhead: spec.letterhead ? docxParagraph(mark) : null, body: [] }));
  const text = (path: string): string => new TextDecoder().decode(parts.get(path));
  const document = text('word/document.xml');
  const bodyAt = document.indexOf('<w:body>') + '<w:body>'.length;
  const header = spec.letterhead ? text('word/header1.xml') : '';
  const markAt = header.indexOf('<w:p>');
  return {
    parts: [...parts].map(([path, bytes]) =>
      Object.hasOwn(WRITTEN, path) ? { path, written: WRITTEN[path]! } : { path, bytes: path === FONT_TABLE ? new TextEncoder().encode(spec.fontTable) : bytes },
    ),
    document: { start: document.slice(0, bodyAt), end: document.slice(bodyAt) },
    header: spec.letterhead ? { start: header.slice(0, markAt), end: header.slice(header.indexOf('</w:p>', markAt) + '</w:p>'.length) } : { start: '', end: '' },
  };
}

/** What a document adds to its frame, as the docx library's objects. */
export interface DocxContent {
  title: string;
  properties: Record<string, string>;
  letterhead: DocxParagraph | null;
  body: (DocxParagraph | DocxTable)[];
}

/** A document as the docx library's object tree. */
export function documentOf(spec: FrameSpec, content: DocxContent): Document {
  const { fonts, size, language } = spec.defaults.run;
  return new Document({
    title: content.title,
    creator: 'gongwen',
    lastModifiedBy: 'gongwen',
    customProperties: Object.entries(content.properties).map(([name, value]) => ({ name, value })),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: fonts, size, language }, paragraph: { spacing: spec.defaults.spacing } } } },
    sections: [
      {
        properties: {
          titlePage: spec.letterhead,
          page: {
            // docx swaps width and height itself for a landscape page.
            size: { ...spec.size, ...(spec.orientation === 'landscape' ? { orientation: PageOrientation.LANDSCAPE } : {}) },
            margin: spec.margin,
          },
        },
        ...(content.letterhead ? { headers: { first: new Header({ children: [content.letterhead] }) } } : {}),
        footers: {
          default: footer(spec.footers.default),
          even: footer(spec.footers.even),
          ...(spec.footers.first ? { first: footer(spec.footers.first) } : {}),
        },
        children: content.body,
      },
    ],
  });
}

function footer(paragraph: FooterParagraph): Footer {
  return new Footer({ children: [docxParagraph(paragraph)] });
}

/**
 * The package's parts as the docx library makes them, before it zips them. `Packer.toBuffer` would deflate every
 * part with its JavaScript deflate only for them to be unzipped again. The compiler is Packer's own (a private
 * member of docx 9.15.2, pinned); test/writers/layout.test.ts checks that it gives exactly the parts
 * `Packer.toBuffer` zips.
 */
export function compiledParts(document: Document): Map<string, Uint8Array> {
  const compiled = (Packer as unknown as { compiler: PackageCompiler }).compiler.compile(document, undefined);
  return new Map([...compiled].map(([path, data]) => [path, typeof data === 'string' ? new TextEncoder().encode(data) : data]));
}

interface PackageCompiler {
  compile(document: Document, prettify: undefined): Map<string, string | Uint8Array>;
}

// ── Blocks as the docx library's objects ───────────────────────────────────────────────────────────

export function docxBlock(block: Block): DocxParagraph | DocxTable {
  return block.type === 'paragraph' ? docxParagraph(block) : docxTable(block);
}

const ALIGNMENTS = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.BOTH } as const;
const BORDERS = { thickThinSmallGap: BorderStyle.THICK_THIN_SMALL_GAP, thinThickSmallGap: BorderStyle.THIN_THICK_SMALL_GAP } as const;

export function docxParagraph(paragraph: Paragraph | FooterParagraph): DocxParagraph {
  const { spacing, bottomBorder } = paragraph;
  return new DocxParagraph({
    ...(paragraph.alignment ? { alignment: ALIGNMENTS[paragraph.alignment] } : {}),
    ...(paragraph.indent ? { indent: paragraph.indent } : {}),
    spacing: { ...spacing, lineRule: spacing.lineRule === 'exact' ? LineRuleType.EXACT : LineRuleType.AUTO },
    ...(bottomBorder ? { border: { bottom: { ...bottomBorder, style: BORDERS[bottomBorder.style] } } } : {}),
    ...(paragraph.tabStops ? { tabStops: paragraph.tabStops.map((stop) => ({ type: TabStopType.CENTER, position: stop.position })) } : {}),
    ...(paragraph.keepNext ? { keepNext: true } : {}),
    children: paragraph.children.map(docxInline),
  });
}

function docxInline(inline: Inline | { type: 'page number'; properties: RunProperties }): ParagraphChild {
  switch (inline.type) {
    case 'text':
      return new TextRun({ text: inline.text, ...runOptions(inline.properties), ...(inline.lineBreakBefore ? { break: 1 } : {}) });
    case 'tab':
      return new TextRun({ children: [new Tab()], ...runOptions(inline.properties) });
    case 'page number':
      return new TextRun({ children: [PageNumber.CURRENT], ...runOptions(inline.properties) });
    case 'check box':
      return new CheckBox({ checked: inline.checked, checkedState: inline.checkedState, uncheckedState: inline.uncheckedState });
  }
}

function runOptions(properties: RunProperties): { font: RunProperties['fonts']; size: number; characterSpacing?: number; color?: string } {
  return {
    font: properties.fonts,
    size: properties.size,
    ...(properties.characterSpacing ? { characterSpacing: properties.characterSpacing } : {}),
    ...(properties.color ? { color: properties.color } : {}),
  };
}

function docxTable(table: Table): DocxTable {
  return new DocxTable({
    width: { size: table.width, type: WidthType.DXA },
    columnWidths: table.columnWidths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    rows: table.rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.header,
          cantSplit: row.cantSplit,
          ...(row.minHeight !== undefined ? { height: { value: row.minHeight, rule: HeightRule.ATLEAST } } : {}),
          children: row.cells.map(
            (cell) =>
              new TableCell({
                width: { size: cell.width, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
                children: cell.children.map(docxParagraph),
              }),
          ),
        }),
    ),
  });
}
