/**
 * Reading one unit name: its scope (范围: 省, 福建省, 中共福建省委, 两省区, 国家 …) and what stands after it,
 * resolved through the alias table to a unit class (发改委 = 发展改革委 = 发展和改革委员会) or kept as text.
 */
import type { AliasTable, Level, Place, ProvinceData, UnitClass } from './aliases.js';
import { foldSuffix } from './aliases.js';
import { longestPrefix, normalizeUnitText } from './text.js';

export interface Scope {
  /** As written: 两省区, 省, 福建省, 中共福建省委, 福州市 */
  text: string;
  /** 两省区: each side of a pairing */
  shared: boolean;
  national: boolean;
  province: ProvinceData | null;
  city: string | null;
  level: Level | null;
  /** 省委 (party) or 省政府 (government), when the scope says so */
  body: 'party' | 'government' | null;
}

export const NO_SCOPE: Scope = { text: '', shared: false, national: false, province: null, city: null, level: null, body: null };

export interface UnitName {
  /** The name normalised and folded (…领导小组办公室 → …领导小组) */
  text: string;
  scope: Scope;
  /** What makes two names the same unit once scopes agree: the class, or the text after the scope */
  identity: string;
  unitClass: UnitClass | null;
  /** Read through a former name (经信委 for 工信厅): only probably the same unit */
  former: boolean;
  /** Carries its own place inside (厦门大学, 团省委, 国家金融监管总局福建省分局): takes no prefix */
  selfNamed: boolean;
  /** The province the name places the unit in, from its scope or from the place it starts with */
  province: ProvinceData | null;
}

/** Names already read, per table: a letter names the same units again and again (its lists, its tasks). */
const described = new WeakMap<AliasTable, Map<string, UnitName>>();

/** Reads a unit name. Never throws; a name the table does not know keeps its text as identity. */
export function describeUnit(name: string, table: AliasTable): UnitName {
  const known = described.get(table) ?? described.set(table, new Map()).get(table)!;
  let unit = known.get(name);
  if (unit === undefined) {
    const text = foldSuffix(normalizeUnitText(name), table.data.equivalentSuffixes);
    unit = classified(text, table) ?? selfNamed(text, table) ?? literal(text, table);
    known.set(name, unit);
  }
  return unit;
}

function classified(text: string, table: AliasTable): UnitName | null {
  const { unitFormsByLastCharacter: forms } = table;
  for (const unitForm of forms.get(text.at(-1) ?? '') ?? forms.get('') ?? []) {
    const scopeText = scopeTextFor(text, unitForm.form, unitForm.around);
    if (scopeText === null) continue;
    const scope = parseScope(scopeText, table);
    if (!scope) continue;
    return {
      text,
      scope,
      identity: `class:${unitForm.unitClass.name}`,
      unitClass: unitForm.unitClass,
      former: unitForm.former,
      selfNamed: unitForm.around !== null && scopeText !== '',
      province: scope.province,
    };
  }
  return null;
}

/** The scope a form leaves: 省发改委 with 发改委 → 省; 团省委 with 团{}委 → 省; null when the form does not fit. */
function scopeTextFor(text: string, form: string, around: { before: string; after: string } | null): string | null {
  if (!around) return text.endsWith(form) ? text.slice(0, text.length - form.length) : null;
  const { before, after } = around;
  if (text.length < before.length + after.length || !text.startsWith(before) || !text.endsWith(after)) return null;
  return text.slice(before.length, text.length - after.length);
}

function selfNamed(text: string, table: AliasTable): UnitName | null {
  if (!table.data.selfNamedEndings.some((ending) => text.endsWith(ending) && text.length > ending.length)) return null;
  return { text, scope: NO_SCOPE, identity: `name:${text}`, unitClass: null, former: false, selfNamed: true, province: placeAt(text, table)?.province ?? null };
}

/**
 * A unit the table does not know: the longest prefix that reads as a scope, and the rest as identity.
 * A name that starts with a place other than a province or city (贺兰山东麓葡萄酒产业园区管委会, 宁东管委会) and
 * is not one of the table's classes (平潭综合实验区发改委 is) is named after that place, which is no scope to
 * cut off: it is whole, placed in the place's province.
 */
