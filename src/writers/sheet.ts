/**
 * A list as .csv (UTF-8 with BOM, so Excel opens it in Chinese) or .xlsx (exceljs), its columns those of the
 * template's table (template/table.ts).
 * A text cell that starts with = + - @ (or a tab or carriage return) is prefixed with ' so that a
 * spreadsheet never runs it as a formula (CSV injection).
 */
import { PassThrough } from 'node:stream';
import type { Style, ValueType, stream } from 'exceljs';
// The streaming writer alone: exceljs's entry point loads its readers too (unzipper, jszip), at twice the cost;
// the build bundles the writer, with sheet-zip.ts for the zip (scripts/build.js).
import StreamingWorkbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer.js';
import type { Orientation } from './docx/layout.js';
import type { TemplateTable } from './template/table.js';

export type Cell = string | number;

export interface SheetColumn {
  header: string;
  /** A drop-down of the values a person may choose in this column (采纳 / 部分采纳 / 不采纳). */
  choices?: string[];
}

export interface SheetSpec {
  sheetName: string;
  /** The title row above the table: the document's title and the letter's 文号. */
  title: string;
  columns: SheetColumn[];
  rows: Cell[][];
  orientation: Orientation;
}

const FORMULA_START = /^[=+\-@\t\r]/u;
const UTF8_BOM = '\uFEFF';

/**
 * A CSV field a spreadsheet will not run as a formula: Excel, WPS and Calc run a field starting with = + - @ (or a
 * tab) when they open a .csv, so it gets a leading '. An .xlsx needs none: gongwen writes its cells as text, which
 * no spreadsheet runs, and the clerk reads the comment as the unit wrote it.
 */
