/**
 * 反馈截止日期, anchored to the sentence that asks for the replies (请于…前反馈, 于…前报送, 征求意见截止…):
 * a date followed by 前/止 (perhaps with （星期五） and 下班 between), the end of a range (…至7月31日), a
 * date after 截至/截止, or `X个工作日内` counted from the 成文日期. A date in another sentence (联席会议拟于
 * 10月25日前召开) is only taken when no sentence asks for anything; when there are several candidates the
 * warning names the chosen one and the others.
 */
import type { Position } from '../../model/outline.js';
import { chineseNumber, findDates } from '../../text/dates.js';
import { eitherScript } from '../../text/traditional.js';
import type { DiagnosticSink } from '../diagnostics.js';
import type { Recognizer } from '../recognizer.js';
import { outlineNumberOf } from '../patterns.js';
import { isParagraph } from '../regions.js';

/**
 * Words of a sentence (or of the heading above it: 一、征集时间) that asks for something by a date, simplified or
 * traditional; a consultation's 公告时间 / 公示期 is the time for the replies too.
 */
const REQUEST = eitherScript(/请|务必|反馈|报送|报至|报我|送至|发送|寄送|回复|函复|提出|截止|截至|征集|意见|公[告示](?:时间|期)/u);
/** Between a date and its 前: （星期五）, 下班, 17:00, 12时. */
const BEFORE = /^\s*(?:（[^（）]{1,8}）)?\s*(?:[上下中]午|下班|\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*[时点](?:\d{1,2}分)?)*\s*(?:之前|以前|前|止)/u;
const RANGE_END = /(?:至|到|—|－|-|~|～)\s*$/u;
/** 即日起至12月15日: a range that starts today, its end the only date. */
const FROM_TODAY = /即日起?\s*(?:至|到)\s*$/u;
/** 截止时间为…, 截止時間為… */
const CUT_OFF = eitherScript(/(?:截至|截止(?:日期|时间)?(?:为|是|到|：)?)\s*$/u);
const MONTH_DAY = /(?<![年\d])(\d{1,2})月(\d{1,2})日/gu;
const WORKING_DAYS = /(\d{1,2}|[一二三四五六七八九十]{1,3})个工作日内/gu;
const SENTENCE = /[^。！？；]+[。！？；]?/gu;

interface Candidate {
  iso: string;
  anchored: boolean;
  sentence: string;
  at: Position;
  /** How the date was completed: its year taken from the letter, or counted in working days. */
  inferred: 'year' | 'working-days' | null;
}

export const recognizeDeadline: Recognizer = (regions, sink, draft) => {
  const letterDate = draft.letter.date;
  const letterYear = letterDate ? Number(letterDate.slice(0, 4)) : (draft.letter.docNumber?.year ?? null);
  const candidates: Candidate[] = [];
  let heading = '';
  for (const block of regions.body) {
    if (!isParagraph(block)) continue;
    for (const sentence of block.text.text.matchAll(SENTENCE)) {
      const at = (offset: number): Position => block.text.positionAt(sentence.index + offset);
      candidates.push(...candidatesIn(sentence[0], at, letterDate, letterYear, REQUEST.test(heading)));
    }
    heading = outlineNumberOf(block.text.text) && !block.text.text.includes('。') ? block.text.text : '';
  }
  const chosen = lastOfItsSentence(candidates.find((candidate) => candidate.anchored) ?? candidates[0], candidates);
  if (!chosen) return { letter: { deadline: null } };
  report(chosen, candidates, letterDate, sink);
  return { letter: { deadline: chosen.iso } };
};

/**
 * `2月3日前报送各位分管市领导，经审核后于2月7日前报送市政府`: a sentence that asks twice sends the reply on
 * towards the sender; its last date is when the reply reaches the sender.
 */
function lastOfItsSentence(chosen: Candidate | undefined, candidates: Candidate[]): Candidate | undefined {
  return candidates.filter((candidate) => candidate.sentence === chosen?.sentence && candidate.anchored === chosen.anchored).at(-1) ?? chosen;
}

