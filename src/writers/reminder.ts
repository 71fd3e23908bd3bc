/** 催办通知 for one outstanding unit, and the 催报名单 of all of them (.docx, and .xlsx with the template's columns). */
import type { Outline, Recipient } from '../model/outline.js';
import { documentProperties } from './properties.js';
import { tableXlsx } from './sheet.js';
import { directRenderer, loadTemplates, rowsRenderer, type DocxRenderer, type Templates } from './template/index.js';
import type { TemplateData } from './template/fill.js';
import type { Wording } from './template/load.js';
import { templateTable } from './template/table.js';
import { chineseDate, letterValues, recipientValues, sheetTitle } from './values.js';

export interface ReminderLine {
  recipient: Recipient;
  /** The unit's number in packets/ (04 of packets/04-省科技厅), which the list keeps. */
  number: string;
  /** 情况, as the clerk reads it: 未反馈, 逾期未反馈, 文件无法读取 */
  status: string;
  /** Why it is reminded: the notice says it in the wording's reminderReasons. */
  reason: keyof Wording['reminderReasons'];
  /** The file that could not be read (reason unreadable), by its name. */
  file: string;
  /** 说明 on the list: what was wrong with that file. */
  note: string;
}

/** What the notice says of the unit after 截至某日，: the wording's sentence, with the file's name in it. */
function reasonOf(line: ReminderLine, wording: Wording): string {
  return wording.reminderReasons[line.reason].replace(/\{\{\s*file\s*\}\}/gu, line.file);
}

export async function reminderNotice(
  outline: Outline,
  line: ReminderLine,
  asOf: string,
  templates?: Templates,
  render: DocxRenderer = directRenderer(),
): Promise<Uint8Array> {
  const all = templates ?? (await loadTemplates());
  const values = {
    ...letterValues(outline, all.wording),
    ...recipientValues(outline, line.recipient),
    'reminder.asOf': chineseDate(asOf),
    'reminder.date': chineseDate(asOf),
    'reminder.reason': reasonOf(line, all.wording),
  };
  return render(all.reminder, { values, lists: {} }, documentProperties('reminder', outline, null));
}

export interface ReminderCounts {
  total: number;
  replied: number;
}

const SHEET_NAME = '催报名单';
const LIST = 'unit';

export function reminderListData(outline: Outline, lines: ReminderLine[], counts: ReminderCounts, asOf: string, wording: Wording): TemplateData {
  const values = {
    ...letterValues(outline, wording),
    'reminder.asOf': chineseDate(asOf),
    'reminder.total': String(counts.total),
    'reminder.replied': String(counts.replied),
    'reminder.outstanding': String(lines.length),
  };
  const units = lines.map((line, index) => ({ index: String(index + 1), number: line.number, name: line.recipient.name, status: line.status, note: line.note }));
  return { values, lists: { [LIST]: units } };
}

export async function reminderListDocx(
  outline: Outline,
  lines: ReminderLine[],
  counts: ReminderCounts,
  asOf: string,
  templates?: Templates,
  render: DocxRenderer = directRenderer(),
): Promise<Uint8Array> {
  const all = templates ?? (await loadTemplates());
  return rowsRenderer(render, LIST)(all['reminder-list'], reminderListData(outline, lines, counts, asOf, all.wording), documentProperties('reminder-list', outline, null));
}

export async function reminderListXlsx(outline: Outline, lines: ReminderLine[], counts: ReminderCounts, asOf: string, templates?: Templates): Promise<Uint8Array> {
  const all = templates ?? (await loadTemplates());
  const table = templateTable(all['reminder-list'], reminderListData(outline, lines, counts, asOf, all.wording), LIST);
  return tableXlsx(table, SHEET_NAME, sheetTitle(table.title, outline));
}
