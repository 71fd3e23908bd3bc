/**
 * A returned file's blocks as the reply recognizers read them: each paragraph's text (with its revisions
 * and Word comments when it has any), each table's cell texts. Plain text has the lines its writer wrapped
 * joined back into paragraphs; text from a page (PDF, OFD) has the spaces around glyph runs removed.
 */
import { paragraphText, type ReviewComment, type SourceDocument } from '../model/document.js';
import { normalizeText } from '../text/normalize.js';
import { MappedText } from '../text/mapped.js';
import { DATE_LINE } from '../text/dates.js';
import { ITEM_LEVELS, SALUTATION } from './patterns.js';

export interface ReplyParagraph {
  kind: 'paragraph';
  text: string;
  /** With tracked changes: the text before them. */
  original?: string;
  author?: string | null;
  comments?: ReviewComment[];
}

export interface ReplyTable {
  kind: 'table';
  rows: string[][];
}

export type ReplyBlock = ReplyParagraph | ReplyTable;

export function replyBlocks(document: SourceDocument): ReplyBlock[] {
  // Plain text comes in lines a person wrapped; pages (PDF, OFD) come as paragraphs, rebuilt by their readers.
  const laidOutInLines = document.format === 'txt';
  const clean = laidOutInLines || document.format === 'pdf' || document.format === 'ofd' ? normalized : trimmed;
  const blocks: ReplyBlock[] = [];
  for (const block of document.blocks) {
    if (block.kind === 'table') {
      blocks.push({ kind: 'table', rows: block.rows.map((row) => row.map((cell) => clean(cell.paragraphs.map(paragraphText).join('\n')))) });
      continue;
    }
    const paragraph: ReplyParagraph = { kind: 'paragraph', text: clean(paragraphText(block)) };
    if (block.original !== undefined && block.original !== paragraphText(block)) {
      paragraph.original = clean(block.original);
      paragraph.author = block.revisions?.find((revision) => revision.author)?.author ?? null;
    }
    if (block.comments?.length) paragraph.comments = block.comments;
    if (paragraph.text !== '' || paragraph.original || paragraph.comments) blocks.push(paragraph);
  }
  return laidOutInLines ? joinWrappedLines(blocks) : blocks;
}

/** What a person typed in Word stays as typed, but for white space at the ends of its lines. */
function trimmed(text: string): string {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).join('\n');
}

/** Spaces a PDF puts around numbers and between glyph runs go, as in a letter; line breaks stay. */
function normalized(text: string): string {
  return text
    .split('\n')
    .map((line) => normalizeText(MappedText.at(line, { line: 1, column: 1 })).text)
    .filter(Boolean)
    .join('\n');
}

/**
 * A line continues the one before it when that one does not end a sentence and this one does not start a
 * numbered item, a date, a label or a salutation (`省扶贫协作办：`).
 */
function joinWrappedLines(blocks: ReplyBlock[]): ReplyBlock[] {
  const joined: ReplyBlock[] = [];
  for (const block of blocks) {
    const previous = joined.at(-1);
    if (
      block.kind === 'paragraph' && previous?.kind === 'paragraph' && !previous.original && !block.original &&
      !/[。：:；;！？!?]$/u.test(previous.text) && !ITEM_LEVELS.some((level) => level.test(block.text)) &&
      !DATE_LINE.test(block.text.replace(/\s/gu, '')) && !/^[^，。]{1,8}[：:]/u.test(block.text) && !SALUTATION.test(block.text)
    ) {
      previous.text += block.text;
    } else {
      joined.push(block.kind === 'paragraph' ? { ...block } : block);
    }
  }
  return joined;
}
