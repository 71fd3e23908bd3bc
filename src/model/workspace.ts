/**
 * The workspace (工作目录) that `gongwen packets` writes and `track` / `remind` / `summary` read:
 * where each file sits in it (LAYOUT), and its manifest `gongwen.json` (design brief, "Workspace"). Part of the
 * model: imports only the outline.
 * The JSON shape is a contract: change it only with a new schemaVersion.
 */
import type { Outline } from './outline.js';

export const WORKSPACE_SCHEMA_VERSION = 1;

/** Paths are relative to the workspace, with `/` separators, on every system. */
export type WorkspacePath = string;

/**
 * Where everything sits in a workspace: the one place the commands take their paths from.
 * `packets` writes the manifest, the packet folders, the lists and the reply template; `remind` the reminders;
 * `summary` the 意见汇总表; `adoption` (issue 15) the 采纳情况 report. Nothing writes into the inbox.
 */
export const LAYOUT = {
  /** The manifest, at the top of the workspace. */
  manifest: 'gongwen.json',
  /** The inbox (回收) where the clerk drops returned files; the toolkit never changes what is in it. */
  inbox: '回收',
  /** The workspace's own unit aliases, added to the bundled table by every command that reads the workspace. */
  aliases: 'aliases.json',
  /** Members of the groups the letter names but does not list (--recipients), one unit a line. */
  members: '名单.txt',
  /** One folder per recipient, `packets/04-省科技厅`, holding its 意见反馈表 and 复函. */
  packets: 'packets',
  form: '意见反馈表.docx',
  reply: '复函.docx',
  /** 分发清单 in the three forms a clerk prints, opens in Excel, or feeds to a script. */
  distribution: { docx: '分发清单.docx', xlsx: '分发清单.xlsx', csv: '分发清单.csv' },
  replyTemplate: '复函模板.docx',
  /** One folder per round of reminders, `催办/2024-10-19`, with a folder per unit numbered as in packets/. */
  reminders: '催办',
  reminderNotice: '催办通知.docx',
  reminderList: { docx: '催报名单.docx', xlsx: '催报名单.xlsx' },
  summary: { docx: '意见汇总表.docx', xlsx: '意见汇总表.xlsx' },
  adoption: { report: '征求意见采纳情况说明.docx', perUnit: '采纳情况反馈' },
  /**
   * `packets --force` builds the new workspace in `building`, renames it to `ready` once complete, then swaps
   * each generated entry, moving the old one into `previous`; a `ready` left by a killed run is finished first.
   */
  staging: { building: '.gongwen-new', ready: '.gongwen-ready', previous: '.gongwen-old' },
} as const;

/** Characters Windows forbids in names, and control characters. */
const FORBIDDEN = /[<>:"/\\|?*\p{Cc}]/gu;
/** Invisible format characters (zero-width, bidi overrides) that would make a name look like another. */
const INVISIBLE = /\p{Cf}/gu;
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/iu;
/** Characters kept of a unit's name: 40 Chinese characters are 120 bytes in UTF-8. */
const MAX_NAME_CHARACTERS = 40;

/**
 * A folder or file name made from a unit's name, safe on Windows and Linux: no separators or characters Windows
 * forbids, no `..`, no invisible or direction-changing characters, no reserved device names (CON, NUL, COM1 …),
 * no trailing dot or space, and short enough for Windows paths.
 */
export function safeName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(FORBIDDEN, '_')
    .replace(/\.{2,}/gu, '_')
    .trim();
  const short = [...cleaned].slice(0, MAX_NAME_CHARACTERS).join('').replace(/[\s.]+$/u, '');
  const safe = short === '' ? '_' : short;
  return RESERVED.test(safe) ? `_${safe}` : safe;
}

/** `04`: a unit's number in the recipients' order, as wide as the largest (and at least two digits), so names sort. */
export function unitNumber(position: number, count: number): string {
  return String(position).padStart(Math.max(2, String(count).length), '0');
}

/** `04-省科技厅`: numbered in the recipients' order, so names stay unique and sorted. */
export function unitFolderName(position: number, count: number, unitName: string): string {
  return `${unitNumber(position, count)}-${safeName(unitName)}`;
}

/** `packets/04-省科技厅` */
export function packetFolder(position: number, count: number, unitName: string): WorkspacePath {
  return `${LAYOUT.packets}/${unitFolderName(position, count, unitName)}`;
}

/** The 意见反馈表 and 复函 of the unit at `position` (from 1) of `count`. */
export function packetFiles(position: number, count: number, unitName: string): RecipientFiles {
  const folder = packetFolder(position, count, unitName);
  return { form: `${folder}/${LAYOUT.form}`, reply: `${folder}/${LAYOUT.reply}` };
}

/** `催办/2024-10-19`: one round of reminders. */
export function reminderFolder(asOf: string): WorkspacePath {
  return `${LAYOUT.reminders}/${asOf}`;
}

/** `催办/2024-10-19/02-省发改委/催办通知.docx`: numbered as in packets/, so the two folders line up. */
export function reminderNoticePath(asOf: string, position: number, count: number, unitName: string): WorkspacePath {
  return `${reminderFolder(asOf)}/${unitFolderName(position, count, unitName)}/${LAYOUT.reminderNotice}`;
}

/** The files generated for one recipient (受文单位). */
export interface RecipientFiles {
  /** 意见反馈表.docx */
  form: WorkspacePath;
  /** 复函.docx */
  reply: WorkspacePath;
}

export interface ManifestRecipient {
  id: string;
  name: string;
  files: RecipientFiles;
}

export interface Manifest {
  schemaVersion: typeof WORKSPACE_SCHEMA_VERSION;
  outline: Outline;
  inbox: WorkspacePath;
  files: {
    /** 分发清单 in the three forms a clerk prints, opens in Excel, or feeds to a script. */
    distribution: { docx: WorkspacePath; xlsx: WorkspacePath; csv: WorkspacePath };
    /** 复函模板.docx, the reply without a unit's name. */
    replyTemplate: WorkspacePath;
  };
  recipients: ManifestRecipient[];
  /** sha256 (hex) of every generated file, by path. */
  hashes: Record<WorkspacePath, string>;
}

/** What a generated .docx says about itself in its custom document properties (docProps/custom.xml). */
export const DOCUMENT_PROPERTY = {
  /** The workspace schema the document was written for. */
  schema: 'gongwen.schema',
  /** Which of gongwen's documents it is: one of DocumentKind. */
  document: 'gongwen.document',
  /** 发文字号 of the letter it answers, e.g. 闽扶协函〔2024〕8号. */
  docNumber: 'gongwen.docNumber',
  /** The recipient's id (r04); only on a feedback form, which the tracker reads as the unit's answer. */
  recipientId: 'gongwen.recipientId',
  /** The recipient's name as printed on the document. */
  recipientName: 'gongwen.recipientName',
} as const;

export type DocumentKind = 'feedback-form' | 'reply-letter' | 'reply-template' | 'distribution-list' | 'reminder' | 'reminder-list' | 'summary' | 'adoption-report' | 'adoption-note';