function literal(text: string, table: AliasTable): UnitName {
  const place = placeAt(text, table);
  if (place && isNamingPlace(place) && text.length > place.text.length) {
    return { text, scope: NO_SCOPE, identity: `name:${text}`, unitClass: null, former: false, selfNamed: true, province: place.province };
  }
  for (let end = text.length - 2; end > 0; end--) {
    if (splitsWord(text, end, table)) continue;
    const scope = parseScope(text.slice(0, end), table);
    if (scope) {
      const rest = text.slice(end);
      return { text, scope, identity: `name:${rest}`, unitClass: null, former: false, selfNamed: false, province: scope.province };
    }
  }
  return { text, scope: NO_SCOPE, identity: `name:${text}`, unitClass: null, former: false, selfNamed: false, province: null };
}

/** True when cutting at `at` would split a word such as 市场 or 省直 (notScopes). */
function splitsWord(text: string, at: number, table: AliasTable): boolean {
  return table.data.notScopes.some((word) => {
    for (let start = text.indexOf(word); start >= 0; start = text.indexOf(word, start + 1)) {
      if (start < at && at < start + word.length) return true;
    }
    return false;
  });
}

/**
 * A whole string read as a scope, or null: '' (none), 两省区 [党委|政府], 国家, or
 * [中共] [place [level]]{0,2} [level] [委|党委|人民政府|政府], with at least one part present.
 */
export function parseScope(text: string, table: AliasTable): Scope | null {
  if (text === '') return NO_SCOPE;
  const shared = longestPrefix(text, table.data.sharedScopes);
  if (shared) {
    const body = bodyAt(text.slice(shared.length));
    if (text === shared || body) return { ...NO_SCOPE, text, shared: true, body: body?.body ?? null };
  }
  if (table.data.nationalScopes.includes(text)) return { ...NO_SCOPE, text, national: true, level: '国家' };
  const scope: Scope = { ...NO_SCOPE, text };
  let rest = text;
  const party = longestPrefix(rest, table.data.partyPrefixes);
  if (party) {
    scope.body = 'party';
    rest = rest.slice(party.length);
  }
  for (let places = 0; places < 2; places++) {
    const place = placeAt(rest, table);
    if (!place) break;
    rest = rest.slice(place.text.length);
    const level = levelAt(rest, table);
    if (level) rest = rest.slice(level.length);
    placeScope(scope, place, level ? table.data.levels[level] : undefined);
  }
  if (!scope.province) {
    const level = levelAt(rest, table);
    if (level) {
      scope.level = table.data.levels[level] ?? null;
      rest = rest.slice(level.length);
    }
  }
  const body = bodyAt(rest);
  if (body) {
    scope.body = body.body;
    rest = rest.slice(body.text.length);
  }
  const named = scope.province !== null || scope.level !== null || scope.body !== null;
  return rest === '' && named ? scope : null;
}

/** Records a place in the scope: a province, its 设区市, or another place of it (宁东). */
function placeScope(scope: Scope, place: Place, level: Level | undefined): void {
  scope.province = place.province;
  // 吉林市: the province's short name with a city's level word is the city of that name.
  const city = place.city ?? (level === '市' && place.province.cities.includes(place.text) ? place.text : null);
  if (city) {
    scope.city = city;
    scope.level = '市';
  } else if (place.text === place.province.name || place.text === place.province.short) {
    scope.level = '省';
  }
}

/** 宁东, 贺兰山东麓, 中关村: a place that names units (provinces.places), not a province or a city. */
function isNamingPlace(place: Place): boolean {
  return place.city === null && place.text !== place.province.name && place.text !== place.province.short;
}

/** The longest known place the text starts with. */
export function placeAt(text: string, table: AliasTable): Place | null {
  return table.placesByFirstCharacter.get(text[0] ?? '')?.find((place) => text.startsWith(place.text)) ?? null;
}

function levelAt(text: string, table: AliasTable): string | null {
  return longestPrefix(text, table.levelWords);
}

function bodyAt(text: string): { text: string; body: 'party' | 'government' } | null {
  for (const word of ['党委', '委']) if (text === word) return { text: word, body: 'party' };
  for (const word of ['人民政府', '政府']) if (text === word) return { text: word, body: 'government' };
  return null;
}

/** Whether a word is only a place or a level word (福州, 莆田市, 省), the head of a suffix distribution. */
export function isBarePlace(text: string, table: AliasTable): boolean {
  const normalized = normalizeUnitText(text);
  if (normalized === '' || table.data.unitEndings.some((ending) => normalized.endsWith(ending))) return false;
  const scope = parseScope(normalized, table);
  return scope !== null && !scope.shared && !scope.national && scope.body === null;
}
