/**
 * What a 征求意见函 asks of its recipients, read from the body (正文): the feedback deadline
 * (请于…前) and the contact people with their phones, faxes and e-mails.
 */
import type { Contact, Letter } from '../../model/outline.js';
import type { Block } from '../blocks.js';
import { DATE, findDates } from '../../text/dates.js';
import type { DiagnosticSink } from '../diagnostics.js';

const BEFORE = '(?:之前|以前|前)';
const DEADLINE = new RegExp(`(?:${DATE.source})\\s*${BEFORE}`, 'gu');
const MONTH_DAY_DEADLINE = new RegExp(`(?<![年\\d])(\\d{1,2})月(\\d{1,2})日\\s*${BEFORE}`, 'u');

export function recognizeDeadline(body: Block[], letterYear: number | null, sink: DiagnosticSink): Letter['deadline'] {
  for (const block of body) {
    if (block.kind !== 'paragraph') continue;
    const text = block.text.text;
    for (const match of text.matchAll(DEADLINE)) {
      const date = findDates(match[0])[0];
      if (date) return date.iso;
    }
    const monthDay = MONTH_DAY_DEADLINE.exec(text);
    if (monthDay && letterYear) {
      const at = block.text.positionAt(monthDay.index);
      sink.info('deadline-year', `反馈截止日期未写年份，按成文年份 ${letterYear} 年理解。`, at);
      return findDates(`${letterYear}年${monthDay[1]}月${monthDay[2]}日`)[0]?.iso ?? null;
    }
  }
  return null;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/gu;
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)|(?:（0\d{2,3}）|(?<![\d-])0\d{2,3}[-－—]?|(?<![\d-]))\d{7,8}(?:[-－转]\d{1,5})?(?!\d)/gu;
/** The labels that introduce contact details, in the order they are tried. */
const LABEL = /(联系人(?:及(?:联系)?(?:电话|方式))?|联系电话|办公电话|电话|手机|座机|传真|电子邮箱|电子邮件|邮箱|通[信讯]地址|邮政编码|邮编|地址)[：:]?/gu;
const NAME = /^[\u4e00-\u9fff·]{2,30}/u;

interface Segment {
  label: string;
  text: string;
}

/**
 * Reads every 联系人 with the numbers that follow, up to the next 联系人. Numbers given with no name
 * make a contact whose name is null.
 */
export function recognizeContacts(body: Block[]): Contact[] {
  const contacts: Contact[] = [];
  let current: Contact | null = null;
  for (const block of body) {
    if (block.kind !== 'paragraph') continue;
    for (const segment of segmentsOf(block.text.text)) {
      if (segment.label.startsWith('联系人')) {
        const name = NAME.exec(segment.text.replace(/^[（(]/u, ''))?.[0] ?? null;
        current = { name, phones: [], faxes: [], emails: [] };
        contacts.push(current);
        if (/电话|方式/u.test(segment.label)) addNumbers(current.phones, segment.text);
        else addNumbers(current.phones, segment.text.slice(name?.length ?? 0));
        continue;
      }
      const target = /电话|手机|座机/u.test(segment.label) ? 'phones' : segment.label === '传真' ? 'faxes' : /邮/u.test(segment.label) && !/邮政编码|邮编/u.test(segment.label) ? 'emails' : null;
      if (!target) continue;
      if (!current) {
        current = { name: null, phones: [], faxes: [], emails: [] };
        contacts.push(current);
      }
      if (target === 'emails') current.emails.push(...(segment.text.match(EMAIL) ?? []));
      else addNumbers(current[target], segment.text);
    }
    for (const email of block.text.text.match(EMAIL) ?? []) {
      if (current && !current.emails.includes(email)) current.emails.push(email);
    }
  }
  return contacts.filter((contact) => contact.name || contact.phones.length + contact.faxes.length + contact.emails.length > 0);
}

function segmentsOf(text: string): Segment[] {
  const matches = [...text.matchAll(LABEL)];
  return matches.map((match, i) => {
    const start = match.index + match[0].length;
    const end = matches[i + 1]?.index ?? text.length;
    return { label: match[1] ?? '', text: text.slice(start, end) };
  });
}

function addNumbers(target: string[], text: string): void {
  const cut = text.search(/[。；]/u);
  for (const number of (cut < 0 ? text : text.slice(0, cut)).match(PHONE) ?? []) {
    if (!target.includes(number)) target.push(number);
  }
}
