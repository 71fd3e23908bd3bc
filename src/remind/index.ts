/**
 * `gongwen remind`: a 催办通知 for every unit that has not replied (or whose file could not be read), and
 * the 催报名单 of them, in the workspace's 催办/<date>/ folder — never in the inbox.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../files.js';
import type { TrackedRecipient } from '../model/reply.js';
import { insideWorkspace, unitFolderName, unitNumber } from '../packets/names.js';
import { trackWorkspace } from '../tracking/index.js';
import { reminderListDocx, reminderListXlsx, reminderNotice, type ReminderLine } from '../writers/reminder.js';
import { directRenderer, loadTemplates, preparedRenderer } from '../writers/template/index.js';

export interface RemindOptions {
  asOf?: string;
  templatesDir?: string;
}

export interface Reminders {
  asOf: string;
  /** The outstanding units, in the recipients' order. */
  outstanding: ReminderLine[];
  /** Written files, relative to the workspace (none when every unit has replied). */
  files: string[];
}

export async function createReminders(workspace: string, options: RemindOptions = {}): Promise<Reminders> {
  const { manifest: { outline }, report } = await trackWorkspace(workspace, { asOf: options.asOf });
  const lines = report.recipients.flatMap((tracked): ReminderLine[] => {
    const recipient = outline.recipients.find((candidate) => candidate.id === tracked.id);
    const line = recipient ? reminderLineOf(tracked) : null;
    return recipient && line ? [{ recipient, number: unitNumber(outline.recipients.indexOf(recipient) + 1, outline.recipients.length), ...line }] : [];
  });
  const result: Reminders = { asOf: report.asOf, outstanding: lines, files: [] };
  if (lines.length === 0) return result;

  const templates = await loadTemplates(options.templatesDir);
  // One date for the round; the notices, one per outstanding unit, are patched from a prepared package.
  const madeAt = new Date();
  const perUnit = preparedRenderer(madeAt);
  const folder = `催办/${report.asOf}`;
  const planned: Array<[string, Uint8Array]> = [];
  for (const line of lines) {
    // Numbered as in packets/, so 催办/<date>/02-省发改委 sits beside packets/02-省发改委.
    const position = outline.recipients.indexOf(line.recipient) + 1;
    const unitFolder = `${folder}/${unitFolderName(position, outline.recipients.length, line.recipient.name)}`;
    planned.push([`${unitFolder}/催办通知.docx`, await reminderNotice(outline, line, report.asOf, templates, perUnit)]);
  }
  const counts = { total: report.recipients.length, replied: report.recipients.length - lines.length };
  planned.push([`${folder}/催报名单.docx`, await reminderListDocx(outline, lines, counts, report.asOf, templates, directRenderer(madeAt))]);
  planned.push([`${folder}/催报名单.xlsx`, await reminderListXlsx(outline, lines, counts, report.asOf, templates)]);
  for (const [path, bytes] of planned) {
    const target = insideWorkspace(workspace, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, bytes);
    result.files.push(path);
  }
  return result;
}

/** What the notice and the list say of a unit (the notice's sentence is in templates/wording.json), or null when it has replied. */
function reminderLineOf(tracked: TrackedRecipient): Omit<ReminderLine, 'recipient' | 'number'> | null {
  switch (tracked.status) {
    case 'missing':
      return { status: '未反馈', reason: 'missing', file: '', note: '' };
    case 'overdue':
      return { status: '逾期未反馈', reason: 'overdue', file: '', note: '' };
    case 'unreadable': {
      const file = tracked.files.at(-1)?.split('/').pop() ?? '';
      return { status: '文件无法读取', reason: 'unreadable', file, note: tracked.problems.join('；') };
    }
    default:
      return null;
  }
}
