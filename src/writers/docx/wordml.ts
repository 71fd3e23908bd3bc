/**
 * WordprocessingML (ECMA-376 part 1, 17) for the blocks gongwen lays out: paragraphs of runs, tables, and the
 * document's properties. layout.ts decides what a page holds (GB/T 9704 as data); this module only writes it.
 *
 * The XML is the docx library's (9.15.2) to the byte: the same elements, attributes in the same order, text
 * escaped alike. The library builds an object tree of each document and turns it into XML twice over, which
 * took most of the time `packets` spent on a letter; these few blocks are written here as strings instead.
 * The parts every document of a kind shares (styles, settings, footers, the section) are still the library's,
 * made once (frame.ts). test/writers/wordml.test.ts lays out every template both ways and compares the parts.
 */

/** w:rFonts: the font of each script. */
export interface RunFonts {
  ascii: string;
  hAnsi: string;
  cs: string;
  eastAsia: string;
  hint: 'eastAsia';
}

/** w:rPr: how a run is drawn. */
export interface RunProperties {
  fonts: RunFonts;
  /** Half-points. */
  size: number;
  /** Twips added to each character's advance (w:spacing). */
  characterSpacing?: number;
  /** RGB hex, e.g. FF0000. */
  color?: string;
}

/** What a paragraph holds: runs of text, a tab, a check box (a w14 content control). */
export type Inline =
  | { type: 'text'; text: string; properties: RunProperties; lineBreakBefore?: boolean }
  | { type: 'tab'; properties: RunProperties }
  | { type: 'check box'; checked: boolean; checkedState: CheckBoxState; uncheckedState: CheckBoxState };

/** A check box's symbol: its character as hex (2611 ☑) and the font it is drawn in. */
export interface CheckBoxState {
  value: string;
  font: string;
}

export type ParagraphAlignment = 'left' | 'center' | 'right' | 'both';

/** w:spacing of a paragraph, in twips: exact line pitch, or 240ths of a line (auto). */
export interface ParagraphSpacing {
  line: number;
  lineRule: 'exact' | 'auto';
  before: number;
  after: number;
}

/** A border line (w:pBdr): size in eighths of a point, space in points. */
export interface BorderLine {
  style: 'thickThinSmallGap' | 'thinThickSmallGap';
  size: number;
  color: string;
  space: number;
}

export interface Paragraph {
  type: 'paragraph';
  keepNext?: boolean;
  bottomBorder?: BorderLine;
  tabStops?: { type: 'center'; position: number }[];
  spacing: ParagraphSpacing;
  indent?: { left?: number; right?: number; firstLine?: number };
  alignment?: ParagraphAlignment;
  children: Inline[];
}

export interface TableCell {
  /** Twips. */
  width: number;
  verticalAlign: 'center';
  children: Paragraph[];
}

export interface TableRow {
  /** Repeated at the top of every page (w:tblHeader). */
  header: boolean;
  cantSplit: boolean;
  /** At least this tall, in twips. */
  minHeight?: number;
  cells: TableCell[];
}

export interface Table {
  type: 'table';
  /** Twips. */
  width: number;
  alignment: 'center';
  layout: 'fixed';
  /** Twips, one per column (w:gridCol). */
  columnWidths: number[];
  rows: TableRow[];
}

export type Block = Paragraph | Table;

export function blockXml(block: Block): string {
  return block.type === 'paragraph' ? paragraphXml(block) : tableXml(block);
}

export function paragraphXml(paragraph: Paragraph): string {
  let properties = '';
  if (paragraph.keepNext) properties += '<w:keepNext/>';
  const border = paragraph.bottomBorder;
  if (border) properties += `<w:pBdr><w:bottom w:val="${border.style}" w:color="${border.color}" w:sz="${border.size}" w:space="${border.space}"/></w:pBdr>`;
  if (paragraph.tabStops && paragraph.tabStops.length > 0) {
    properties += `<w:tabs>${paragraph.tabStops.map((stop) => `<w:tab w:val="${stop.type}" w:pos="${stop.position}"/>`).join('')}</w:tabs>`;
  }
  const { spacing, indent } = paragraph;
  properties += `<w:spacing w:after="${spacing.after}" w:before="${spacing.before}" w:line="${spacing.line}" w:lineRule="${spacing.lineRule}"/>`;
  if (indent) properties += `<w:ind${attribute('w:left', indent.left)}${attribute('w:right', indent.right)}${attribute('w:firstLine', indent.firstLine)}/>`;
  if (paragraph.alignment) properties += `<w:jc w:val="${paragraph.alignment}"/>`;
  return `<w:p><w:pPr>${properties}</w:pPr>${paragraph.children.map(inlineXml).join('')}</w:p>`;
}

