/**
 * The shapes of 公文 text that several recognizers share. Patterns run on normalised text: full-width
 * brackets and colons, no stray spaces between Chinese characters (see text/normalize).
 */
import { DATE } from '../text/dates.js';
import { eitherScript } from '../text/traditional.js';

/** Chinese numerals as used in outline numbers and dates (〇/零 through 十/百). */
export const CHINESE_DIGITS = '〇零一二三四五六七八九十百两';

/** 一、 / （一） / 1. / （1）: the four outline levels of GB/T 9704 7.3.3. */
export const LEVEL_PATTERNS = [
  { level: 1, pattern: new RegExp(`^([${CHINESE_DIGITS}]+)[、．.]`, 'u') },
  { level: 2, pattern: new RegExp(`^（([${CHINESE_DIGITS}]+)）`, 'u') },
  { level: 3, pattern: /^(\d{1,3})(?:[.．、](?!\d)|\s)/u },
  { level: 4, pattern: /^（(\d{1,3})）/u },
] as const;

export type OutlineLevel = (typeof LEVEL_PATTERNS)[number]['level'];

export function outlineNumberOf(text: string): { level: OutlineLevel; number: string; rest: string } | null {
  for (const { level, pattern } of LEVEL_PATTERNS) {
    const match = pattern.exec(text);
    if (match?.[1] !== undefined) return { level, number: match[1], rest: text.slice(match[0].length).trim() };
  }
  return null;
}

/** 附件 / 附件1 / 附件 2： standing alone as an attachment's heading (not the 附件说明 `附件：1. …`). */
export const ATTACHMENT_HEADING = /^附\s*件\s*(?:(\d{1,2})\s*[：:]?)?$/u;

/** 附件说明: `附件：1. …` or `附件：…`, or `附：1、…` as some offices write it. */
export const ATTACHMENT_NOTE = /^附\s*(?:件\s*)?[：:]\s*(.*)$/u;

/** A roles clause such as （责任单位：…）, and the words that open it, in either script (牽頭單位). */
export const RESPONSIBILITY_LABEL = eitherScript(/(责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|参与单位|协办单位|主办单位|责任主体)/u);

/** The 15 文种 of the 条例 art. 8, plus 纪要 and 预通知; a longer kind before the one it ends with (预通知, 通知). */
export const DOCUMENT_KINDS = ['预通知', '决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '纪要', '函', '令'];

/** A 文种 at the end of a title, in either script (意見, 通報), a bracketed tail such as （征求意见稿） aside. */
const KIND_AT_END = eitherScript(new RegExp(`(${DOCUMENT_KINDS.join('|')})(?:[（(][^（）()]*[）)])?$`, 'u'));

/** The 文种 a title ends with, as written, or null. */
export function kindOf(title: string): string | null {
  return KIND_AT_END.exec(title)?.[1] ?? null;
}

/** 关于, or 關於 / 關于 in a letter in traditional characters. */
export const ABOUT = eitherScript(/关于/u);

/** Words that close a letter's body: 特此函告, 特此通知, 此复 … */
export const CLOSING_FORMULA = /(特此[函通报说][告知明复]?|此复|请批示|妥否，?请批示|专此函[告达复])。?$/u;

/** Punctuation that can end a paragraph. */
export const TERMINAL_PUNCTUATION = /[。！？；：…”’」』!?;:]$/u;

/** An organisation's name standing alone: it ends with the word for a kind of office, in either script (山東省司法廳). */
export const ORGANISATION_NAME = eitherScript(/^[\u4e00-\u9fff（）]{2,40}(办公室|办公厅|厅|局|委员会|委|政府|部|院|会|小组|组|队|中心|所|处|室|公司|集团|办|署|行|社|馆|校|学|党组)(（[\u4e00-\u9fff]{1,8}）)?$/u);

/** 密级和保密期限 at the start of a line: 秘密★1年, 机密★长期, 绝密. */
export const SECRECY = /^(绝密|机密|秘密)(★\S{0,8})?/u;

/** 紧急程度 */
export const URGENCY = /(特急|加急|特提|平急)$/u;

/** 闽扶协函〔2024〕8号, 环发[2007]163號, 某政办发（2025）12号, 【】 too. */
export const DOC_NUMBER = /([\u4e00-\u9fff]{1,16}?)\s*[〔\[［【（]\s*((?:19|20)\d{2})\s*[〕\]］】）]\s*第?\s*(\d{1,5})\s*[号號]/u;

/** A 公告's or 通告's number: 国家药监局公告2024年第12号, 2024年第3号, 〔2024〕第5号, （第1号）. */
export const NOTICE_NUMBER = /^(?:([\u4e00-\u9fff]{2,20}?(?:公告|通告)))?\s*[（(〔［\[]?\s*(?:((?:19|20)\d{2})\s*年?)?\s*[）)〕］\]]?\s*第\s*(\d{1,4})\s*号\s*[）)]?$/u;

/** 签发人：王建国 (perhaps after the doc number on the same line). */
export const SIGNERS = /签\s*发\s*人[：:]\s*(.+)$/u;

/** 发文机关标志: …文件 or …公函. */
export const LETTERHEAD = /^(.{2,40}?)(文件|公函)$/u;

/** 份号: six digits alone on a line. */
export const COPY_NUMBER = /^(?:份号[：:]?)?(\d{6})$/u;

/** 发文机关署名 and 成文日期 on one line, or the date alone. */
export const SIGNED_DATE = new RegExp(`^(.{0,60}?)(${DATE.source})$`, 'u');

/** A 成文日期 line: the date alone or after the office's name (`庆元县自然资源和规划局 2024年1月30日`). */
export function isDateLine(text: string): boolean {
  const signer = SIGNED_DATE.exec(text)?.[1]?.trim();
  return signer !== undefined && !text.includes('。') && (signer === '' || ORGANISATION_NAME.test(signer));
}
