/**
 * Matching a unit name to the recipients (受文单位): exact, through the alias table, through a scope
 * (两省区X → X on this side; 各市、县（区） → every city-level recipient; 福州市 → the recipients of 福州),
 * and, when it is only probable
 * (a former name, a `probable` pair of the table, a name contained in another), as uncertain.
 */
import type { Recipient } from '../model/outline.js';
import type { AliasTable, ProvinceData } from './aliases.js';
import { parseCollective, type Collective } from './expand.js';
import { describeUnit, isBarePlace, parseScope, placeAt, type Scope, type UnitName } from './names.js';
import { bracketVariants, groupKey, normalizeUnitText } from './text.js';

export type Certainty = 'exact' | 'alias' | 'uncertain';

/** A recipient with its name read once. */
export interface Candidate {
  recipient: Recipient;
  unit: UnitName;
  /** Its place among the recipients */
  index: number;
}

/** The recipients, read once and looked up by name, by any way of writing them, and by identity. */
export interface Candidates {
  all: Candidate[];
  /** Normalised name → the recipients of that name */
  byName: Map<string, Candidate[]>;
  /** Normalised name or alias → the recipients written so */
  byWritten: Map<string, Candidate[]>;
  /** UnitName.identity → the recipients of that identity */
  byIdentity: Map<string, Candidate[]>;
}

export interface MatchContext {
  table: AliasTable;
  /** The province the letter is written in (this side of a pairing), when known */
  home: ProvinceData | null;
  candidates: Candidates;
  /** A group's name (groupKey) → the recipients it was expanded into */
  groups: Map<string, Recipient[]>;
}

export type MentionMatch =
  | { kind: 'matched'; recipients: Recipient[]; certainty: 'exact' | 'alias' }
  | { kind: 'collective'; recipients: Recipient[] }
  | { kind: 'uncertain'; recipients: Recipient[]; reason: string }
  | { kind: 'other-side'; province: ProvinceData }
  | { kind: 'none' };

