/**
 * The recipients (受文单位) of a letter: its main recipients (主送机关) in the letter's order, a 、 run read
 * as the units it names, each group (省直有关单位) expanded through the unit list that spells it out (or the
 * clerk's member file), each other one kept as itself; without 主送, the units of its 征求意见单位名单.
 * A unit listed twice (the same text, or the same class with the same scope) is kept once, with a warning.
 * Ids r01, r02 … follow that order.
 */
import type { Diagnostic, Outline, Position, Recipient, UnitList } from '../model/outline.js';
import type { AliasTable, ProvinceData } from './aliases.js';
import { finding } from './diagnostics.js';
import { expandUnitList } from './expand.js';
import { compareScopes } from './match.js';
import { describeUnit, type UnitName } from './names.js';
import { readsAsUnit, splitMainRecipient } from './main-recipients.js';
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

/**
 * Members of the groups a letter names without listing them (省直有关单位), from a file the clerk keeps
 * (--recipients 名单.txt): each part is the units under one heading, or under none.
 */
export interface MemberList {
  /** The file, for messages */
  file: string;
  parts: { group: string | null; units: string[] }[];
}

export function buildRecipients(outline: Outline, table: AliasTable, home: ProvinceData | null, members: MemberList | null = null): RecipientSet {
  const diagnostics: Diagnostic[] = [];
  const { mainRecipients, mainRecipientRuns } = outline.letter;
  const mains = (mainRecipientRuns ?? mainRecipients).flatMap((main) => splitMainRecipient(main, table));
  const listsByMain = listsOfMainRecipients(mains, outline, table);
  const membersByMain = membersOfGroups(mains.filter((main) => !listsByMain.has(main) && isGroupName(main, table)), members, diagnostics);
  const fromLists = (lists: UnitList[], group: string): Draft[] =>
    lists.flatMap((list) =>
      expandUnitList(list.items, table).flatMap((expanded) =>
        expanded.units.map((name) => ({ name, group, at: { line: expanded.item.line, column: expanded.item.column } })),
      ),
    );
  const drafts = mains.flatMap((main): Draft[] => {
    const lists = listsByMain.get(main) ?? [];
    if (lists.length > 0) return fromLists(lists, main);
    const given = membersByMain.get(main);
    if (given) return given.map((name) => ({ name, group: main, at: null }));
    if (isGroupName(main, table)) {
      const how = members ? `名单文件 ${members.file} 中也没有它的成员（可用“${main}：”一行标明）` : `可用 --recipients 名单.txt（每行一个单位）提供其成员单位`;
      diagnostics.push(finding('info', 'recipient-group-unlisted', `主送机关“${main}”是统称，来函未附其名单，暂按一个受文单位列出；${how}。`, null));
    }
    return [{ name: main, group: null, at: null }];
  });
  if (mains.length === 0) {
    // A public consultation (公开征求意见) names no 主送: its units are those of the 征求意见单位名单.
    for (const list of consultationLists(outline)) {
      diagnostics.push(finding('info', 'recipients-from-list', `来函没有主送机关，受文单位取自${list.attachment ? `附件${list.attachment}` : '来函'}“${list.group}”。`, list.items[0] ?? null));
      drafts.push(...fromLists([list], list.group ?? ''));
    }
  }

  const set: RecipientSet = { recipients: [], groups: new Map(), positions: new Map(), diagnostics };
  const kept = new KeptUnits(home);
  const inGroup = new Map<string, Set<Recipient>>();
  for (const draft of drafts) {
    const unit = describeUnit(draft.name, table);
    const same = kept.find(unit);
    const recipient = same?.recipient ?? newRecipient(draft, unit, kept.size + 1, table, home);
    if (same) {
      const where = draft.group ? `（${draft.group}）` : '';
      diagnostics.push(finding('warning', 'recipient-duplicate', `受文单位“${draft.name}”${where}与“${same.recipient.name}”重复，只保留一个。`, draft.at));
    } else {
      if (!readsAsUnit(draft.name, table)) {
        diagnostics.push(finding('warning', 'recipient-incomplete', `受文单位“${draft.name}”可能不完整（不像单位名称的结尾，如“厅”“局”“委”），已照原样列出，请核对来函。`, draft.at));
      }
      kept.add({ recipient, unit });
      set.recipients.push(recipient);
      if (draft.at) set.positions.set(recipient, draft.at);
    }
    if (draft.group) {
      const key = groupKey(draft.group);
      const group = inGroup.get(key);
      if (group) group.add(recipient);
      else inGroup.set(key, new Set([recipient]));
    }
  }
  for (const [key, group] of inGroup) set.groups.set(key, [...group]);
  return set;
}

