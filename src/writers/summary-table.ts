/** 意见汇总表 as .docx (GB/T 9704, from its template) and .xlsx (its columns from the same template): one row per comment, in the draft's order. */
import type { Outline } from '../model/outline.js';
import { documentProperties } from './properties.js';
import { addTableSheet, tableSheet, workbookBytes, type WorkbookWriter } from './sheet.js';
import { directRenderer, loadTemplates, rowsRenderer, type DocxRenderer, type Templates } from './template/index.js';
import type { TemplateData } from './template/fill.js';
import { templateTable } from './template/table.js';
import { chineseDate, letterValues, sheetTitle } from './values.js';

export interface SummaryRow {
  /** 条目 as printed (the wording's unplacedClause when the comment names none). */
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

const SHEET_NAME = '意见汇总表';
const LIST = 'row';
/** The field of the list the drafting unit decides in: its .xlsx column offers the wording's choices. */
const ADOPTION_FIELD = 'adoption';

export function summaryData(outline: Outline, rows: SummaryRow[], counts: SummaryCounts, asOf: string, templates: Templates): TemplateData {
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
    clause: entry.clause,
    original: entry.original,
    suggestion: entry.suggestion,
    reason: entry.reason,
    unit: entry.unit,
    adoption: entry.adoption,
    note: entry.note,
  }));
  // A paragraph of the template that names `incomplete` is printed only when some reply could not be itemised.
  const incomplete = counts.notItemised.length > 0 ? [{ units: counts.notItemised.join('、'), count: String(counts.notItemised.length) }] : [];
  return { values, lists: { [LIST]: items, incomplete } };
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
  return rowsRenderer(render, LIST)(all.summary, summaryData(outline, rows, counts, asOf, all), documentProperties('summary', outline, null));
}

/** The sheet of earlier rows a new summary could not place: their cells by header, and why. */
export interface UnplacedSheet {
  name: string;
  headers: string[];
  rows: string[][];
}

export async function summaryXlsx(
  outline: Outline,
  rows: SummaryRow[],
  counts: SummaryCounts,
  asOf: string,
  templates?: Templates,
  unplaced?: UnplacedSheet,
): Promise<Uint8Array> {
  const all = templates ?? (await loadTemplates());
  const table = templateTable(all.summary, summaryData(outline, rows, counts, asOf, all), LIST);
  const sheet = tableSheet(table, SHEET_NAME, sheetTitle(table.title, outline), { [ADOPTION_FIELD]: all.wording.summary.adoptionChoices });
  return workbookBytes((workbook) => {
    addTableSheet(workbook, sheet);
    if (unplaced && unplaced.rows.length > 0) addUnplacedSheet(workbook, unplaced);
  });
}

/** Width of a column of the kept sheet, in characters. */
const UNPLACED_WIDTH = 24;

/** The sheet of unplaced rows after the summary: header repeated on each page, text wrapped. */
function addUnplacedSheet(workbook: WorkbookWriter, unplaced: UnplacedSheet): void {
  const sheet = workbook.addWorksheet(unplaced.name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = unplaced.headers.map(() => ({ width: UNPLACED_WIDTH }));
  const alignment = { vertical: 'middle', wrapText: true } as const;
  [unplaced.headers, ...unplaced.rows].forEach((values, index) => {
    const row = sheet.addRow(values);
    const font = { name: '宋体', size: 12, bold: index === 0 };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = font;
      cell.alignment = alignment;
    });
    row.commit();
  });
  sheet.commit();
}
