/**
 * Expanding a written list of units (a 名单 group, a task's 责任单位) into the units it names:
 * - prefix distribution: 省发改委、教育厅 → 省发改委, 省教育厅 (along a 、 run, stopping at ，/；);
 * - suffix distribution: 福州、厦门、莆田市对口支援工作领导小组 → 福州市…, 厦门市…, 莆田市…;
 * - place alternatives: 厦门〔宁夏〕大学 → 厦门大学, 宁夏大学;
 * - collectives: 各市、县〔区〕 → 各市, 各县（区）.
 * Items that carry their own scope (国家…, 中共…, 福建省…, universities, 团省委) take no prefix.
 */
import type { AliasTable, Level } from './aliases.js';
import { describeUnit, isBarePlace, parseScope, placeAt } from './names.js';
import { firstBracket, longestPrefix, normalizeUnitText } from './text.js';

export interface ListItem {
  raw: string;
  /** '、' joins a run; '，', '；' or '' ends it */
  separator: string;
  line: number;
  column: number;
}

export interface ExpandedItem<T extends ListItem> {
  item: T;
  /** The units the item names, written out: 省教育厅; two for 厦门〔宁夏〕大学 */
  units: string[];
  /** The item with its scope taken off (ResponsibleUnit.name) */
  name: string;
  /** The scope it has or takes from its run: 两省区, 省 (ResponsibleUnit.scope) */
  scope: string | null;
}

export function expandUnitList<T extends ListItem>(items: T[], table: AliasTable): ExpandedItem<T>[] {
  return runsOf(items).flatMap((run) => expandRun(run, table));
}