interface Kept {
  recipient: Recipient;
  unit: UnitName;
}

/**
 * The recipients kept so far. The same unit written twice is the same text, or the same class (identity)
 * with scopes that agree. Found without reading them all: by text, and by scope among those of the same
 * identity (the few 财政厅 of different provinces). The first kept one wins.
 */
class KeptUnits {
  private readonly byText = new Map<string, { index: number; kept: Kept }>();
  private readonly scopedByIdentity = new Map<string, { index: number; kept: Kept }[]>();
  size = 0;

  constructor(private readonly home: ProvinceData | null) {}

  find(unit: UnitName): Kept | undefined {
    const sameText = this.byText.get(unit.text);
    const sameScope = unit.former || unit.scope.text === ''
      ? undefined
      : this.scopedByIdentity.get(unit.identity)?.find((other) => compareScopes(other.kept.unit.scope, unit.scope, this.home) === 'yes');
    if (sameText && sameScope) return sameText.index < sameScope.index ? sameText.kept : sameScope.kept;
    return (sameText ?? sameScope)?.kept;
  }

  add(kept: Kept): void {
    const entry = { index: this.size++, kept };
    this.byText.set(kept.unit.text, entry);
    if (kept.unit.former || kept.unit.scope.text === '') return;
    const bucket = this.scopedByIdentity.get(kept.unit.identity);
    if (bucket) bucket.push(entry);
    else this.scopedByIdentity.set(kept.unit.identity, [entry]);
  }
}

/**
 * Each main recipient's unit lists: the list titled with its name; and when exactly one main recipient
 * is a group without a list of its own (各有关单位), the 名单 lists no one else claimed.
 */
function listsOfMainRecipients(mains: string[], outline: Outline, table: AliasTable): Map<string, UnitList[]> {
  const lists = outline.unitLists.filter((list) => list.group !== null && list.items.length > 0);
  const byMain = new Map<string, UnitList[]>();
  for (const main of mains) {
    const own = lists.filter((list) => groupKey(list.group ?? '') === groupKey(main));
    if (own.length > 0) byMain.set(main, own);
  }
  const claimed = new Set([...byMain.values()].flat());
  const unclaimed = lists.filter((list) => !claimed.has(list) && /名单|单位|范围/u.test(list.group ?? ''));
  const unlisted = mains.filter((main) => !byMain.has(main) && isGroupName(main, table));
  const [only] = unlisted;
  if (only !== undefined && unlisted.length === 1 && unclaimed.length > 0) byMain.set(only, unclaimed);
  return byMain;
}

/** The lists of units a letter without 主送 consults: 征求意见单位名单, 征求意见范围. */
function consultationLists(outline: Outline): UnitList[] {
  return outline.unitLists.filter((list) => list.items.length > 0 && /征求意见|名单|范围/u.test(list.group ?? ''));
}

/**
 * The members a file gives each unlisted group: the part headed with the group's name, or, when the letter
 * has one such group, the units under no heading. Units the file gives no group are named in a warning.
 */
function membersOfGroups(unlisted: string[], members: MemberList | null, diagnostics: Diagnostic[]): Map<string, string[]> {
  const byMain = new Map<string, string[]>();
  if (!members) return byMain;
  const used = new Set<MemberList['parts'][number]>();
  for (const main of unlisted) {
    const parts = members.parts.filter((part) => part.group !== null && groupKey(part.group) === groupKey(main));
    const headless = members.parts.filter((part) => part.group === null);
    const chosen = parts.length > 0 ? parts : unlisted.length === 1 ? headless : [];
    const units = chosen.flatMap((part) => part.units);
    if (units.length === 0) continue;
    for (const part of chosen) used.add(part);
    byMain.set(main, units);
    diagnostics.push(finding('info', 'recipient-group-members', `主送机关“${main}”按名单文件 ${members.file} 展开为 ${units.length} 个受文单位。`, null));
  }
  for (const part of members.parts) {
    if (used.has(part) || part.units.length === 0) continue;
    const which = part.group ? `“${part.group}”下的` : '';
    const groups = unlisted.length > 0 ? `请用“${unlisted[0]}：”这样的一行标明它们属于来函中哪个统称` : '来函主送机关中没有需要展开的统称';
    diagnostics.push(finding('warning', 'recipient-members-unused', `名单文件 ${members.file} 中${which}${part.units.length} 个单位没有用上：${groups}。`, null));
  }
  return byMain;
}

/** 省直有关单位, 各有关单位, 机关各部门: a name that stands for several units. */
function isGroupName(name: string, table: AliasTable): boolean {
  return table.data.collectivePrefixes.some((prefix) => name.includes(prefix));
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
