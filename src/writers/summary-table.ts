/** 意见汇总表 as .docx (GB/T 9704, from its template) and .xlsx: one row per comment, in the draft's order. */
import type { Outline } from '../model/outline.js';
import { documentProperties } from './properties.js';
import ExcelJS from 'exceljs';
import { neutralise, xlsxBytes, type Column } from './sheet.js';
import { directRenderer, loadTemplates, type DocxRenderer, type Templates } from './template/index.js';
import { chineseDate, letterValues } from './values.js';

export interface SummaryRow {
  /** 条目 */
  clause: string;
  /** 原文 */
  original: string;
  /** 修改意见 */
  suggestion: string;
  /** 理由 */
  reason: string;
  /** 提出单位 */
  unit: string;
  /** 采纳情况 and 说明: the drafting office's, blank until a person types them (kept when summary runs again). */
  adoption: string;
  note: string;
}

export interface SummaryCounts {
  /** 征求 N 家 */
  total: number;
  /** 反馈 M 家 */
  replied: number;
  /** 其中无意见 K 家 */
  noComment: number;
  /** 尚未反馈的单位 */
  missing: string[];
  /**
   * Units whose reply arrived but whose comments could not be itemised (a scan, words with no comment told
   * apart): the table lacks them until a person enters them, and they are never counted as zero.
   */
  notItemised: string[];
}

export async function summaryDocx(
  outline: Outline,
  rows: SummaryRow[],
  counts: SummaryCounts,
  asOf: string,
  templates?: Templates,
  render: DocxRenderer = directRenderer(),
): Promise<Uint8Array> {
  const { summary: template } = templates ?? (await loadTemplates());
  const values = {
    ...letterValues(outline),
    'summary.asOf': chineseDate(asOf),
    'summary.total': String(counts.total),
    'summary.replied': String(counts.replied),
    'summary.noComment': String(counts.noComment),
    'summary.comments': String(rows.length),
    'summary.missing': counts.missing.length > 0 ? counts.missing.join('、') : '无',
  };
  const row = rows.map((entry, index) => ({ index: String(index + 1), ...entry }));
  // A paragraph of the template that names `incomplete` is printed only when some reply could not be itemised.
  const incomplete = counts.notItemised.length > 0 ? [{ units: counts.notItemised.join('、'), count: String(counts.notItemised.length) }] : [];
  return render(template, { values, lists: { row, incomplete } }, documentProperties('summary', outline, null));
}

const COLUMNS: Column[] = [
  { header: '序号', width: 6 },
  { header: '条目', width: 20 },
  { header: '原文', width: 30 },
  { header: '修改意见', width: 40 },
  { header: '理由', width: 24 },
  { header: '提出单位', width: 20 },
  { header: '采纳情况', width: 12 },
  { header: '说明', width: 24 },
];

/** The sheet of earlier rows a new summary could not place: their cells by header, and why. */
export interface UnplacedSheet {
  name: string;
  headers: string[];
  rows: string[][];
}

export async function summaryXlsx(rows: SummaryRow[], unplaced?: UnplacedSheet): Promise<Uint8Array> {
  const cells = rows.map((row, index) => [index + 1, row.clause, row.original, row.suggestion, row.reason, row.unit, row.adoption, row.note]);
  const bytes = await xlsxBytes('意见汇总表', COLUMNS, cells);
  return unplaced && unplaced.rows.length > 0 ? withUnplacedSheet(bytes, unplaced) : bytes;
}

/** The workbook with the sheet of unplaced rows after the summary: header repeated on each page, text wrapped. */
async function withUnplacedSheet(bytes: Uint8Array, unplaced: UnplacedSheet): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.addWorksheet(unplaced.name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = unplaced.headers.map((header) => ({ header, width: COLUMNS.find((column) => column.header === header)?.width ?? 30 }));
  for (const row of unplaced.rows) sheet.addRow(row.map(neutralise));
  sheet.eachRow((row, number) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: '宋体', size: 12, bold: number === 1 };
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
