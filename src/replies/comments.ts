/**
 * The comments in a reply, itemised. Recognizers share one signature (the frame and all blocks in, the
 * comments out, or null when the reply is not of their kind) and are tried in order: a table of comments
 * (gongwen's form, or one of the unit's own design), the draft sent back with tracked changes and Word
 * comments, numbered items (typed or automatic), prose. The first that applies decides.
 */
import type { Comment } from '../model/reply.js';
import type { ReplyBlock, ReplyParagraph, ReplyTable } from './blocks.js';
import type { ReplyFrame } from './frame.js';
import { clauseOf, commentOf, itemLevel, withoutItemNumber } from './parts.js';
import { NO_COMMENT, SUGGESTION_WORDS } from './patterns.js';

type CommentRecognizer = (frame: ReplyFrame, blocks: ReplyBlock[]) => Comment[] | null;

const RECOGNIZERS: readonly CommentRecognizer[] = [fromTable, fromRevisions, fromNumberedItems, fromProse];

/** The comments, or null when no recognizer applies (a reply whose comments could not be itemised). */
export function itemise(frame: ReplyFrame, blocks: ReplyBlock[]): Comment[] | null {
  for (const recognize of RECOGNIZERS) {
    const comments = recognize(frame, blocks);
    if (comments) return comments;
  }
  return null;
}

// ── A table of comments ────────────────────────────────────────────────────────────────────────────────

const HEADER = {
  suggestion: /修改意见|意见建议|具体意见|修改建议|意见和建议|建议修改|修改为|^意见$|^建议$|反馈意见/u,
  clause: /条目|章节|条款|条文|任务|位置|页码|所在|序号及|^条$|部分/u,
  original: /原文|原条款|原表述|原稿|原内容/u,
  reason: /理由|依据|原因|说明/u,
};

export interface CommentTable {
  rows: string[][];
  columns: { clause: number; original: number; suggestion: number; reason: number };
}

/** The first table with a header naming the comments' column, whatever its wording and order. */
export function commentTable(blocks: ReplyBlock[]): CommentTable | null {
  for (const block of blocks) {
    if (block.kind !== 'table') continue;
    const headerIndex = block.rows.findIndex((row) => row.some((cell) => HEADER.suggestion.test(cell.replace(/\s/gu, ''))) && row.length >= 2);
    const header = block.rows[headerIndex]?.map((cell) => cell.replace(/\s/gu, ''));
    if (!header) continue;
    const find = (pattern: RegExp, except: number[] = []): number => header.findIndex((cell, index) => pattern.test(cell) && !except.includes(index));
    const suggestion = find(HEADER.suggestion);
    const original = find(HEADER.original, [suggestion]);
    return {
      rows: (block as ReplyTable).rows.slice(headerIndex + 1),
      columns: { suggestion, original, clause: find(HEADER.clause, [suggestion, original]), reason: find(HEADER.reason, [suggestion, original]) },
    };
  }
  return null;
}

function fromTable(_frame: ReplyFrame, blocks: ReplyBlock[]): Comment[] | null {
  const table = commentTable(blocks);
  if (!table) return null;
  const cell = (row: string[], index: number): string | null => (index >= 0 ? row[index]?.trim() || null : null);
  return table.rows.flatMap((row) => {
    const suggestion = cell(row, table.columns.suggestion);
    if (!suggestion || NO_COMMENT.test(suggestion) && suggestion.length <= 12 || /^[无/／—-]$/u.test(suggestion)) return [];
    const comment = commentOf(suggestion, cell(row, table.columns.clause), cell(row, table.columns.original));
    const reason = cell(row, table.columns.reason);
    return [{ ...comment, clause: cell(row, table.columns.clause) ?? comment.clause, reason: reason ?? comment.reason }];
  });
}

// ── The draft sent back with tracked changes and Word comments ─────────────────────────────────────────

/** Paragraphs this long are compared whole, not character by character. */
const MAX_DIFFED = 2000;

function fromRevisions(_frame: ReplyFrame, blocks: ReplyBlock[]): Comment[] | null {
  const paragraphs = blocks.filter((block): block is ReplyParagraph => block.kind === 'paragraph');
  if (!paragraphs.some((paragraph) => paragraph.original !== undefined || paragraph.comments?.length)) return null;
  const comments: Comment[] = [];
  let clause: string | null = null;
  for (const paragraph of paragraphs) {
    // The clause a change sits in: this paragraph's own number and title, or the last numbered one above.
    const heading = itemLevel(paragraph.original ?? paragraph.text) !== null ? labelOf(paragraph.original ?? paragraph.text) : null;
    clause = heading ?? clause;
    if (paragraph.original !== undefined) {
      for (const { deleted, inserted } of changes(paragraph.original, paragraph.text)) {
        const suggestion = deleted && inserted ? `将“${deleted}”修改为“${inserted}”` : inserted ? `增加“${inserted}”` : `删除“${deleted}”`;
        comments.push({ clause, original: deleted || null, suggestion, reason: null });
      }
    }
    for (const note of paragraph.comments ?? []) {
      if (note.text.trim() === '') continue;
      comments.push({ ...commentOf(note.text, clause, note.anchor.trim() || null), clause });
    }
  }
  return comments;
}

