/**
 * The 征求意见采纳情况说明 (filed with the revised draft) and the 采纳情况反馈 to each unit that commented, from
 * their templates (templates/adoption-report.md, adoption-note.md). Every figure is counted here from the
 * comments and the counts given, never typed; sentences that hold only for some data (the units deemed to have
 * no comment, the 草稿 mark) are lists of one item or none, so that their wording stays in the template.
 */
import { DECISION_LABEL, type AdoptionCounts, type DecidedComment, type Decision } from '../model/adoption.js';
import type { Outline, Recipient } from '../model/outline.js';
import { documentProperties } from './properties.js';
import { directRenderer, loadTemplates, type DocxRenderer, type Templates } from './template/index.js';
import { BLANK, chineseDate, letterValues, recipientValues } from './values.js';

/** How the documents speak of a comment not decided yet (only in a 草稿). */
const UNDECIDED = '尚未确定';
/** The 条目 `summary` gives a comment on no particular clause. */
const NO_CLAUSE = '（未指明条目）';

export interface AdoptionReportData {
  comments: DecidedComment[];
  counts: AdoptionCounts;
  /** The letter's 逾期视为无意见 clause, as written, or null. */
  silenceClause: string | null;
  /** The date the report speaks of and is dated (ISO). */
  asOf: string;
  /** Written although comments are undecided or missing from the sheet: marked 草稿. */
  draft: boolean;
  /** Units whose comments the sheet does not have yet (their reply came after `summary`). */
  unlisted: string[];
}

export async function adoptionReportDocx(outline: Outline, data: AdoptionReportData, templates?: Templates, render: DocxRenderer = directRenderer()): Promise<Uint8Array> {
  const all = templates ?? (await loadTemplates());
  const { 'adoption-report': template } = all;
  const { counts, comments } = data;
  const values = {
    ...letterValues(outline, all.wording),
    'adoption.asOf': chineseDate(data.asOf),
    'adoption.date': chineseDate(data.asOf),
    'adoption.total': String(counts.total),
    'adoption.replied': String(counts.replied),
    'adoption.noComment': String(counts.noComment),
    'adoption.commenting': String(new Set(comments.map((comment) => comment.unit)).size),
    'adoption.comments': String(counts.comments),
    'adoption.adopted': String(counts.decided.adopted),
    'adoption.partly': String(counts.decided.partly),
    'adoption.rejected': String(counts.decided.rejected),
    'adoption.undecided': String(counts.undecided),
  };
  const notAdopted = comments.filter((comment) => comment.decision === 'rejected' || comment.decision === 'partly');
  const lists = {
    unfinished: unfinished(comments, data.draft),
    unlisted: data.draft && data.unlisted.length > 0 ? [{ count: String(data.unlisted.length), units: data.unlisted.join('、') }] : [],
    deemed: counts.deemedNoComment.length > 0 ? [{ count: String(counts.deemedNoComment.length), units: counts.deemedNoComment.join('、'), clause: data.silenceClause ?? '' }] : [],
    pending: counts.pending.length > 0 ? [{ count: String(counts.pending.length), units: counts.pending.join('、') }] : [],
    unstated: data.silenceClause === null && counts.pending.length > 0 ? [{ count: String(counts.pending.length) }] : [],
    clause: byClause(comments).map((group, index) => ({
      ordinal: `（${chineseOrdinal(index + 1)}）`,
      label: clauseLabel(group[0]!.clause),
      units: [...new Set(group.map((comment) => comment.unit))].join('、'),
      comments: String(group.length),
      decisions: decisionsText(group),
    })),
    notAdopted: notAdopted.map((comment, index) => ({
      index: String(index + 1),
      unit: comment.unit,
      clause: clauseLabel(comment.clause),
      suggestion: quoted(withoutFinalStop(comment.suggestion)),
      decision: DECISION_LABEL[comment.decision!],
      note: comment.note === '' ? BLANK : withoutFinalStop(comment.note),
    })),
    allAdopted: counts.comments > 0 && notAdopted.length === 0 && counts.undecided === 0 ? [{ comments: String(counts.comments) }] : [],
  };
  return render(template, { values, lists }, documentProperties('adoption-report', outline, null));
}

/** The 采纳情况反馈 to one unit: its comments, in the sheet's order, and what became of each. */
export async function adoptionNoteDocx(
  outline: Outline,
  recipient: Recipient,
  comments: DecidedComment[],
  asOf: string,
  draft: boolean,
  templates?: Templates,
  render: DocxRenderer = directRenderer(),
): Promise<Uint8Array> {
  const all = templates ?? (await loadTemplates());
  const { 'adoption-note': template } = all;
  const values = {
    ...letterValues(outline, all.wording),
    ...recipientValues(outline, recipient),
    'note.date': chineseDate(asOf),
    'note.comments': String(comments.length),
    'note.decisions': decisionsText(comments),
  };
  const lists = {
    unfinished: unfinished(comments, draft),
    comment: comments.map((comment, index) => ({
      index: String(index + 1),
      clause: clauseLabel(comment.clause),
      suggestion: comment.suggestion,
      decision: comment.decision === null ? UNDECIDED : DECISION_LABEL[comment.decision],
      note: comment.note,
    })),
  };
  return render(template, { values, lists }, documentProperties('adoption-note', outline, recipient));
}

/** The 草稿 mark: one item while comments are undecided (only written so with --draft), else none. */
function unfinished(comments: DecidedComment[], draft: boolean): Record<string, string>[] {
  const open = comments.filter((comment) => comment.decision === null);
  return draft && open.length > 0 ? [{ count: String(open.length), rows: open.map((comment) => comment.index || String(comment.row)).join('、') }] : [];
}

/** Comments grouped by their 条目, in the order the sheet first names each (the draft's order). */
function byClause(comments: DecidedComment[]): DecidedComment[][] {
  const groups = new Map<string, DecidedComment[]>();
  for (const comment of comments) {
    const key = clauseLabel(comment.clause);
    groups.set(key, [...(groups.get(key) ?? []), comment]);
  }
  return [...groups.values()];
}

function clauseLabel(clause: string): string {
  return clause === '' || clause === NO_CLAUSE ? '未指明条目' : clause;
}

/** 采纳2条、部分采纳1条、不采纳1条 (numbers that are 0 left out). */
export function decisionsText(comments: DecidedComment[]): string {
  const order: Array<Decision | null> = ['adopted', 'partly', 'rejected', null];
  return order
    .map((decision) => [decision, comments.filter((comment) => comment.decision === decision).length] as const)
    .filter(([, count]) => count > 0)
    .map(([decision, count]) => `${decision === null ? UNDECIDED : DECISION_LABEL[decision]}${count}条`)
    .join('、');
}

/** Words put inside “”: their own “” become ‘’ (GB/T 15834 4.1.3.2), as a title's 《》 become 〈〉. */
function quoted(text: string): string {
  return text.replace(/“/gu, '‘').replace(/”/gu, '’');
}

/** A sentence quoted inside another: its own final 。；. taken off. */
function withoutFinalStop(text: string): string {
  return text.replace(/[。．.；;，,\s]+$/u, '');
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 ; from 100 on in Arabic numerals. */
function chineseOrdinal(number: number): string {
  if (number >= 100) return String(number);
  if (number < 10) return DIGITS[number]!;
  const tens = Math.floor(number / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[number % 10]}`;
}
