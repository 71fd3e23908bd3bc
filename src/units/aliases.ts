/**
 * The alias table (别名表): what the units module knows about unit names, as data.
 *
 * It ships as `templates/units/aliases.json` (schema in `templates/units/README.md`); a workspace or
 * `--aliases file.json` adds entries in the same shape. Loading validates every file and compiles the
 * merged data into lookups sorted longest first, so the rest of the module never reads raw JSON.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { normalizeUnitText } from './text.js';

export const ALIAS_SCHEMA_VERSION = 1;

/** Administrative level a scope stands for: 国家, 省 (省/自治区/直辖市), 市 (设区市/州/盟), 县 (县/区/旗). */
export type Level = '国家' | '省' | '市' | '县';

export interface ProvinceData {
  /** 全称: 福建省, 宁夏回族自治区 */
  name: string;
  /** 简称 used before unit names: 福建, 宁夏 */
  short: string;
  /** 一字简称 as used in 发文字号: 闽, 宁 */
  abbr: string[];
  /** 省 / 自治区 / 直辖市 / 特别行政区 */
  level: string;
  /** 设区市 (and 州, 盟) without their level word: 福州, 厦门 */
  cities: string[];
  /** Other place names that only this province has and that start unit names: 宁东, 贺兰山东麓 */
  places: string[];
}

export interface UnitClassData {
  /** 简称 as a clerk writes it after the scope: 发改委, 科技厅 */
  name: string;
  /** 全称: 发展和改革委员会; `{}` marks where the scope goes when it is not in front */
  full?: string;
  /** Other usual forms, same meaning; `{}` as in `full` (团{}委 → 团省委) */
  forms?: string[];
  /** 旧称 and forms of a predecessor: a match through them is only probable */
  former?: string[];
  /** 党委部门, 政府组成部门, 直属机构, 群团组织, 科研院所, 垂直管理机构, 领导小组 … */
  kind?: string;
}

export interface AliasData {
  schemaVersion: number;
  /** Level words and the level each stands for: 自治区 → 省, 设区市 → 市, 区 → 县 */
  levels: Record<string, Level>;
  /** Scopes meaning both sides of a pairing: 两省区农业农村厅 */
  sharedScopes: string[];
  /** Scopes meaning the central level: 国家能源局 */
  nationalScopes: string[];
  /** Prefixes of a party committee: 中共福建省委组织部 */
  partyPrefixes: string[];
  /** Words that make a list of many units: 各市, 有关设区市… */
  collectivePrefixes: string[];
  /** Words that start with a level character without being a scope: 市场, 省直 */
  notScopes: string[];
  /** Endings of names that carry their own place and take no prefix: 厦门大学 */
  selfNamedEndings: string[];
  /** Endings that make a word a unit rather than a bare place: 厅, 局, 委, 领导小组 (组) … */
  unitEndings: string[];
  /** Suffixes that stand for the same unit: X领导小组办公室 answers for X领导小组 */
  equivalentSuffixes: { written: string; means: string }[];
  /**
   * Endings the last unit of a 、 run gives the others when they end as `after` says:
   * 科技部、海洋局办公厅（办公室） → 科技部办公厅（办公室）; 泉州开发区、泉州台商投资区管委会 → 泉州开发区管委会
   */
  sharedSuffixes: { suffix: string; after: string[] }[];
  provinces: ProvinceData[];
  units: UnitClassData[];
  /** Classes that are probably, not certainly, the same unit: reported as uncertain, never taken */
  probable: { names: string[]; note: string }[];
}

export interface UnitClass {
  name: string;
  full: string;
  kind: string;
  /** name, full and forms, folded through equivalentSuffixes */
  forms: string[];
  former: string[];
}

export interface Place {
  text: string;
  province: ProvinceData;
  /** The 设区市 this place is, or null for the province itself or another place */
  city: string | null;
}

export interface UnitForm {
  form: string;
  unitClass: UnitClass;
  former: boolean;
  /** For forms with `{}`: what stands before and after the scope */
  around: { before: string; after: string } | null;
}

