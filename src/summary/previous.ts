/**
 * Reading back the 意见汇总表.xlsx a person has worked in, the one place that decides which row of a sheet is its
 * header (the first of its first rows holding both 修改意见 and 采纳情况, below any title) and what a cell says.
 * `summary`, run again, reads every row to carry it over: anything it could not carry over (a sheet or a column of
 * the person's own) stops the run before the file is replaced. `adoption` reads the decisions the drafter typed,
 * passing over what is not gongwen's. Both read a row at a time: a summary of 10,000 comments is never held whole.
 */
import { stat } from 'node:fs/promises';
import type { CellValue, stream } from 'exceljs';
import { UserError } from '../errors.js';
import { INDEX_HEADER } from './merge.js';

/** One row of the sheet: its cells by header, and where it was. */
export interface PreviousRow {
  cells: Record<string, string>;
  sheet: string;
  row: number;
}

/** A sheet with its header row: the headers of its columns, and its rows below the header. */
export interface SummarySheet {
  name: string;
  headers: string[];
  rows: PreviousRow[];
}

/** The headers a row of the summary is recognised by. */
export const KEY_HEADERS = { suggestion: '修改意见', adoption: '采纳情况' } as const;

/**
 * How a reading treats what gongwen did not write: `known` (the headers gongwen writes) stops at a column or a
 * sheet of a person's own; without it they are passed over.
 */
interface Reading {
  /** Names the file in messages. */
  file: string;
  known?: readonly string[];
  /** Said when the file cannot be read as a workbook. */
  unreadable: string;
}

/**
 * The rows of the summary at `path`, or none when there is no such file. `known` are the headers gongwen writes
 * (with `extra`, those only its sheet of unplaced rows has); `file` names the file in messages.
 */
export async function readPreviousSummary(path: string, file: string, known: readonly string[]): Promise<PreviousRow[]> {
  if (!(await stat(path).catch(() => null))?.isFile()) return [];
  const sheets = await readSummarySheets(path, {
    file,
    known,
    unreadable: `无法读取 ${file}，其中填写的采纳情况和说明会丢失，未作任何改动。请用 Excel 或 WPS 打开后另存为 .xlsx，再运行。`,
  });
  return sheets.flatMap((sheet) => sheet.rows);
}

/** The sheets of the summary at `path` that have a header row, each with its rows. */
export async function readSummarySheets(path: string, reading: Reading): Promise<SummarySheet[]> {
  const sheets: SummarySheet[] = [];
  // exceljs's readers load a dozen packages (a quarter of a second): only when there is a summary to read.
  const { default: ExcelJS } = await import('exceljs');
  try {
    const workbook = wholeCharacters(new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' }));
    for await (const sheet of workbook) {
      const read = await sheetRows(sheet, reading);
      if (read) sheets.push(read);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(reading.unreadable);
  }
  return sheets;
}

/** What exceljs 4.4's streaming reader reads a sheet and the shared strings from, in its own (undocumented) methods. */
interface ReaderInternals {
  _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
}

/**
 * The reader, decoding its text across the chunks it reads: exceljs decodes each chunk of UTF-8 on its own, so a
 * Chinese character that falls across two chunks comes out as three � (every 16 KB or so of a sheet). The
 * sheets and the shared strings are given to it as text decoded as a stream (exceljs takes text as it is).
 */
function wholeCharacters(reader: stream.xlsx.WorkbookReader): stream.xlsx.WorkbookReader {
  const internals = reader as unknown as ReaderInternals;
  const parseWorksheet = internals._parseWorksheet;
  const parseSharedStrings = internals._parseSharedStrings;
  internals._parseWorksheet = function (chunks, sheetNo) {
    return parseWorksheet.call(this, decoded(chunks), sheetNo);
  };
  internals._parseSharedStrings = function (entry) {
    entry.setEncoding('utf8');
    return parseSharedStrings.call(this, entry);
  };
  return reader;
}

async function* decoded(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** How far down the header row may sit: a title, a note or two above it. */
const HEADER_SEARCH_ROWS = 20;

/** One sheet under its header row (the first row holding both 修改意见 and 采纳情况, in its first rows); null without one. */
async function sheetRows(sheet: stream.xlsx.WorksheetReader, { file, known }: Reading): Promise<SummarySheet | null> {
  // exceljs's types leave out the name the reader gives each sheet (from the workbook's list of sheets).
  const { name } = sheet as unknown as { name: string };
  const rows: PreviousRow[] = [];
  let headers: Map<number, string> | null = null;
  let content = false;
  for await (const row of sheet) {
    if (headers === null) {
      const texts = new Set<string>();
      row.eachCell((cell) => void texts.add(cellText(cell.value).trim()));
      if (row.number <= HEADER_SEARCH_ROWS && texts.has(KEY_HEADERS.suggestion) && texts.has(KEY_HEADERS.adoption)) {
        headers = new Map();
        row.eachCell((cell, column) => {
          const text = cellText(cell.value).trim();
          if (text !== '') headers!.set(column, text);
        });
      } else if ([...texts].some((text) => text !== '')) {
        content = true;
      }
      if (headers === null && content && row.number >= HEADER_SEARCH_ROWS) break;
      continue;
    }
    const cells: Record<string, string> = {};
    row.eachCell((cell, column) => {
      const text = cellText(cell.value);
      if (text.trim() === '') return;
      const header = headers!.get(column);
      if (known !== undefined && (header === undefined || !known.includes(header))) {
        const label = header === undefined ? `第 ${cell.address.replace(/\d+$/u, '')} 列（无表头）` : `“${header}”列`;
        throw new UserError(`${file} 中工作表“${name}”的${label}不是 gongwen 的列，重新汇总会丢掉其中的内容，未作任何改动。请把这一列移到另一个文件后再运行。`);
      }
      if (header === undefined) return; // a column of a person's own, passed over
      if (Object.hasOwn(cells, header)) {
        if (known === undefined) return; // of two columns under one header, the first counts
        throw new UserError(`${file} 中工作表“${name}”有两列“${header}”，重新汇总只能保留一列，未作任何改动。请删去或改名其中一列后再运行。`);
      }
      cells[header] = text;
    });
    // A row emptied but for its number (序号) holds nothing typed.
    const typed = Object.entries(cells).filter(([header, text]) => !(header === INDEX_HEADER && /^\d+$/u.test(text.trim())));
    if (typed.length > 0) rows.push({ cells, sheet: name, row: row.number });
  }
  if (headers === null && content && known !== undefined) {
    throw new UserError(`${file} 中的工作表“${name}”不是 gongwen 生成的，重新汇总会丢掉它，未作任何改动。请把它移到另一个文件后再运行。`);
  }
  return headers === null ? null : { name, headers: [...headers.values()], rows };
}

/** What a cell shows: the text of rich text and links, a formula's last result, a date as YYYY-MM-DD. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  return '';
}
