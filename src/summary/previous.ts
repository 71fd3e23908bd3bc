/**
 * Reading back the 意见汇总表.xlsx a person has worked in: every row under a header row (found by its content,
 * wherever it sits), as the text of each cell by its column's header. The sheet of earlier rows that could not
 * be placed is read the same way. Anything that a new summary could not carry over (a sheet or a column of the
 * person's own) stops the run before the file is replaced.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { UserError } from '../errors.js';
import { INDEX_HEADER } from './merge.js';

/** One row of the earlier sheet: its cells by header, and where it was. */
export interface PreviousRow {
  cells: Record<string, string>;
  sheet: string;
  row: number;
}

/** The headers a row of the summary is recognised by. */
export const KEY_HEADERS = { suggestion: '修改意见', adoption: '采纳情况' } as const;

/**
 * The rows of the summary at `path`, or none when there is no such file. `known` are the headers gongwen writes
 * (with `extra`, those only its sheet of unplaced rows has); `file` names the file in messages.
 */
export async function readPreviousSummary(path: string, file: string, known: readonly string[]): Promise<PreviousRow[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return [];
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UserError(`无法读取 ${file}，其中填写的采纳情况和说明会丢失，未作任何改动。请用 Excel 或 WPS 打开后另存为 .xlsx，再运行。`);
  }
  const rows: PreviousRow[] = [];
  for (const sheet of workbook.worksheets) {
    const header = headerRow(sheet);
    if (header === null) {
      if (hasContent(sheet)) {
        throw new UserError(`${file} 中的工作表“${sheet.name}”不是 gongwen 生成的，重新汇总会丢掉它，未作任何改动。请把它移到另一个文件后再运行。`);
      }
      continue;
    }
    const headers = new Map<number, string>();
    header.eachCell((cell, column) => {
      const text = cellText(cell.value).trim();
      if (text !== '') headers.set(column, text);
    });
    for (let number = header.number + 1; number <= sheet.rowCount; number += 1) {
      const cells: Record<string, string> = {};
      sheet.getRow(number).eachCell((cell, column) => {
        const text = cellText(cell.value);
        if (text.trim() === '') return;
        const name = headers.get(column);
        if (name === undefined || !known.includes(name)) {
          const label = name === undefined ? `第 ${cell.address.replace(/\d+$/u, '')} 列（无表头）` : `“${name}”列`;
          throw new UserError(`${file} 中工作表“${sheet.name}”的${label}不是 gongwen 的列，重新汇总会丢掉其中的内容，未作任何改动。请把这一列移到另一个文件后再运行。`);
        }
        cells[name] = text;
      });
      // A row emptied but for its number (序号) holds nothing typed.
      const typed = Object.entries(cells).filter(([name, text]) => !(name === INDEX_HEADER && /^\d+$/u.test(text.trim())));
      if (typed.length > 0) rows.push({ cells, sheet: sheet.name, row: number });
    }
  }
  return rows;
}

/** The first row holding both 修改意见 and 采纳情况: a title may sit above it. */
function headerRow(sheet: ExcelJS.Worksheet): ExcelJS.Row | null {
  for (let number = 1; number <= Math.min(sheet.rowCount, 20); number += 1) {
    const row = sheet.getRow(number);
    const texts = new Set<string>();
    row.eachCell((cell) => void texts.add(cellText(cell.value).trim()));
    if (texts.has(KEY_HEADERS.suggestion) && texts.has(KEY_HEADERS.adoption)) return row;
  }
  return null;
}

function hasContent(sheet: ExcelJS.Worksheet): boolean {
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    let found = false;
    sheet.getRow(number).eachCell((cell) => void (found ||= cellText(cell.value).trim() !== ''));
    if (found) return true;
  }
  return false;
}

/** What a cell shows: the text of rich text and links, a formula's last result, a date as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  return '';
}
