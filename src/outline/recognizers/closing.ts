/**
 * The end of 主体: 附件说明, 发文机关署名, 成文日期 and 附注. Also fixes where the body (正文) ends.
 */
import type { AttachmentNote, Letter, Position } from '../../model/outline.js';
import type { Block, ParagraphBlock } from '../blocks.js';
import { DATE, parseDate } from '../../text/dates.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { ATTACHMENT_NOTE, ORGANISATION_NAME, RESPONSIBILITY_LABEL, outlineNumberOf } from '../patterns.js';

export interface ClosingResult {
  letter: Pick<Letter, 'attachmentNotes' | 'signature' | 'date' | 'notes'>;
  /** Index in `main` where the body ends (exclusive). */
  bodyEnd: number;
  /** Index in `main` after the date and its notes: what follows is an attachment without a heading. */
  closingEnd: number;
}

const SIGNED_DATE = new RegExp(`^(.{0,60}?)(${DATE.source})$`, 'u');

export function recognizeClosing(main: Block[], bodyStart: number, sink: DiagnosticSink): ClosingResult {
  const letter: ClosingResult['letter'] = { attachmentNotes: [], signature: null, date: null, notes: null };
  let bodyEnd = main.length;
  let closingEnd = main.length;

  const dateIndex = findDateLine(main, bodyStart);
  if (dateIndex !== undefined) {
    const block = main[dateIndex] as ParagraphBlock;
    const match = SIGNED_DATE.exec(block.text.text);
    letter.date = parseDate(block.text.text);
    const signatureLines: string[] = [];
    const inline = match?.[1]?.trim();
    if (inline) signatureLines.push(inline);
    let cursor = dateIndex - 1;
    while (cursor >= bodyStart && sameLine(main[cursor], block)) cursor -= 1;
    while (!inline && cursor >= bodyStart && isSignatureLine(main[cursor])) {
      signatureLines.unshift((main[cursor] as ParagraphBlock).text.text);
      cursor -= 1;
    }
    letter.signature = signatureLines.length > 0 ? signatureLines.join('、') : null;
    bodyEnd = cursor + 1;
    const notes = notesAfter(main, dateIndex);
    letter.notes = notes.length > 0 ? notes.join('') : null;
    closingEnd = dateIndex + 1 + notes.length;
  }

  const noteIndex = main.slice(bodyStart, bodyEnd).findIndex((block) => block.kind === 'paragraph' && ATTACHMENT_NOTE.test(block.text.text));
  if (noteIndex >= 0) {
    const start = bodyStart + noteIndex;
    letter.attachmentNotes = parseAttachmentNotes(main.slice(start, bodyEnd) as ParagraphBlock[]);
    bodyEnd = start;
  }

  const end = lastPosition(main);
  if (!letter.date) sink.error('missing-date', '未找到成文日期（如“2024年10月14日”）。', end);
  if (!letter.signature) sink.error('missing-signature', '未找到发文机关署名（成文日期上方的机关名称）。', end);
  return { letter, bodyEnd, closingEnd };
}

/** The last line that is a date, alone or after the signing office's name, below the body. */
function findDateLine(main: Block[], bodyStart: number): number | undefined {
  for (let i = main.length - 1; i >= bodyStart; i--) {
    const block = main[i];
    if (block?.kind === 'paragraph' && SIGNED_DATE.test(block.text.text) && !block.text.text.includes('。')) {
      const signer = SIGNED_DATE.exec(block.text.text)?.[1] ?? '';
      if (signer === '' || ORGANISATION_NAME.test(signer)) return i;
    }
  }
  return undefined;
}

/** Web copies sometimes repeat the date line. */
function sameLine(a: Block | undefined, b: ParagraphBlock): boolean {
  return a?.kind === 'paragraph' && a.text.text === b.text.text;
}

function isSignatureLine(block: Block | undefined): boolean {
  if (block?.kind !== 'paragraph') return false;
  const text = block.text.text;
  return ORGANISATION_NAME.test(text) || (text.length <= 40 && !/[，。；：、《》\d]/u.test(text));
}

/** 附注: the bracketed lines right after the date, such as （此件公开发布）, or 附注：…. */
function notesAfter(main: Block[], dateIndex: number): string[] {
  const notes: string[] = [];
  for (const block of main.slice(dateIndex + 1)) {
    const text = block.kind === 'paragraph' ? block.text.text : '';
    const isNote = (/^（.*）$/u.test(text) && !outlineNumberOf(text) && !RESPONSIBILITY_LABEL.test(text)) || /^附\s*注[：:]/u.test(text);
    if (!isNote) break;
    notes.push(text);
  }
  return notes;
}

/** `附件：1. 甲` then `2. 乙` on following lines, or all on one line, or one unnumbered title. */
function parseAttachmentNotes(blocks: ParagraphBlock[]): AttachmentNote[] {
  const first = blocks[0];
  if (!first) return [];
  const lines = [ATTACHMENT_NOTE.exec(first.text.text)?.[1] ?? '', ...blocks.slice(1).map((block) => block.text.text)];
  const text = lines.filter((line) => line.length > 0).join('\n');
  const numbered = /^\d{1,2}\s*[.．、]/u.test(text);
  if (!numbered) return text ? [{ index: 1, title: text.replace(/\n/gu, '') }] : [];
  const notes: AttachmentNote[] = [];
  let rest = text;
  for (let index = 1; rest.length > 0; index++) {
    const own = new RegExp(`^${index}\\s*[.．、]\\s*`, 'u').exec(rest);
    if (!own) break;
    rest = rest.slice(own[0].length);
    const next = new RegExp(`(?<![\\d.])${index + 1}\\s*[.．、](?!\\d)`, 'u').exec(rest);
    const title = (next ? rest.slice(0, next.index) : rest).replace(/\n/gu, '').trim();
    notes.push({ index, title });
    rest = next ? rest.slice(next.index).replace(/^[\n\s]+/u, '') : '';
  }
  return notes;
}

function lastPosition(blocks: Block[]): Position {
  const last = [...blocks].reverse().find((block): block is ParagraphBlock => block.kind === 'paragraph');
  return last ? last.text.start : { line: 1, column: 1 };
}
