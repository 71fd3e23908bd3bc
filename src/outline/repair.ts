/**
 * Mends what PDF extraction breaks before anything is recognised: a paragraph cut inside a word
 * (`（责任单` / `位：…`) or a sentence (`各部门` / `按照职责分工…`), a title's tail on its own line
 * (`名单`, `（征求意见稿）`). Only paragraphs are joined; structure lines (numbered headings, 附件,
 * dates, labels, the 序号 that opens a table's header row) are never swallowed.
 */
import { MappedText } from '../text/mapped.js';
import type { Block, ParagraphBlock } from './blocks.js';
import { DATE_LINE } from '../text/dates.js';
import {
  ATTACHMENT_HEADING, CLOSING_FORMULA, COPY_NUMBER, ORGANISATION_NAME, RESPONSIBILITY_LABEL, SECRECY, TERMINAL_PUNCTUATION, URGENCY,
  isDateLine, outlineNumberOf,
} from './patterns.js';

/** A join never builds a paragraph longer than this (an unclosed bracket must not swallow a letter). */
const MAX_JOINED_LENGTH = 4000;

export function repairBlocks(blocks: Block[]): Block[] {
  const repaired: Block[] = [];
  for (const block of blocks.flatMap(withNoteApart)) {
    const previous = repaired.at(-1);
    if (block.kind === 'paragraph' && previous?.kind === 'paragraph' && belongsToPrevious(previous.text.text, block.text.text)) {
      repaired[repaired.length - 1] = joined(previous, block);
    } else {
      repaired.push(block);
    }
  }
  return repaired;
}

function belongsToPrevious(previous: string, next: string): boolean {
  if (previous.length + next.length > MAX_JOINED_LENGTH) return false;
  if (startsStructure(next) || standsAlone(previous)) return false;
  if (hasUnclosedBracket(previous)) return true;
  if (endsParagraph(previous)) return false;
  if (isBracketedLabel(next)) return true;
  if (isShortTail(next)) return true;
  return previous.includes('。') && !ORGANISATION_NAME.test(next);
}

/**
 * `…邮编：323800。附件：《…》.doc`: a web page that runs the body and its 附件说明 into one paragraph; the note
 * is its own line again when it follows the last sentence.
 */
function withNoteApart(block: Block): Block[] {
  if (block.kind !== 'paragraph') return [block];
  const at = block.text.text.search(/(?<=。)附\s*件\s*[：:][^。]*$/u);
  return at > 0 ? [{ kind: 'paragraph', text: block.text.slice(0, at) }, { kind: 'paragraph', text: block.text.slice(at) }] : [block];
}

function joined(previous: ParagraphBlock, next: ParagraphBlock): ParagraphBlock {
  return { kind: 'paragraph', text: MappedText.concat([previous.text, next.text]) };
}

/** Lines that open an element of their own and never continue the line before. */
function startsStructure(text: string): boolean {
  return (
    outlineNumberOf(text) !== null ||
    ATTACHMENT_HEADING.test(text) ||
    (URGENCY.test(text) && text.length <= 4) ||
    /^附\s*件\s*[：:]/u.test(text) ||
    isDateLine(text) ||
    /^第[〇零一二三四五六七八九十百\d]+[条章节]/u.test(text) ||
    /^序\s*号$/u.test(text) ||
    /^(抄\s*送|印\s*发|联\s*系\s*人|联系电话|电\s*话|传\s*真|电子邮箱|邮\s*箱|通[信讯]地址|邮政编码|签\s*发\s*人)[：:]/u.test(text) ||
    new RegExp(`^（${RESPONSIBILITY_LABEL.source}`, 'u').test(text)
  );
}

/** Lines that are complete by themselves: dates, numbers, 版头 marks, attachment headings, closing words. */
function standsAlone(text: string): boolean {
  return (
    DATE_LINE.test(text) ||
    /^\d{1,6}$/u.test(text) ||
    COPY_NUMBER.test(text) ||
    SECRECY.test(text) ||
    (URGENCY.test(text) && text.length <= 4) ||
    /文件$/u.test(text) ||
    ATTACHMENT_HEADING.test(text) ||
    CLOSING_FORMULA.test(text)
  );
}

function endsParagraph(text: string): boolean {
  return TERMINAL_PUNCTUATION.test(text) || CLOSING_FORMULA.test(text) || DUTY_AT_END.test(text);
}

/** A task's closing roles bracket: （商务部负责）, （责任单位：…）. */
const DUTY_AT_END = new RegExp(`（(?:[^（）]{2,80}(?:负责|配合|参与)|\\s*${RESPONSIBILITY_LABEL.source}[^（）]*)）$`, 'u');

function hasUnclosedBracket(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '（' || char === '〔' || char === '《' || char === '【') depth += 1;
    else if ((char === '）' || char === '〕' || char === '》' || char === '】') && depth > 0) depth -= 1;
  }
  return depth > 0;
}

/** （征求意见稿）, （试行）, （2024—2026年）: a title's bracketed tail on a line of its own. */
function isBracketedLabel(text: string): boolean {
  return /^（[^（）：]{1,20}）$/u.test(text);
}

/** A few characters with no punctuation, such as 名单 left over from a wrapped title. */
function isShortTail(text: string): boolean {
  return text.length <= 6 && /^[\u4e00-\u9fff]+$/u.test(text) && !ORGANISATION_NAME.test(text);
}
