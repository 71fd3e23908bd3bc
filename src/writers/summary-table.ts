/** 意见汇总表 as .docx (GB/T 9704, from its template) and .xlsx (its columns from the same template): one row per comment, in the draft's order. */
import type { Outline } from '../model/outline.js';
import { documentProperties } from './properties.js';
import { sheetCells, xlsxBytes } from './sheet.js';
import { directRenderer, loadTemplates, type DocxRenderer, type Templates } from './template/index.js';
import type { TemplateData } from './template/fill.js';
import { templateTable } from './template/table.js';
import { chineseDate, letterValues, sheetTitle } from './values.js';

export interface SummaryRow {
  /** 条目; null when the comment names none (printed as the wording's unplacedClause). */
  clause: string | null;
  /** 原文 */
  original: string;
  /** 修改意见 */
  suggestion: string;
  /** 理由 */
  reason: string;
  /** 提出单位 */
  unit: string;
  /** 采纳情况 and 说明, as the drafting unit wrote them (empty on a new table). */
  adoption?: string;
  note?: string;
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

const SHEET_NAME = '意见汇总表';
const LIST = 'row';
/** The field of the list the drafting unit decides in: its .xlsx column offers the wording's choices. */
const ADOPTION_FIELD = 'adoption';

function summaryData(outline: Outline, rows: SummaryRow[], counts: SummaryCounts, asOf: string, templates: Templates): TemplateData {
  const { summary: wording } = templates.wording;
  const values = {
    ...letterValues(outline, templates.wording),
    'summary.asOf': chineseDate(asOf),
    'summary.total': String(counts.total),
    'summary.replied': String(counts.replied),
    'summary.noComment': String(counts.noComment),
    'summary.comments': String(rows.length),
    'summary.missing': counts.missing.length > 0 ? counts.missing.join('、') : wording.noneMissing,
  };
  const items = rows.map((entry, index) => ({
    index: String(index + 1),
    clause: entry.clause ?? wording.unplacedClause,
    original: entry.original,
    suggestion: entry.suggestion,
    reason: entry.reason,
    unit: entry.unit,
    adoption: entry.adoption ?? '',
    note: entry.note ?? '',
  }));
  return { values, lists: { [LIST]: items } };
}

export async function summaryDocx(
  outline: Outline,
  rows: SummaryRow[],
  counts: SummaryCounts,
  asOf: string,
  templates?: Templates,
  render: DocxRenderer = directRenderer(),
): Promise<Uint8Array> {
  const all = templates ?? (await loadTemplates());
  return render(all.summary, summaryData(outline, rows, counts, asOf, all), documentProperties('summary', outline, null));
}

export async function summaryXlsx(outline: Outline, rows: SummaryRow[], counts: SummaryCounts, asOf: string, templates?: Templates): Promise<Uint8Array> {
  const all = templates ?? (await loadTemplates());
  const table = templateTable(all.summary, summaryData(outline, rows, counts, asOf, all), LIST);
  return xlsxBytes({
    sheetName: SHEET_NAME,
    title: sheetTitle(table.title, outline),
    columns: table.headers.map((header, column) => ({
      header,
      ...(table.fields[column] === ADOPTION_FIELD ? { choices: all.wording.summary.adoptionChoices } : {}),
    })),
    rows: sheetCells(table.rows),
    orientation: table.orientation,
  });
}
