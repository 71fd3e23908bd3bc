/**
 * Resolving a letter's units: the recipients from its main recipients and unit lists, each task's
 * responsible units (责任单位) matched to them, and the coverage findings (a responsible unit no recipient
 * answers for, a doubtful match, a recipient responsible for nothing). A pure function: it returns new
 * recipients and tasks and never throws.
 */
import type { Diagnostic, Outline, Position, Recipient, ResponsibleUnit, Task } from '../model/outline.js';
import type { AliasTable, ProvinceData } from './aliases.js';
import { finding } from './diagnostics.js';
import { expandUnitList, type ExpandedItem } from './expand.js';
import { candidatesOf, compareScopes, homeOfNames, matchMention, type MatchContext, type MentionMatch } from './match.js';
import { describeUnit, placeAt, type UnitName } from './names.js';
import { buildRecipients, type MemberList } from './recipients.js';
import { longestPrefix, normalizeUnitText } from './text.js';

export interface ResolvedUnits {
  recipients: Recipient[];
  tasks: Task[];
  diagnostics: Diagnostic[];
}

export function resolveUnits(outline: Outline, aliases: AliasTable, members: MemberList | null = null): ResolvedUnits {
  const home = homeOfLetter(outline, aliases);
  const set = buildRecipients(outline, aliases, home, members);
  const context: MatchContext = { table: aliases, home, candidates: candidatesOf(set.recipients, aliases), groups: set.groups };
  const diagnostics = [...set.diagnostics];
  const sender = senderOf(outline, context);
  const tasks = outline.tasks.map((task) => resolveTask(task, context, sender, diagnostics));
  if (sender.named.length > 0) {
    const [first] = sender.named;
    const numbers = [...new Set(sender.named.map((mention) => mention.task))].join('、');
    diagnostics.push(finding('info', 'unit-sender', `任务${numbers}的责任单位“${first?.unit}”是发文机关（${sender.name}），无需向其征求意见。`, first?.at ?? null));
  }
  // Each recipient's tasks in the tasks' order, from one pass over the tasks (a task may name thousands;
  // task.recipients names each recipient once).
  const tasksOf = new Map<string, string[]>();
  for (const task of tasks) {
    for (const name of task.recipients) {
      const numbers = tasksOf.get(name);
      if (numbers) numbers.push(task.number);
      else tasksOf.set(name, [task.number]);
    }
  }
  const recipients = set.recipients.map((recipient) => ({ ...recipient, tasks: tasksOf.get(recipient.name) ?? [] }));
  if (tasks.length > 0) {
    for (const [index, recipient] of recipients.entries()) {
      if (recipient.tasks.length > 0) continue;
      const written = set.recipients[index];
      const at = (written && set.positions.get(written)) ?? null;
      diagnostics.push(finding('info', 'recipient-without-task', `受文单位“${recipient.name}”不是任何任务的责任单位（仍需征求其意见）。`, at));
    }
  }
  return { recipients, tasks, diagnostics };
}

/**
 * The province the letter speaks for (this side of a pairing): from the issuer or signature
 * (福建省东西部扶贫协作工作办公室), else the 发文字号's one-character name (闽扶协函), else the province most
 * of its recipients are placed in.
 */
export function homeOfLetter(outline: Outline, table: AliasTable): ProvinceData | null {
  const { issuer, signature, docNumber, mainRecipients } = outline.letter;
  for (const text of [issuer, signature]) {
    if (!text) continue;
    const normalized = normalizeUnitText(text);
    const party = longestPrefix(normalized, table.data.partyPrefixes) ?? '';
    const place = placeAt(normalized.slice(party.length), table);
    if (place) return place.province;
  }
  const abbr = docNumber?.agency.slice(0, 1);
  const byAbbr = abbr ? table.data.provinces.find((province) => province.abbr.includes(abbr)) : undefined;
  if (byAbbr) return byAbbr;
  return homeOfNames([...mainRecipients, ...outline.unitLists.flatMap((list) => list.items.map((item) => item.raw))], table);
}