/** A numbered paragraph's number and title, as a clause label: `3.深化科技创新`. */
function labelOf(text: string): string {
  return text.split(/[。：:；，]/u)[0]?.slice(0, 30).trim() ?? text.slice(0, 30);
}

/** The changed stretches between two texts (a character diff), close ones merged. */
export function changes(before: string, after: string): Array<{ deleted: string; inserted: string }> {
  if (before.length > MAX_DIFFED || after.length > MAX_DIFFED) return [{ deleted: before, inserted: after }];
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const a = before.slice(prefix, before.length - suffix);
  const b = after.slice(prefix, after.length - suffix);
  if (a === '' && b === '') return [];
  // Longest common subsequence of the middles, then the runs between common characters.
  const table: Uint16Array[] = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const hunks: Array<{ deleted: string; inserted: string; gap: number }> = [];
  let i = 0;
  let j = 0;
  let current: { deleted: string; inserted: string; gap: number } | null = null;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      if (current) current.gap += 1;
      i++;
      j++;
      continue;
    }
    // Runs of fewer than three common characters do not separate two changes: they are one edit.
    if (!current || current.gap >= 3) {
      current = { deleted: '', inserted: '', gap: 0 };
      hunks.push(current);
    } else if (current.gap > 0) {
      const common = a.slice(i - current.gap, i);
      current.deleted += common;
      current.inserted += common;
      current.gap = 0;
    }
    if (j >= b.length || (i < a.length && table[i + 1]![j]! >= table[i]![j + 1]!)) current.deleted += a[i++];
    else current.inserted += b[j++];
  }
  return hunks.map(({ deleted, inserted }) => ({ deleted, inserted }));
}

// ── Numbered items ─────────────────────────────────────────────────────────────────────────────────────

/** A heading such as `二、具体修改意见` or `一、关于第三部分`: short, no sentence, with items under it. */
const HEADING_LENGTH = 25;

function fromNumberedItems(frame: ReplyFrame): Comment[] | null {
  const paragraphs = frame.body.filter((block): block is ReplyParagraph => block.kind === 'paragraph').map((paragraph) => paragraph.text);
  if (!paragraphs.some((text) => itemLevel(text) !== null)) return null;
  return commentsIn(paragraphs, null);
}

/**
 * The comments in a run of paragraphs: each item of the highest level present, with what stands under it,
 * is one comment; a heading's items are comments of their own, under the heading's clause, level by level.
 * Without numbers, each paragraph that proposes something is one.
 */
function commentsIn(paragraphs: string[], clause: string | null): Comment[] {
  const levels = paragraphs.map(itemLevel);
  const present = levels.filter((level): level is number => level !== null);
  if (present.length === 0) {
    return paragraphs.filter((text) => SUGGESTION_WORDS.test(text) || text.length > HEADING_LENGTH).map((text) => commentOf(text, clause));
  }
  const top = Math.min(...present);
  const items: Array<{ text: string; children: string[] }> = [];
  paragraphs.forEach((text, index) => {
    if (levels[index] === top) items.push({ text, children: [] });
    else items.at(-1)?.children.push(text);
  });
  return items.flatMap((item) => {
    const title = withoutItemNumber(item.text);
    const isHeading = item.children.length > 0 && title.length <= HEADING_LENGTH && !/[。；]/u.test(title);
    return isHeading ? commentsIn(item.children, clauseOf(item.text) ?? clause) : [commentOf([item.text, ...item.children].join(''), clause)];
  });
}

// ── Prose ──────────────────────────────────────────────────────────────────────────────────────────────

function fromProse(frame: ReplyFrame): Comment[] | null {
  const comments = frame.body
    .filter((block): block is ReplyParagraph => block.kind === 'paragraph')
    .filter((paragraph) => SUGGESTION_WORDS.test(paragraph.text) && !(NO_COMMENT.test(paragraph.text) && paragraph.text.length <= 40))
    .map((paragraph) => commentOf(paragraph.text));
  return comments.length > 0 ? comments : null;
}
