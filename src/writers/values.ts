/**
 * The outline's facts as the strings templates print (templates/README.md lists every placeholder).
 * Formatting only: dates in Arabic numerals (GB/T 9704 7.3.5.4), titles cited in 《》 with inner 〈〉
 * (GB/T 15834). A fact the letter does not give prints as a blank to fill in by hand, never as a guess.
 */
import type { Outline, Recipient, Task } from '../model/outline.js';
import type { Wording } from './template/load.js';

/** Printed where the letter gives no value: a line the clerk fills in by hand. */
export const BLANK = '＿＿＿＿';

/** 2024-10-18 → 2024年10月18日 (no leading zeros). */
export function chineseDate(iso: string | null): string {
  const match = iso === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : BLANK;
}

/** A title cited inside a sentence: 《…》, its own 《》 turned into 〈〉. */
export function citeTitle(title: string | null): string {
  return title === null ? `《${BLANK}》` : `《${title.replace(/《/gu, '〈').replace(/》/gu, '〉')}》`;
}

/** The draft the letter asks about: the attachment marked 征求意见稿, else the first; its title with the label. */
export function draftTitle(outline: Outline): string | null {
  const draft = outline.attachments.find((attachment) => attachment.draftLabel !== null) ?? outline.attachments[0];
  if (draft) {
    const label = draft.draftLabel;
    return label === null || draft.title.includes(label) ? draft.title : `${draft.title}（${label}）`;
  }
  const note = outline.letter.attachmentNotes[0];
  if (note) return note.title;
  return /《(.+)》/u.exec(outline.letter.title ?? '')?.[1] ?? null;
}

/** The tasks a recipient answers for, in the draft's order (by the task's own recipients, not its printed number). */
export function tasksOf(outline: Outline, recipient: Recipient): Task[] {
  return outline.tasks.filter((task) => namesIn(task.recipients).has(recipient.name));
}

/** A task's recipients as a set, made once per list: a task of a national letter names thousands of units. */
const nameSets = new WeakMap<string[], Set<string>>();
function namesIn(names: string[]): Set<string> {
  return nameSets.get(names) ?? nameSets.set(names, new Set(names)).get(names)!;
}

/** How a reply addresses the issuer (贵办, 贵厅 …): by the longest ending of its name in the wording's table. */
function honorificOf(issuer: string | null, wording: Wording): string {
  const ending = Object.keys(wording.honorifics)
    .filter((candidate) => candidate !== '' && (issuer ?? '').endsWith(candidate))
    .sort((a, b) => b.length - a.length)[0];
  return ending === undefined ? wording.otherHonorific : wording.honorifics[ending]!;
}

/** `letter.*`, `draft.*` and `contact.*`: what every document of one letter can print. */
export function letterValues(outline: Outline, wording: Wording): Record<string, string> {
  const { letter } = outline;
  const contact = letter.contacts[0];
  const draft = draftTitle(outline);
  return {
    'letter.issuer': letter.issuer ?? letter.signature ?? BLANK,
    'letter.replyTo': letter.replyTo?.unit ?? letter.issuer ?? letter.signature ?? BLANK,
    'letter.honorific': honorificOf(letter.issuer ?? letter.signature, wording),
    'letter.title': letter.title ?? BLANK,
    'letter.citedTitle': citeTitle(letter.title),
    'letter.docNumber': letter.docNumber?.text ?? BLANK,
    'letter.date': chineseDate(letter.date),
    'letter.deadline': chineseDate(letter.deadline),
    'draft.title': draft ?? BLANK,
    'draft.citedTitle': citeTitle(draft),
    'contact.name': contact?.name ?? BLANK,
    'contact.phone': joined(contact?.phones),
    'contact.fax': joined(contact?.faxes),
    'contact.email': joined(contact?.emails),
    'contact.details': contactDetails(outline),
  };
}

/**
 * 联系人：…，电话：…，传真：…，电子邮箱：… for each contact, with only what the letter gives (no 传真 line
 * when it gives no fax); the reply mailbox when it is nobody's. Blanks only when the letter gives no contact.
 */
function contactDetails(outline: Outline): string {
  const { contacts, replyTo } = outline.letter;
  const given = contacts.map((contact) =>
    [
      contact.name ? `联系人：${contact.name}` : '',
      contact.phones.length > 0 ? `电话：${contact.phones.join('、')}` : '',
      contact.faxes.length > 0 ? `传真：${contact.faxes.join('、')}` : '',
      contact.emails.length > 0 ? `电子邮箱：${contact.emails.join('、')}` : '',
    ].filter(Boolean).join('，'),
  );
  const mailboxes = (replyTo?.emails ?? []).filter((email) => !contacts.some((contact) => contact.emails.includes(email)));
  if (mailboxes.length > 0) given.push(`电子邮箱：${mailboxes.join('、')}`);
  const details = given.filter(Boolean).join('；');
  return details || `联系人：${BLANK}，电话：${BLANK}`;
}

/** `recipient.*`: the unit a packet is for. */
export function recipientValues(outline: Outline, recipient: Recipient): Record<string, string> {
  return {
    'recipient.id': recipient.id,
    'recipient.name': recipient.name,
    'recipient.fullName': recipient.fullName ?? recipient.name,
    'recipient.group': recipient.group ?? '',
    'recipient.tasks': tasksOf(outline, recipient)
      .map((task) => task.number)
      .join('、'),
  };
}

function joined(values: string[] | undefined): string {
  return values && values.length > 0 ? values.join('、') : BLANK;
}

/** A spreadsheet's title row: the document's title and the letter's 文号. */
export function sheetTitle(title: string, outline: Outline): string {
  const docNumber = outline.letter.docNumber?.text;
  return docNumber ? `${title}（${docNumber}）` : title;
}
