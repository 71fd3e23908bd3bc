// Building the units module's inputs by hand, from lines quoted from real letters.
import type { Outline, ResponsibleUnit, Task, UnitList, UnitListItem } from '../../src/model/outline.js';
import { loadAliasTable } from '../../src/units/index.js';

export const table = loadAliasTable();

/** A written list split at 、，； outside brackets, as the parser hands it over, with 1-based columns. */
export function itemsOf(text: string, line = 1): UnitListItem[] {
  const items: UnitListItem[] = [];
  let depth = 0;
  let start = 0;
  const flush = (end: number, separator: string): void => {
    const raw = text.slice(start, end).replace(/。$/u, '');
    if (raw) items.push({ raw, separator, line, column: start + 1 });
  };
  for (const [index, char] of [...text].entries()) {
    if ('（〔(['.includes(char)) depth += 1;
    else if ('）〕)]'.includes(char)) depth -= 1;
    else if (depth === 0 && '、，；'.includes(char)) {
      flush(index, char);
      start = index + 1;
    }
  }
  flush(text.length, '');
  return items;
}

export function unitList(group: string, text: string, line: number, attachment = 2): UnitList {
  return { group, attachment, items: itemsOf(text, line) };
}

/** A task whose 责任单位 clause is `units`, e.g. task(3, '两省区科技厅、农业农村厅，厦门〔宁夏〕大学、农科院', 43). */
export function task(number: number | string, units: string, line: number): Task {
  const responsibleUnits: ResponsibleUnit[] = itemsOf(units, line).map((item) => ({ ...item, name: item.raw, scope: null, role: '责任单位' }));
  return { id: `a1:${number}`, number: String(number), title: '', path: [], text: '', deadline: null, responsibleUnits, recipients: [], attachment: 1, line };
}

export function outlineOf(parts: {
  issuer?: string | null;
  docNumber?: string | null;
  mainRecipients: string[];
  unitLists?: UnitList[];
  tasks?: Task[];
}): Outline {
  const agency = parts.docNumber ?? null;
  return {
    schemaVersion: 1,
    source: { path: 'letter.txt', format: 'txt', encoding: 'utf-8', sha256: '' },
    letter: {
      copyNumber: null, secrecy: null, urgency: null,
      issuer: parts.issuer ?? null,
      docNumber: agency ? { text: `${agency}〔2024〕1号`, agency, year: 2024, serial: 1 } : null,
      signers: [], title: null, kind: '函',
      mainRecipients: parts.mainRecipients,
      deadline: null, contacts: [], replyTo: null, attachmentNotes: [], signature: null, date: null, notes: null,
      copyTo: [], printedBy: null, printedDate: null,
    },
    attachments: [],
    tasks: parts.tasks ?? [],
    unitLists: parts.unitLists ?? [],
    recipients: [],
    diagnostics: [],
  };
}
