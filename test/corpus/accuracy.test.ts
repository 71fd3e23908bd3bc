// The corpus (fixtures/corpus): every letter parsed and scored field by field against the answer key written by
// reading it. Prints the accuracy; the floors are today's values, so a change that makes the parser worse fails.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/outline/parse.js';
import { ROOT } from '../support/cli.js';
import { answersOf, fieldKind, LIST_FIELDS, percent, SCALAR_FIELDS, scoreLetter, tally, type AnswerKey, type FieldScore } from './score.js';

const KEYS = `${ROOT}fixtures/corpus/keys/`;
const SAMPLE = 'fixtures/min-fu-xie-han-2024-8.txt';

/**
 * Today's accuracy (fixtures/corpus/README.md); raise these as the parser improves, never lower them. A batch of
 * new holdout letters lowers the holdout set's accuracy without the parser getting worse: the letters held out
 * before it keep their floor (`holdout`), the whole set gets its own (`allHoldout`).
 */
const FLOORS = { tune: 0.998, holdout: 0.912, allHoldout: 0.896, sample: 1 };
/** The holdout letters added with 53–61, scored before the parser was changed for that batch. */
const LATER_HOLDOUT = /\/(53|56|59)-[^/]*$/u;

const keys: AnswerKey[] = readdirSync(KEYS)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(`${KEYS}${name}`, 'utf8')) as AnswerKey);

const scored: { key: AnswerKey; scores: FieldScore[] }[] = [];

beforeAll(async () => {
  for (const key of keys) {
    const outline = await parseLetter(`${ROOT}${key.file}`);
    scored.push({ key, scores: scoreLetter(key, answersOf(outline)) });
  }
});

const show = (value: unknown): string => JSON.stringify(value);
const scoresOf = (set: (key: AnswerKey) => boolean): FieldScore[] => scored.filter(({ key }) => set(key)).flatMap(({ scores }) => scores);
const accuracy = (scores: FieldScore[]): number => {
  const { correct, total } = tally(scores);
  return total === 0 ? 1 : correct / total;
};

describe('the corpus of published letters', () => {
  it('has a well-formed key for every letter, about a third of them held out', () => {
    expect(keys.length).toBeGreaterThanOrEqual(42);
    for (const key of keys) {
      expect(existsSync(`${ROOT}${key.file}`), key.file).toBe(true);
      expect(['tune', 'holdout']).toContain(key.set);
      for (const field of [...SCALAR_FIELDS, ...LIST_FIELDS, 'contacts', 'tasks'] as const) expect(key, key.file).toHaveProperty(field);
      for (const field of ['deadline', 'date'] as const) expect(key[field] ?? '2000-01-01', key.file).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    }
    const holdout = keys.filter((key) => key.set === 'holdout').length;
    expect(holdout / keys.length).toBeGreaterThan(0.15);
    expect(keys.find((key) => key.file === SAMPLE)?.set).toBe('tune');
  });

  it('prints the accuracy per letter, per field and per set', () => {
    const lines: string[] = ['', 'Corpus accuracy (fixtures/corpus): one line per letter, then what is wrong (tune letters only)'];
    for (const { key, scores } of scored) {
      lines.push(`${percent(tally(scores)).padStart(6)}  ${key.set.padEnd(7)} ${basename(key.file)}`);
      // What a holdout letter gets wrong is not shown: nobody is to tune the parser on it.
      if (key.set === 'holdout') continue;
      const wrong = scores.filter((score) => !score.correct);
      const missingTasks = wrong.filter((score) => fieldKind(score.field) === 'tasks' && score.actual === null);
      for (const score of wrong.filter((s) => !missingTasks.includes(s))) {
        lines.push(`          ✗ ${score.field}: expected ${show(score.expected)}, got ${show(score.actual)}`);
      }
      if (missingTasks.length > 0) {
        lines.push(`          ✗ tasks not found: ${missingTasks.map((score) => score.field.slice('task '.length)).join(' ')}`);
      }
    }
    const all = scored.flatMap(({ scores }) => scores);
    const kinds = [...new Set(all.map((score) => fieldKind(score.field)))];
    lines.push('', 'Per field (all letters):');
    for (const kind of kinds) {
      const scores = all.filter((score) => fieldKind(score.field) === kind);
      lines.push(`  ${kind.padEnd(17)} ${percent(tally(scores)).padStart(6)}  (${tally(scores).correct}/${tally(scores).total})`);
    }
    lines.push('', 'Per set:');
    for (const [name, scores] of [
      ['tune', scoresOf((key) => key.set === 'tune')],
      ['holdout', scoresOf((key) => key.set === 'holdout')],
      ['sample letter', scoresOf((key) => key.file === SAMPLE)],
      ['all', all],
      ['all, tasks aside', all.filter((score) => fieldKind(score.field) !== 'tasks')],
    ] as const) {
      lines.push(`  ${name.padEnd(17)} ${percent(tally(scores)).padStart(6)}  (${tally(scores).correct}/${tally(scores).total})`);
    }
    console.log(lines.join('\n'));
    expect(all.length).toBeGreaterThan(keys.length * 11);
  });

  it('is no less accurate than it was (tune, holdout, the sample letter)', () => {
    expect(accuracy(scoresOf((key) => key.set === 'tune'))).toBeGreaterThanOrEqual(FLOORS.tune);
    expect(accuracy(scoresOf((key) => key.set === 'holdout' && !LATER_HOLDOUT.test(key.file)))).toBeGreaterThanOrEqual(FLOORS.holdout);
    expect(accuracy(scoresOf((key) => key.set === 'holdout'))).toBeGreaterThanOrEqual(FLOORS.allHoldout);
    expect(accuracy(scoresOf((key) => key.file === SAMPLE))).toBeGreaterThanOrEqual(FLOORS.sample);
  });
});
