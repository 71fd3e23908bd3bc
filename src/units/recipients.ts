/**
 * The recipients (受文单位) of a letter: its main recipients (主送机关) in the letter's order, each group
 * (省直有关单位) expanded through the unit list that spells it out, each other one kept as itself.
 * A unit listed twice is kept once, with a warning. Ids r01, r02 … follow that order.
 */
import type { Diagnostic, Outline, Position, Recipient, UnitList } from '../model/outline.js';
import type { AliasTable, ProvinceData } from './aliases.js';
import { finding } from './diagnostics.js';
import { expandUnitList } from './expand.js';
import { compareScopes } from './match.js';
import { describeUnit, type UnitName } from './names.js';
import { groupKey, normalizeUnitText } from './text.js';

export interface RecipientSet {
  recipients: Recipient[];
  /** A group's name (groupKey) → the recipients it was expanded into */
  groups: Map<string, Recipient[]>;
  /** Where each recipient is written in the letter (a 名单 item), for messages */
  positions: Map<Recipient, Position>;
  diagnostics: Diagnostic[];
}

interface Draft {
  name: string;
  group: string | null;
  at: Position | null;
}

export function buildRecipients(outline: Outline, table: AliasTable, home: ProvinceData | null): RecipientSet {
  const diagnostics: Diagnostic[] = [];
  const listsByMain = listsOfMainRecipients(outline, table);
  const drafts = outline.letter.mainRecipients.flatMap((main): Draft[] => {
    const lists = listsByMain.get(main) ?? [];
    if (lists.length === 0) {
      if (isGroupName(main, table)) {
        diagnostics.push(finding('info', 'recipient-group-unlisted', `主送机关“${main}”是统称，来函未附其名单，暂按一个受文单位列出；请按实际分发范围补充。`, null));
      }
      return [{ name: main, group: null, at: null }];
    }
    return lists.flatMap((list) =>
      expandUnitList(list.items, table).flatMap((expanded) =>
        expanded.units.map((name) => ({ name, group: main, at: { line: expanded.item.line, column: expanded.item.column } })),
      ),
    );
  });

  const set: RecipientSet = { recipients: [], groups: new Map(), positions: new Map(), diagnostics };
  const kept: { recipient: Recipient; unit: UnitName }[] = [];
  for (const draft of drafts) {
    const unit = describeUnit(draft.name, table);
    const same = kept.find((other) => sameUnit(other.unit, unit, home));
    const recipient = same?.recipient ?? newRecipient(draft, unit, kept.length + 1, table, home);
    if (same) {
      const where = draft.group ? `（${draft.group}）` : '';
      diagnostics.push(finding('warning', 'recipient-duplicate', `受文单位“${draft.name}”${where}与“${same.recipient.name}”重复，只保留一个。`, draft.at));
    } else {
      kept.push({ recipient, unit });
      set.recipients.push(recipient);
      if (draft.at) set.positions.set(recipient, draft.at);
    }
    if (draft.group) {
      const key = groupKey(draft.group);
      set.groups.set(key, [...new Set([...(set.groups.get(key) ?? []), recipient])]);
    }
  }
  return set;
}

/**
 * Each main recipient's unit lists: the list titled with its name; and when exactly one main recipient
 * is a group without a list of its own (各有关单位), the 名单 lists no one else claimed.
 */
function listsOfMainRecipients(outline: Outline, table: AliasTable): Map<string, UnitList[]> {
  const lists = outline.unitLists.filter((list) => list.group !== null && list.items.length > 0);
  const byMain = new Map<string, UnitList[]>();
  for (const main of outline.letter.mainRecipients) {
    const own = lists.filter((list) => groupKey(list.group ?? '') === groupKey(main));
    if (own.length > 0) byMain.set(main, own);
  }
  const claimed = new Set([...byMain.values()].flat());
  const unclaimed = lists.filter((list) => !claimed.has(list) && /名单|单位|范围/u.test(list.group ?? ''));
  const unlisted = outline.letter.mainRecipients.filter((main) => !byMain.has(main) && isGroupName(main, table));
  const [only] = unlisted;
  if (only !== undefined && unlisted.length === 1 && unclaimed.length > 0) byMain.set(only, unclaimed);
  return byMain;
}

