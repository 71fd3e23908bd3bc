/**
 * One pass that splits a letter into its regions (GB/T 9704 版头, 主体, 版记, then the attachments), so that
 * every later question (which line is the title, where the body ends, which paragraph is an attachment's
 * title) is decided here once and every recognizer reads the region it needs.
 */
import type { Position } from '../model/outline.js';
import type { Block, ParagraphBlock } from './blocks.js';
import { DATE } from '../text/dates.js';
import { eitherScript } from '../text/traditional.js';
import {
  ABOUT, ATTACHMENT_HEADING, ATTACHMENT_NOTE, COPY_NUMBER, DOC_NUMBER, LETTERHEAD, NOTICE_NUMBER, ORGANISATION_NAME, RESPONSIBILITY_LABEL,
  SECRECY, SIGNED_DATE, SIGNERS, URGENCY, isDateLine, kindOf, outlineNumberOf,
} from './patterns.js';

export interface AttachmentRegion {
  index: number;
  /** The 附件 / 附件2 line. */
  heading: ParagraphBlock;
  /** The attachment's title line; null when the attachment starts straight with its content (`1.…`, a table). */
  title: ParagraphBlock | null;
  /** Everything after the title. */
  blocks: Block[];
}

export interface ClosingRegion {
  /** 发文机关署名 lines above the date (empty when the office is written on the date's line). */
  signature: ParagraphBlock[];
  /** 成文日期 line. */
  date: ParagraphBlock | null;
  /** 附注 lines under the date. */
  notes: ParagraphBlock[];
}

export interface Regions {
  /** 版头 and the lines around the title that are not part of it (份号, 密级, 发文字号, a metadata table …). */
  head: Block[];
  /** The title's lines. */
  title: ParagraphBlock[];
  /** 主送机关, one line or wrapped over several; the last ends with ：. */
  mainRecipients: ParagraphBlock[];
  /** 正文 */
  body: Block[];
  /** 附件说明 lines (`附件：1. …`, `2. …`). */
  attachmentNote: ParagraphBlock[];
  closing: ClosingRegion;
  /** What follows the closing without an 附件 heading: late contact lines, an attachment without its heading. */
  tail: Block[];
  /** 版记: 抄送 and 印发 lines, wherever they stand. */
  trailer: ParagraphBlock[];
  attachments: AttachmentRegion[];
  /** Where the letter starts and where its main part ends: where a missing element is reported. */
  top: Position;
  end: Position;
}

const TRAILER = /^(抄\s*送[：:]|.{2,40}\d{4}年\d{1,2}月\d{1,2}日印发$)/u;
/**
 * The last word of a 主送 line names a kind of office (单位, 厅, 政府 …), perhaps with a bracketed （局）, or
 * people (各位人大代表, 马万祺副主席); in simplified or traditional characters (部門, 直屬機構).
 */
const RECIPIENT_ENDING = eitherScript(
  /(单位|部门|机关|机构|成员|厅|局|委|政府|组|会|院|校|司|处|部|室|队|所|中心|办|团|行|社|区|县|市|省|州|盟|旗|兵团|公司|企业|代表|主席|委员|同志|先生|女士)(（[^）]*）)?$/u,
);
/** How far down the letter the 主送 line may stand. */
const HEADER_SPAN = 16;

