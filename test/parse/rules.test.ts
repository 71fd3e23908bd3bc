// One rule table: every diagnostic any letter raises names a rule of model/rules.ts with that rule's
// severity, and the README lists every rule.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, isRuleId } from '../../src/model/rules.js';
import { parseLetter } from '../../src/outline/parse.js';
import { fixture } from '../support/cli.js';

const letters = [
  'min-fu-xie-han-2024-8.txt',
  ...['public', 'peers', 'shapes'].flatMap((folder) =>
    readdirSync(fixture(folder)).filter((name) => /\.(txt|md|docx)$/u.test(name) && name !== 'README.md').map((name) => `${folder}/${name}`),
  ),
];

describe('the rule table', () => {
  it('covers every diagnostic raised on the fixture letters, with the table severity', async () => {
    const seen = new Set<string>();
    for (const letter of letters) {
      for (const diagnostic of (await parseLetter(fixture(letter))).diagnostics) {
        expect(isRuleId(diagnostic.rule), `${letter}: ${diagnostic.rule}`).toBe(true);
        if (isRuleId(diagnostic.rule)) expect(diagnostic.severity).toBe(RULES[diagnostic.rule].severity);
        seen.add(diagnostic.rule);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
  });

  it('is listed in the README, one row per rule', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    for (const id of Object.keys(RULES)) expect(readme).toContain(`| \`${id}\` |`);
  });
});