function neutralise(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** A cell read back from a sheet gongwen wrote before its .xlsx cells were left as written, without the ' it had put. */
export function withoutFormulaMark(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

const WHOLE_NUMBER = /^(?:0|[1-9]\d{0,8})$/u;

/**
 * Cells as a spreadsheet should hold them: a column of whole numbers (序号, 份数) as numbers, any other column
 * as text (涉及任务 3 stays text beside 1、2; the number 04 keeps its zero).
 */
export function sheetCells(rows: string[][]): Cell[][] {
  const numeric = (column: number): boolean => rows.every((row) => row[column] === '' || WHOLE_NUMBER.test(row[column]!)) && rows.some((row) => row[column] !== '');
  const columns = (rows[0] ?? []).map((_, column) => numeric(column));
  return rows.map((row) => row.map((text, column) => (columns[column] && text !== '' ? Number(text) : text)));
}

export function csvBytes(headers: string[], rows: Cell[][]): Uint8Array {
  const lines = [headers, ...rows].map((row) => row.map((cell) => csvField(neutralise(cell))).join(','));
  return new TextEncoder().encode(`${UTF8_BOM}${lines.join('\r\n')}\r\n`);
}

function csvField(value: Cell): string {
  const text = String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

// ── .xlsx: what prints whole on A4 ─────────────────────────────────────────────────────────────────

/** Rows of the sheet: the title, then the heading row that repeats on every printed page, then the data. */
const TITLE_ROW = 1;
const HEADING_ROW = 2;
const FONT = '宋体';
const FONT_SIZE = 12;
const TITLE_FONT_SIZE = 16;
/** Excel's width unit is the width of a digit of the default font: a Han character at 12 pt takes about 2.2. */
const UNITS_PER_FULL_WIDTH = 2.2;
const UNITS_PER_HALF_WIDTH = 1.2;
/** Room for the cell's own padding and a little air. */
const WIDTH_PADDING = 2;
/** Column widths kept between these: a short column stays legible, a long one wraps. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 46;
/** Points per line of 12 pt text, and above and below a row's lines. */
const LINE_HEIGHT = 16;
const ROW_PADDING = 4;

/** The width of a text in Excel's units. */
function textWidth(text: string): number {
  return [...text].reduce((sum, char) => sum + (char.codePointAt(0)! < 0x2e80 ? UNITS_PER_HALF_WIDTH : UNITS_PER_FULL_WIDTH), 0);
}

/** How many lines a text wraps to in a column of this width. */
function linesIn(text: string, width: number): number {
  const usable = Math.max(1, width - WIDTH_PADDING);
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

/** The widest line of a column, fitted between MIN_WIDTH and MAX_WIDTH; a column with choices fits its longest. */
function fittedWidth(column: SheetColumn, texts: string[]): number {
  const widest = Math.max(...[column.header, ...texts, ...(column.choices ?? [])].flatMap((text) => text.split('\n')).map(textWidth));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(widest + WIDTH_PADDING)));
}

/** A workbook written as a stream (exceljs's WorkbookWriter): each row is written out as it is added, not kept. */
export type WorkbookWriter = stream.xlsx.WorkbookWriter;

/** The .xlsx `fill` writes its sheets into, as Excel writes one (text in a table of shared strings). */
export async function workbookBytes(fill: (workbook: WorkbookWriter) => void): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new StreamingWorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  workbook.creator = 'gongwen';
  fill(workbook);
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * One sheet: a title row with the 文号, a heading row that repeats on every printed page, thin borders,
 * columns fitted to their text, rows as tall as their wrapped text so that nothing is cut off when printed,
 * and a drop-down in each column that has choices. A4 in the template's orientation, fitted to the width.
 */
export function addTableSheet(workbook: WorkbookWriter, spec: SheetSpec): void {
  const sheet = workbook.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', ySplit: HEADING_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: spec.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADING_ROW}:${HEADING_ROW}`,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  const widths = spec.columns.map((column, index) => fittedWidth(column, spec.rows.map((row) => String(row[index] ?? ''))));
  sheet.columns = widths.map((width) => ({ width }));
  const border = { style: 'thin' } as const;
  const borders = { top: border, left: border, bottom: border, right: border };
  const fonts = [{ name: FONT, size: FONT_SIZE, bold: false }, { name: FONT, size: FONT_SIZE, bold: true }];
  const alignments = [{ vertical: 'middle', wrapText: true }, { vertical: 'middle', horizontal: 'center', wrapText: true }] as const;
  // One style object for each kind of cell, shared by its cells: exceljs knows an object it has seen and gives it
  // its style at once, instead of writing out each cell's font and borders to find it. The kind includes the type
  // of the cell's value, on which exceljs's choice of number format depends.
  const styles = new Map<string, Partial<Style>>();
  const styleOf = (heading: boolean, type: ValueType): Partial<Style> => {
    const key = `${heading}:${type}`;
    const style = styles.get(key) ?? { font: fonts[heading ? 1 : 0]!, alignment: alignments[heading ? 1 : 0]!, border: borders };
    styles.set(key, style);
    return style;
  };
  // One drop-down per column, shared by its cells: the sheet holds a reference per cell, not a copy.
  const validations = spec.columns.map((column) =>
    column.choices
      ? {
          type: 'list' as const,
          allowBlank: true,
          formulae: [`"${column.choices.join(',')}"`],
          showErrorMessage: true,
          errorTitle: column.header,
          error: `请从 ${column.choices.join('、')} 中选一项。`,
        }
      : null,
  );

  const lastColumn = spec.columns.length;
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, lastColumn);
  const title = sheet.getRow(TITLE_ROW);
  title.getCell(1).value = spec.title;
  title.getCell(1).font = { name: FONT, size: TITLE_FONT_SIZE, bold: true };
  title.getCell(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  const titleWidth = widths.reduce((sum, width) => sum + width, 0);
  title.height = linesIn(spec.title, titleWidth / (TITLE_FONT_SIZE / FONT_SIZE)) * LINE_HEIGHT * (TITLE_FONT_SIZE / FONT_SIZE) + 2 * ROW_PADDING;
  title.commit();

  const write = (values: Cell[], heading: boolean): void => {
    const row = sheet.addRow(values);
    for (let column = 1; column <= lastColumn; column++) {
      const cell = row.getCell(column);
      cell.style = styleOf(heading, cell.type);
      const validation = validations[column - 1];
      if (!heading && validation) cell.dataValidation = validation;
    }
    const lines = Math.max(...values.map((value, column) => linesIn(String(value ?? ''), widths[column]!)));
    row.height = lines * LINE_HEIGHT + ROW_PADDING;
    row.commit();
  };
  write(
    spec.columns.map((column) => column.header),
    true,
  );
  for (const row of spec.rows) write(row, false);
  sheet.commit();
}

/** One sheet as a workbook of its own. */
export function xlsxBytes(spec: SheetSpec): Promise<Uint8Array> {
  return workbookBytes((workbook) => addTableSheet(workbook, spec));
}

/**
 * A template's repeated table as a sheet: the title row, a column per heading cell, the rows as the .docx prints
 * them, and a drop-down in each column whose list field has choices (`adoption` → 采纳 / 部分采纳 / 不采纳).
 */
export function tableXlsx(table: TemplateTable, sheetName: string, title: string, choices: Record<string, string[]> = {}): Promise<Uint8Array> {
  return xlsxBytes(tableSheet(table, sheetName, title, choices));
}

/** The sheet `tableXlsx` writes, for a workbook of more than one sheet. */
export function tableSheet(table: TemplateTable, sheetName: string, title: string, choices: Record<string, string[]> = {}): SheetSpec {
  return {
    sheetName,
    title,
    columns: table.headers.map((header, column) => {
      const field = table.fields[column];
      return { header, ...(field && choices[field] ? { choices: choices[field] } : {}) };
    }),
    rows: sheetCells(table.rows),
    orientation: table.orientation,
  };
}