export function splitRegions(blocks: Block[]): Regions {
  const main: Block[] = [];
  const trailer: ParagraphBlock[] = [];
  const attachments: AttachmentRegion[] = [];
  let current: Block[] = main;
  for (const block of blocks) {
    if (block.kind === 'paragraph' && TRAILER.test(block.text.text)) {
      trailer.push(block);
      continue;
    }
    const heading = block.kind === 'paragraph' ? ATTACHMENT_HEADING.exec(block.text.text) : null;
    if (block.kind === 'paragraph' && heading && (main.length > 0 || attachments.length > 0)) {
      const index = heading[1] ? Number(heading[1]) : attachments.length + 1;
      attachments.push({ index, heading: block, title: null, blocks: [] });
      current = (attachments.at(-1) as AttachmentRegion).blocks;
      continue;
    }
    current.push(block);
  }
  for (const attachment of attachments) decideTitle(attachment);

  const recipients = findMainRecipients(main);
  const headEnd = recipients?.start ?? firstProseIndex(main);
  const { head, title } = splitHead(main.slice(0, headEnd));
  const bodyStart = recipients ? recipients.end + 1 : headEnd;
  const closing = findClosing(main, bodyStart);
  const noteStart = main.slice(bodyStart, closing.bodyEnd).findIndex((block) => block.kind === 'paragraph' && ATTACHMENT_NOTE.test(block.text.text));
  const bodyEnd = noteStart < 0 ? closing.bodyEnd : bodyStart + noteStart;

  const lateNote = bodyEnd === closing.bodyEnd ? lateAttachmentNoteLength(main, closing.closingEnd) : 0;

  const paragraphs = main.filter(isParagraph);
  return {
    head,
    title,
    mainRecipients: recipients ? main.slice(recipients.start, recipients.end + 1).filter(isParagraph) : [],
    body: main.slice(bodyStart, bodyEnd),
    attachmentNote: main.slice(bodyEnd, closing.bodyEnd).concat(main.slice(closing.closingEnd, closing.closingEnd + lateNote)).filter(isParagraph),
    closing: closing.region,
    tail: main.slice(closing.closingEnd + lateNote),
    trailer,
    attachments,
    top: paragraphs[0]?.text.start ?? { line: 1, column: 1 },
    end: paragraphs.at(-1)?.text.start ?? { line: 1, column: 1 },
  };
}

/**
 * A web page that puts the 附件说明 under the date (`附件:….docx`, the link to the file): when the letter has
 * none above its signature, that line and the numbered lines under it are its 附件说明.
 */
function lateAttachmentNoteLength(main: Block[], start: number): number {
  const first = main[start];
  if (!isParagraph(first) || !ATTACHMENT_NOTE.test(first.text.text)) return 0;
  let length = 1;
  for (let next = main[start + length]; isParagraph(next) && /^\d{1,2}\s*[.．、]/u.test(next.text.text); next = main[start + length]) length += 1;
  return length;
}

export function isParagraph(block: Block | undefined): block is ParagraphBlock {
  return block?.kind === 'paragraph';
}

/**
 * An attachment's title is its first paragraph unless that paragraph is already content: a numbered item
 * (`1.…`), a sentence, or a roles clause.
 */
function decideTitle(attachment: AttachmentRegion): void {
  const first = attachment.blocks[0];
  if (!isParagraph(first)) return;
  const text = first.text.text;
  if (outlineNumberOf(text) || /[。；]/u.test(text) || text.length > 80 || RESPONSIBILITY_LABEL.test(text.slice(0, 6))) return;
  attachment.title = first;
  attachment.blocks = attachment.blocks.slice(1);
}

/** The 主送 lines: near the top, the last ends with ：; lines above ending with ，/、 that list units wrap it. */
function findMainRecipients(main: Block[]): { start: number; end: number } | undefined {
  const limit = Math.min(main.length, HEADER_SPAN);
  for (let i = 0; i < limit; i++) {
    const block = main[i];
    if (!isParagraph(block)) continue;
    const text = block.text.text;
    if (text.includes('。')) return undefined;
    if (!/[：:]$/u.test(text) || text.length < 3) continue;
    if (/^(附件|联系人|签发人|发布日期|时间|地点|来源)/u.test(text) || ABOUT.test(text)) continue;
    if (!RECIPIENT_ENDING.test(text.slice(0, -1))) continue;
    let start = i;
    while (start > 0 && isWrappedRecipientLine(main[start - 1])) start -= 1;
    return { start, end: i };
  }
  return undefined;
}