/** 省直有关单位, 各有关单位, 机关各部门: a name that stands for several units. */
function isGroupName(name: string, table: AliasTable): boolean {
  return table.data.collectivePrefixes.some((prefix) => name.includes(prefix));
}

/** The same unit written twice: the same text, or the same class with the same scope. */
function sameUnit(a: UnitName, b: UnitName, home: ProvinceData | null): boolean {
  if (a.text === b.text) return true;
  if (a.identity !== b.identity || a.former || b.former) return false;
  const bothScoped = a.scope.text !== '' && b.scope.text !== '';
  return bothScoped && compareScopes(a.scope, b.scope, home) === 'yes';
}

function newRecipient(draft: Draft, unit: UnitName, index: number, table: AliasTable, home: ProvinceData | null): Recipient {
  const name = normalizeUnitText(draft.name);
  const aliases = aliasesOf(unit, table, home).filter((alias) => alias !== name);
  const fullName = fullNameOf(unit, home);
  return {
    id: `r${String(index).padStart(2, '0')}`,
    name,
    ...(fullName !== null && fullName !== name ? { fullName } : {}),
    group: draft.group,
    aliases: [...new Set(aliases)],
    tasks: [],
  };
}

/**
 * The 全称 a unit of the letter's own province signs with: the province's name and the alias table's full
 * name of its kind (省科技厅 → 福建省科学技术厅, 团省委 → 共青团福建省委员会); null when the table has none.
 */
function fullNameOf(unit: UnitName, home: ProvinceData | null): string | null {
  const unitClass = unit.unitClass;
  if (!home || !unitClass || unit.former) return null;
  if (unit.selfNamed) {
    return unitClass.full.includes('{}') && (isOwnProvince(unit) || unit.scope.province === home) ? unitClass.full.replace('{}', home.name) : null;
  }
  return isOwnProvince(unit) && !unitClass.full.includes('{}') ? homeScopeText(unit, home) + unitClass.full : null;
}

/**
 * The other usual ways of writing a recipient: 全称 and 简称 with its scope, and with the province's full name
 * (省委组织部 → 中共福建省委组织部; 省科技厅 → 省科学技术厅, 福建省科学技术厅); X领导小组 → X领导小组办公室.
 */
export function aliasesOf(unit: UnitName, table: AliasTable, home: ProvinceData | null): string[] {
  const ownScope = unit.scope.text;
  const homeScope = home && isOwnProvince(unit) ? homeScopeText(unit, home) : null;
  const scopes = [ownScope, ...(homeScope ? [homeScope] : [])];
  const unitClass = unit.unitClass;
  const aliases: string[] = [];
  if (unitClass && !unit.former) {
    const slotted = [unitClass.full, ...unitClass.forms].filter((form) => form.includes('{}'));
    if (unit.selfNamed) {
      aliases.push(...slotted.map((form) => form.replace('{}', ownScope)));
      if (home && unitClass.full.includes('{}') && (isOwnProvince(unit) || unit.scope.province === home)) aliases.push(unitClass.full.replace('{}', home.name));
    } else {
      for (const scope of scopes) aliases.push(...[unitClass.full, unitClass.name].filter((form) => !form.includes('{}')).map((form) => scope + form));
    }
  } else if (homeScope && ownScope !== '' && !unit.unitClass) {
    aliases.push(homeScope + unit.text.slice(ownScope.length));
  }
  for (const { written, means } of table.data.equivalentSuffixes) {
    if (unit.text.endsWith(means)) aliases.push(unit.text.slice(0, unit.text.length - means.length) + written);
  }
  return aliases;
}

/** A province-level unit of the letter's own province written with a bare 省 (省科技厅, 省委组织部). */
function isOwnProvince(unit: UnitName): boolean {
  const { scope } = unit;
  return !scope.shared && !scope.national && scope.province === null && scope.city === null && scope.level === '省';
}

/** 中共福建省委 for a party department, 福建省 otherwise. */
function homeScopeText(unit: UnitName, home: ProvinceData): string {
  if (unit.unitClass?.kind !== '党委部门') return home.name;
  return home.level === '自治区' ? `${home.name}党委` : `中共${home.name}委`;
}
