// Random text never breaks the units module: expansion, matching and resolving always return.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeUnit, expandUnitList, parseCollective, resolveUnits, unitMatcher } from '../../src/units/index.js';
import type { Recipient, UnitListItem } from '../../src/model/outline.js';
import { itemsOf, outlineOf, table, task, unitList } from './support.js';

/** Characters unit names are made of, with brackets and separators, so random text reaches every rule. */
const unitChars = fc.constantFrom(...'省市县区州两各有关国家中共福建宁夏厦门莆田东麓委厅局办部会院队组室团工联大学发改科技（）〔〕()[]、，；{} 　\n');
const unitText = fc.array(unitChars, { maxLength: 40 }).map((chars) => chars.join(''));
const anyText = fc.oneof(unitText, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
const item = fc.record({
  raw: anyText,
  separator: fc.constantFrom('、', '，', '；', ''),
  line: fc.nat(200),
  column: fc.nat(200),
});
const recipients: Recipient[] = ['省科技厅', '省发改委', '厦门大学', '福州市对口支援工作领导小组', '团省委'].map((name, i) => ({
  id: `r0${i + 1}`, name, group: null, aliases: [], tasks: [],
}));

describe('the units module on random text', () => {
  it('reads any name and any list', () => {
    fc.assert(
      fc.property(anyText, fc.array(item, { maxLength: 12 }), (text, items: UnitListItem[]) => {
        expect(typeof describeUnit(text, table).identity).toBe('string');
        parseCollective(text, table);
        const expanded = expandUnitList(items, table);
        expect(expanded.length).toBe(items.length);
        expect(expandUnitList(itemsOf(text), table).every((e) => e.units.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('matches any name to the recipients without throwing', () => {
    const matchUnit = unitMatcher(recipients, table);
    fc.assert(
      fc.property(anyText, (text) => {
        const found = matchUnit(text);
        expect(found === null || recipients.includes(found.recipient)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('resolves any outline made of random main recipients, lists and tasks', () => {
    fc.assert(
      fc.property(fc.array(unitText, { maxLength: 4 }), unitText, fc.array(unitText, { maxLength: 4 }), (mains, list, clauses) => {
        const outline = outlineOf({
          issuer: mains[0] ?? null,
          mainRecipients: mains,
          unitLists: [unitList(mains[0] ?? '名单', list, 10)],
          tasks: clauses.map((clause, index) => task(index + 1, clause, 20 + index)),
        });
        const resolved = resolveUnits(outline, table);
        expect(new Set(resolved.recipients.map((r) => r.id)).size).toBe(resolved.recipients.length);
        expect(resolved.tasks.length).toBe(clauses.length);
      }),
      { numRuns: 300 },
    );
  });
});