/** `市教育局、科技局、工信局，`: the first line of a 主送 wrapped over two. */
function isWrappedRecipientLine(block: Block | undefined): boolean {
  if (!isParagraph(block)) return false;
  const text = block.text.text;
  if (!/[，、,]$/u.test(text) || ABOUT.test(text) || /[。：:]/u.test(text)) return false;
  const body = text.slice(0, -1);
  return kindOf(body) === null && body.split(/[、，,]/u).every((name) => RECIPIENT_ENDING.test(name));
}

/** Where a letter without 主送 starts its body: the first sentence or numbered heading (一、征集时间). */
function firstProseIndex(main: Block[]): number {
  const index = main.findIndex((block) => isParagraph(block) && (block.text.text.includes('。') || outlineNumberOf(block.text.text) !== null));
  return index < 0 ? Math.min(main.length, HEADER_SPAN) : index;
}

/**
 * The lines above the 主送: 版头 lines (份号, 密级, 发文字号, the letterhead…) and the title, the run of lines
 * that holds 关于 (the first that ends with a 文种, if any does), else the run that ends with a 文种 (福建省财政厅公告
 * above 关于…的公告 is the letterhead). A repeated title line (web copies) counts once.
 */
function splitHead(lines: Block[]): { head: Block[]; title: ParagraphBlock[] } {
  const blocks = lines.flatMap(titleAndNumber);
  const runs: ParagraphBlock[][] = [[]];
  for (const block of blocks) {
    if (!isParagraph(block) || isHeadLine(block.text.text)) {
      if ((runs.at(-1)?.length ?? 0) > 0) runs.push([]);
      continue;
    }
    runs.at(-1)?.push(block);
  }
  const has = (pattern: (text: string) => boolean) => (lines: ParagraphBlock[]) => lines.some((block) => pattern(block.text.text));
  // A page's heading cut before its 文种 (`…关于加强…征求意见、沟通协调`) above the whole title gives way to it.
  const whole = (lines: ParagraphBlock[]) => kindOf(lines.map((block) => block.text.text).join('')) !== null;
  const about = runs.filter(has((text) => ABOUT.test(text)));
  const run = about.find(whole) ?? about[0] ?? runs.find(has((text) => kindOf(text) !== null));
  const title = (run ?? []).filter((block, index, all) => block.text.text !== all[index - 1]?.text.text);
  if (!run) return { head: blocks, title: metadataTitle(blocks) };
  return { head: blocks.filter((block) => !run.includes(block as ParagraphBlock)), title };
}

/** 名称：|…的通知| or 标题：…: the title a page's metadata gives, for a copy that has no title line of its own. */
const METADATA_TITLE = /^(?:文件)?(?:名称|标题)[：:]\s*\|?\s*(.+?)\s*\|?\s*$/u;

function metadataTitle(blocks: Block[]): ParagraphBlock[] {
  for (const block of blocks) {
    if (!isParagraph(block)) continue;
    const match = METADATA_TITLE.exec(block.text.text);
    const value = match?.[1];
    if (match && value && !value.includes('|') && isTitleText(value)) {
      const start = match[0].lastIndexOf(value);
      return [{ kind: 'paragraph', text: block.text.slice(start, start + value.length) }];
    }
  }
  return [];
}

/**
 * A title and its number on one line (web copies): `国办发〔2018〕117号　国务院办公厅关于…的通知`, or the number
 * bracketed after the title, `…的通知（岳办发〔2017〕2号）`. Split into the number's line and the title's.
 */
function titleAndNumber(block: Block): Block[] {
  if (!isParagraph(block)) return [block];
  const text = block.text.text;
  const leading = new RegExp(`^${DOC_NUMBER.source}\\s*`, 'u').exec(text);
  if (leading && isTitleText(text.slice(leading[0].length))) {
    return [{ kind: 'paragraph', text: block.text.slice(0, leading[0].length).trim() }, { kind: 'paragraph', text: block.text.slice(leading[0].length) }];
  }
  const trailing = new RegExp(`[（(]\\s*${DOC_NUMBER.source}\\s*[）)]$`, 'u').exec(text);
  if (trailing && isTitleText(text.slice(0, trailing.index))) {
    return [{ kind: 'paragraph', text: block.text.slice(0, trailing.index).trim() }, { kind: 'paragraph', text: block.text.slice(trailing.index) }];
  }
  return [block];
}

