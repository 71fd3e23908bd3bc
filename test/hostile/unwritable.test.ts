// Folders and files gongwen may not write: every command says which path, in one Chinese line, and changes nothing.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileErrorMessage } from '../../src/errors.js';
import { parseLetter } from '../../src/outline/parse.js';
import { createPackets } from '../../src/packets/index.js';
import { ROOT, SAMPLE } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-unwritable-'));
chmodSync(scratch, 0o755);
afterAll(() => {
  for (const entry of readdirSync(scratch, { recursive: true })) chmodSync(join(scratch, String(entry)), 0o755);
  rmSync(scratch, { recursive: true, force: true });
});

/** Permissions bind everyone but root: as root, the commands run as `nobody`, who owns the folders made here. */
const clerk = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : null;
function own(path: string): void {
  if (!clerk) return;
  chownSync(path, clerk.uid, clerk.gid);
  for (const entry of readdirSync(path, { recursive: true })) chownSync(join(path, String(entry)), clerk.uid, clerk.gid);
}

function gongwenAsClerk(args: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, [`${ROOT}bin/gongwen.cjs`, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...clerk });
  return { status: run.status, stderr: run.stderr };
}

const workspace = join(scratch, 'ws');
beforeAll(async () => {
  await createPackets(await parseLetter(SAMPLE), workspace);
  own(workspace);
}, 120_000);

const ONE_LINE = (path: string): RegExp => new RegExp(`^gongwen：无法写入 ${path.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}（没有权限，或文件正被其他程序（如 WPS、Word、Excel）打开）。$`, 'u');

describe.skipIf(process.platform === 'win32')('a folder gongwen may not write in', () => {
  it('packets into a read-only folder names the workspace it could not make', () => {
    const readOnly = join(scratch, 'read-only');
    mkdirSync(readOnly);
    own(readOnly);
    chmodSync(readOnly, 0o555);
    const run = gongwenAsClerk(['packets', SAMPLE, '-o', join(readOnly, 'ws')]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(ONE_LINE(join(readOnly, 'ws')))]);
    expect(readdirSync(readOnly)).toEqual([]);
  });

  it('summary and remind in a read-only workspace name the file they could not write', () => {
    const locked = join(scratch, 'locked');
    cpSync(workspace, locked, { recursive: true });
    own(locked);
    chmodSync(locked, 0o555);
    const summary = gongwenAsClerk(['summary', locked, '--as-of', '2024-10-19']);
    expect(summary.status).toBe(1);
    expect(summary.stderr.trim().split('\n')).toEqual([expect.stringMatching(ONE_LINE(join(locked, '意见汇总表.xlsx')))]);
    const remind = gongwenAsClerk(['remind', locked, '--as-of', '2024-10-19']);
    expect(remind.status).toBe(1);
    expect(remind.stderr.trim().split('\n')).toEqual([expect.stringMatching(ONE_LINE(join(locked, '催办')))]);
    expect(readdirSync(locked).sort()).toEqual(['gongwen.json', 'packets', '分发清单.csv', '分发清单.docx', '分发清单.xlsx', '回收', '复函模板.docx']);
  });

  it('remind --force leaves the earlier round whole when a file in it cannot be carried over', () => {
    const reminded = join(scratch, 'reminded');
    cpSync(workspace, reminded, { recursive: true });
    own(reminded);
    expect(gongwenAsClerk(['remind', reminded, '--as-of', '2024-10-19']).status).toBe(0);
    const round = join(reminded, '催办/2024-10-19');
    const before = readdirSync(round, { recursive: true }).map(String).sort();
    // A file of the clerk's own in the round that gongwen may not read (open in another program, say).
    const note = join(round, '催办记录.txt');
    writeFileSync(note, '已电话催办');
    own(round);
    chmodSync(note, 0o000);
    const forced = gongwenAsClerk(['remind', reminded, '--as-of', '2024-10-19', '--force']);
    expect(forced.status).toBe(1);
    expect(forced.stderr.trim().split('\n')).toHaveLength(1);
    expect(forced.stderr).toContain('催办记录.txt');
    chmodSync(note, 0o644);
    expect(readdirSync(round, { recursive: true }).map(String).sort()).toEqual([...before, '催办记录.txt'].sort());
    expect(readdirSync(join(reminded, '催办'))).toEqual(['2024-10-19']);
  });
});

describe('a failure no command expected', () => {
  it('is still one line naming the path, for a file held open, a full disk, a read-only disk', () => {
    const failure = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: x`), { code, syscall: 'open', path: '/ws/意见汇总表.xlsx' });
    expect(fileErrorMessage(failure('EBUSY'))).toBe('无法访问 /ws/意见汇总表.xlsx（文件正被其他程序（如 WPS、Word、Excel）打开，请关闭后重试）。');
    expect(fileErrorMessage(failure('ENOSPC'))).toBe('无法访问 /ws/意见汇总表.xlsx（磁盘已满）。');
    expect(fileErrorMessage(failure('EROFS'))).toBe('无法访问 /ws/意见汇总表.xlsx（所在的磁盘或文件夹是只读的）。');
    expect(fileErrorMessage(new Error('something else'))).toBeNull();
  });
});
