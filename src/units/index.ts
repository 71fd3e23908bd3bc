/**
 * The units module (单位名称): the alias table, expansion of written unit lists, the recipients of a
 * letter (with the members a clerk's 名单 gives its groups), and matching unit names to them. Data-driven: what it knows about names is in
 * templates/units/aliases.json (schema in templates/units/README.md) plus a workspace's additions.
 */
export { loadAliasTable, compileAliasTable, mergeAliasData, type AliasData, type AliasTable } from './aliases.js';
export { expandUnitList, parseCollective, type ExpandedItem, type ListItem } from './expand.js';
export { unitMatcher, type Certainty, type UnitMatcher } from './match.js';
export { describeUnit, type Scope, type UnitName } from './names.js';
export { resolveUnits, homeOfLetter, type ResolvedUnits } from './resolve.js';
export type { MemberList } from './recipients.js';