/** The compiled table: lookups sorted longest first. */
export interface AliasTable {
  data: AliasData;
  /** The files it was read from, for messages */
  files: string[];
  levelWords: string[];
  /** Known places longest first, by their first character */
  placesByFirstCharacter: Map<string, Place[]>;
  /** Unit forms longest first, by the last character a name written in that form ends with */
  unitFormsByLastCharacter: Map<string, UnitForm[]>;
  classes: Map<string, UnitClass>;
  probable: Map<string, { others: string[]; note: string }>;
}

/** Reads the shipped table and any extra files (a workspace's or `--aliases`), in that order. */
export function loadAliasTable(extraFiles: string[] = []): AliasTable {
  const shipped = shippedAliasFile();
  const base = readAliasFile(shipped, true) as AliasData;
  const merged = extraFiles.reduce((data, file) => mergeAliasData(data, readAliasFile(file, false)), base);
  return compileAliasTable(merged, [shipped, ...extraFiles]);
}

/** templates/units/aliases.json of this package, from src/ under vitest or from the bundled dist/. */
export function shippedAliasFile(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(folder, 'templates', 'units', 'aliases.json');
    if (existsSync(join(folder, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(folder);
    if (parent === folder) throw new UserError('找不到随程序安装的别名表 templates/units/aliases.json，请重新安装 gongwen。');
    folder = parent;
  }
}

function readAliasFile(file: string, complete: boolean): Partial<AliasData> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/u, '');
  } catch {
    throw new UserError(`读不到别名表 ${file}，请检查文件路径。`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`别名表 ${file} 不是有效的 JSON（${(error as Error).message}），请用文本编辑器改正。`);
  }
  const problem = aliasDataProblem(json, complete);
  if (problem) throw new UserError(`别名表 ${file} 格式不对：${problem}。`);
  return json as Partial<AliasData>;
}

/** What is wrong with a file's content, in Chinese, or null. The shipped file must have every field. */
export function aliasDataProblem(json: unknown, complete: boolean): string | null {
  if (!isRecord(json)) return '最外层应是一个对象 { … }';
  if (json.schemaVersion !== undefined && json.schemaVersion !== ALIAS_SCHEMA_VERSION) {
    return `schemaVersion 应为 ${ALIAS_SCHEMA_VERSION}`;
  }
  const lists = ['sharedScopes', 'nationalScopes', 'partyPrefixes', 'collectivePrefixes', 'notScopes', 'selfNamedEndings', 'unitEndings'];
  for (const key of lists) {
    if (json[key] === undefined ? complete : !isStringList(json[key])) return `${key} 应是字符串列表`;
  }
  const checks: [string, (value: unknown) => string | null][] = [
    ['levels', levelsProblem],
    ['equivalentSuffixes', (value) => listProblem(value, (entry) => hasStrings(entry, ['written', 'means'], []))],
    ['sharedSuffixes', (value) => listProblem(value, (entry) => hasStrings(entry, ['suffix'], []) ?? (isStringList(entry.after) ? null : '.after 应是字符串列表'))],
    ['provinces', (value) => listProblem(value, provinceProblem)],
    ['units', (value) => listProblem(value, (entry) => hasStrings(entry, ['name'], ['full', 'kind']) ?? hasLists(entry, ['forms', 'former']))],
    ['probable', (value) => listProblem(value, (entry) => hasStrings(entry, ['note'], []) ?? hasLists(entry, ['names']))],
  ];
  for (const [key, check] of checks) {
    if (json[key] === undefined) {
      if (complete) return `缺少 ${key}`;
      continue;
    }
    const problem = check(json[key]);
    if (problem) return `${key}${problem}`;
  }
  return null;
}

function levelsProblem(value: unknown): string | null {
  if (!isRecord(value)) return ' 应是对象，如 { "自治区": "省" }';
  const bad = Object.entries(value).find(([, level]) => !['国家', '省', '市', '县'].includes(level as string));
  return bad ? `.${bad[0]} 应为 国家、省、市 或 县` : null;
}

function provinceProblem(entry: Record<string, unknown>): string | null {
  return hasStrings(entry, ['name', 'short', 'level'], []) ?? hasLists(entry, ['abbr', 'cities', 'places']);
}

