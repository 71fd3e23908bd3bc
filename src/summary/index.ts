/**
 * `gongwen summary`: every comment of the replies into the 意见汇总表, in the draft's order, with the counts
 * above it. The newest reply of each unit counts; a reply carrying secrecy markings is left out (track
 * names it, and it must be handled off this machine).
 */
import { writeFileAtomic } from '../files.js';
import type { Reply } from '../model/reply.js';
import { insideWorkspace } from '../packets/names.js';
import { trackWorkspace } from '../tracking/index.js';
import { summaryDocx, summaryXlsx, type SummaryCounts, type SummaryRow } from '../writers/summary-table.js';
import { loadTemplates } from '../writers/template/index.js';
import { placeOf } from './order.js';

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
}

const FILES = { docx: '意见汇总表.docx', xlsx: '意见汇总表.xlsx' } as const;

export async function createSummary(workspace: string, options: SummaryOptions = {}): Promise<Summary> {
  const { manifest: { outline }, report, replies } = await trackWorkspace(workspace, { asOf: options.asOf });
  const newest = new Map<string, Reply>();
  for (const reply of replies) newest.set(reply.recipientId, reply);
  const leftOut: string[] = [];
  const placed: Array<SummaryRow & { line: number; order: number }> = [];
  for (const [order, recipient] of outline.recipients.entries()) {
    const reply = newest.get(recipient.id);
    const status = report.recipients.find((line) => line.id === recipient.id)?.status;
    if (!reply || status !== 'commented') continue;
    if (reply.content.secrecyMarks.length > 0) {
      leftOut.push(reply.file);
      continue;
    }
    for (const comment of reply.content.comments) {
      const place = placeOf(outline, comment.clause, comment.suggestion);
      placed.push({
        clause: place?.label ?? comment.clause ?? null,
        original: comment.original ?? '',
        suggestion: comment.suggestion,
        reason: comment.reason ?? '',
        unit: recipient.name,
        line: place?.line ?? Number.POSITIVE_INFINITY,
        order,
      });
    }
  }
  const rows = placed
    .sort((a, b) => a.line - b.line || a.order - b.order)
    .map(({ clause, original, suggestion, reason, unit }) => ({ clause, original, suggestion, reason, unit }));
  const counts: SummaryCounts = {
    total: report.recipients.length,
    replied: report.recipients.filter((line) => line.status === 'commented' || line.status === 'no-comment').length,
    noComment: report.recipients.filter((line) => line.status === 'no-comment').length,
    missing: report.recipients.filter((line) => line.status !== 'commented' && line.status !== 'no-comment').map((line) => line.name),
  };
  const templates = await loadTemplates(options.templatesDir);
  await writeFileAtomic(insideWorkspace(workspace, FILES.docx), await summaryDocx(outline, rows, counts, report.asOf, templates));
  await writeFileAtomic(insideWorkspace(workspace, FILES.xlsx), await summaryXlsx(outline, rows, counts, report.asOf, templates));
  return { asOf: report.asOf, rows, counts, leftOut, files: [FILES.docx, FILES.xlsx] };
}