function inlineXml(inline: Inline): string {
  switch (inline.type) {
    case 'text':
      return `<w:r>${runPropertiesXml(inline.properties)}${inline.lineBreakBefore ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(inline.text)}</w:t></w:r>`;
    case 'tab':
      return `<w:r>${runPropertiesXml(inline.properties)}<w:tab/></w:r>`;
    case 'check box': {
      const { checked, checkedState, uncheckedState } = inline;
      const shown = checked ? checkedState : uncheckedState;
      return (
        `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/>` +
        `<w14:checkedState w14:val="${escapeXml(checkedState.value)}" w14:font="${escapeXml(checkedState.font)}"/>` +
        `<w14:uncheckedState w14:val="${escapeXml(uncheckedState.value)}" w14:font="${escapeXml(uncheckedState.font)}"/></w14:checkbox></w:sdtPr>` +
        `<w:sdtContent><w:r><w:sym w:char="${escapeXml(shown.value)}" w:font="${escapeXml(shown.font)}"/></w:r></w:sdtContent></w:sdt>`
      );
    }
    default:
      return unreachable(inline);
  }
}

function runPropertiesXml(properties: RunProperties): string {
  const { fonts } = properties;
  return (
    `<w:rPr><w:rFonts w:ascii="${escapeXml(fonts.ascii)}" w:cs="${escapeXml(fonts.cs)}" w:eastAsia="${escapeXml(fonts.eastAsia)}" w:hAnsi="${escapeXml(fonts.hAnsi)}" w:hint="${fonts.hint}"/>` +
    (properties.color ? `<w:color w:val="${properties.color}"/>` : '') +
    (properties.characterSpacing ? `<w:spacing w:val="${properties.characterSpacing}"/>` : '') +
    `<w:sz w:val="${properties.size}"/><w:szCs w:val="${properties.size}"/></w:rPr>`
  );
}

/** Every cell's edges: single lines, as the docx library draws a table's borders by default. */
const TABLE_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((edge) => `<w:${edge} w:val="single" w:color="auto" w:sz="4"/>`).join('')}</w:tblBorders>`;

function tableXml(table: Table): string {
  const properties = `<w:tblPr><w:tblW w:type="dxa" w:w="${table.width}"/><w:jc w:val="${table.alignment}"/>${TABLE_BORDERS}<w:tblLayout w:type="${table.layout}"/></w:tblPr>`;
  const grid = `<w:tblGrid>${table.columnWidths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>`;
  return `<w:tbl>${properties}${grid}${table.rows.map(rowXml).join('')}</w:tbl>`;
}

function rowXml(row: TableRow): string {
  const properties =
    (row.cantSplit ? '<w:cantSplit/>' : '') +
    (row.header ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>') +
    (row.minHeight !== undefined ? `<w:trHeight w:val="${row.minHeight}" w:hRule="atLeast"/>` : '');
  const cells = row.cells.map(
    (cell) => `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${cell.width}"/><w:vAlign w:val="${cell.verticalAlign}"/></w:tcPr>${cell.children.map(paragraphXml).join('')}</w:tc>`,
  );
  return `<w:tr><w:trPr>${properties}</w:trPr>${cells.join('')}</w:tr>`;
}

/** docProps/core.xml: the title, gongwen as author, and when the document was made (to the second). */
export function corePropertiesXml(title: string, date: Date): string {
  const when = date.toISOString().replace(/\.\d+Z$/u, 'Z');
  const stamp = (name: string): string => `<dcterms:${name} xsi:type="dcterms:W3CDTF">${when}</dcterms:${name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (title ? `<dc:title>${escapeXml(title)}</dc:title>` : '') +
    `<dc:creator>gongwen</dc:creator><cp:lastModifiedBy>gongwen</cp:lastModifiedBy><cp:revision>1</cp:revision>${stamp('created')}${stamp('modified')}</cp:coreProperties>`
  );
}

/** docProps/custom.xml: gongwen's own properties (gongwen.recipientId …), each a string. */
export function customPropertiesXml(properties: Record<string, string>): string {
  const entries = Object.entries(properties).map(
    ([name, value], index) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${index + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`,
  );
  const open = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"';
  return entries.length > 0 ? `${open}>${entries.join('')}</Properties>` : `${open}/>`;
}

/** As docx writes text and attribute values: markup characters escaped, control characters dropped. */
export function escapeXml(text: string): string {
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/gu, (char) => XML_ESCAPES[char] ?? '');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

function attribute(name: string, value: number | undefined): string {
  return value === undefined ? '' : ` ${name}="${value}"`;
}

function unreachable(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