interface Sender {
  /** The 发文机关 as the letter writes it (署名 or 发文机关标志) */
  name: string;
  /** Its names read as units: 环境保护部办公厅 and 环境保护部 (an office writes for its ministry) */
  units: UnitName[];
  /** Where tasks name it, noted once */
  named: { task: string; unit: string; at: Position }[];
}

/** The sending office and the ministry or government it writes for (its 办公厅/办公室 taken off). */
function senderOf(outline: Outline, context: MatchContext): Sender {
  const texts = [outline.letter.signature, outline.letter.issuer].filter((text): text is string => text !== null && text.trim() !== '');
  const names = texts.flatMap((text) => {
    const normalized = normalizeUnitText(text);
    const office = /^(.{2,})(办公厅|办公室)$/u.exec(normalized)?.[1];
    return office ? [normalized, office] : [normalized];
  });
  return { name: texts[0] ?? '', units: [...new Set(names)].map((name) => describeUnit(name, context.table)), named: [] };
}

/** Whether a responsible unit is the sender: the same text, or the same class with scopes that agree. */
function isSender(unit: string, sender: Sender, context: MatchContext): boolean {
  const named = describeUnit(unit, context.table);
  return sender.units.some((own) => own.text === named.text || (own.identity === named.identity && !named.former && own.scope.text !== '' && compareScopes(own.scope, named.scope, context.home) === 'yes'));
}

function resolveTask(task: Task, context: MatchContext, sender: Sender, diagnostics: Diagnostic[]): Task {
  const names: string[] = [];
  const responsibleUnits = expandUnitList(task.responsibleUnits, context.table).map((expanded): ResponsibleUnit => {
    for (const unit of expanded.units) {
      const match = matchMention(unit, context);
      if (match.kind === 'none' && isSender(unit, sender, context)) {
        sender.named.push({ task: task.number, unit, at: { line: expanded.item.line, column: expanded.item.column } });
        continue;
      }
      names.push(...recipientsOf(match).map((recipient) => recipient.name));
      const problem = findingFor(match, unit, task, expanded);
      if (problem) diagnostics.push(problem);
    }
    const { units: _earlier, ...item } = expanded.item;
    return { ...item, name: expanded.name, scope: expanded.scope, ...(expanded.units.length > 1 ? { units: expanded.units } : {}) };
  });
  return { ...task, responsibleUnits, recipients: [...new Set(names)] };
}

/** Only certain matches answer for a task; an uncertain one waits for the clerk. */
function recipientsOf(match: MentionMatch): Recipient[] {
  return match.kind === 'matched' || match.kind === 'collective' ? match.recipients : [];
}

function findingFor(match: MentionMatch, unit: string, task: Task, expanded: ExpandedItem<ResponsibleUnit>): Diagnostic | null {
  const at = { line: expanded.item.line, column: expanded.item.column };
  const which = `任务${task.number}的责任单位“${unit}”`;
  switch (match.kind) {
    case 'matched':
      return null;
    case 'collective':
      return match.recipients.length > 0
        ? null
        : finding('warning', 'unit-unmatched', `${which}是统称，但受文单位中没有相应的单位，请核对主送范围。`, at);
    case 'uncertain': {
      const names = match.recipients.map((recipient) => `“${recipient.name}”`).join('或');
      return finding('warning', 'unit-uncertain', `${which}可能是受文单位${names}（${match.reason}），未自动对应，请人工核对。`, at);
    }
    case 'other-side':
      return finding('info', 'unit-other-side', `${which}属${match.province.name}，不是本函的受文单位，无需征求其意见。`, at);
    case 'none':
      return finding('warning', 'unit-unmatched', `${which}找不到对应的受文单位：可能漏发，也可能写法不同（可在别名表中补充）。`, at);
  }
}
