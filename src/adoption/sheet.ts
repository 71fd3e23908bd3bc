/**
 * The decisions the drafting office typed into the 意见汇总表.xlsx: every row under the sheet's header row with a
 * 修改意见 or a 提出单位 is a comment, a row typed in by hand too. The header row and what a cell says are decided
 * where `summary` reads the sheet back (src/summary/previous.ts); the columns are found by their headers, so
 * rows or columns a person added shift nothing, and a column of the person's own is passed over.
 */
import { stat } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { INDEX_HEADER, SUMMARY_HEADERS } from '../summary/merge.js';
import { readSummarySheets } from '../summary/previous.js';
import { withoutFormulaMark } from '../writers/sheet.js';

/** The columns a decision is read from, by their headers in the sheet. */
const HEADERS = {
  index: INDEX_HEADER,
  clause: SUMMARY_HEADERS.clause,
  original: SUMMARY_HEADERS.original,
  suggestion: SUMMARY_HEADERS.suggestion,
  reason: SUMMARY_HEADERS.reason,
  unit: SUMMARY_HEADERS.unit,
  decision: SUMMARY_HEADERS.adoption,
  note: SUMMARY_HEADERS.note,
} as const;
type Field = keyof typeof HEADERS;
/** Without these a sheet is not the summary. */
const REQUIRED: Field[] = ['suggestion', 'unit', 'decision'];

export type SheetRow = Record<Field, string> & { row: number };

/** The comments of the summary's first sheet (the sheet of rows kept apart comes after it, and is not read). */
export async function readSummarySheet(path: string, shownAs: string): Promise<SheetRow[]> {
  if (!(await stat(path).catch(() => null))?.isFile()) {
    throw new UserError(`找不到 ${shownAs}。请先运行 gongwen summary 生成意见汇总表，在“采纳情况”“说明”两列填好后再运行本命令。`);
  }
  const sheets = await readSummarySheets(path, { file: shownAs, unreadable: `无法读取 ${shownAs}（文件已损坏，或不是 .xlsx 格式）。请用 Excel 或 WPS 另存为 .xlsx 后再试。` });
  const sheet = sheets.find(({ headers }) => REQUIRED.every((field) => headers.includes(HEADERS[field])));
  if (!sheet) throw new UserError(`${shownAs} 中找不到意见汇总表的表头（${REQUIRED.map((field) => HEADERS[field]).join('、')}）。请不要删改表头。`);
  return sheet.rows
    .map(({ cells, row }) => {
      const entry = { row } as SheetRow;
      for (const field of Object.keys(HEADERS) as Field[]) entry[field] = withoutFormulaMark(cells[HEADERS[field]] ?? '').trim();
      return entry;
    })
    .filter((entry) => entry.suggestion !== '' || entry.unit !== '');
}