function listProblem(value: unknown, check: (entry: Record<string, unknown>) => string | null): string | null {
  if (!Array.isArray(value)) return ' 应是列表 [ … ]';
  for (const [index, entry] of value.entries()) {
    const problem = isRecord(entry) ? check(entry) : ' 应是对象 { … }';
    if (problem) return `[${index}]${problem}`;
  }
  return null;
}

function hasStrings(entry: Record<string, unknown>, required: string[], optional: string[]): string | null {
  for (const key of required) if (typeof entry[key] !== 'string' || entry[key] === '') return `.${key} 应是非空字符串`;
  for (const key of optional) if (entry[key] !== undefined && typeof entry[key] !== 'string') return `.${key} 应是字符串`;
  return null;
}

function hasLists(entry: Record<string, unknown>, keys: string[]): string | null {
  for (const key of keys) if (entry[key] !== undefined && !isStringList(entry[key])) return `.${key} 应是字符串列表`;
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Adds a file's entries to the table: lists are extended, levels overridden, a province merged by name,
 * and a unit that shares a name or form with a known class adds its forms to that class.
 */
export function mergeAliasData(base: AliasData, extra: Partial<AliasData>): AliasData {
  const unique = (a: string[], b: string[] | undefined): string[] => [...new Set([...a, ...(b ?? [])])];
  return {
    schemaVersion: base.schemaVersion,
    levels: { ...base.levels, ...extra.levels },
    sharedScopes: unique(base.sharedScopes, extra.sharedScopes),
    nationalScopes: unique(base.nationalScopes, extra.nationalScopes),
    partyPrefixes: unique(base.partyPrefixes, extra.partyPrefixes),
    collectivePrefixes: unique(base.collectivePrefixes, extra.collectivePrefixes),
    notScopes: unique(base.notScopes, extra.notScopes),
    selfNamedEndings: unique(base.selfNamedEndings, extra.selfNamedEndings),
    unitEndings: unique(base.unitEndings, extra.unitEndings),
    equivalentSuffixes: [...base.equivalentSuffixes, ...(extra.equivalentSuffixes ?? [])],
    sharedSuffixes: [...base.sharedSuffixes, ...(extra.sharedSuffixes ?? [])],
    provinces: (extra.provinces ?? []).reduce(mergeProvince, base.provinces),
    units: (extra.units ?? []).reduce(mergeUnit, base.units),
    probable: [...base.probable, ...(extra.probable ?? [])],
  };
}

function mergeProvince(provinces: ProvinceData[], extra: ProvinceData): ProvinceData[] {
  const known = provinces.find((province) => province.name === extra.name);
  if (!known) return [...provinces, { ...extra, abbr: extra.abbr ?? [], cities: extra.cities ?? [], places: extra.places ?? [] }];
  const merged: ProvinceData = {
    ...known,
    abbr: [...new Set([...known.abbr, ...(extra.abbr ?? [])])],
    cities: [...new Set([...known.cities, ...(extra.cities ?? [])])],
    places: [...new Set([...known.places, ...(extra.places ?? [])])],
  };
  return provinces.map((province) => (province === known ? merged : province));
}

function mergeUnit(units: UnitClassData[], extra: UnitClassData): UnitClassData[] {
  const written = (unit: UnitClassData): string[] => [unit.name, unit.full ?? unit.name, ...(unit.forms ?? []), ...(unit.former ?? [])];
  const extraForms = new Set(written(extra));
  const known = units.find((unit) => written(unit).some((form) => extraForms.has(form)));
  if (!known) return [...units, extra];
  const merged: UnitClassData = {
    ...known,
    forms: [...new Set([...(known.forms ?? []), ...written({ ...extra, former: [] })])].filter((form) => form !== known.name),
    former: [...new Set([...(known.former ?? []), ...(extra.former ?? [])])],
  };
  return units.map((unit) => (unit === known ? merged : unit));
}

/** Builds the lookups the module works with. */
export function compileAliasTable(data: AliasData, files: string[] = []): AliasTable {
  const fold = (text: string): string => foldSuffix(normalizeUnitText(text), data.equivalentSuffixes);
  const classes = new Map<string, UnitClass>();
  const unitForms: UnitForm[] = [];
  for (const unit of data.units) {
    const unitClass: UnitClass = {
      name: unit.name,
      full: unit.full ?? unit.name,
      kind: unit.kind ?? '',
      forms: [...new Set([unit.name, unit.full ?? unit.name, ...(unit.forms ?? [])].map(fold))],
      former: (unit.former ?? []).map(fold),
    };
    classes.set(unit.name, unitClass);
    for (const form of unitClass.forms) unitForms.push(unitFormOf(form, unitClass, false));
    for (const form of unitClass.former) unitForms.push(unitFormOf(form, unitClass, true));
  }
  return {
    data,
    files,
    levelWords: longestFirst(Object.keys(data.levels)),
    placesByFirstCharacter: byCharacter(placesOf(data.provinces), (place) => place.text[0]!),
    unitFormsByLastCharacter: byLastCharacter(unitForms.sort((a, b) => b.form.length - a.form.length || Number(a.former) - Number(b.former))),
    classes,
    probable: probableOf(data, unitForms),
  };
}

/** Items grouped by a character, each group in the items' order: a lookup reads one group, not the list. */
function byCharacter<T>(items: T[], characterOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const character = characterOf(item);
    const group = groups.get(character);
    if (group) group.push(item);
    else groups.set(character, [item]);
  }
  return groups;
}

