/**
 * `gongwen summary`: every comment of the replies into the 意见汇总表, in the draft's order, with the counts
 * above it. The newest reply of each unit counts; a reply carrying secrecy markings is left out (track
 * names it, and it must be handled off this machine). Run again, it keeps what a person typed into the
 * .xlsx (merge.ts); what it cannot place goes to a sheet of its own.
 */
import { writeFileAtomic } from '../files.js';
import { hasReplied, type Reply } from '../model/reply.js';
import { LAYOUT } from '../model/workspace.js';
import { trackWorkspace } from '../tracking/index.js';
import { summaryDocx, summaryXlsx, type SummaryCounts, type SummaryRow } from '../writers/summary-table.js';
import { loadTemplates } from '../writers/template/index.js';
import { insideWorkspace } from '../workspace.js';
import { INDEX_HEADER, REASON_HEADER, SUMMARY_HEADERS, mergeTyped, type SupersededComment } from './merge.js';
import { placeOf } from './order.js';
import { readPreviousSummary } from './previous.js';

export interface SummaryOptions {
  asOf?: string;
  templatesDir?: string;
}

export interface Summary {
  asOf: string;
  rows: SummaryRow[];
  counts: SummaryCounts;
  /** Replies left out because they carry secrecy markings. */
  leftOut: string[];
  files: string[];
  /** Rows that kept what a person had typed in the earlier .xlsx. */
  restored: number;
  /** Earlier rows that could not be placed, kept in the sheet UNPLACED_SHEET; of them, those superseded. */
  unplaced: number;
  superseded: number;
}

/** The sheet of earlier rows that match no comment now. */
export const UNPLACED_SHEET = '未能对应的原有内容';

const HEADERS = [INDEX_HEADER, ...Object.values(SUMMARY_HEADERS)];

export async function createSummary(workspace: string, options: SummaryOptions = {}): Promise<Summary> {
  const { manifest: { outline }, report, replies } = await trackWorkspace(workspace, { asOf: options.asOf });
  const xlsxPath = insideWorkspace(workspace, LAYOUT.summary.xlsx);
  // Read first: a sheet that cannot be carried over stops the run before anything is made or written.
  const previous = await readPreviousSummary(xlsxPath, LAYOUT.summary.xlsx, [...HEADERS, REASON_HEADER]);
  const templates = await loadTemplates(options.templatesDir);
  const newest = new Map<string, Reply>();
  for (const reply of replies) newest.set(reply.recipientId, reply);
  const statuses = new Map(report.recipients.map((line) => [line.id, line.status]));
  const leftOut: string[] = [];
  const placed: Array<SummaryRow & { line: number; order: number }> = [];
  for (const [order, recipient] of outline.recipients.entries()) {
    const reply = newest.get(recipient.id);
    const status = statuses.get(recipient.id);
    if (!reply || status !== 'commented') continue;
    if (reply.content.secrecyMarks.length > 0) {
      leftOut.push(reply.file);
      continue;
    }
    for (const comment of reply.content.comments) {
      const place = placeOf(outline, comment.clause, comment.suggestion);
      placed.push({
        clause: place?.label ?? comment.clause ?? templates.wording.summary.unplacedClause,
        original: comment.original ?? '',
        suggestion: comment.suggestion,
        reason: comment.reason ?? '',
        unit: recipient.name,
        adoption: '',
        note: '',
        line: place?.line ?? Number.POSITIVE_INFINITY,
        order,
      });
    }
  }
  const fresh = placed
    .sort((a, b) => a.line - b.line || a.order - b.order)
    .map(({ line: _, order: __, ...row }): SummaryRow => row);
  const merged = mergeTyped(fresh, previous, supersededComments(outline.recipients, replies, newest));
  const counts: SummaryCounts = {
    total: report.recipients.length,
    replied: report.recipients.filter((line) => hasReplied(line.status)).length,
    noComment: report.recipients.filter((line) => line.status === 'no-comment').length,
    missing: report.recipients.filter((line) => !hasReplied(line.status)).map((line) => line.name),
    notItemised: report.recipients.filter((line) => line.status === 'commented' && line.reading !== 'itemised').map((line) => line.name),
  };
  const unplacedHeaders = [INDEX_HEADER, ...Object.values(SUMMARY_HEADERS), REASON_HEADER];
  const unplaced = {
    name: UNPLACED_SHEET,
    headers: unplacedHeaders,
    rows: merged.kept.map((row) => unplacedHeaders.map((header) => (header === REASON_HEADER ? row.reason : row.cells[header] ?? ''))),
  };
  const xlsx = await summaryXlsx(outline, merged.rows, counts, report.asOf, templates, unplaced);
  const docx = await summaryDocx(outline, merged.rows, counts, report.asOf, templates);
  // The .xlsx first: it holds what a person typed.
  await writeFileAtomic(xlsxPath, xlsx);
  await writeFileAtomic(insideWorkspace(workspace, LAYOUT.summary.docx), docx);
  return {
    asOf: report.asOf,
    rows: merged.rows,
    counts,
    leftOut,
    files: [LAYOUT.summary.docx, LAYOUT.summary.xlsx],
    restored: merged.restored,
    unplaced: merged.kept.length,
    superseded: merged.kept.filter((row) => row.superseded).length,
  };
}

/** The comments of each unit's earlier replies, with the newest reply that replaced them. */
function supersededComments(recipients: Array<{ id: string; name: string }>, replies: Reply[], newest: Map<string, Reply>): SupersededComment[] {
  const names = new Map(recipients.map((recipient) => [recipient.id, recipient.name]));
  return replies.flatMap((reply) => {
    const newer = newest.get(reply.recipientId);
    if (!newer || newer === reply) return [];
    return reply.content.comments.map((comment) => ({ unit: names.get(reply.recipientId) ?? '', suggestion: comment.suggestion, newer: newer.file, older: reply.file }));
  });
}
