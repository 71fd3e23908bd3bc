/** 催办通知 for one outstanding unit, and the 催报名单 of all of them (.docx and .xlsx). */
import type { Outline, Recipient } from '../model/outline.js';
import { documentProperties } from './properties.js';
import { xlsxBytes, type Column } from './sheet.js';
import { directRenderer, loadTemplates, type DocxRenderer, type Templates } from './template/index.js';
import { chineseDate, letterValues, recipientValues } from './values.js';

export interface ReminderLine {
  recipient: Recipient;
  /** 情况, as the clerk reads it: 未反馈, 逾期未反馈, 文件无法读取 */
  status: string;
  /** The sentence the notice says of this unit, after 截至某日, */
  reason: string;
  /** 说明 on the list: the file that could not be read, and why. */
  note: string;
}

export async function reminderNotice(
  outline: Outline,
  line: ReminderLine,
  asOf: string,
  templates?: Templates,
  render: DocxRenderer = directRenderer(),
): Promise<Uint8Array> {
  const { reminder: template } = templates ?? (await loadTemplates());
  const values = {
    ...letterValues(outline),
    ...recipientValues(outline, line.recipient),
    'reminder.asOf': chineseDate(asOf),
    'reminder.date': chineseDate(asOf),
    'reminder.reason': line.reason,
  };
  return render(template, { values, lists: {} }, documentProperties('reminder', outline, null));
}

export interface ReminderCounts {
  total: number;
  replied: number;
}

export async function reminderListDocx(
  outline: Outline,
  lines: ReminderLine[],
  counts: ReminderCounts,
  asOf: string,
  templates?: Templates,
  render: DocxRenderer = directRenderer(),
): Promise<Uint8Array> {
  const { 'reminder-list': template } = templates ?? (await loadTemplates());
  const values = {
    ...letterValues(outline),
    'reminder.asOf': chineseDate(asOf),
    'reminder.total': String(counts.total),
    'reminder.replied': String(counts.replied),
    'reminder.outstanding': String(lines.length),
  };
  const unit = lines.map((line, index) => ({ index: String(index + 1), name: line.recipient.name, status: line.status, note: line.note }));
  return render(template, { values, lists: { unit } }, documentProperties('reminder-list', outline, null));
}

const COLUMNS: Column[] = [
  { header: '序号', width: 6 },
  { header: '单位', width: 30 },
  { header: '情况', width: 14 },
  { header: '说明', width: 40 },
  { header: '催办记录', width: 24 },
];

export function reminderListXlsx(lines: ReminderLine[]): Promise<Uint8Array> {
  return xlsxBytes('催报名单', COLUMNS, lines.map((line, index) => [index + 1, line.recipient.name, line.status, line.note, '']));
}
