/**
 * `gongwen adoption`: closing the round. Reads the 采纳情况 and 说明 the drafting office filled into the
 * 意见汇总表.xlsx, and writes the 征求意见采纳情况说明 (counts from the workspace and the sheet, never typed) and a
 * 采纳情况反馈 to each unit that commented. While a comment is undecided nothing is written, unless asked for a
 * draft (草稿). Only its own outputs are replaced, nothing is deleted, and the inbox is never touched.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../files.js';
import { insideWorkspace } from '../workspace.js';
import type { AdoptionCounts, DecidedComment } from '../model/adoption.js';
import { LAYOUT, unitFolderName } from '../model/workspace.js';
import { trackWorkspace, workspaceAliases } from '../tracking/index.js';
import { unitMatcher } from '../units/index.js';
import { adoptionNoteDocx, adoptionReportDocx } from '../writers/adoption.js';
import { directRenderer, loadTemplates } from '../writers/template/index.js';
import { decisionOf } from './decision.js';
import { readSummarySheet } from './sheet.js';

export interface AdoptionOptions {
  /** The day the report speaks of and is dated, YYYY-MM-DD; today when absent. */
  asOf?: string;
  templatesDir?: string;
  /** Write the documents although comments are undecided, marked 草稿. */
  draft?: boolean;
}

export interface Adoption {
  asOf: string;
  comments: DecidedComment[];
  counts: AdoptionCounts;
  /** The letter's 逾期视为无意见 clause as written, or null. */
  silenceClause: string | null;
  /** Comments without a decision: 采纳情况 blank, or words that are none of 采纳 / 部分采纳 / 不采纳. */
  undecided: DecidedComment[];
  /** Comments not adopted (or partly) whose 说明 is blank: the report prints a line to fill in. */
  unexplained: DecidedComment[];
  /** 提出单位 written in the sheet that are none of the recipients: no 采纳情况反馈 is written for them. */
  unknownUnits: string[];
  /** Units whose reply has comments of which the sheet has none: `summary` ran before their reply came. */
  missingFromSheet: string[];
  /** Units whose reply carries secrecy markings, left out of the 意见汇总表 by `summary`. */
  secret: string[];
  /** Files written, relative to the workspace; none while comments are undecided and no draft was asked for. */
  files: string[];
  /**
   * 采纳情况反馈 of an earlier run for units that have no comment in the sheet any more: left in place (a person
   * may have worked on them), and named so that none is sent by mistake.
   */
  stale: string[];
}

export async function createAdoption(workspace: string, options: AdoptionOptions = {}): Promise<Adoption> {
  const { manifest: { outline }, report } = await trackWorkspace(workspace, { asOf: options.asOf });
  const rows = await readSummarySheet(insideWorkspace(workspace, LAYOUT.summary.xlsx), `${workspace}/${LAYOUT.summary.xlsx}`);
  const matchUnit = unitMatcher(outline.recipients, await workspaceAliases(workspace));
  const recipientOf = (unit: string) =>
    outline.recipients.find((recipient) => recipient.name === unit) ?? (unit === '' ? null : (matchUnit(unit)?.recipient ?? null));

  const comments: DecidedComment[] = rows.map(({ decision, ...row }) => ({
    ...row,
    recipientId: recipientOf(row.unit)?.id ?? null,
    decision: decisionOf(decision),
    decisionText: decision,
  }));
  const silenceClause = outline.letter.silenceClause ?? null;
  const replied = report.recipients.filter((line) => line.status === 'commented' || line.status === 'no-comment');
  const silent = report.recipients.filter((line) => !replied.includes(line));
  const deemed = silenceClause === null ? [] : silent.filter((line) => line.status === 'overdue');
  const counts: AdoptionCounts = {
    total: report.recipients.length,
    replied: replied.length,
    noComment: replied.filter((line) => line.status === 'no-comment').length,
    deemedNoComment: deemed.map((line) => line.name),
    pending: silent.filter((line) => !deemed.includes(line)).map((line) => line.name),
    comments: comments.length,
    decided: {
      adopted: comments.filter((comment) => comment.decision === 'adopted').length,
      partly: comments.filter((comment) => comment.decision === 'partly').length,
      rejected: comments.filter((comment) => comment.decision === 'rejected').length,
    },
    undecided: comments.filter((comment) => comment.decision === null).length,
  };

  const secretFiles = new Set(report.secret.map((entry) => entry.file));
  const commented = report.recipients.filter((line) => line.status === 'commented');
  const secret = commented.filter((line) => secretFiles.has(line.files.at(-1) ?? ''));
  const inSheet = new Set(comments.map((comment) => comment.recipientId));
  const result: Adoption = {
    asOf: report.asOf,
    comments,
    counts,
    silenceClause,
    undecided: comments.filter((comment) => comment.decision === null),
    unexplained: comments.filter((comment) => (comment.decision === 'rejected' || comment.decision === 'partly') && comment.note === ''),
    unknownUnits: [...new Set(comments.filter((comment) => comment.recipientId === null).map((comment) => comment.unit))],
    missingFromSheet: commented.filter((line) => !secret.includes(line) && !inSheet.has(line.id)).map((line) => line.name),
    secret: secret.map((line) => line.name),
    files: [],
    stale: [],
  };
  const draft = result.undecided.length > 0 || result.missingFromSheet.length > 0;
  if (draft && !options.draft) return result;

  // Everything is laid out before anything is written: a failure leaves the earlier outputs as they were.
  const templates = await loadTemplates(options.templatesDir);
  const render = directRenderer();
  const planned: Array<[string, Uint8Array]> = [
    [LAYOUT.adoption.report, await adoptionReportDocx(outline, { comments, counts, silenceClause, asOf: report.asOf, draft, unlisted: result.missingFromSheet }, templates, render)],
  ];
  const others: string[] = [];
  for (const [index, recipient] of outline.recipients.entries()) {
    // Numbered as in packets/: 采纳情况反馈/04-省科技厅.docx beside packets/04-省科技厅.
    const path = `${LAYOUT.adoption.perUnit}/${unitFolderName(index + 1, outline.recipients.length, recipient.name)}.docx`;
    const own = comments.filter((comment) => comment.recipientId === recipient.id);
    if (own.length === 0) others.push(path);
    else planned.push([path, await adoptionNoteDocx(outline, recipient, own, report.asOf, draft, templates, render)]);
  }
  for (const [path, bytes] of planned) {
    const target = insideWorkspace(workspace, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, bytes);
    result.files.push(path);
  }
  result.stale = others.filter((path) => existsSync(insideWorkspace(workspace, path)));
  return result;
}

/** 0 when every comment has its decision; 3 while any is undecided or missing from the sheet (as `track`). */
export function adoptionExitCode(adoption: Adoption): number {
  return adoption.undecided.length > 0 || adoption.missingFromSheet.length > 0 ? 3 : 0;
}
