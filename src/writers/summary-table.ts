/** 意见汇总表 as .docx (GB/T 9704, from its template) and .xlsx: one row per comment, in the draft's order. */
import type { Outline } from '../model/outline.js';
import { documentProperties } from './properties.js';
import { xlsxBytes, type Column } from './sheet.js';
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
  return render(template, { values, lists: { row } }, documentProperties('summary', outline, null));
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

export function summaryXlsx(rows: SummaryRow[]): Promise<Uint8Array> {
  return xlsxBytes('意见汇总表', COLUMNS, rows.map((row, index) => [index + 1, row.clause, row.original, row.suggestion, row.reason, row.unit, '', '']));
}
