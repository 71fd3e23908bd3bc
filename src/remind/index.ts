/**
 * `gongwen remind`: a 催办通知 for every unit that has not replied (or whose file could not be read), and
 * the 催报名单 of them, in the workspace's 催办/<date>/ folder — never in the inbox.
 * A round already written for that date may have been edited: it is only replaced with `force`.
 */
import { copyFile, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError, fileProblem } from '../errors.js';
import { ensureFolder, writeFailure, writeNewFile } from '../files.js';
import { RECIPIENT_STATUSES, hasReplied, type TrackedRecipient } from '../model/reply.js';
import { LAYOUT, reminderFolder, reminderNoticePath, unitNumber } from '../model/workspace.js';
import { trackWorkspace } from '../tracking/index.js';
import { insideWorkspace } from '../workspace.js';
import { reminderListDocx, reminderListXlsx, reminderNotice, type ReminderLine } from '../writers/reminder.js';
import { directRenderer, loadTemplates, preparedRenderer } from '../writers/template/index.js';

export interface RemindOptions {
  asOf?: string;
  templatesDir?: string;
  /** Replace the notices and list already written for that date (a person may have edited them). */
  force?: boolean;
}

export interface Reminders {
  asOf: string;
  /** The outstanding units, in the recipients' order. */
  outstanding: ReminderLine[];
  /** Written files, relative to the workspace (none when every unit has replied). */
  files: string[];
  /** Files of an earlier round on the same date that this one replaced (only with `force`). */
  replaced: string[];
  /** Notices of that earlier round for units that have replied since: left as they are, to be set aside. */
  stale: string[];
}

export async function createReminders(workspace: string, options: RemindOptions = {}): Promise<Reminders> {
  const { manifest: { outline }, report } = await trackWorkspace(workspace, { asOf: options.asOf });
  const positions = new Map(outline.recipients.map((recipient, index) => [recipient.id, index + 1]));
  // Each outstanding unit with its place among the recipients (1-based), which names its notice's file.
  const outstanding = report.recipients.flatMap((tracked): { position: number; line: ReminderLine }[] => {
    const position = positions.get(tracked.id);
    const recipient = position === undefined ? undefined : outline.recipients[position - 1];
    const line = recipient ? reminderLineOf(tracked) : null;
    return recipient && position !== undefined && line ? [{ position, line: { recipient, number: unitNumber(position, outline.recipients.length), ...line } }] : [];
  });
  const lines = outstanding.map(({ line }) => line);
  const result: Reminders = { asOf: report.asOf, outstanding: lines, files: [], replaced: [], stale: [] };
  if (lines.length === 0) return result;
  const folder = reminderFolder(report.asOf);
  const earlier = await filesIn(insideWorkspace(workspace, folder));
  if (earlier.length > 0 && !options.force) {
    throw new UserError(
      `${workspace}/${folder}/ 中已有 ${report.asOf} 的催办通知（可能已修改过），未作任何改动。` +
        `要按现在的情况重新生成并覆盖，请加 --force；或用 --as-of 指定另一个日期。`,
    );
  }

  const templates = await loadTemplates(options.templatesDir);
  // One date for the round; the notices, one per outstanding unit, are patched from a prepared package.
  const madeAt = new Date();
  const perUnit = preparedRenderer(madeAt);
  const counts = { total: report.recipients.length, replied: report.recipients.length - lines.length };
  await writeRound(workspace, folder, earlier, async (write) => {
    for (const { position, line } of outstanding) {
      await write(reminderNoticePath(report.asOf, position, outline.recipients.length, line.recipient.name), await reminderNotice(outline, line, report.asOf, templates, perUnit));
    }
    await write(`${folder}/${LAYOUT.reminderList.docx}`, await reminderListDocx(outline, lines, counts, report.asOf, templates, directRenderer(madeAt)));
    await write(`${folder}/${LAYOUT.reminderList.xlsx}`, await reminderListXlsx(outline, lines, counts, report.asOf, templates));
  }, result.files);
  if (earlier.length > 0) {
    const written = new Set(result.files);
    const earlierPaths = earlier.map((file) => `${folder}/${file}`);
    result.replaced = earlierPaths.filter((path) => written.has(path));
    result.stale = earlierPaths.filter((path) => path.endsWith(`/${LAYOUT.reminderNotice}`) && !written.has(path));
  }
  return result;
}

/**
 * A round built beside its folder, each file written as it is made (10,000 notices are not held in memory),
 * then put in place by renaming folders, so that stopped or refused at any point the date's folder holds the
 * earlier round or the new one, never part of each. Over an earlier round (`force`), its files this round does
 * not write again (a notice for a unit that has replied since) are copied into the new one first, and the
 * earlier folder is set aside until the new one is in place. `files` gets the paths written, relative to the
 * workspace; `earlier` are the earlier round's files, relative to its folder.
 */
async function writeRound(
  workspace: string,
  folder: string,
  earlier: string[],
  make: (write: (path: string, bytes: Uint8Array) => Promise<void>) => Promise<void>,
  files: string[],
): Promise<void> {
  const target = insideWorkspace(workspace, folder);
  const beside = (suffix: string): string => insideWorkspace(workspace, `${dirname(folder)}/.${basename(folder)}${suffix}`);
  const building = beside(LAYOUT.staging.building);
  const previous = beside(LAYOUT.staging.previous);
  const staged = (path: string): string => join(building, ...path.split('/'));
  await rm(building, { recursive: true, force: true });
  try {
    await make(async (path, bytes) => {
      const file = staged(path.slice(folder.length + 1));
      await ensureFolder(dirname(file));
      await writeNewFile(file, bytes);
      files.push(path);
    });
    const written = new Set(files);
    for (const path of earlier.filter((file) => !written.has(`${folder}/${file}`))) {
      await ensureFolder(dirname(staged(path)));
      const file = join(target, ...path.split('/'));
      await copyFile(file, staged(path)).catch((error: unknown) => {
        throw new UserError(`无法读取 ${file}（${fileProblem(error)}），原有的催办材料未作任何改动。`);
      });
    }
    await rm(previous, { recursive: true, force: true });
    if (earlier.length > 0) {
      await rename(target, previous).catch((error: unknown) => {
        throw writeFailure(target, error);
      });
    } else {
      await rmdir(target).catch(() => undefined); // an empty folder left from before
    }
    await rename(building, target).catch(async (error: unknown) => {
      if (earlier.length > 0) await rename(previous, target);
      throw writeFailure(target, error);
    });
    // The new round is in place; an earlier one that cannot be removed is left set aside, not an error.
    await rm(previous, { recursive: true, force: true }).catch(() => undefined);
  } catch (error) {
    await rm(building, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

/** What the notice and the list say of a unit (the notice's sentence is in templates/wording.json), or null when it has replied. */
function reminderLineOf(tracked: TrackedRecipient): Omit<ReminderLine, 'recipient' | 'number'> | null {
  if (hasReplied(tracked.status)) return null;
  const status = RECIPIENT_STATUSES[tracked.status].label;
  switch (tracked.status) {
    case 'overdue':
      return { status, reason: 'overdue', file: '', note: '' };
    case 'unreadable':
    case 'unconfirmed': {
      const file = tracked.files.at(-1)?.split('/').pop() ?? '';
      return { status, reason: tracked.status, file, note: tracked.problems.join('；') };
    }
    default:
      return { status, reason: 'missing', file: '', note: '' };
  }
}

/** The files under a folder, relative to it with `/`; none when it does not exist. */
async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => `${entry.parentPath}/${entry.name}`.slice(folder.length + 1).split('\\').join('/'));
}
