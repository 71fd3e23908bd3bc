// The built program compiles itself (dist/main.cjs) and the code its commands load on demand (dist/on-demand.cjs)
// through the V8 code caches that `npm run build` makes (dist/main.cache, dist/on-demand.<command>.cache), so that
// it starts sooner. Without a cache, with a damaged one, or under a Node that refuses it, every command still runs
// as before, with no word about it: only the time is lost.
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
/** What GONGWEN_CODE_CACHE=report says of the program's cache and, for a command that loads it, the on-demand code's. */
const said = (main: string, onDemand?: string): string =>
  `gongwen code cache of main.cjs: ${main}\n${onDemand === undefined ? '' : `gongwen code cache of on-demand.cjs: ${onDemand}\n`}`;

describe('the code caches of the built program', () => {
  const workspace = join(scratch, 'ws');

  it('are taken by this Node: the program’s by every command, the on-demand code’s by each command that loads it', () => {
    for (const args of [['--version'], ['parse', SAMPLE, '--json']]) {
      const run = gongwen(args, { env: REPORT });
      expect(run.status, args[0]).toBe(0);
      expect(run.stderr, args[0]).toBe(said('accepted'));
    }
    const made = gongwen(['packets', SAMPLE, '-o', workspace], { env: REPORT });
    expect(made.status).toBe(0);
    expect(made.stderr).toBe(said('accepted', 'accepted'));
    // Two of the forms back in the inbox, as units return them.
    const { inbox, recipients } = JSON.parse(readFileSync(join(workspace, 'gongwen.json'), 'utf8'));
    for (const recipient of recipients.slice(0, 2)) cpSync(join(workspace, recipient.files.form), join(workspace, inbox, `${recipient.id}-反馈.docx`));
    for (const args of [['track'], ['summary'], ['remind'], ['adoption', '--draft']]) {
      const run = gongwen([args[0]!, workspace, '--as-of', '2024-10-19', ...args.slice(1)], { env: REPORT });
      expect([0, 3], `${args[0]}: ${run.stderr}`).toContain(run.status);
      expect(run.stderr, args[0]).toBe(said('accepted', 'accepted'));
    }
    // A letter that is not plain text is read by the on-demand code too.
    for (const command of ['parse', 'check', 'units']) {
      const run = gongwen([command, fixture('formats/min-fu-xie-han-2024-8.docx')], { env: REPORT });
      expect(run.status, `${command}: ${run.stderr}`).toBe(0);
      expect(run.stderr, command).toBe(said('accepted', 'accepted'));
    }
  });

  it('are never mentioned to the clerk', () => {
    const run = gongwen(['packets', SAMPLE, '-o', join(scratch, 'quiet')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});

/**
 * A copy of the built program (bin/, dist/) whose cache `cache` (in dist/) `spoil` changes; it uses the repository's
 * node_modules and templates.
 */
function programWith(name: string, cache: string, spoil: (cacheFile: string) => void): string {
  const copy = join(scratch, name);
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
  for (const part of ['node_modules', 'templates']) symlinkSync(join(ROOT, part), join(copy, part));
  spoil(join(copy, 'dist', cache));
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
  const spoilings: [string, (cacheFile: string) => void, string][] = [
    ['missing', (cacheFile) => rmSync(cacheFile), 'missing'],
    [
      'damaged',
      (cacheFile) => {
        const bytes = readFileSync(cacheFile);
        for (let at = 1000; at < bytes.length; at += 9973) bytes[at] = bytes[at]! ^ 0x5a;
        writeFileSync(cacheFile, bytes);
      },
      'damaged',
    ],
    ['cut short', (cacheFile) => writeFileSync(cacheFile, readFileSync(cacheFile).subarray(0, 4096)), 'damaged'],
    // A cache begins with the identity of the source it was made from.
    [
      'made for another build',
      (cacheFile) => {
        const bytes = readFileSync(cacheFile);
        bytes[0] = bytes[0]! ^ 1;
        writeFileSync(cacheFile, bytes);
      },
      'damaged',
    ],
  ];
  const cases: [string, string, (cacheFile: string) => void, string[], string][] = [
    ...spoilings.map(([name, spoil, state]): [string, string, (cacheFile: string) => void, string[], string] => [`on-demand code’s ${name}`, 'on-demand.packets.cache', spoil, [], said('accepted', state)]),
    ...spoilings.map(([name, spoil, state]): [string, string, (cacheFile: string) => void, string[], string] => [`program’s ${name}`, 'main.cache', spoil, [], said(state, 'accepted')]),
    // V8 takes a cache only under the flags it was made with.
    ['both refused by V8', 'main.cache', () => undefined, ['--max-old-space-size=3000'], said('rejected', 'rejected')],
  ];
  it.each(cases)('%s', (name, cache, spoil, nodeOptions, report) => {
    const run = packets(programWith(name.replace(/\W/gu, '-'), cache, spoil), nodeOptions);
    expect(run.stderr).toBe(report);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('生成 30 个单位的意见反馈表和复函');
    expect(readdirSync(join(run.workspace, 'packets'))).toHaveLength(30);
    expect(existsSync(join(run.workspace, '分发清单.xlsx'))).toBe(true);
  });
});