/** Items joined by 、 form a run; ，and ； (and the end) close it. */
function runsOf<T extends ListItem>(items: T[]): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  for (const item of items) {
    run.push(item);
    if (item.separator !== '、') {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function expandRun<T extends ListItem>(run: T[], table: AliasTable): ExpandedItem<T>[] {
  const texts = distributeSuffix(run.map((item) => normalizeUnitText(item.raw)), table);
  let carry: string | null = null;
  return run.map((item, index) => {
    const text = texts[index] ?? '';
    const collective = collectiveText(text, carry, table);
    if (collective !== null) {
      carry = collectivePrefix(collective, table) ?? carry;
      return { item, units: [collective], name: collective, scope: null };
    }
    const alternatives = placeAlternatives(text, table);
    const unit = describeUnit(alternatives[0] ?? text, table);
    if (unit.selfNamed) return { item, units: alternatives, name: text, scope: null };
    if (unit.scope.text !== '') {
      carry = unit.scope.text;
      // 两省区党委组织部: the run's scope is 两省区, the name 党委组织部.
      const scope = unit.scope.shared ? (longestPrefix(carry, table.data.sharedScopes) ?? carry) : carry;
      return { item, units: alternatives, name: text.slice(scope.length), scope };
    }
    if (carry !== null && collectivePrefix(carry, table) === null) {
      const scope = unit.unitClass?.kind === '党委部门' ? carry : withoutParty(carry, table);
      return { item, units: alternatives.map((alternative) => scope + alternative), name: text, scope };
    }
    return { item, units: alternatives, name: text, scope: null };
  });
}

/**
 * 福州、厦门、莆田市对口支援工作领导小组: the bare places just before the run's last item take what follows
 * the place in it (with its level word: 福州 → 福州市对口支援工作领导小组).
 */
function distributeSuffix(texts: string[], table: AliasTable): string[] {
  const last = texts.at(-1);
  if (texts.length < 2 || last === undefined || isBareItem(last, table)) return texts;
  const head = placeHead(last, table);
  if (!head) return texts;
  const result = [...texts];
  for (let index = texts.length - 2; index >= 0; index--) {
    const text = texts[index] ?? '';
    if (!isBareItem(text, table)) break;
    result[index] = headed(text, head.levelWord, head.suffix, table);
  }
  return result;
}

/** A place or level word alone (福州, 莆田市, 各市, 县〔区〕): it takes a suffix, it does not give one. */
function isBareItem(text: string, table: AliasTable): boolean {
  if (parseCollective(text, table)?.suffix === null) return true;
  const prefix = collectivePrefix(text, table);
  return isBarePlace(prefix ? text.slice(prefix.length) : text, table);
}

/** 莆田市对口支援工作领导小组 → level word 市, suffix 对口支援工作领导小组; null when no place starts it. */
function placeHead(text: string, table: AliasTable): { levelWord: string; suffix: string } | null {
  // A bare place starts with a place or a level word: most names do not, and need no search.
  if (placeAt(text, table) === null && longestPrefix(text, table.levelWords) === null) return null;
  for (let end = text.length - 1; end > 0; end--) {
    const head = text.slice(0, end);
    if (!isBarePlace(head, table)) continue;
    const levelWord = table.levelWords.find((word) => head.endsWith(word)) ?? '';
    return { levelWord, suffix: text.slice(end) };
  }
  return null;
}

/** A bare place given the suffix: 福州 + 市 + …; 福建 → 福建省…; 莆田市 and 省 keep their own level word. */
function headed(text: string, levelWord: string, suffix: string, table: AliasTable): string {
  const place = placeAt(text, table);
  if (!place || place.text !== text) return text + suffix;
  if (place.city !== null) return text + levelWord + suffix;
  return (place.text === place.province.short ? place.province.name : text) + suffix;
}

/** 厦门〔宁夏〕大学 → 厦门大学, 宁夏大学: a bracket of places replacing the place before it names both. */
function placeAlternatives(text: string, table: AliasTable): string[] {
  const bracket = firstBracket(text);
  if (!bracket) return [text];
  const words = bracket.inside.split('、');
  if (!words.every((word) => placeAt(word, table)?.text === word)) return [text];
  const replaced = placeSuffix(bracket.before, table);
  if (replaced === null) return [text];
  const stem = bracket.before.slice(0, bracket.before.length - replaced.length);
  return [bracket.before + bracket.after, ...words.map((word) => stem + word + bracket.after)];
}

/** The longest known place that ends the text. */
function placeSuffix(text: string, table: AliasTable): string | null {
  for (let start = 0; start < text.length; start++) {
    const place = placeAt(text.slice(start), table);
    if (place && place.text === text.slice(start)) return place.text;
  }
  return null;
}

/**
 * The collective an item names, written out with the 各 it has or takes from its run, or null:
 * 各市; 县〔区〕 after 各市、 → 各县（区）; 有关设区市对口支援工作领导小组.
 */
function collectiveText(text: string, carry: string | null, table: AliasTable): string | null {
  const inherited = carry !== null && collectivePrefix(carry, table) !== null && collectivePrefix(text, table) === null;
  if (inherited && parseCollective(carry + text, table)) return carry + text;
  return parseCollective(text, table) ? text : null;
}

export interface Collective {
  /** The levels named: 各市、县（区） → 市, 县 */
  levels: Level[];
  /** What follows the level words: 人民政府, 对口支援工作领导小组, or null */
  suffix: string | null;
}

/**
 * 各市, 各县（市、区）人民政府, 有关设区市对口支援工作领导小组, or a bare 县〔区〕: level words after an optional
 * 各/有关 and before an optional suffix. Without 各/有关 a suffix makes it one unit (县人民政府), not a collective.
 */
export function parseCollective(name: string, table: AliasTable): Collective | null {
  const text = normalizeUnitText(name);
  const prefix = collectivePrefix(text, table) ?? '';
  let rest = text.slice(prefix.length);
  const levels: Level[] = [];
  for (;;) {
    const separator = /^[（）、]/u.exec(rest)?.[0];
    if (separator) {
      rest = rest.slice(separator.length);
      continue;
    }
    const word = longestPrefix(rest, table.levelWords);
    const level = word ? table.data.levels[word] : undefined;
    if (!word || !level) break;
    levels.push(level);
    rest = rest.slice(word.length);
  }
  if (levels.length === 0 || (prefix === '' && rest !== '')) return null;
  return { levels: [...new Set(levels)], suffix: rest === '' ? null : rest };
}

function collectivePrefix(text: string, table: AliasTable): string | null {
  return longestPrefix(text, table.data.collectivePrefixes);
}

/** 省委 → 省, 中共福建省委 → 福建省: the scope a party committee's department gives a government one. */
function withoutParty(scopeText: string, table: AliasTable): string {
  const scope = parseScope(scopeText, table);
  if (scope?.body !== 'party') return scopeText;
  const party = longestPrefix(scopeText, table.data.partyPrefixes) ?? '';
  const stripped = scopeText.slice(party.length).replace(/党?委$/u, '');
  return stripped === '' ? scopeText : stripped;
}
