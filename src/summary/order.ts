/**
 * Where in the draft a comment belongs: the clause it names (任务3, 第3条, 第三条, 3.深化科技创新, 第二部分,
 * 二、, （一）) or a task title it quotes, mapped to that task's or section's line, so that comments sort in
 * the draft's order. A comment on no particular clause has no place and goes last.
 */
import type { Outline, Section } from '../model/outline.js';
import { chineseNumber } from '../text/dates.js';

/** 三 → 3, 十一 → 11, 二十 → 20; Arabic digits as they are. */
export function numberOf(text: string): number | null {
  if (/^\d+$/u.test(text)) return Number(text);
  return /^[〇一二三四五六七八九十]+$/u.test(text) ? chineseNumber(text) : null;
}

export interface Place {
  /** The clause as the summary shows it: 任务3 深化科技创新, 二、重点任务 */
  label: string;
  /** Sort key: the line of the task or section in the letter. */
  line: number;
}

export function placeOf(outline: Outline, clause: string | null, text: string): Place | null {
  const written = clause ?? '';
  const taskNumber =
    /任务\s*([\d〇一二三四五六七八九十]+)/u.exec(written)?.[1] ??
    /第\s*([\d〇一二三四五六七八九十]+)\s*[条项]/u.exec(written)?.[1] ??
    /^([\d]+)\s*[.．、]/u.exec(written)?.[1];
  const number = taskNumber ? numberOf(taskNumber) : null;
  const task = number === null ? undefined : outline.tasks.find((candidate) => numberOf(candidate.number) === number);
  const quoted = task ?? outline.tasks.find((candidate) => candidate.title.length >= 3 && `${written}${text}`.includes(candidate.title));
  if (quoted) return { label: `任务${quoted.number} ${quoted.title}`, line: quoted.line };

  const sections = outline.attachments.flatMap((attachment) => flatten(attachment.sections));
  const part = /第([〇一二三四五六七八九十]+)部分|^([〇一二三四五六七八九十]+)、/u.exec(written);
  const level1 = part ? numberOf(part[1] ?? part[2] ?? '') : null;
  const sub = /（([〇一二三四五六七八九十]+)）/u.exec(written)?.[1];
  const level2 = sub ? numberOf(sub) : null;
  const parent = level1 === null ? undefined : sections.find((s) => s.level === 1 && numberOf(s.number) === level1);
  const scope = parent ? flatten(parent.sections) : sections;
  const section = (level2 === null ? undefined : scope.find((s) => s.level === 2 && numberOf(s.number) === level2)) ?? parent;
  return section ? { label: section.heading, line: section.line } : null;
}

function flatten(sections: Section[]): Section[] {
  return sections.flatMap((section) => [section, ...flatten(section.sections)]);
}
