/**
 * What comes back: the content read from one returned file, and each recipient's status in the ledger.
 * Part of the model (imports nothing from the rest of gongwen).
 */

/** One comment (修改意见) on the draft. */
export interface Comment {
  /** 条目（章节、任务序号） as the unit wrote it, e.g. 任务3, 第二部分, （一）. */
  clause: string | null;
  /** 原文 */
  original: string | null;
  /** 修改意见 */
  suggestion: string;
  /** 修改理由 */
  reason: string | null;
}

/** Our feedback form; a unit's own reply (a 复函, in any format); a file whose words cannot be read. */
export type ReturnedKind = 'form' | 'letter' | 'opaque';

/** What one returned file says, as far as it can be read. */
export interface ReturnedContent {
  kind: ReturnedKind;
  /** Identifiers a gongwen form carries in its custom document properties. */
  properties: { docNumber: string | null; recipientId: string | null; recipientName: string | null };
  /** The unit the file names as its sender: 反馈单位 line, or a letter's 署名. */
  namedUnit: string | null;
  /** Title or first line, used as a last way to recognise the sender. */
  title: string | null;
  comments: Comment[];
  /** True when the file says it has no comments (无意见, a ticked 无意见 box). */
  noComment: boolean;
  /** False when the file's words could not be read (an image, a PDF without text, a spreadsheet). */
  contentRead: boolean;
  /**
   * True when the comments were itemised, or the file says it has none; false when the file has words but
   * no comment could be told apart in them: its comments must be entered by a person, never counted as zero.
   */
  itemised: boolean;
  /** What a person must look at: a ticked 无意见 box beside written comments. */
  flags: string[];
  /** The reply's own 成文日期, ISO: decides between two replies of one unit before their file times. */
  date: string | null;
  /** Words saying this reply replaces an earlier one, or is final: 定稿, 前稿作废, 修订稿. */
  versionMark: string | null;
  /** Secrecy markings found in the text (绝密, 机密, 秘密★, 工作秘密, 内部资料). */
  secrecyMarks: string[];
}

export type RecipientStatus = 'commented' | 'no-comment' | 'unconfirmed' | 'missing' | 'overdue' | 'unreadable';

/**
 * Each status as the clerk reads it, and whether the unit counts as having replied (反馈) — for track's counts
 * and exit code, the reminders and the summary alike. The order is the order the counts are said in.
 */
export const RECIPIENT_STATUSES: Record<RecipientStatus, { label: string; replied: boolean }> = {
  commented: { label: '已反馈', replied: true },
  'no-comment': { label: '无意见', replied: true },
  // Our form sent back blank: neither a comment nor 无意见 ticked. Not 无意见 until the unit confirms it.
  unconfirmed: { label: '待确认', replied: false },
  missing: { label: '未反馈', replied: false },
  overdue: { label: '逾期未反馈', replied: false },
  unreadable: { label: '文件无法读取', replied: false },
};

/** Whether a unit with this status has replied; the others are outstanding and get a 催办通知. */
export function hasReplied(status: RecipientStatus): boolean {
  return RECIPIENT_STATUSES[status].replied;
}

/** One recipient's line in `track` (the contract of `track --json`). */
export interface TrackedRecipient {
  id: string;
  name: string;
  status: RecipientStatus;
  /** The inbox files this status rests on, relative to the workspace, the one that counts last. */
  files: string[];
  /** Earlier replies the last one replaces: their comments stay out of the summary. */
  superseded: string[];
  /** Comments in the deciding file. */
  comments: number;
  /**
   * How far the deciding file was read: its comments itemised (or it has none); words read but no comment
   * told apart; words not read at all (a scan, an image). Null with no readable file.
   */
  reading: 'itemised' | 'not-itemised' | 'not-read' | null;
  /** What the clerk should know: a damaged file, content not read, a form returned blank. */
  problems: string[];
}

export interface TrackReport {
  asOf: string;
  deadline: string | null;
  recipients: TrackedRecipient[];
  /** Files from nobody on the list, or that name no unit. */
  unmatched: Array<{ file: string; reason: string }>;
  /** Lock files, thumbnails and hidden files. */
  ignored: string[];
  /** Files not read because a limit was reached (too many files, folders too deep), each with the limit. */
  leftOut: Array<{ file: string; reason: string }>;
  /** Files carrying secrecy markings: to be handled off this machine, and kept out of the summary. */
  secret: Array<{ file: string; marks: string[] }>;
  /** Files in packets/ that are not what the manifest says was generated there: changed, missing, or not gongwen's. */
  packets: Array<{ file: string; problem: string }>;
}

/** A returned file that was read and attributed to a recipient. */
export interface Reply {
  file: string;
  recipientId: string;
  /** Last modification time, ISO; decides between two replies of one unit. */
  modified: string;
  content: ReturnedContent;
}
