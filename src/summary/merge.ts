/**
 * A new summary that keeps what a person typed into the old one. Each earlier row is matched to a comment of the
 * new summary by its unit and its comment (修改意见), ignoring spacing, width and a leading `一、`; a matched row
 * brings its 采纳情况 and 说明, and any other cell whose text the person changed. An earlier row that matches
 * nothing is never dropped: it is kept apart with the reason — its unit has since sent a reply without that
 * comment (superseded), or its comment is nowhere to be found (edited, or its file taken out of the inbox).
 */
import { withoutFormulaMark } from '../writers/sheet.js';
import type { SummaryRow } from '../writers/summary-table.js';
import type { PreviousRow } from './previous.js';

/** The header of each cell of a summary row, as the sheet shows it. */
export const SUMMARY_HEADERS = {
  clause: '条目',
  original: '原文',
  suggestion: '修改意见',
  reason: '理由',
  unit: '提出单位',
  adoption: '采纳情况',
  note: '说明',
} as const satisfies Record<keyof SummaryRow, string>;

/** 序号 is counted afresh (a kept row keeps its old one, to be found by); 原因 says why a row was kept apart. */
export const INDEX_HEADER = '序号';
export const REASON_HEADER = '原因';

/** The cells gongwen fills from the replies: a person's different text in one of them is kept. */
const FROM_REPLIES = ['clause', 'original', 'reason'] as const;

export interface KeptRow {
  cells: Record<string, string>;
  /** Why it could not be placed. */
  reason: string;
  superseded: boolean;
}

export interface Merged {
  rows: SummaryRow[];
  kept: KeptRow[];
  /** Rows of the new summary that took something typed from the old one. */
  restored: number;
}

/** A comment a unit made in a reply that a newer one has replaced. */
export interface SupersededComment {
  unit: string;
  suggestion: string;
  /** The reply that replaced it, and the one it was in. */
  newer: string;
  older: string;
}

export function mergeTyped(rows: SummaryRow[], previous: PreviousRow[], superseded: SupersededComment[]): Merged {
  const waiting = new Map<string, PreviousRow[]>();
  for (const row of previous) {
    const key = keyOf(row.cells[SUMMARY_HEADERS.unit] ?? '', row.cells[SUMMARY_HEADERS.suggestion] ?? '');
    const queue = waiting.get(key);
    if (queue) queue.push(row);
    else waiting.set(key, [row]);
  }
  // Of two earlier rows for one comment (one put back from the kept sheet), the one with a decision goes first.
  for (const queue of waiting.values()) queue.sort((a, b) => Number(decided(b)) - Number(decided(a)));
  let restored = 0;
  const placed = new Map<string, SummaryRow>();
  const merged = rows.map((row): SummaryRow => {
    const key = keyOf(row.unit, row.suggestion);
    placed.set(key, row);
    const earlier = waiting.get(key)?.shift();
    if (!earlier) return row;
    const typed = (header: string): string => earlier.cells[header] ?? '';
    const next = { ...row, adoption: typed(SUMMARY_HEADERS.adoption), note: typed(SUMMARY_HEADERS.note) };
    for (const field of FROM_REPLIES) {
      const text = typed(SUMMARY_HEADERS[field]);
      if (text !== '' && withoutFormulaMark(text) !== row[field]) next[field] = text;
    }
    if (JSON.stringify(next) !== JSON.stringify(row)) restored += 1;
    return next;
  });
  const replaced = new Map(superseded.map((comment) => [keyOf(comment.unit, comment.suggestion), comment]));
  const kept = [...waiting.entries()]
    .flatMap(([key, queue]) => queue.filter((row) => !isCopyOf(row, placed.get(key))))
    .sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row)
    .map((row): KeptRow => {
      const { [REASON_HEADER]: _, ...cells } = row.cells;
      const comment = replaced.get(keyOf(cells[SUMMARY_HEADERS.unit] ?? '', cells[SUMMARY_HEADERS.suggestion] ?? ''));
      return comment
        ? { cells, superseded: true, reason: `该单位后来发来的 ${comment.newer} 中已没有这条意见（原见 ${comment.older}）` }
        : { cells, superseded: false, reason: '在现在的反馈中找不到这条意见（提出单位或修改意见可能改过，或文件已移出回收文件夹）' };
    });
  return { rows: merged, kept, restored };
}

function decided(row: PreviousRow): boolean {
  return Boolean(row.cells[SUMMARY_HEADERS.adoption] || row.cells[SUMMARY_HEADERS.note]);
}

/** A second earlier row of a placed comment that holds nothing the placed row does not: nothing to keep. */
function isCopyOf(row: PreviousRow, placed: SummaryRow | undefined): boolean {
  if (!placed || decided(row)) return false;
  return FROM_REPLIES.every((field) => {
    const text = row.cells[SUMMARY_HEADERS[field]] ?? '';
    return text === '' || withoutFormulaMark(text) === placed[field];
  });
}

/** Unit and comment, as compared: width and spacing ignored, a leading `'` (formula guard) or `一、` dropped. */
function keyOf(unit: string, suggestion: string): string {
  return `${plain(unit)}\u0000${plain(suggestion)}`;
}

function plain(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^'/u, '')
    .replace(/\s+/gu, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[.、])/u, '');
}
