/**
 * 联系人 and where the replies go, read from the body and what follows it: every person with their
 * department (生态环境部固体废物与化学品司谭全银), two names written together (…司应蓉蓉段光明), a second person
 * on an unlabelled line, a number given as 电话/传真, a unit's mailbox, and 反馈至… as the reply address.
 */
import type { Contact, Position, ReplyTo } from '../../model/outline.js';
import type { Block } from '../blocks.js';
import type { DiagnosticSink } from '../diagnostics.js';
import type { Recognizer } from '../recognizer.js';
import { isParagraph } from '../regions.js';
import { eitherScript, simplifiedOf } from '../../text/traditional.js';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/gu;
const EMAIL_ONCE = new RegExp(EMAIL.source, 'u');
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)|(?:（0\d{2,3}）|(?<![\d-])0\d{2,3}[-－—]?|(?<![\d-]))\d{7,8}(?:[-－转]\d{1,5})?(?!\d)/gu;
/** The labels that introduce contact details, in the order they are tried. */
const LABEL = eitherScript(/(联系人(?:及(?:联系)?(?:电话|方式))?|电话[/／、及和]传真|传真[/／、及和]电话|联系电话|联系方式|办公电话|电话|手机|座机|传真|电子邮箱|电子邮件|邮箱|通[信讯]地址|邮政编码|邮编|地址)[：:]?/gu);
/** Names at the start of a 联系人 segment: 张三, 张三、李四, a department run together with a name. */
const NAMES = /^[\u4e00-\u9fff·]{2,40}(?:[、和及][\u4e00-\u9fff·]{2,8})*/u;
/** The department before a name ends with the word for an office; the name after it has 2 to 8 characters. */
const DEPARTMENT = /^([\u4e00-\u9fff（）]{2,40}(?:司|局|厅|处|室|科|部|委|办|中心|所|院|站|队|会|组|馆|社|集团|公司|大学|学院))([\u4e00-\u9fff·]{2,8})$/u;
/** A line that carries a person's number without the 联系人 label: 李四，电话：… or 李四010-…. */
const UNLABELLED_PERSON = /^([\u4e00-\u9fff·]{2,40})(?=[，,：:\s]|电话|手机|\d|（0)/u;
const NOT_A_NAME = eitherScript(/^(联系|电话|传真|手机|邮箱|电子|地址|通信|通讯|邮编|邮政|办公|座机|请|如|各|我|其|本|此)/u);
/** 反馈至财政部会计司, 报送至…, 发送至…邮箱: the receiver of the replies. */
const REPLY_TO = /(?:反馈|报送|报|送|发送|寄送|函复|回复)(?:至|到|给)([\u4e00-\u9fff]{2,40}?(?:（[\u4e00-\u9fff]{1,12}）)?)(?=[，。；、（]|联系|电子|邮箱|$)/u;
const OWN_OFFICE = /^我(?:办|司|局|部|厅|委|中心|院|处|室|会|单位)$/u;
const OFFICE_ENDING = /(司|局|厅|处|室|科|部|委|办|中心|所|院|站|队|会|组|公司|大学|学院|政府|办公厅|办公室)(（[\u4e00-\u9fff]{1,12}）)?$/u;

interface Segment {
  label: string;
  text: string;
  offset: number;
  /** The label stands in the sentence that says where replies go (反馈至…，邮箱：…; see replyToIn). */
  reply: boolean;
}

export const recognizeContacts: Recognizer = (regions, sink) => {
  const { signature, date, notes } = regions.closing;
  const blocks: Block[] = [...regions.body, ...regions.attachmentNote, ...signature, ...(date ? [date] : []), ...notes, ...regions.tail];
  return { letter: { contacts: contactsIn(blocks, sink), replyTo: replyToIn(blocks) } };
};

/**
 * Reads every 联系人 with the numbers that follow, up to the next 联系人. Numbers given with no name make a
 * contact whose name is null. Several people under one label share what follows, unless as many numbers as
 * people are given (then the first number is the first person's).
 */
