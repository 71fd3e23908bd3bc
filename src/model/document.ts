/**
 * The block model every reader produces, whatever the file's format (as pandoc's readers all produce one
 * AST): paragraphs with their list numbers as text, tables, and for a draft sent back, its revisions and
 * Word comments. Letters (`outline/`) and returned files (`tracking/`) are recognised from this alone.
 * Part of the model: imports nothing from the rest of gongwen but the outline's Position.
 */
import type { Position } from './outline.js';

/** Consecutive characters from one place in the source, one column each from `start`. */
export interface TextRun {
  text: string;
  start: Position;
}

/** 修订: one tracked change (`w:ins` / `w:del`) inside a paragraph. */
export interface Revision {
  kind: 'insertion' | 'deletion';
  text: string;
  author: string | null;
  /** ISO date-time as Word stores it, or null. */
  date: string | null;
  /** True for text moved (`w:moveFrom` / `w:moveTo`): a deletion where it was, an insertion where it went. */
  moved?: boolean;
}

/** 批注: a Word comment, with the words it is anchored to. */
export interface ReviewComment {
  author: string | null;
  date: string | null;
  text: string;
  /** The text the comment was attached to (its range in the paragraph), '' when it is a point. */
  anchor: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  /**
   * What a person sees, in order: automatic numbering (`1.`, `（一）`, `一、`) is resolved into text at the
   * start; with tracked changes, the text as it reads with every change accepted.
   */
  runs: TextRun[];
  /** The paragraph style's name when the format has one (`Heading 1`, `List Number`, `标题`). */
  style?: string;
  /** With tracked changes: the text before any of them (原文). */
  original?: string;
  revisions?: Revision[];
  comments?: ReviewComment[];
}

export interface TableCell {
  paragraphs: ParagraphBlock[];
  /** Columns this cell spans (`w:gridSpan`); 1 for a plain cell. */
  columnSpan: number;
  /** True for a cell continuing a vertical merge from the row above (`w:vMerge` without restart). */
  mergedAbove: boolean;
}

export interface TableBlock {
  kind: 'table';
  rows: TableCell[][];
}

export type DocumentBlock = ParagraphBlock | TableBlock;

/** A file inside another: a mail's attachment, a zip's entry. Read through the same format table. */
export interface EmbeddedFile {
  /** Its own name (decoded: RFC 2047, CP936), as the clerk would see it listed. */
  name: string;
  bytes: Uint8Array;
}

/** The names of the formats in the format table (readers/formats.ts). */
export type FormatName = 'txt' | 'md' | 'docx' | 'pdf' | 'ofd' | 'doc' | 'eml' | 'zip' | 'image' | 'other';

/** One file as read: its blocks, and what else the format carries. */
export interface SourceDocument {
  format: FormatName;
  /** What the reader detected: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030 for text; the format's name otherwise. */
  encoding: string;
  blocks: DocumentBlock[];
  /** Custom document properties (Word's custom.xml, the OLE property set): gongwen's ids on its own forms. */
  properties: Record<string, string>;
  /** Files carried inside (mail attachments, zip entries), not yet read. */
  embedded: EmbeddedFile[];
  /** True when the file has no words gongwen can read: an image, a PDF or OFD without a text layer, a spreadsheet. */
  scanned: boolean;
}

/** The plain text of a paragraph. */
export function paragraphText(paragraph: ParagraphBlock): string {
  let text = '';
  for (const run of paragraph.runs) text += run.text;
  return text;
}
