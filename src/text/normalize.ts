/**
 * Normalisation of width variants that carry the same meaning (全角/半角), and of the spacing that PDF
 * extraction leaves between Chinese characters. Every change keeps the source positions (MappedText).
 */
import { MappedText } from './mapped.js';

/** A Chinese character or Chinese punctuation (CJK ideographs, CJK symbols, full-width forms). */
export const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u2014\\u2018-\\u201d\\u2026\\u25a1';
const cjk = `[${CJK}]`;

const FULL_WIDTH_ALPHANUMERIC = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0e]/gu;
const ASCII_PAREN = /[()]/gu;
const COLON_AFTER_CJK = new RegExp(`(?<=${cjk}|\\))\\s*:`, 'gu');
const COMMA_NEAR_CJK = new RegExp(`(?<=${cjk}|\\))\\s*,\\s*|\\s*,\\s*(?=${cjk})`, 'gu');
const SEMICOLON_NEAR_CJK = new RegExp(`(?<=${cjk}|\\))\\s*;\\s*|\\s*;\\s*(?=${cjk})`, 'gu');
/** 2024-2026, 2024--2026, 2024—2026, 2024 — 2026, 2024–2026, 2024－2026, 2024~2026 → 2024—2026 */
const YEAR_RANGE = /(?<![\d-])((?:19|20)\d{2})\s*(?:-{1,2}|—{1,2}|–|－|~|～)\s*((?:19|20)\d{2})(?!\d)/gu;
/** A stray space touching a Chinese character (PDF extraction, spaced-out labels such as 传  真). */
const SPACE_NEAR_CJK = new RegExp(`(?<=${cjk}) | (?=${cjk})`, 'gu');
const SPACE_RUN = /[ \t\u00a0\u3000]{2,}|[\t\u00a0\u3000]/gu;
/**
 * The pinyin some converting mirrors put in brackets after a character (`鎮(zhèn)`, `聯(lián)系人`, `自治(zhi)區`): one
 * syllable of lower-case pinyin, with or without its tone mark, straight after a Chinese character. It is not
 * part of the letter's words, so it goes (a run of them too: `局(ju)(ju)`).
 */
const PINYIN_SYLLABLE = '(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,3}(?:ng|n|r)?';
const PINYIN_GLOSS = new RegExp(`(?<=[\\u4e00-\\u9fff])(?:[(（]${PINYIN_SYLLABLE}[)）])+`, 'gu');

/** Normalises one line (or one paragraph) of letter text. */
export function normalizeText(text: MappedText): MappedText {
  return text
    .replace(PINYIN_GLOSS, () => '')
    .replace(FULL_WIDTH_ALPHANUMERIC, (m) => String.fromCharCode(m[0].charCodeAt(0) - 0xfee0))
    .replace(SPACE_RUN, () => ' ')
    .replace(ASCII_PAREN, (m) => (m[0] === '(' ? '（' : '）'))
    .replace(COLON_AFTER_CJK, () => '：')
    .replace(COMMA_NEAR_CJK, () => '，')
    .replace(SEMICOLON_NEAR_CJK, () => '；')
    .replace(YEAR_RANGE, (m) => `${m[1]}—${m[2]}`)
    .replace(SPACE_NEAR_CJK, () => '')
    .trim();
}

/**
 * A key for comparing two titles written with different spacing, bracket widths and punctuation:
 * 《关于…(征求意见稿)》 and 关于…（征求意见稿） give the same key.
 */
export function comparisonKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s《》〈〉“”"'‘’「」『』]/gu, '')
    .replace(/[，、；,;。.．：:]/gu, '')
    .replace(/[〔［【\[]/gu, '(')
    .replace(/[〕］】\]]/gu, ')')
    .replace(/(?:-{1,2}|—{1,2}|–|~|～)/gu, '-');
}
