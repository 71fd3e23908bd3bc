/**
 * What the drafting office (起草单位) decided about each comment (采纳情况), read from the 意见汇总表 it filled in,
 * and the counts the 征求意见采纳情况说明 reports. Part of the model: imports nothing from the rest of gongwen.
 */

/** 采纳 / 部分采纳 / 不采纳 */
export type Decision = 'adopted' | 'partly' | 'rejected';

/** The words the documents print for each decision, in the order they are counted. */
export const DECISION_LABEL: Record<Decision, string> = { adopted: '采纳', partly: '部分采纳', rejected: '不采纳' };

/** One row of the 意见汇总表 as the drafter left it. */
export interface DecidedComment {
  /** The sheet's row number (as Excel shows it), for messages. */
  row: number;
  /** 序号 as written in the sheet. */
  index: string;
  /** 条目 */
  clause: string;
  /** 原文 */
  original: string;
  /** 修改意见 */
  suggestion: string;
  /** 理由 */
  reason: string;
  /** 提出单位 as written. */
  unit: string;
  /** The recipient that unit is, or null when it names none of them. */
  recipientId: string | null;
  /** null while the 采纳情况 cell is blank or says something else. */
  decision: Decision | null;
  /** The 采纳情况 cell as written, trimmed. */
  decisionText: string;
  /** 说明 */
  note: string;
}

export interface AdoptionCounts {
  /** 征求 N 家 */
  total: number;
  /** 反馈 M 家 (with or without comments) */
  replied: number;
  /** 其中无意见 K 家 */
  noComment: number;
  /** Units past the deadline without a reply, counted as having no comment because the letter says so. */
  deemedNoComment: string[];
  /** Units without a usable reply that are not so counted (no clause in the letter, deadline not past, file unreadable). */
  pending: string[];
  /** 意见 N 条, and how many of them were adopted, partly adopted, not adopted, or not yet decided. */
  comments: number;
  decided: Record<Decision, number>;
  undecided: number;
}
