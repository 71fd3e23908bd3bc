/**
 * Scoring the parser against the corpus answer keys (fixtures/corpus/keys, written by reading each letter).
 * Every key field is one field: right or wrong, nothing in between.
 */
import type { Outline } from '../../src/model/outline.js';

/** The fields a clerk relies on, in the shape of an answer key; null or [] when the letter has none. */
export interface Answers {
  docNumber: string | null;
  title: string | null;
  kind: string | null;
  issuer: string | null;
  mainRecipients: string[];
  deadline: string | null;
  contacts: { name: string | null; phones: string[] }[];
  attachmentTitles: string[];
  signature: string | null;
  date: string | null;
  copyTo: string[];
  /** Only where the letter assigns responsible units to numbered items. */
  tasks: { number: string; responsibleUnits: string[] }[];
}

export interface AnswerKey extends Answers {
  /** The letter, from the repository root. */
  file: string;
  /** tune: the parser's authors may look at it; holdout: scored only. */
  set: 'tune' | 'holdout';
}

export const SCALAR_FIELDS = ['docNumber', 'title', 'kind', 'issuer', 'deadline', 'signature', 'date'] as const;
export const LIST_FIELDS = ['mainRecipients', 'attachmentTitles', 'copyTo'] as const;

export interface FieldScore {
  /** docNumber … copyTo, contacts, or `task 3` for the responsible units of task 3. */
  field: string;
  correct: boolean;
  expected: unknown;
  actual: unknown;
}

/** What the parser says, in the key's shape. */
export function answersOf(outline: Outline): Answers {
  const { letter } = outline;
  return {
    docNumber: letter.docNumber?.text ?? null,
    title: letter.title,
    kind: letter.kind,
    issuer: letter.issuer,
    mainRecipients: letter.mainRecipients,
    deadline: letter.deadline,
    contacts: letter.contacts.map((contact) => ({ name: contact.name, phones: contact.phones })),
    attachmentTitles: letter.attachmentNotes.map((note) => note.title),
    signature: letter.signature,
    date: letter.date,
    copyTo: letter.copyTo,
    tasks: outline.tasks.map((task) => ({ number: task.number, responsibleUnits: task.responsibleUnits.map((unit) => unit.raw) })),
  };
}

/**
 * Text is compared without whitespace, with full-width forms folded (NFKC: （ → (, ： → :) and every dash
 * written as -, so that 2024-2026 and 2024—2026 agree.
 */
export function normalize(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').replace(/[‐-―−－]/gu, '-');
}

const sameText = (a: string | null, b: string | null): boolean => (a === null || b === null ? a === b : normalize(a) === normalize(b));

/** Lists are compared as sets: order and repeats do not count. */
function sameSet(expected: string[], actual: string[]): boolean {
  const a = new Set(expected.map(normalize));
  const b = new Set(actual.map(normalize));
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/** A contact is its name and its phones; one with neither (a fax or a mailbox only) is not counted. */
function contactSignatures(contacts: Answers['contacts']): string[] {
  return contacts
    .filter((contact) => contact.name !== null || contact.phones.length > 0)
    .map((contact) => `${normalize(contact.name ?? '')}|${contact.phones.map(normalize).sort().join(',')}`)
    .sort();
}

export function scoreLetter(key: AnswerKey, actual: Answers): FieldScore[] {
  const scores: FieldScore[] = [];
  for (const field of SCALAR_FIELDS) {
    scores.push({ field, expected: key[field], actual: actual[field], correct: sameText(key[field], actual[field]) });
  }
  for (const field of LIST_FIELDS) {
    scores.push({ field, expected: key[field], actual: actual[field], correct: sameSet(key[field], actual[field]) });
  }
  const contacts = [contactSignatures(key.contacts), contactSignatures(actual.contacts)];
  scores.push({ field: 'contacts', expected: key.contacts, actual: actual.contacts, correct: contacts[0]?.join(';') === contacts[1]?.join(';') });
  const unmatched = [...actual.tasks];
  for (const task of key.tasks) {
    const index = unmatched.findIndex((candidate) => normalize(candidate.number) === normalize(task.number));
    const found = index < 0 ? undefined : unmatched.splice(index, 1)[0];
    scores.push({
      field: `task ${task.number}`,
      expected: task.responsibleUnits,
      actual: found?.responsibleUnits ?? null,
      correct: found !== undefined && sameSet(task.responsibleUnits, found.responsibleUnits),
    });
  }
  return scores;
}

/** The kind of a scored field, for the per-kind table: the field's own name, or `tasks` for every task. */
export const fieldKind = (field: string): string => (field.startsWith('task ') ? 'tasks' : field);

export interface Tally {
  correct: number;
  total: number;
}

export function tally(scores: FieldScore[]): Tally {
  return { correct: scores.filter((score) => score.correct).length, total: scores.length };
}

export const percent = ({ correct, total }: Tally): string => (total === 0 ? '—' : `${((100 * correct) / total).toFixed(1)}%`);