function isTitleText(text: string): boolean {
  return ABOUT.test(text) || kindOf(text) !== null;
}

/** A 版头 line, never part of the title. */
export function isHeadLine(text: string): boolean {
  if (COPY_NUMBER.test(text) || SECRECY.test(text) || (URGENCY.test(text) && text.length <= 4)) return true;
  if (DOC_NUMBER.test(text) || NOTICE_NUMBER.test(text) || SIGNERS.test(text)) return true;
  if (/[：:【】]/u.test(text) || new RegExp(`^${DATE.source}`, 'u').test(text)) return true;
  if (ABOUT.test(text) || kindOf(text)) return false;
  return LETTERHEAD.test(text) || ORGANISATION_NAME.test(text);
}

interface Closing {
  region: ClosingRegion;
  /** Index in `main` where the closing starts (the body, with its 附件说明, ends here). */
  bodyEnd: number;
  /** Index in `main` after the date and its notes. */
  closingEnd: number;
}

/** 发文机关署名, 成文日期 and 附注: the last date line below the body, the office's name above it. */
function findClosing(main: Block[], bodyStart: number): Closing {
  const region: ClosingRegion = { signature: [], date: null, notes: [] };
  const dateIndex = findDateLine(main, bodyStart);
  if (dateIndex === undefined) return { region, bodyEnd: main.length, closingEnd: main.length };
  const date = main[dateIndex] as ParagraphBlock;
  region.date = date;
  const inline = SIGNED_DATE.exec(date.text.text)?.[1]?.trim();
  let cursor = dateIndex - 1;
  while (cursor >= bodyStart && main[cursor]?.kind === 'paragraph' && (main[cursor] as ParagraphBlock).text.text === date.text.text) cursor -= 1;
  while (!inline && cursor >= bodyStart && isSignatureLine(main[cursor])) {
    region.signature.unshift(main[cursor] as ParagraphBlock);
    cursor -= 1;
  }
  for (const block of main.slice(dateIndex + 1)) {
    if (!isParagraph(block) || !isNote(block.text.text)) break;
    region.notes.push(block);
  }
  return { region, bodyEnd: cursor + 1, closingEnd: dateIndex + 1 + region.notes.length };
}

/**
 * The first date line that is signed (the office's name above it or before it on its line), else the last date
 * line: a page that carries a second notice after the letter (the result of the consultation, signed and dated
 * too) keeps the letter's own closing.
 */
function findDateLine(main: Block[], bodyStart: number): number | undefined {
  const dates: number[] = [];
  for (let i = bodyStart; i < main.length; i++) {
    const block = main[i];
    if (isParagraph(block) && isDateLine(block.text.text)) dates.push(i);
  }
  const signed = dates.find((i) => {
    const inline = SIGNED_DATE.exec((main[i] as ParagraphBlock).text.text)?.[1]?.trim();
    const above = i - 1 >= bodyStart ? main[i - 1] : undefined;
    return Boolean(inline) || (isParagraph(above) && ORGANISATION_NAME.test(above.text.text));
  });
  if (signed === undefined) return dates.at(-1);
  let index = signed;
  while (isParagraph(main[index + 1]) && (main[index + 1] as ParagraphBlock).text.text === (main[signed] as ParagraphBlock).text.text) index += 1;
  return index;
}

function isSignatureLine(block: Block | undefined): boolean {
  if (!isParagraph(block)) return false;
  const text = block.text.text;
  return ORGANISATION_NAME.test(text) || (text.length <= 40 && !/[，。；：、《》\d]/u.test(text));
}

/** 附注: a bracketed line such as （此件公开发布）, or 附注：…. */
function isNote(text: string): boolean {
  return (/^（.*）$/u.test(text) && !outlineNumberOf(text) && !RESPONSIBILITY_LABEL.test(text)) || /^附\s*注[：:]/u.test(text);
}
