// Broken and hostile letters: each run ends on its own with exit 0 or 1, a Chinese message and no stack trace.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE, gongwen } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-letters-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const sample = readFileSync(SAMPLE, 'utf8');

const letters: Array<[string, string, string | Uint8Array]> = [
  ['an empty letter', 'empty.txt', ''],
  ['a binary file', 'binary.txt', Uint8Array.from({ length: 65536 }, (_, i) => (i * 131) % 256)],
  ['a letter cut off mid-sentence', 'truncated.txt', sample.slice(0, 400)],
  ['a 2 MB letter', 'big.txt', sample.repeat(190)],
  ['200 000 （ in a row', 'brackets.txt', '（'.repeat(200_000)],
  ['20 000 nested > in Markdown', 'nested.md', `${'>'.repeat(20_000)} 关于征求意见的函\n`],
  ['a hundred thousand 附件 headings', 'headings.txt', '附件1\n'.repeat(100_000)],
];

describe('broken and hostile letters', () => {
  for (const [name, file, content] of letters) {
    it(name, () => {
      const path = join(scratch, file);
      writeFileSync(path, content);
      for (const command of ['parse', 'check']) {
        const run = gongwen([command, path]);
        expect(run.status === 0 || run.status === 1).toBe(true);
        expect(run.stderr).not.toMatch(/\n\s+at |Error:|内部错误/u);
        expect(run.stdout + run.stderr).toMatch(/[\u4e00-\u9fff]/u);
      }
    });
  }

  it('a truncated letter\'s diagnostics say which elements are missing', () => {
    const path = join(scratch, 'truncated.txt');
    const run = gongwen(['check', path]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('未找到成文日期');
    expect(run.stdout).toContain('未找到发文机关署名');
  });
});
