/**
 * The frame around a reply's comments, found once: its title, the salutation (`省扶贫协作办：`), the lead-in
 * (`…收悉。经研究，现将意见函复如下：`), and at the foot the closing formula, contacts, 署名 and 成文日期.
 * What lies between is the body, where the comments are; nothing of the frame is ever part of a comment.
 */
import { DATE_LINE, parseDate } from '../text/dates.js';
import type { ReplyBlock, ReplyParagraph } from './blocks.js';
import { CLOSING, CONTACT_LINE, LEAD_IN, REPLACEMENT, REPLY_TITLE, SALUTATION } from './patterns.js';

export interface ReplyFrame {
  title: string | null;
  /** The unit the reply names as its sender: its 反馈单位 line, else the 署名 above the date. */
  namedUnit: string | null;
  /** 成文日期 of the reply, ISO. */
  date: string | null;
  /** Between salutation (or title) and the closing: paragraphs and tables. */
  body: ReplyBlock[];
}

/** A label ending in a colon that is not a salutation. */
const LABEL_ONLY = /^(?:反馈单位|单位(?:名称)?|联系人|填表人|填报人|日期|时间|附件|备注|意见|说明|理由|修改意见|具体意见)\s*[：:]$/u;
/** A template's instruction left in place: `（请逐条填写修改意见，编号用“一、”“二、”……）`. */
const INSTRUCTION = /^[（(][^（）()]*请[^（）()]*[）)]$/u;
/** How far down the salutation may stand: a 版头, a title of two lines, a doc number. */
const SALUTATION_WITHIN = 6;

export function replyFrame(blocks: ReplyBlock[]): ReplyFrame {
  const paragraphs = blocks.filter((block): block is ReplyParagraph => block.kind === 'paragraph');
  const title = paragraphs.find((paragraph) => REPLY_TITLE.test(paragraph.text) || /^关于/u.test(paragraph.text))?.text ?? paragraphs[0]?.text ?? null;

  const salutation = blocks.slice(0, SALUTATION_WITHIN).findIndex((block) => block.kind === 'paragraph' && isSalutation(block.text));
  const titleIndex = blocks.findIndex((block) => block.kind === 'paragraph' && block.text === title);
  const start = salutation >= 0 ? salutation + 1 : titleIndex >= 0 && titleIndex < SALUTATION_WITHIN && isTitleLike(title) ? titleIndex + 1 : 0;

  let end = blocks.length;
  let date: string | null = null;
  let signer: string | null = null;
  while (end > start) {
    const block = blocks[end - 1];
    if (block?.kind !== 'paragraph') break;
    const text = block.text.replace(/\s/gu, '');
    if (DATE_LINE.test(text)) {
      date ??= parseDate(text);
    } else if (date && !signer && text.length <= 40 && !/[。，；]/u.test(text)) {
      signer = text;
    } else if (!(CLOSING.test(text) || CONTACT_LINE.test(block.text) || /^附件[：:]/u.test(text) || /^[（(]此件.{0,10}[）)]$/u.test(text))) {
      break;
    }
    end -= 1;
  }
  const body = blocks
    .slice(start, end)
    .filter((block) => block.kind !== 'paragraph' || !INSTRUCTION.test(block.text))
    .flatMap((block): ReplyBlock[] => (block.kind === 'paragraph' ? withoutLeadIn(block) : [block]));
  return { title, namedUnit: labelled(blocks, '反馈单位') ?? signer, date, body };
}

function isSalutation(text: string): boolean {
  return SALUTATION.test(text) && !LABEL_ONLY.test(text) && !/^关于/u.test(text);
}

function isTitleLike(title: string | null): boolean {
  return title !== null && (REPLY_TITLE.test(title) || /^关于/u.test(title)) && !/[。]$/u.test(title);
}

/** The lead-in sentences go; what else the paragraph says stays (`…收悉。经研究，建议第8条增加…`). */
function withoutLeadIn(paragraph: ReplyParagraph): ReplyParagraph[] {
  if (!LEAD_IN.test(paragraph.text) || paragraph.original !== undefined) return [paragraph];
  const sentences = paragraph.text.match(/[^。；！？]+[。；！？]?/gu) ?? [];
  const kept = sentences.filter((sentence) => !LEAD_IN.test(sentence) || REPLACEMENT.test(sentence)).join('').trim();
  return kept === '' ? [] : [{ ...paragraph, text: kept }];
}

/** The value after a label such as 反馈单位, in a paragraph (反馈单位：…) or in the next table cell. */
export function labelled(blocks: ReplyBlock[], label: string): string | null {
  const inline = new RegExp(`${label}\\s*[：:]\\s*([^\\s　（(]+)`, 'u');
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const value = inline.exec(block.text)?.[1];
      if (value) return value;
      continue;
    }
    for (const row of block.rows) {
      const index = row.findIndex((cell) => cell.replace(/[\s：:]/gu, '') === label);
      const value = index >= 0 ? row.slice(index + 1).find((cell) => cell.trim() !== '') : undefined;
      if (value) return value.trim();
      const cellValue = row.map((cell) => inline.exec(cell)?.[1]).find(Boolean);
      if (cellValue) return cellValue;
    }
  }
  return null;
}