export function candidatesOf(recipients: Recipient[], table: AliasTable): Candidates {
  const candidates: Candidates = { all: [], byName: new Map(), byWritten: new Map(), byIdentity: new Map() };
  for (const [index, recipient] of recipients.entries()) {
    const candidate = { recipient, unit: describeUnit(recipient.name, table), index };
    candidates.all.push(candidate);
    const name = normalizeUnitText(recipient.name);
    addTo(candidates.byName, name, candidate);
    for (const written of new Set([name, ...recipient.aliases.map(normalizeUnitText)])) addTo(candidates.byWritten, written, candidate);
    addTo(candidates.byIdentity, candidate.unit.identity, candidate);
  }
  return candidates;
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Which recipients a written unit name stands for. */
export function matchMention(name: string, context: MatchContext): MentionMatch {
  const text = normalizeUnitText(name);
  const { candidates, table } = context;
  const exact = candidates.byName.get(text) ?? [];
  if (exact.length > 0) return { kind: 'matched', recipients: exact.map((c) => c.recipient), certainty: 'exact' };
  const group = context.groups.get(groupKey(text));
  if (group) return { kind: 'collective', recipients: group };
  const collective = parseCollective(text, table);
  if (collective) return { kind: 'collective', recipients: collectiveMembers(collective, context) };
  const city = cityMembers(text, context);
  if (city.length > 0) return { kind: 'collective', recipients: city };
  const listed = candidates.byWritten.get(text) ?? [];
  if (listed.length === 1) return { kind: 'matched', recipients: listed.map((c) => c.recipient), certainty: 'alias' };

  const units = bracketVariants(text).map((variant) => describeUnit(variant, table));
  return (
    throughTable(units, context) ??
    probable(units, context) ??
    otherSide(units, context) ??
    { kind: 'none' }
  );
}

/** Same class (or same text after the scope) and scopes that agree. */
function throughTable(units: UnitName[], context: MatchContext): MentionMatch | null {
  const current = units.filter((unit) => !unit.former);
  const identities = new Set(current.map((unit) => unit.identity));
  const verdicts = [...identities]
    .flatMap((identity) => context.candidates.byIdentity.get(identity) ?? [])
    .sort((a, b) => a.index - b.index)
    .map((candidate) => ({ candidate, verdict: bestVerdict(current, candidate, context.home) }));
  const sure = verdicts.filter((v) => v.verdict === 'yes').map((v) => v.candidate.recipient);
  if (sure.length === 1) return { kind: 'matched', recipients: sure, certainty: 'alias' };
  if (sure.length > 1) return { kind: 'uncertain', recipients: sure, reason: '有几个受文单位都可能是它' };
  const assumed = verdicts.filter((v) => v.verdict === 'assumed').map((v) => v.candidate.recipient);
  if (assumed.length > 0) return { kind: 'uncertain', recipients: assumed, reason: '来函没有表明本方所在的省份' };
  return null;
}

function bestVerdict(units: UnitName[], candidate: Candidate, home: ProvinceData | null): Verdict {
  const verdicts = units.filter((unit) => unit.identity === candidate.unit.identity).map((unit) => compareScopes(unit.scope, candidate.unit.scope, home));
  if (verdicts.includes('yes')) return 'yes';
  return verdicts.includes('assumed') ? 'assumed' : 'no';
}

/** A former name, a probable pair of the table, or one name inside the other: never taken, only reported. */
function probable(units: UnitName[], context: MatchContext): MentionMatch | null {
  const { home, table } = context;
  const candidates = context.candidates.all;
  for (const unit of units) {
    const className = unit.unitClass?.name;
    const agree = (candidate: Candidate): boolean => compareScopes(unit.scope, candidate.unit.scope, home) !== 'no';
    if (unit.former && className) {
      const same = candidates.filter((c) => c.unit.unitClass?.name === className && agree(c));
      if (same.length > 0) return { kind: 'uncertain', recipients: same.map((c) => c.recipient), reason: `“${unit.text}”是旧称` };
    }
    const link = className ? table.probable.get(className) : undefined;
    if (link) {
      const linked = candidates.filter((c) => link.others.includes(c.unit.unitClass?.name ?? '') && agree(c));
      if (linked.length > 0) return { kind: 'uncertain', recipients: linked.map((c) => c.recipient), reason: link.note };
    }
    const rest = unit.identity.replace(/^name:/u, '');
    if (!unit.unitClass && rest.length >= 3) {
      const near = candidates.filter((c) => !c.unit.unitClass && containsEither(c.unit.identity.replace(/^name:/u, ''), rest) && agree(c));
      if (near.length > 0) return { kind: 'uncertain', recipients: near.map((c) => c.recipient), reason: '名称相近但不相同' };
    }
  }
  return null;
}

function containsEither(a: string, b: string): boolean {
  return a !== b && (a.includes(b) || b.includes(a));
}

/** 宁夏…, 宁东管委会: a unit placed in another province than the letter's is the other side, not a recipient. */
function otherSide(units: UnitName[], context: MatchContext): MentionMatch | null {
  if (!context.home) return null;
  for (const unit of units) {
    if (unit.scope.shared) continue;
    const province = unit.province ?? placeAt(unit.text, context.table)?.province ?? null;
    if (province && province !== context.home) return { kind: 'other-side', province };
  }
  return null;
}

/** The recipients a collective stands for: 各市、县（区） → every city- and county-level recipient. */
function collectiveMembers(collective: Collective, context: MatchContext): Recipient[] {
  const local = collective.levels.some((level) => level === '市' || level === '县');
  const provincial = collective.levels.includes('省');
  const suffix = collective.suffix === null ? null : describeUnit(collective.suffix, context.table).identity;
  return context.candidates.all
    .filter(({ unit }) => {
      const level = unit.scope.level;
      const levelFits = (local && (level === '市' || level === '县')) || (provincial && level === '省' && unit.scope.province !== null);
      return levelFits && (suffix === null || unit.identity === suffix);
    })
    .map((candidate) => candidate.recipient);
}

/** A city named alone (福州市, 福州) stands for the recipients of that city. */
function cityMembers(text: string, context: MatchContext): Recipient[] {
  if (!isBarePlace(text, context.table)) return [];
  const scope = parseScope(text, context.table);
  if (!scope?.city) return [];
  return context.candidates.all
    .filter(({ unit }) => unit.scope.city === scope.city && unit.scope.province === scope.province)
    .map((candidate) => candidate.recipient);
}

type Verdict = 'yes' | 'assumed' | 'no';

interface PlacedScope {
  national: boolean;
  /** 两省区: this side, at the level of the pairing, never a city's unit */
  shared: boolean;
  province: ProvinceData | null;
  city: string | null;
  level: string | null;
  body: Scope['body'];
  /** Placed in the letter's province only because the letter's province is unknown */
  assumed: boolean;
}

/** A scope put on the map: 省 and 两省区 mean the letter's own province. Null when there is no scope. */
function placed(scope: Scope, home: ProvinceData | null): PlacedScope | null {
  if (scope.text === '') return null;
  if (scope.national) return { national: true, shared: false, province: null, city: null, level: '国家', body: scope.body, assumed: false };
  return {
    national: false,
    shared: scope.shared,
    province: scope.province ?? home,
    city: scope.city,
    level: scope.shared ? null : (scope.level ?? (scope.city ? '市' : null)),
    body: scope.body,
    assumed: scope.province === null && home === null,
  };
}

/** Whether two scopes can name the same unit; 'assumed' when that rests on an unknown home province. */
export function compareScopes(a: Scope, b: Scope, home: ProvinceData | null): Verdict {
  const x = placed(a, home);
  const y = placed(b, home);
  if (!x || !y) return 'yes';
  if (x.national !== y.national) return 'no';
  if (x.province && y.province && x.province !== y.province) return 'no';
  if (x.city && y.city && x.city !== y.city) return 'no';
  if ((x.city && (y.level === '省' || y.shared)) || (y.city && (x.level === '省' || x.shared))) return 'no';
  if (x.level && y.level && x.level !== y.level) return 'no';
  if (x.body && y.body && x.body !== y.body) return 'no';
  const oneSideUnknown = (x.province === null) !== (y.province === null);
  return oneSideUnknown && (x.assumed || y.assumed) ? 'assumed' : 'yes';
}

/** One name → the recipient it stands for and how surely, or null. */
export type UnitMatcher = (text: string) => { recipient: Recipient; certainty: Certainty } | null;

/**
 * One name → one recipient, for the tracking code (a reply's 署名, a file name's unit):
 * 福建省科学技术厅 → 省科技厅 (alias); …领导小组办公室 → …领导小组. Null when nothing fits or the name is
 * a collective or a unit of another province. The recipients are read once, when the first name is asked
 * (an inbox of our own forms, which name their recipient inside, never asks).
 */
export function unitMatcher(recipients: Recipient[], aliases: AliasTable): UnitMatcher {
  let context: MatchContext | null = null;
  return (text) => {
    context ??= {
      table: aliases,
      home: homeOfNames(recipients.flatMap((recipient) => [recipient.name, ...recipient.aliases]), aliases),
      candidates: candidatesOf(recipients, aliases),
      groups: new Map(),
    };
    const match = matchMention(text, context);
    if (match.kind !== 'matched' && match.kind !== 'uncertain') return null;
    const [recipient] = match.recipients;
    if (!recipient) return null;
    const certainty = match.kind === 'matched' && match.recipients.length === 1 ? match.certainty : 'uncertain';
    return { recipient, certainty };
  };
}

/**
 * The province most of the names are placed in (厦门大学, 中共福建省委组织部 → 福建): at least two names, and
 * more than any other province; else null (one 新疆生产建设兵团 among national recipients says nothing).
 */
export function homeOfNames(names: string[], table: AliasTable): ProvinceData | null {
  const counts = new Map<ProvinceData, number>();
  for (const name of names) {
    const province = firstPlaceIn(normalizeUnitText(name), table);
    if (province) counts.set(province, (counts.get(province) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 2 || (second && second[1] === first[1])) return null;
  return first[0];
}

function firstPlaceIn(text: string, table: AliasTable): ProvinceData | null {
  for (let start = 0; start < text.length; start++) {
    const place = placeAt(text.slice(start), table);
    if (place && place.text.length >= 2) return place.province;
  }
  return null;
}
