/**
 * The end of 主体: 附件说明, 发文机关署名, 成文日期 and 附注 (the regions pass has found their lines). The
 * signature also names the 发文机关 when the letter has no letterhead.
 */
import type { AttachmentNote, Letter } from '../../model/outline.js';
import type { ParagraphBlock } from '../blocks.js';
import { parseDate } from '../../text/dates.js';
import { ATTACHMENT_NOTE, SIGNED_DATE } from '../patterns.js';
import type { Recognizer } from '../recognizer.js';

export const recognizeClosing: Recognizer = (regions, _sink, draft) => {
  const { signature, date, notes } = regions.closing;
  const inline = date ? SIGNED_DATE.exec(date.text.text)?.[1]?.trim() : undefined;
  const signatureLines = inline ? [inline] : signature.map((block) => block.text.text);
  const letter: Partial<Letter> = {
    attachmentNotes: parseAttachmentNotes(regions.attachmentNote),
    signature: signatureLines.length > 0 ? signatureLines.join('、') : null,
    date: date ? parseDate(date.text.text) : null,
    notes: notes.length > 0 ? notes.map((block) => block.text.text).join('') : null,
  };
  letter.issuer = draft.letter.issuer ?? letter.signature ?? null;
  return { letter };
};

/** `附件：1. 甲` then `2. 乙` on following lines, or all on one line, or one unnumbered title. */
function parseAttachmentNotes(blocks: ParagraphBlock[]): AttachmentNote[] {
  const first = blocks[0];
  if (!first) return [];
  const lines = [ATTACHMENT_NOTE.exec(first.text.text)?.[1] ?? '', ...blocks.slice(1).map((block) => block.text.text)];
  const text = lines.filter((line) => line.length > 0).join('\n');
  const numbered = /^\d{1,2}\s*[.．、]/u.test(text);
  if (!numbered) return text ? [{ index: 1, title: titleOf(text.replace(/\n/gu, '')) }] : [];
  const notes: AttachmentNote[] = [];
  let rest = text;
  for (let index = 1; rest.length > 0; index++) {
    const own = new RegExp(`^${index}\\s*[.．、]\\s*`, 'u').exec(rest);
    if (!own) break;
    rest = rest.slice(own[0].length);
    const next = new RegExp(`(?<![\\d.])${index + 1}\\s*[.．、](?!\\d)`, 'u').exec(rest);
    const title = (next ? rest.slice(0, next.index) : rest).replace(/\n/gu, '').trim();
    notes.push({ index, title: titleOf(title) });
    rest = next ? rest.slice(next.index).replace(/^[\n\s]+/u, '') : '';
  }
  return notes;
}

/** `《…（2024年征求意见稿）》.doc` → `…（2024年征求意见稿）`: a web page's link to the file, its name as the title. */
function titleOf(note: string): string {
  return note.replace(/\.(docx?|wps|pdf|ofd|xlsx?|et|zip|rar)$/iu, '').replace(/^《([^《》]+)》$/u, '$1');
}
