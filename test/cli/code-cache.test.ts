// The built program compiles the code its commands load on demand through the V8 code cache that `npm run build`
// makes (dist/on-demand.cjs.cache), so that it starts sooner. Without that cache, with a damaged one, or under a
// Node that refuses it, every command still runs as before, with no word about it: only the time is lost.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLE, fixture, gongwen } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-code-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Without NODE_OPTIONS: V8 takes a cache only under the V8 flags it was made with, and the build makes it with none.
const REPORT = { GONGWEN_CODE_CACHE: 'report', NODE_OPTIONS: '' };

describe('the code caches of the built program', () => {
  const workspace = join(scratch, 'ws');

  it('are taken by this Node, for each command that loads the on-demand code', () => {
    const made = gongwen(['packets', SAMPLE, '-o', workspace], { env: REPORT });
    expect(made.status).toBe(0);
    expect(made.stderr).toBe('gongwen code cache: accepted\n');
    // Two of the forms back in the inbox, as units return them.
    const { inbox, recipients } = JSON.parse(readFileSync(join(workspace, 'gongwen.json'), 'utf8'));
    for (const recipient of recipients.slice(0, 2)) cpSync(join(workspace, recipient.files.form), join(workspace, inbox, `${recipient.id}-反馈.docx`));
    for (const args of [['track'], ['summary'], ['remind'], ['adoption', '--draft']]) {
      const run = gongwen([args[0]!, workspace, '--as-of', '2024-10-19', ...args.slice(1)], { env: REPORT });
      expect([0, 3], `${args[0]}: ${run.stderr}`).toContain(run.status);
      expect(run.stderr, args[0]).toBe('gongwen code cache: accepted\n');
    }
    // A letter that is not plain text is read by the on-demand code too.
    for (const command of ['parse', 'check', 'units']) {
      const run = gongwen([command, fixture('formats/min-fu-xie-han-2024-8.docx')], { env: REPORT });
      expect(run.status, `${command}: ${run.stderr}`).toBe(0);
      expect(run.stderr, command).toBe('gongwen code cache: accepted\n');
    }
  });

  it('are never mentioned to the clerk', () => {
    const run = gongwen(['packets', SAMPLE, '-o', join(scratch, 'quiet')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});

/** A copy of the built program (bin/, dist/) whose cache `spoil` changes; it uses the repository's node_modules and templates. */
function programWith(name: string, spoil: (cacheFile: string) => void): string {
  const copy = join(scratch, name);
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
  for (const part of ['node_modules', 'templates']) symlinkSync(join(ROOT, part), join(copy, part));
  spoil(join(copy, 'dist', 'on-demand.packets.cache'));
  return copy;
}

function packets(program: string, nodeOptions: string[] = []): { status: number | null; stdout: string; stderr: string; workspace: string } {
  const workspace = join(program, 'ws');
  const run = spawnSync(process.execPath, [...nodeOptions, join(program, 'bin', 'gongwen.cjs'), 'packets', SAMPLE, '-o', workspace], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...REPORT },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, workspace };
}

describe('a program whose cache cannot be used still writes the packets', () => {
  const cases: [string, (cacheFile: string) => void, string[], string][] = [
    ['missing', (cacheFile) => rmSync(cacheFile), [], 'missing'],
    [
      'damaged',
      (cacheFile) => {
        const bytes = readFileSync(cacheFile);
        for (let at = 1000; at < bytes.length; at += 9973) bytes[at] = bytes[at]! ^ 0x5a;
        writeFileSync(cacheFile, bytes);
      },
      [],
      'damaged',
    ],
    ['cut short', (cacheFile) => writeFileSync(cacheFile, readFileSync(cacheFile).subarray(0, 4096)), [], 'damaged'],
    // A cache begins with the identity of the source it was made from.
    [
      'made for another build',
      (cacheFile) => {
        const bytes = readFileSync(cacheFile);
        bytes[0] = bytes[0]! ^ 1;
        writeFileSync(cacheFile, bytes);
      },
      [],
      'damaged',
    ],
    // V8 takes a cache only under the flags it was made with.
    ['refused by V8', () => undefined, ['--max-old-space-size=3000'], 'rejected'],
  ];
  it.each(cases)('%s', (name, spoil, nodeOptions, state) => {
    const run = packets(programWith(name.replace(/ /gu, '-'), spoil), nodeOptions);
    expect(run.stderr).toBe(`gongwen code cache: ${state}\n`);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('生成 30 个单位的意见反馈表和复函');
    expect(readdirSync(join(run.workspace, 'packets'))).toHaveLength(30);
    expect(existsSync(join(run.workspace, '分发清单.xlsx'))).toBe(true);
  });
});
