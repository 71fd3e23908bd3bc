/** 分发清单: the list a clerk prints and ticks as the packets go out — as .docx, .xlsx and .csv. */
import type { Outline } from '../model/outline.js';
import { documentProperties } from './properties.js';
import { wrappableList } from './docx/layout.js';
import { csvBytes, xlsxBytes, type Column } from './sheet.js';
import { directRenderer, loadTemplates, type DocxRenderer, type Templates } from './template/index.js';
import { letterValues, tasksOf } from './values.js';

export interface DistributionRow {
  /** 序号 */
  index: number;
  /** 单位 */
  name: string;
  /** 所属类别: the group of the letter's 主送机关 it belongs to, empty for a unit addressed by name. */
  group: string;
  /** 涉及任务: the draft's task numbers. */
  tasks: string[];
  /** 份数 */
  copies: number;
  /** 发送方式 and 签收: filled in by hand. */
  delivery: string;
  receipt: string;
}

/** One packet (意见反馈表 and 复函) for each unit. */
const COPIES_PER_UNIT = 1;

/** The columns of the .xlsx and .csv, in order; the .docx takes its headings from its template. */
const COLUMNS: (Column & { key: keyof DistributionRow })[] = [
  { key: 'index', header: '序号', width: 6 },
  { key: 'name', header: '单位', width: 30 },
  { key: 'group', header: '所属类别', width: 30 },
  { key: 'tasks', header: '涉及任务', width: 16 },
  { key: 'copies', header: '份数', width: 6 },
  { key: 'delivery', header: '发送方式', width: 12 },
  { key: 'receipt', header: '签收', width: 12 },
];

const SHEET_NAME = '分发清单';

export function distributionRows(outline: Outline): DistributionRow[] {
  return outline.recipients.map((recipient, index) => ({
    index: index + 1,
    name: recipient.name,
    group: recipient.group ?? '',
    tasks: tasksOf(outline, recipient).map((task) => task.number),
    copies: COPIES_PER_UNIT,
    delivery: '',
    receipt: '',
  }));
}

export async function distributionDocx(outline: Outline, templates?: Templates, render: DocxRenderer = directRenderer()): Promise<Uint8Array> {
  const { 'distribution-list': template } = templates ?? (await loadTemplates());
  const units = distributionRows(outline).map((row) => ({
    ...Object.fromEntries(COLUMNS.map(({ key }) => [key, String(row[key])])),
    tasks: wrappableList(row.tasks),
  }));
  const data = { values: { ...letterValues(outline), 'recipients.count': String(units.length) }, lists: { unit: units } };
  return render(template, data, documentProperties('distribution-list', outline, null));
}

export function distributionXlsx(outline: Outline): Promise<Uint8Array> {
  return xlsxBytes(SHEET_NAME, COLUMNS, cells(outline));
}

export function distributionCsv(outline: Outline): Uint8Array {
  return csvBytes(COLUMNS, cells(outline));
}

function cells(outline: Outline): (string | number)[][] {
  return distributionRows(outline).map((row) => COLUMNS.map(({ key }) => (key === 'tasks' ? row.tasks.join('、') : row[key])));
}
