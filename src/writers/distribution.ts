/** 分发清单: the list a clerk prints and ticks as the packets go out — as .docx, .xlsx and .csv, all from its template. */
import type { Outline } from '../model/outline.js';
import { documentProperties } from './properties.js';
import { wrappableList } from './docx/layout.js';
import { csvBytes, sheetCells, tableXlsx } from './sheet.js';
import { directRenderer, loadTemplates, rowsRenderer, type DocxRenderer, type Templates } from './template/index.js';
import type { TemplateData } from './template/fill.js';
import { templateTable, type TemplateTable } from './template/table.js';
import { letterValues, sheetTitle, tasksOf } from './values.js';

/** One packet (意见反馈表 and 复函) for each unit. */
const COPIES_PER_UNIT = 1;

const SHEET_NAME = '分发清单';
const LIST = 'unit';

/** The template's data: the letter's values, and per unit 序号, 单位, 所属类别, 涉及任务, 份数 (发送方式 and 签收 by hand). */
export function distributionData(outline: Outline, templates: Templates): TemplateData {
  const units = outline.recipients.map((recipient, index) => ({
    index: String(index + 1),
    name: recipient.name,
    group: recipient.group ?? '',
    tasks: wrappableList(tasksOf(outline, recipient).map((task) => task.number)),
    copies: String(COPIES_PER_UNIT),
    delivery: '',
    receipt: '',
  }));
  return { values: { ...letterValues(outline, templates.wording), 'recipients.count': String(units.length) }, lists: { [LIST]: units } };
}

export async function distributionDocx(outline: Outline, templates?: Templates, render: DocxRenderer = directRenderer()): Promise<Uint8Array> {
  const all = templates ?? (await loadTemplates());
  return rowsRenderer(render, LIST)(all['distribution-list'], distributionData(outline, all), documentProperties('distribution-list', outline, null));
}

/** The template's table as rows of text, which the .xlsx and the .csv both show: made once when a caller writes both. */
export function distributionTable(outline: Outline, templates: Templates): TemplateTable {
  return templateTable(templates['distribution-list'], distributionData(outline, templates), LIST);
}

export async function distributionXlsx(outline: Outline, templates?: Templates, table?: TemplateTable): Promise<Uint8Array> {
  const rows = table ?? distributionTable(outline, templates ?? (await loadTemplates()));
  return tableXlsx(rows, SHEET_NAME, sheetTitle(rows.title, outline));
}

export async function distributionCsv(outline: Outline, templates?: Templates, table?: TemplateTable): Promise<Uint8Array> {
  const rows = table ?? distributionTable(outline, templates ?? (await loadTemplates()));
  return csvBytes(rows.headers, sheetCells(rows.rows));
}
