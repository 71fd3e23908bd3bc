/**
 * `gongwen track`: who has replied. Reads every file in the inbox (never changing it), attributes each to
 * a recipient, and gives each recipient a status: the newest of its files decides.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Recipient } from '../model/outline.js';
import type { Manifest } from '../model/workspace.js';
import type { Reply, ReturnedContent, TrackReport, TrackedRecipient } from '../model/reply.js';
import { loadAliasTable, unitMatcher, type AliasTable } from '../units/index.js';
import { WORKSPACE_ALIASES_FILE, loadManifest } from '../workspace.js';
import { readInboxFile } from './containers.js';
import { identify } from './identify.js';
import { listInbox } from './inbox.js';

export interface TrackOptions {
  /** The day to judge lateness by, YYYY-MM-DD; today when absent. */
  asOf?: string;
  aliases?: AliasTable;
}

export interface Tracking {
  manifest: Manifest;
  report: TrackReport;
  /** Every readable reply attributed to a recipient, oldest first. */
  replies: Reply[];
}

interface Received {
  file: string;
  modified: string;
  content: ReturnedContent | null;
  problem: string | null;
  doubt: string | null;
}

export async function trackWorkspace(workspace: string, options: TrackOptions = {}): Promise<Tracking> {
  const manifest = await loadManifest(workspace);
  const { outline } = manifest;
  const aliases = options.aliases ?? (await workspaceAliases(workspace));
  const asOf = options.asOf ?? today();
  const recipients: Recipient[] = outline.recipients;
  const listing = await listInbox(workspace, manifest.inbox);
  const report: TrackReport = { asOf, deadline: outline.letter.deadline, recipients: [], unmatched: [], ignored: listing.ignored, secret: [] };
  const received = new Map<string, Received[]>();
  const context = { recipients, matchUnit: unitMatcher(recipients, aliases), docNumber: outline.letter.docNumber?.text ?? null };

  const inbox = await readAll(workspace, listing.files);
  report.ignored.push(...inbox.ignored);
  for (const { file, modified, content, problem } of inbox.received) {
    if (content && content.secrecyMarks.length > 0) report.secret.push({ file, marks: content.secrecyMarks });
    const found = identify(file, content, context);
    if (found.kind === 'unmatched') {
      report.unmatched.push({ file, reason: problem ? `${problem}；${found.reason}` : found.reason });
      continue;
    }
    const list = received.get(found.recipient.id) ?? [];
    list.push({ file, modified, content, problem, doubt: found.doubt });
    received.set(found.recipient.id, list);
  }

  const replies: Reply[] = [];
  for (const recipient of recipients) {
    const files = (received.get(recipient.id) ?? []).sort((a, b) => a.modified.localeCompare(b.modified) || a.file.localeCompare(b.file));
    report.recipients.push(statusOf(recipient, files, asOf, outline.letter.deadline));
    for (const entry of files) {
      if (entry.content) replies.push({ file: entry.file, recipientId: recipient.id, modified: entry.modified, content: entry.content });
    }
  }
  return { manifest, report, replies };
}

function statusOf(recipient: Recipient, files: Received[], asOf: string, deadline: string | null): TrackedRecipient {
  const line: TrackedRecipient = { id: recipient.id, name: recipient.name, status: 'missing', files: files.map((f) => f.file), comments: 0, problems: [] };
  line.problems.push(...files.flatMap((entry) => (entry.doubt ? [`${entry.file}：${entry.doubt}`] : [])));
  const deciding = files.at(-1);
  if (!deciding) {
    line.status = deadline && asOf > deadline ? 'overdue' : 'missing';
    return line;
  }
  const { content } = deciding;
  if (!content) {
    line.status = 'unreadable';
    line.problems.push(`${deciding.file}：${deciding.problem ?? '无法读取'}，请对方重新发送`);
    return line;
  }
  line.comments = content.comments.length;
  if (!content.contentRead) {
    line.status = 'commented';
    line.problems.push(`${deciding.file}：内容未读取（此类文件只按文件名识别），请人工查看`);
  } else if (content.comments.length > 0) {
    line.status = 'commented';
  } else if (content.noComment) {
    line.status = 'no-comment';
  } else if (content.kind === 'form') {
    line.status = 'no-comment';
    line.problems.push(`${deciding.file}：反馈表未填写意见，也未勾选“无意见”，请与对方确认`);
  } else {
    line.status = 'commented';
    line.problems.push(`${deciding.file}：未找到分条意见，请人工查看`);
  }
  return line;
}

/** Files read at once: reading one overlaps waiting for the disk on the next. */
const READ_AHEAD = 8;

/** Every inbox file read, in the listing's order, with the files inside mails and zips after their container. */
async function readAll(workspace: string, files: string[]): Promise<{ received: Omit<Received, 'doubt'>[]; ignored: string[] }> {
  const read = async (file: string): Promise<Omit<Received, 'doubt'>[]> => {
    const modified = (await stat(join(workspace, file))).mtime.toISOString();
    const { items, ignored } = await readInboxFile(workspace, file);
    insideIgnored.push(...ignored);
    return items.map((item) => ({ ...item, modified }));
  };
  const insideIgnored: string[] = [];
  const results: Omit<Received, 'doubt'>[][] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      results[index] = await read(files[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_AHEAD, files.length) }, worker));
  return { received: results.flat(), ignored: insideIgnored.sort() };
}

/** The bundled alias table, plus the workspace's own additions (aliases.json beside the manifest). */
async function workspaceAliases(workspace: string): Promise<AliasTable> {
  const own = join(workspace, WORKSPACE_ALIASES_FILE);
  return loadAliasTable(existsSync(own) ? [own] : []);
}

/** Today's date where the clerk is, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** 0 when every recipient has replied, 3 while any is outstanding (missing, overdue, unreadable). */
export function trackExitCode(report: TrackReport): number {
  return report.recipients.every((line) => line.status === 'commented' || line.status === 'no-comment') ? 0 : 3;
}