function candidatesIn(
  sentence: string, at: (offset: number) => Position, letterDate: string | null, letterYear: number | null, underRequest: boolean,
): Candidate[] {
  const anchored = underRequest || REQUEST.test(sentence);
  const found: Array<{ iso: string; index: number; end: number; inferred: Candidate['inferred'] }> = findDates(sentence).map((date) => ({
    iso: date.iso, index: date.index, end: date.index + date.length, inferred: null,
  }));
  const written = [...found];
  for (const match of sentence.matchAll(MONTH_DAY)) {
    if (found.some((date) => match.index >= date.index && match.index < date.end)) continue;
    // The end of a range (2024年7月1日至7月31日) has the year of its start.
    const start = written.filter((date) => date.end <= match.index).at(-1);
    const year = start ? Number(start.iso.slice(0, 4)) : letterYear;
    if (year === null) continue;
    const iso = start ? findDates(`${year}年${match[1]}月${match[2]}日`)[0]?.iso : withYear(year, Number(match[1]), Number(match[2]), letterDate);
    if (iso) found.push({ iso, index: match.index, end: match.index + match[0].length, inferred: start ? null : 'year' });
  }
  found.sort((a, b) => a.index - b.index);
  const candidates: Candidate[] = [];
  for (const date of found) {
    const before = sentence.slice(0, date.index);
    const isRangeEnd = (RANGE_END.test(before) && found.some((other) => other.end <= date.index)) || FROM_TODAY.test(before);
    // A range or a 截至 date counts only in a sentence that asks for something (施工拟于5月10日至6月30日 does not).
    if (!BEFORE.test(sentence.slice(date.end)) && !(anchored && (isRangeEnd || CUT_OFF.test(before)))) continue;
    candidates.push({ iso: date.iso, anchored, sentence, at: at(date.index), inferred: date.inferred });
  }
  for (const match of sentence.matchAll(WORKING_DAYS)) {
    if (!letterDate) continue;
    const days = /\d/u.test(match[1] ?? '') ? Number(match[1]) : chineseNumber(match[1] ?? '');
    candidates.push({ iso: addWorkingDays(letterDate, days), anchored, sentence, at: at(match.index), inferred: 'working-days' });
  }
  return candidates;
}

/** A month and day without a year: the letter's year, or the next one when that would fall before the letter. */
function withYear(year: number, month: number, day: number, letterDate: string | null): string | null {
  const iso = findDates(`${year}年${month}月${day}日`)[0]?.iso ?? null;
  if (iso && letterDate && iso < letterDate) return findDates(`${year + 1}年${month}月${day}日`)[0]?.iso ?? null;
  return iso;
}

/** Working days after a date, Saturdays and Sundays skipped (public holidays are not known: the clerk checks). */
function addWorkingDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}

function report(chosen: Candidate, candidates: Candidate[], letterDate: string | null, sink: DiagnosticSink): void {
  if (chosen.inferred === 'year') {
    sink.report('deadline-year', `反馈截止日期未写年份，按成文年份 ${chosen.iso.slice(0, 4)} 年理解。`, chosen.at);
  }
  if (chosen.inferred === 'working-days' && letterDate) {
    sink.report('deadline-relative', `反馈截止日期写作“个工作日内”，从成文日期 ${letterDate} 起算（未计节假日）为 ${chosen.iso}，请核对。`, chosen.at);
  }
  const others = candidates.filter((candidate) => candidate.iso !== chosen.iso);
  if (others.length > 0) {
    const listed = [...new Map(others.map((other) => [other.iso, other])).values()]
      .map((other) => `${other.iso}（“${excerpt(other.sentence)}”）`)
      .join('、');
    sink.report('deadline-ambiguous', `反馈截止日期取 ${chosen.iso}（“${excerpt(chosen.sentence)}”）；正文另有 ${listed}，请核对。`, chosen.at);
  }
}

function excerpt(sentence: string): string {
  const text = sentence.replace(/[。！？；]$/u, '');
  return text.length <= 30 ? text : `${text.slice(0, 29)}…`;
}
