/**
 * Reading the 意见汇总表.xlsx as the drafting office left it: the header row is found by what it says
 * (序号, 修改意见, 提出单位, 采纳情况, 说明), wherever it is and whatever stands above it (a title row), and the
 * columns by their headers, so that rows or columns a person added do not shift anything. Every row below
 * it with a 修改意见 or a 提出单位 is a comment; a row a person typed in by hand counts as well.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { UserError } from '../errors.js';

/** The sheet's columns, by the words their header starts with (采纳情况（采纳/部分采纳/不采纳） is 采纳情况). */
const HEADERS = {
  index: '序号',
  clause: '条目',
  original: '原文',
  suggestion: '修改意见',
  reason: '理由',
  unit: '提出单位',
  decision: '采纳情况',
  note: '说明',
} as const;
type Field = keyof typeof HEADERS;
/** Without these a row cannot be the header. */
const REQUIRED: Field[] = ['suggestion', 'unit', 'decision'];
/** How far down the header row is looked for. */
const HEADER_SEARCH_ROWS = 30;

export type SheetRow = Record<Field, string> & { row: number };

export async function readSummarySheet(path: string, shownAs: string): Promise<SheetRow[]> {
  const bytes = await readFile(path).catch(() => {
    throw new UserError(`找不到 ${shownAs}。请先运行 gongwen summary 生成意见汇总表，在“采纳情况”“说明”两列填好后再运行本命令。`);
  });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UserError(`无法读取 ${shownAs}（文件已损坏，或不是 .xlsx 格式）。请用 Excel 或 WPS 另存为 .xlsx 后再试。`);
  }
  for (const sheet of workbook.worksheets) {
    const found = headerOf(sheet);
    if (found) return rowsBelow(sheet, found.row, found.columns);
  }
  throw new UserError(`${shownAs} 中找不到意见汇总表的表头（${REQUIRED.map((field) => HEADERS[field]).join('、')}）。请不要删改表头。`);
}

function headerOf(sheet: ExcelJS.Worksheet): { row: number; columns: Partial<Record<Field, number>> } | null {
  for (let row = 1; row <= Math.min(sheet.rowCount, HEADER_SEARCH_ROWS); row++) {
    const columns: Partial<Record<Field, number>> = {};
    sheet.getRow(row).eachCell((cell, column) => {
      const text = cellText(cell).replace(/\s/gu, '');
      const field = (Object.keys(HEADERS) as Field[]).find((key) => text.startsWith(HEADERS[key]));
      if (field && columns[field] === undefined) columns[field] = column;
    });
    if (REQUIRED.every((field) => columns[field] !== undefined)) return { row, columns };
  }
  return null;
}

function rowsBelow(sheet: ExcelJS.Worksheet, header: number, columns: Partial<Record<Field, number>>): SheetRow[] {
  const rows: SheetRow[] = [];
  for (let row = header + 1; row <= sheet.rowCount; row++) {
    const cells = sheet.getRow(row);
    const entry = { row } as SheetRow;
    for (const field of Object.keys(HEADERS) as Field[]) {
      const column = columns[field];
      entry[field] = column === undefined ? '' : cellText(cells.getCell(column)).trim();
    }
    if (entry.suggestion !== '' || entry.unit !== '') rows.push(entry);
  }
  return rows;
}

/**
 * A cell as the person sees it (rich text joined, a formula's result); the ' that `summary` puts before a text
 * starting with = + - @ so that it is never run as a formula is taken off again.
 */
function cellText(cell: ExcelJS.Cell): string {
  return cell.text.replace(/^'(?=[=+\-@])/u, '');
}