/** Forms by the character a name in that form ends with; a form such as 人民银行{} (any ending) is in every group. */
function byLastCharacter(unitForms: UnitForm[]): Map<string, UnitForm[]> {
  const endingOf = (unitForm: UnitForm): string => (unitForm.around ? unitForm.around.after : unitForm.form).at(-1) ?? '';
  const groups = byCharacter(unitForms, endingOf);
  if (!groups.has('')) return groups;
  return new Map([...groups.keys()].map((character) => [character, unitForms.filter((form) => [character, ''].includes(endingOf(form)))]));
}

function unitFormOf(form: string, unitClass: UnitClass, former: boolean): UnitForm {
  const slot = form.indexOf('{}');
  const around = slot < 0 ? null : { before: form.slice(0, slot), after: form.slice(slot + 2) };
  return { form: form.replace('{}', ''), unitClass, former, around };
}

function placesOf(provinces: ProvinceData[]): Place[] {
  const places = provinces.flatMap((province) => [
    { text: province.name, province, city: null },
    { text: province.short, province, city: null },
    ...province.cities.map((city) => ({ text: city, province, city })),
    ...province.places.map((place) => ({ text: place, province, city: null })),
  ]);
  // A province's own name comes before a city of the same name (吉林省 / 吉林市).
  return places.sort((a, b) => b.text.length - a.text.length || Number(a.city !== null) - Number(b.city !== null));
}

/** probable[] names any form of a class; the map links class names both ways. */
function probableOf(data: AliasData, unitForms: UnitForm[]): Map<string, { others: string[]; note: string }> {
  const classOf = (name: string): string | undefined => unitForms.find((form) => form.form === name)?.unitClass.name;
  const links = new Map<string, { others: string[]; note: string }>();
  for (const entry of data.probable) {
    const names = entry.names.map(classOf).filter((name): name is string => name !== undefined);
    for (const name of names) {
      const link = links.get(name) ?? { others: [], note: entry.note };
      link.others.push(...names.filter((other) => other !== name && !link.others.includes(other)));
      links.set(name, link);
    }
  }
  return links;
}

/** X领导小组办公室 → X领导小组: the written suffix replaced by the one it answers for. */
export function foldSuffix(text: string, suffixes: AliasData['equivalentSuffixes']): string {
  const suffix = suffixes.find((entry) => text.endsWith(entry.written));
  return suffix ? text.slice(0, text.length - suffix.written.length) + suffix.means : text;
}

function longestFirst(words: string[]): string[] {
  return [...words].sort((a, b) => b.length - a.length);
}
