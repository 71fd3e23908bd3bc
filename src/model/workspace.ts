/**
 * The workspace (工作目录) that `gongwen packets` writes and `track` / `remind` / `summary` read:
 * its manifest `gongwen.json` (design brief, "Workspace"). Part of the model: imports only the outline.
 * The JSON shape is a contract: change it only with a new schemaVersion.
 */
import type { Outline } from './outline.js';

export const WORKSPACE_SCHEMA_VERSION = 1;

/** The manifest's file name, at the top of the workspace. */
export const MANIFEST_FILE = 'gongwen.json';

/** The inbox (回收) where the clerk drops returned files; the toolkit never changes what is in it. */
export const DEFAULT_INBOX = '回收';

/** Paths are relative to the workspace, with `/` separators, on every system. */
export type WorkspacePath = string;

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
