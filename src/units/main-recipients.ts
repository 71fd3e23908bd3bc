/**
 * A 主送 run read as the units it names. The letter joins units with 、 and writes what they share once:
 * - a collective stays whole: 各省、自治区、直辖市人民政府; 各县（市、区）人民政府 (a 、 inside brackets never splits);
 * - a shared ending: 发展改革委、科技部、…、海洋局办公厅（办公室） → 发展改革委办公厅（办公室）, 科技部办公厅（办公室）…;
 *   泉州开发区、泉州台商投资区管委会 → 泉州开发区管委会, 泉州台商投资区管委会 (templates/units/aliases.json, sharedSuffixes);
 * - a shared head before 各/有关: 国务院各部委、各直属机构 → 国务院各部委, 国务院各直属机构;
 * - a shared scope or place, as in any unit list: 市发展改革委、财政局、人社局 → 市财政局 …; 福州、厦门市教育局.
 * A run whose parts would not all read as units (a name cut in two) is kept as written.
 */
import type { AliasTable } from './aliases.js';
import { expandUnitList, parseCollective, type ListItem } from './expand.js';
import { describeUnit, parseScope } from './names.js';
import { longestPrefix, normalizeUnitText } from './text.js';

const OPENING = new Set('(（〔［[【');
const CLOSING = new Set(')）〕］]】');
/** Endings of a name that says what kind of units, not which: 直属单位, 派出机构, 有关部门 */
const GENERIC_ENDINGS = ['单位', '机构', '部门'];

export function splitMainRecipient(main: string, table: AliasTable): string[] {
  const parts = partsOf(main);
  if (parts.length < 2) return [main];
  const merged = withCollectiveEnding(mergedCollectives(parts, table), table);
  const units = withScopes(withSharedSuffix(withSharedHead(merged, table), table), table);
  return units.length > 1 && units.every((unit) => readsAsUnit(unit, table)) ? units : [main];
}

