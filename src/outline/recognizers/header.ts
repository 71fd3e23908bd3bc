/**
 * 版头 and the head of 主体: 份号, 密级, 紧急程度, 发文机关标志, 发文字号 (on its own line, on the first line
 * with other words, or in a metadata table), 签发人; the title with its 文种; and 主送机关.
 */
import type { DocNumber, Letter } from '../../model/outline.js';
import { MappedText } from '../../text/mapped.js';
import type { TableBlock } from '../blocks.js';
import {
  ABOUT, COPY_NUMBER, DOC_NUMBER, LETTERHEAD, NOTICE_NUMBER, ORGANISATION_NAME, SECRECY, SIGNERS, URGENCY, kindOf,
} from '../patterns.js';
import type { Recognizer } from '../recognizer.js';
import { isParagraph } from '../regions.js';
import { splitRecipientText } from './units-text.js';

/** 发文机关：国务院办公厅 in a metadata block. */
const ISSUER_LABEL = /^发文机关[：:]\s*(.+)$/u;

/** 《…的通知》: a web page's title in book-title marks, which are not part of it. */
const WEB_PAGE_TITLE = /^《([^《》]+)》$/u;

/** 政务服务丨…的实施意见: the web page's column before the title, which is not part of it. */
const PAGE_COLUMN = /^[\u4e00-\u9fff]{2,10}[丨｜|]\s*/u;

/** 福建省财政厅公告, or 通告 alone under the office's name: the 版头 of a 公告 or 通告. */
const NOTICE_HEAD = /^([\u4e00-\u9fff（）]{0,40}?)(公告|通告)$/u;

export const recognizeHead: Recognizer = (regions) => {
  const letter: Partial<Letter> = {};
  const head = { notice: '' };
  for (const block of regions.head) {
    if (isParagraph(block)) classifyHeadLine(block.text.text, letter, head);
    else readMetadataTable(block, letter);
  }
  return { letter };
};

/** Records what a 版头 line gives; lines it does not know are left alone. */
function classifyHeadLine(text: string, letter: Partial<Letter>, head: { notice: string }): void {
  const copy = COPY_NUMBER.exec(text);
  if (copy?.[1]) {
    letter.copyNumber = copy[1];
    return;
  }
  const secrecy = SECRECY.exec(text);
  if (secrecy) {
    letter.secrecy = secrecy[0];
    const urgency = URGENCY.exec(text.slice(secrecy[0].length));
    if (urgency?.[1]) letter.urgency = urgency[1];
    return;
  }
  const urgency = URGENCY.exec(text);
  if (urgency?.[1] && text.length <= 4) {
    letter.urgency = urgency[1];
    return;
  }
  const signers = SIGNERS.exec(text);
  if (signers?.[1]) letter.signers = splitNames(signers[1]);
  const number = parseDocNumber(text, head.notice);
  if (number) {
    letter.docNumber ??= number;
    return;
  }
  const notice = NOTICE_HEAD.exec(text);
  if (notice?.[2] && !ABOUT.test(text)) {
    if (notice[1]) letter.issuer ??= notice[1];
    head.notice = `${notice[1] || letter.issuer || ''}${notice[2]}`;
    return;
  }
  if (signers) return;
  const issuer = ISSUER_LABEL.exec(text);
  if (issuer?.[1]) {
    letter.issuer ??= issuer[1].trim();
    return;
  }
  if (/[：:【】]/u.test(text) || ABOUT.test(text) || kindOf(text)) return;
  const letterhead = LETTERHEAD.exec(text);
  if (letterhead?.[1]) letter.issuer ??= letterhead[1];
  else if (ORGANISATION_NAME.test(text)) letter.issuer ??= text;
}

/** A metadata table (索引号 | … | 发文字号 | 国办发〔2018〕117号 …): each label's value is the next cell. */
function readMetadataTable(table: TableBlock, letter: Partial<Letter>): void {
  for (const row of table.rows) {
    row.forEach((cell, index) => {
      const value = row[index + 1]?.text.trim() ?? '';
      if (/^发文字号[：:]?$/u.test(cell.text)) letter.docNumber ??= parseDocNumber(value);
      if (/^发文机关[：:]?$/u.test(cell.text) && value) letter.issuer ??= value;
    });
  }
}

/** 发文字号; a 公告's bare number (2024年第3号) takes the 公告's name as its agency. */
export function parseDocNumber(text: string, noticeAgency = ''): DocNumber | null {
  const match = DOC_NUMBER.exec(text);
  if (match?.[1] && match[2] && match[3]) {
    const agency = match[1];
    const year = Number(match[2]);
    const serial = Number(match[3]);
    return { text: `${agency}〔${year}〕${serial}号`, agency, year, serial };
  }
  const notice = NOTICE_NUMBER.exec(text);
  if (notice?.[3] && notice[2]) {
    const agency = notice[1] ?? noticeAgency;
    return { text: `${agency}${notice[2]}年第${Number(notice[3])}号`, agency, year: Number(notice[2]), serial: Number(notice[3]) };
  }
  return null;
}

export const recognizeTitle: Recognizer = (regions, sink) => {
  const first = regions.title[0];
  if (!first) return {};
  const title = regions.title.map((block) => block.text.text).join('').replace(PAGE_COLUMN, '').replace(WEB_PAGE_TITLE, '$1');
  const kind = kindOf(title);
  if (!kind) sink.report('unknown-kind', `标题没有以文种（函、通知、意见等）结尾：${title}`, first.text.start);
  return { letter: { title, kind } };
};

/** 主送机关: its items, and its runs of items joined by 、 for the units module (which spreads a shared prefix or suffix). */
export const recognizeMainRecipients: Recognizer = (regions) => {
  if (regions.mainRecipients.length === 0) return {};
  const text = MappedText.concat(regions.mainRecipients.map((block) => block.text));
  const items = splitRecipientText(text.slice(0, text.length - 1));
  const mainRecipientRuns = items
    .reduce<string[][]>((groups, item) => {
      groups.at(-1)?.push(item.raw);
      if (item.separator !== '、') groups.push([]);
      return groups;
    }, [[]])
    .filter((group) => group.length > 0)
    .map((group) => group.join('、'));
  return { letter: { mainRecipients: items.map((item) => item.raw), mainRecipientRuns } };
};

function splitNames(text: string): string[] {
  return text.split(/[、，,\s]+/u).filter((name) => name.length > 0);
}
