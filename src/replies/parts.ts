/**
 * The parts of one comment, from its own words: the clause of the draft it names, the text it would
 * replace (原文) from `将“X”修改为“Y”`, and its reason (理由) from `理由：…`. The reply's own item number
 * (`一、`, `1.`) is not part of the comment.
 */
import type { Comment } from '../model/reply.js';
import { CLAUSE, CLOSING, ITEM_LEVELS, REASON, REPLACEMENT } from './patterns.js';

/** The level of a numbered item (0 = 一、), or null for a paragraph that is not one. */
export function itemLevel(text: string): number | null {
  const level = ITEM_LEVELS.findIndex((pattern) => pattern.test(text));
  return level >= 0 ? level : null;
}

/**
 * The text without the reply's own item number. `第三条` stays: a reply numbered by articles names the
 * draft's articles, and that is the clause.
 */
export function withoutItemNumber(text: string): string {
  const level = itemLevel(text);
  if (level === null || /^第[一二三四五六七八九十百\d]+条/u.test(text)) return text;
  return text.replace(ITEM_LEVELS[level] as RegExp, '').trim();
}

/** The clause a text names: 第3条, 任务3, 第二部分, （一）…, or null. */
export function clauseOf(text: string): string | null {
  return CLAUSE.exec(withoutItemNumber(text))?.[1]?.trim() ?? null;
}

/** One comment from its text; `clause` is the clause of the heading it stands under, when it names none. */
export function commentOf(text: string, clause: string | null = null, original: string | null = null): Comment {
  let suggestion = withoutClosing(withoutItemNumber(text));
  let reason: string | null = null;
  const reasonMatch = REASON.exec(suggestion);
  if (reasonMatch && reasonMatch.index > 0) {
    reason = reasonMatch[1]?.trim().replace(/[。；]$/u, '') || null;
    suggestion = suggestion.slice(0, reasonMatch.index).trim();
  }
  return {
    clause: clauseOf(suggestion) ?? clause,
    original: original ?? REPLACEMENT.exec(suggestion)?.[1] ?? null,
    suggestion,
    reason,
  };
}

/** A closing formula run on at the end of the last comment (`…。以上意见，供参考。`) is not part of it. */
function withoutClosing(text: string): string {
  const sentences = text.match(/[^。！？]+[。！？]?/gu) ?? [text];
  while (sentences.length > 1 && CLOSING.test((sentences.at(-1) ?? '').trim())) sentences.pop();
  return sentences.join('').trim();
}
