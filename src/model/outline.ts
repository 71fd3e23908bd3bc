/**
 * The outline: gongwen's one document model (like pandoc's Definition).
 *
 * Readers produce blocks (model/document.ts), recognizers turn them into an Outline, writers consume it.
 * This module imports nothing from the rest of gongwen but the model; every other module may import it.
 * The JSON shape is a contract (design brief, "Outline JSON"): change it only with a new schemaVersion.
 */

import type { FormatName } from './document.js';

export const OUTLINE_SCHEMA_VERSION = 1;

/** A place in the source letter, 1-based as editors show it. */
export interface Position {
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** A positioned finding (诊断信息), never thrown: collected and printed by one reporter. */
export interface Diagnostic {
  severity: Severity;
  message: string;
  line: number | null;
  column: number | null;
  /** Stable identifier of the rule that raised it, e.g. `missing-doc-number`. */
  rule: string;
}

export interface SourceInfo {
  path: string;
  format: FormatName;
  /** What the reader detected: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030 for text; the format's name otherwise. */
  encoding: string;
  sha256: string;
}

/** 发文字号, e.g. 闽扶协函〔2024〕8号 → agency 闽扶协函, year 2024, serial 8. */
export interface DocNumber {
  text: string;
  agency: string;
  year: number;
  serial: number;
}

/** 联系人 with the ways to reach them. */
export interface Contact {
  /** null when the letter gives numbers without naming anyone. */
  name: string | null;
  /** The department written before the name (生态环境部固体废物与化学品司谭全银 → …司), or null. */
  department: string | null;
  phones: string[];
  faxes: string[];
  emails: string[];
}

/** Where the replies go (反馈至财政部会计司, 发送至电子邮箱…), when the letter says so. */
export interface ReplyTo {
  /** The unit named as the receiver (财政部会计司), or null when the letter only says 我办/我司. */
  unit: string | null;
  /** The mailbox given for the replies. */
  emails: string[];
}

/** One entry of 附件说明 (the attachment note under the body). */
export interface AttachmentNote {
  index: number;
  title: string;
}

export interface Letter {
  /** 份号 */
  copyNumber: string | null;
  /** 密级和保密期限, e.g. 机密★1年 */
  secrecy: string | null;
  /** 紧急程度: 特急 / 加急 / 特提 / 平急 … */
  urgency: string | null;
  /** 发文机关标志 (the letterhead), e.g. 福建省东西部扶贫协作工作办公室 (文件) */
  issuer: string | null;
  docNumber: DocNumber | null;
  /** 签发人 */
  signers: string[];
  /** 标题 */
  title: string | null;
  /** 文种: 函, 通知, 意见, 批复 … */
  kind: string | null;
  /**
   * 主送机关, item by item as written: split at 、，；, an enumeration of administrative classes kept whole
   * (各省、自治区、直辖市人民政府); groups are expanded into `recipients`.
   */
  mainRecipients: string[];
  /**
   * The 主送 line's runs of items joined by 、 (国务院各部委、各直属机构), from which the units module spreads a
   * shared head or ending; absent in outlines made before it was read (then each item is a run).
   */
  mainRecipientRuns?: string[];
  /** 反馈截止日期 from 请于…前, ISO date */
  deadline: string | null;
  /**
   * 逾期视为无意见: the letter's words that a unit silent past the deadline has no comment, as written
   * (逾期未反馈的视为无意见); null when the letter does not say so, absent in workspaces made before it was read.
   */
  silenceClause?: string | null;
  contacts: Contact[];
  /** 反馈至…: where the replies go, when the letter names a unit or a mailbox for them. */
  replyTo: ReplyTo | null;
  /** 附件说明 */
  attachmentNotes: AttachmentNote[];
  /** 发文机关署名 */
  signature: string | null;
  /** 成文日期, ISO date */
  date: string | null;
  /** 附注 */
  notes: string | null;
  /** 抄送机关 */
  copyTo: string[];
  /** 印发机关 */
  printedBy: string | null;
  /** 印发日期, ISO date */
  printedDate: string | null;
}

/** Outline levels inside an attachment: 一、 / （一） / 1. / （1）. */
export type SectionLevel = 1 | 2 | 3 | 4;

export interface Section {
  level: SectionLevel;
  /** The numbering as written: 一、 → "一", （一） → "一", 1. → "1", （1） → "1". */
  number: string;
  /** The heading as written, including its numbering, e.g. "二、重点任务". */
  heading: string;
  line: number;
  sections: Section[];
}

/** A unit name as it stands in the text, before expansion and alias resolution. */
export interface UnitMention {
  raw: string;
  line: number;
  column: number;
}

/** A list of units the text names, split at 、，；, e.g. the body of 附件2's groups. */
export interface UnitList {
  /** The group this list spells out (省直有关单位), or null for a free-standing list. */
  group: string | null;
  /** Index of the attachment that holds the list, or null when it is in the letter itself. */
  attachment: number | null;
  /** The separators between items, kept so the units module can tell a 、 run from a ，/； break. */
  items: UnitListItem[];
}

export interface UnitListItem extends UnitMention {
  /** The separator that follows this item: '、', '，', '；' or '' at the end. */
  separator: string;
}

/** The kinds of responsibility a task can give a unit. */
export type Responsibility = '责任单位' | '牵头单位' | '配合单位';

export interface ResponsibleUnit {
  raw: string;
  /** The unit name with its scope taken off (filled by the units module). */
  name: string;
  /** A scope prefix shared by a run, e.g. 两省区 (filled by the units module). */
  scope: string | null;
  /**
   * The units one written item names when it names several: 厦门〔宁夏〕大学 → 厦门大学, 宁夏大学
   * (filled by the units module; absent when the item names one unit).
   */
  units?: string[];
  role: Responsibility;
  line: number;
  column: number;
  /** The separator that follows in the source list ('、', '，', '；' or ''). */
  separator: string;
}

/** A numbered task of the draft (重点任务), with the units that answer for it. */
export interface Task {
  /**
   * Stable key: the attachment and the outline numbers down to the task (`a1:二.一.1`, `letter:三`,
   * a table row `a2:表1.3`). It does not change when the printed number does.
   */
  id: string;
  /** The number as printed (a label): 1, 一.1 when numbering restarts, 1（附件2） across attachments. */
  number: string;
  /** The words before the first 。 */
  title: string;
  /** Headings from the attachment title down to the task's parent, e.g. ["二、重点任务", "（一）…"]. */
  path: string[];
  text: string;
  /** 完成时限 when the task gives one: ISO when it is a date, else as written (长期坚持, 2025年底前). */
  deadline: string | null;
  responsibleUnits: ResponsibleUnit[];
  /** Names of the recipients that answer for this task (filled by the units module). */
  recipients: string[];
  attachment: number | null;
  line: number;
}

export interface Attachment {
  index: number;
  title: string;
  /** 征求意见稿 and the like, when the title carries it. */
  draftLabel: string | null;
  line: number;
  sections: Section[];
}

/** A recipient (受文单位) after group expansion (filled by the units module). */
export interface Recipient {
  id: string;
  name: string;
  /** 全称 as the alias table gives it (省科技厅 → 福建省科学技术厅), for the documents a unit signs. */
  fullName?: string;
  group: string | null;
  aliases: string[];
  tasks: string[];
}

export interface Outline {
  schemaVersion: typeof OUTLINE_SCHEMA_VERSION;
  source: SourceInfo;
  letter: Letter;
  attachments: Attachment[];
  tasks: Task[];
  unitLists: UnitList[];
  recipients: Recipient[];
  diagnostics: Diagnostic[];
}