/** The run split at each 、 outside brackets. */
function partsOf(main: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < main.length; index++) {
    const char = main[index] ?? '';
    if (OPENING.has(char)) depth += 1;
    else if (CLOSING.has(char) && depth > 0) depth -= 1;
    else if (depth === 0 && char === '、') {
      parts.push(main.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(main.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** 各省、自治区、直辖市人民政府: a collective's level words, each a part, joined back into one. */
function mergedCollectives(parts: string[], table: AliasTable): string[] {
  const merged: string[] = [];
  for (let start = 0; start < parts.length; start++) {
    const first = parts[start] ?? '';
    let end = start;
    if (collectivePrefix(first, table) !== null && isBareCollective(first, table)) {
      // The parts after it that start with a level word: 自治区, 直辖市人民政府.
      let last = start;
      while (last + 1 < parts.length && longestPrefix(normalizeUnitText(parts[last + 1] ?? ''), table.levelWords) !== null) last++;
      for (let candidate = last; candidate > start; candidate--) {
        const between = parts.slice(start + 1, candidate);
        if (between.every((part) => isBareCollective(part, table)) && parseCollective(parts.slice(start, candidate + 1).join('、'), table)) {
          end = candidate;
          break;
        }
      }
    }
    merged.push(parts.slice(start, end + 1).join('、'));
    start = end;
  }
  return merged;
}

/** 各省, 自治区, 县（区）: level words alone, with or without 各. */
function isBareCollective(text: string, table: AliasTable): boolean {
  const collective = parseCollective(text, table);
  return collective !== null && collective.suffix === null;
}

/**
 * 各设区市、平潭综合实验区人民政府: collectives' level words alone before a placed unit take what follows its
 * place (各设区市人民政府).
 */
function withCollectiveEnding(parts: string[], table: AliasTable): string[] {
  const last = normalizeUnitText(parts.at(-1) ?? '');
  const others = parts.slice(0, -1);
  if (others.length === 0 || !others.every((part) => collectivePrefix(normalizeUnitText(part), table) !== null && isBareCollective(part, table))) return parts;
  for (let end = last.length - 1; end > 0; end--) {
    const ending = last.slice(end);
    if (parseScope(last.slice(0, end), table) === null || !readsAsUnit(ending, table) || longestPrefix(ending, table.levelWords) !== null) continue;
    return [...others.map((part) => part + ending), ...parts.slice(-1)];
  }
  return parts;
}

/** 国务院各部委、各直属机构: what stands before the first part's 各 or 有关 heads the parts after it. */
function withSharedHead(parts: string[], table: AliasTable): string[] {
  const [first, ...rest] = parts;
  if (first === undefined) return parts;
  const text = normalizeUnitText(first);
  for (let at = 1; at < text.length; at++) {
    const prefix = collectivePrefix(text.slice(at), table);
    if (prefix === null) continue;
    const head = text.slice(0, at);
    if (parseCollective(text, table) || !readsAsUnit(head, table)) return parts;
    return [first, ...rest.map((part) => headed(part, head, prefix, table))];
  }
  return parts;
}

/**
 * 各直属机构 → 国务院各直属机构; 直属单位 → 环境保护部各直属单位; a unit of its own (财政部) or a group with
 * its own head (省直各单位) stays.
 */
function headed(part: string, head: string, prefix: string, table: AliasTable): string {
  const text = normalizeUnitText(part);
  if (collectivePrefix(text, table) !== null) return head + part;
  const { data } = table;
  const ownHead = data.collectivePrefixes.some((word) => text.includes(word)) || longestPrefix(text, [...data.notScopes, ...table.levelWords]) !== null;
  const generic = GENERIC_ENDINGS.some((ending) => text.endsWith(ending)) && describeUnit(text, table).unitClass === null;
  return generic && !ownHead ? head + prefix + part : part;
}

/**
 * 科技部、海洋局办公厅（办公室）: the last part's ending, given to every other part when all of them end as
 * that ending wants (a ministry for 办公厅, a zone for 管委会) and none has an ending of its own.
 * 市政府办公室 gives nothing: what stands before 办公室 there is a scope, not a unit.
 */
function withSharedSuffix(parts: string[], table: AliasTable): string[] {
  const last = normalizeUnitText(parts.at(-1) ?? '');
  const shared = [...table.data.sharedSuffixes]
    .sort((a, b) => b.suffix.length - a.suffix.length)
    .find(({ suffix }) => last.endsWith(normalizeUnitText(suffix)) && last.length > normalizeUnitText(suffix).length);
  if (!shared) return parts;
  const suffix = normalizeUnitText(shared.suffix);
  const stem = last.slice(0, last.length - suffix.length);
  const fits = (text: string): boolean => shared.after.some((ending) => text.endsWith(ending));
  const others = parts.slice(0, -1).map(normalizeUnitText);
  const endsOwn = (text: string): boolean => table.data.sharedSuffixes.some((entry) => text.endsWith(normalizeUnitText(entry.suffix)));
  if (parseScope(stem, table) !== null || !fits(stem) || !others.every((text) => fits(text) && !endsOwn(text) && !parseCollective(text, table))) return parts;
  return [...parts.slice(0, -1).map((part) => part + shared.suffix), ...parts.slice(-1)];
}

/** 市发展改革委、财政局 → 市财政局; 福州、厦门市教育局 → 福州市教育局: the unit lists' own rules, collectives aside. */
function withScopes(parts: string[], table: AliasTable): string[] {
  const units: string[] = [];
  let run: ListItem[] = [];
  const flush = (): void => {
    units.push(...expandUnitList(run, table).flatMap((expanded) => expanded.units));
    run = [];
  };
  for (const part of parts) {
    if (isGroup(part, table)) {
      flush();
      units.push(part);
    } else {
      run.push({ raw: part, separator: '、', line: 0, column: 0 });
    }
  }
  const last = run.at(-1);
  if (last) last.separator = '';
  flush();
  return units;
}

/** 各有关单位, 国务院各部委, 各市（州）人民政府: a name that stands for several units. */
function isGroup(text: string, table: AliasTable): boolean {
  const normalized = normalizeUnitText(text);
  return parseCollective(normalized, table) !== null || table.data.collectivePrefixes.some((prefix) => normalized.includes(prefix));
}

/**
 * Whether a text ends as a unit's name does (…厅, …局（办）, …部门, 新疆生产建设兵团), or names a group; false
 * for a name cut short (省农业农, 海洋局办公厅（办公) or a bare place.
 */
export function readsAsUnit(text: string, table: AliasTable): boolean {
  const whole = normalizeUnitText(text);
  if ((whole.match(/（/gu)?.length ?? 0) !== (whole.match(/）/gu)?.length ?? 0)) return false;
  const normalized = whole.replace(/（[^（）]*）$/u, '');
  if (normalized === '') return false;
  if (isGroup(normalized, table)) return true;
  const unit = describeUnit(normalized, table);
  return unit.unitClass !== null || unit.selfNamed || [...table.data.unitEndings, ...GENERIC_ENDINGS].some((ending) => normalized.endsWith(ending));
}

function collectivePrefix(text: string, table: AliasTable): string | null {
  return longestPrefix(text, table.data.collectivePrefixes);
}