function contactsIn(blocks: Block[], sink: DiagnosticSink): Contact[] {
  const contacts: Contact[] = [];
  let group: Contact[] = [];
  let afterContactLine = false;
  for (const block of blocks) {
    if (!isParagraph(block)) continue;
    const text = block.text.text;
    const segments = segmentsOf(text);
    const person = afterContactLine && !segments.some((segment) => segment.label.startsWith('联系人')) ? UNLABELLED_PERSON.exec(text) : null;
    if (person?.[1] && !NOT_A_NAME.test(person[1]) && (text.replace(EMAIL, '').match(PHONE) ?? []).length > 0) {
      group = peopleOf(person[1], block.text.start, sink);
      contacts.push(...group);
      addNumbers(group, 'phones', text.slice(person[1].length));
      continue;
    }
    for (const segment of segments) {
      if (segment.label.startsWith('联系人')) {
        // 联系人及电话：张三，0591-…；李四，139…: each ；-part that starts with a name is another person.
        for (const [index, part] of segment.text.split(/[；;]/u).entries()) {
          const names = NAMES.exec(part.replace(/^[（(]/u, ''))?.[0] ?? '';
          if (index > 0 && (!names || NOT_A_NAME.test(names))) break;
          group = names ? peopleOf(names, block.text.positionAt(segment.offset), sink) : [emptyContact(null, null)];
          contacts.push(...group);
          addNumbers(group, 'phones', /电话|方式/u.test(segment.label) ? part : part.slice(names.length));
        }
        continue;
      }
      // A mailbox in the sentence that says where replies go is the reply address's (replyTo), not a person's.
      const fields = fieldsOf(segment.label).filter((field) => !(segment.reply && field === 'emails'));
      if (fields.length === 0) continue;
      if (group.length === 0) {
        group = [emptyContact(null, null)];
        contacts.push(...group);
      }
      for (const field of fields) {
        if (field === 'emails') for (const contact of group) addAll(contact.emails, segment.text.match(EMAIL) ?? []);
        else addNumbers(group, field, segment.text);
      }
    }
    for (const email of text.matchAll(EMAIL)) {
      const last = group.at(-1);
      if (last && !inReplySentence(text, email.index) && !group.some((contact) => contact.emails.includes(email[0]))) last.emails.push(email[0]);
    }
    afterContactLine = segments.some((segment) => segment.label.startsWith('联系人')) || (afterContactLine && segments.length > 0);
  }
  return contacts.filter((contact) => contact.name || contact.phones.length + contact.faxes.length + contact.emails.length > 0);
}

function emptyContact(name: string | null, department: string | null): Contact {
  return { name, department, phones: [], faxes: [], emails: [] };
}

/** 张三、李四 / 生态环境部固体废物与化学品司谭全银 / …司应蓉蓉段光明: the people a label names. */
function peopleOf(written: string, at: Position, sink: DiagnosticSink): Contact[] {
  const parts = written.split(/[、和及]/u).filter((part) => part.length > 0);
  let department: string | null = null;
  const first = parts[0] ?? '';
  const split = DEPARTMENT.exec(first);
  if (split?.[1] && split[2]) {
    department = split[1];
    parts[0] = split[2];
  }
  const names = parts.flatMap((part) => {
    if (part.length <= 4) return [part];
    if (part.length === 6) return [part.slice(0, 3), part.slice(3)];
    sink.report('contact-names-unclear', `联系人“${part}”像是几个姓名连写，无法确定怎样分开，请核对。`, at);
    return [part];
  });
  return names.map((name) => emptyContact(name, department));
}

function segmentsOf(text: string): Segment[] {
  const matches = [...text.matchAll(LABEL)];
  return matches.map((match, i) => {
    const start = match.index + match[0].length;
    const end = matches[i + 1]?.index ?? text.length;
    return { label: simplifiedOf(match[1] ?? ''), text: text.slice(start, end), offset: start, reply: inReplySentence(text, match.index) };
  });
}

/** Whether the offset falls in a sentence that says where replies go (反馈至…，邮箱：…): see replyToIn. */
function inReplySentence(text: string, offset: number): boolean {
  const start = Math.max(text.lastIndexOf('。', offset), text.lastIndexOf('；', offset)) + 1;
  const stops = [text.indexOf('。', offset), text.indexOf('；', offset)].filter((index) => index >= 0);
  return isReplySentence(text.slice(start, stops.length > 0 ? Math.min(...stops) : text.length));
}

type Field = 'phones' | 'faxes' | 'emails';

function fieldsOf(label: string): Field[] {
  if (/电话.传真|传真.电话/u.test(label)) return ['phones', 'faxes'];
  if (/电话|手机|座机|联系方式/u.test(label)) return ['phones'];
  if (label === '传真') return ['faxes'];
  if (/邮/u.test(label) && !/邮政编码|邮编/u.test(label)) return ['emails'];
  return [];
}

/** The numbers of a segment, up to its sentence's end: paired with the people when there are as many of each. */
function addNumbers(group: Contact[], field: 'phones' | 'faxes', text: string): void {
  const cut = text.search(/[。；]/u);
  const numbers = (cut < 0 ? text : text.slice(0, cut)).match(PHONE) ?? [];
  if (group.length > 1 && numbers.length === group.length) {
    group.forEach((contact, i) => addAll(contact[field], [numbers[i] ?? '']));
    return;
  }
  for (const contact of group) addAll(contact[field], numbers);
}

function addAll(target: string[], values: string[]): void {
  for (const value of values) if (value && !target.includes(value)) target.push(value);
}

/** 反馈至财政部会计司 / 发送至电子邮箱…: the unit named (not 我办) and the mailbox in that sentence. */
function replyToIn(blocks: Block[]): ReplyTo | null {
  for (const block of blocks) {
    if (!isParagraph(block)) continue;
    for (const sentence of block.text.text.split(/[。；]/u)) {
      if (!isReplySentence(sentence)) continue;
      const match = REPLY_TO.exec(sentence);
      const named = match?.[1] ?? '';
      const unit = !OWN_OFFICE.test(named) && OFFICE_ENDING.test(named) ? named : null;
      const emails = sentence.slice(match?.index ?? 0).match(EMAIL) ?? [];
      if (unit || emails.length > 0) return { unit, emails };
    }
  }
  return null;
}

/** 反馈至…, or a sentence that asks for replies through a mailbox (通过电子邮箱…反馈意见) and names no person. */
function isReplySentence(sentence: string): boolean {
  return REPLY_TO.test(sentence) || (/反馈|报送|提出|发送|寄送/u.test(sentence) && !sentence.includes('联系人') && EMAIL_ONCE.test(sentence));
}
