/**
 * Dates as letters write them: 2024年10月18日, 二〇二四年十月十八日, 2024-10-18, 2024.10.18.
 * Everything comes out as ISO YYYY-MM-DD, or null when the date does not exist.
 */

const ZERO = '〇零○OＯ0';
const DIGIT = `${ZERO}一二三四五六七八九`;
const ARABIC = String.raw`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]`;
const CHINESE = `([${DIGIT}]{4})\\s*年\\s*([${DIGIT}十]{1,3})\\s*月\\s*([${DIGIT}十]{1,3})\\s*日`;
const NUMERIC = String.raw`(?<!\d)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)`;

/** Any one date, Arabic, Chinese or numeric; use with `g` via `new RegExp(DATE.source, 'gu')`. */
export const DATE = new RegExp(`${ARABIC}|${CHINESE}|${NUMERIC}`, 'u');

/** A date that fills its whole line (成文日期, 印发日期 lines). */
export const DATE_LINE = new RegExp(`^(?:${DATE.source})$`, 'u');

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const match of text.matchAll(new RegExp(DATE.source, 'gu'))) {
    const iso = isoOf(match);
    if (iso) found.push({ iso, index: match.index, length: match[0].length });
  }
  return found;
}

export function parseDate(text: string): string | null {
  return findDates(text)[0]?.iso ?? null;
}

function isoOf(match: RegExpMatchArray): string | null {
  if (match[1] !== undefined) return iso(Number(match[1]), Number(match[2]), Number(match[3]));
  if (match[4] !== undefined) {
    return iso(chineseDigits(match[4]), chineseNumber(match[5] ?? ''), chineseNumber(match[6] ?? ''));
  }
  return iso(Number(match[7]), Number(match[8]), Number(match[9]));
}

/** 二〇二四 → 2024 (digit by digit). */
function chineseDigits(text: string): number {
  return Number([...text].map((char) => (ZERO.includes(char) ? 0 : DIGIT.indexOf(char) - ZERO.length + 1)).join(''));
}

/** 十 → 10, 十四 → 14, 二十 → 20, 三十一 → 31. */
export function chineseNumber(text: string): number {
  const value = (char: string | undefined): number => (char === undefined ? 0 : Math.max(0, DIGIT.indexOf(char) - ZERO.length + 1));
  const ten = text.indexOf('十');
  if (ten < 0) return value(text[0]);
  const tens = ten === 0 ? 1 : value(text[ten - 1]);
  return tens * 10 + value(text[ten + 1]);
}

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
