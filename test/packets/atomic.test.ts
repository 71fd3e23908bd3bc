// `packets --force` replaces a workspace all at once: stopped at any point — Ctrl-C, kill, a killed process, a
// folder it may not change — the workspace is wholly the old one or wholly the new one, and the inbox untouched.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/model/workspace.js';
import { createPackets } from '../../src/packets/index.js';
import { trackWorkspace } from '../../src/tracking/index.js';
import { ROOT, SAMPLE } from '../support/cli.js';
import { sampleOutline } from '../writers/sample-outline.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-atomic-'));
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Permissions bind everyone but root: as root, the commands that must meet a refusal run as `nobody`. */
const clerk = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : null;
function giveToClerk(path: string): void {
  if (!clerk) return;
  chownSync(path, clerk.uid, clerk.gid);
  for (const entry of readdirSync(path, { recursive: true })) chownSync(join(path, String(entry)), clerk.uid, clerk.gid);
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const OLD_UNITS = 29;
const NEW_UNITS = 30; // the sample letter, parsed by the command
const template = join(scratch, 'template');
let counter = 0;

/** A copy of the old workspace (29 units, a reply in the inbox), ready to be regenerated. */
function oldWorkspace(): string {
  const workspace = join(scratch, `ws${++counter}`);
  cpSync(template, workspace, { recursive: true });
  return workspace;
}

/** Every file under a folder, relative, with / separators. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/**
 * 'old' or 'new' when the workspace is wholly one of them: the manifest of 29 or 30 units, every file it lists
 * there with its hash, no other generated file beside them, and the inbox as it was. Anything else is 'mixed'.
 */
function state(workspace: string): 'old' | 'new' | 'mixed' {
  const manifest = JSON.parse(readFileSync(join(workspace, 'gongwen.json'), 'utf8')) as Manifest;
  const files = listing(workspace).filter((path) => !path.startsWith('回收/') && !path.startsWith('.gongwen-new/'));
  const recorded = Object.keys(manifest.hashes).concat('gongwen.json').sort();
  const whole = JSON.stringify(files) === JSON.stringify(recorded) && Object.entries(manifest.hashes).every(([path, hash]) => sha256(readFileSync(join(workspace, path))) === hash);
  const inbox = readdirSync(join(workspace, '回收')).map((name) => `${name}:${sha256(readFileSync(join(workspace, '回收', name)))}`);
  if (!whole || JSON.stringify(inbox) !== JSON.stringify([`科技厅反馈.docx:${sha256(REPLY)}`])) return 'mixed';
  return manifest.recipients.length === OLD_UNITS ? 'old' : manifest.recipients.length === NEW_UNITS ? 'new' : 'mixed';
}
const REPLY = new TextEncoder().encode('a reply the clerk saved');

const args = (workspace: string): string[] => [`${ROOT}bin/gongwen.cjs`, 'packets', SAMPLE, '-o', workspace, '--force'];

/** Runs `packets --force`, sends `signal` once `when` holds (polled), and gives the exit code, signal and stderr. */
function runAndStop(workspace: string, signal: NodeJS.Signals, when: () => boolean): Promise<{ code: number | null; killedBy: string | null; stderr: string; sent: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args(workspace), { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = setInterval(() => {
      if (!sent && when()) {
        sent = child.kill(signal);
        clearInterval(poll);
      }
    }, 1);
    child.on('exit', (code, killedBy) => {
      clearInterval(poll);
      resolve({ code, killedBy, stderr, sent });
    });
  });
}

const building = (workspace: string): string => join(workspace, '.gongwen-new');
const filesBuilt = (workspace: string): number => (existsSync(building(workspace)) ? listing(building(workspace)).length : 0);

/** What `track` (or any command) sees: it settles a swap a stopped run left half done. */
async function settled(workspace: string): Promise<'old' | 'new' | 'mixed'> {
  await trackWorkspace(workspace, { asOf: '2024-10-17' });
  return state(workspace);
}

beforeAll(async () => {
  const outline = sampleOutline();
  outline.recipients = outline.recipients.slice(0, OLD_UNITS);
  await createPackets(outline, template);
  writeFileSync(join(template, '回收', '科技厅反馈.docx'), REPLY);
}, 120_000);

describe('packets --force stopped while it builds', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} leaves the old workspace, says so in one line, and leaves nothing behind`, async () => {
      const workspace = oldWorkspace();
      const run = await runAndStop(workspace, signal, () => filesBuilt(workspace) >= 10);
      expect(run.sent).toBe(true);
      expect(run.code).toBe(130);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^gongwen：已中断（${signal}），工作目录 .* 未作改动。$`, 'u'))]);
      expect(state(workspace)).toBe('old');
      expect(readdirSync(workspace).filter((name) => name.startsWith('.'))).toEqual([]);
    });
  }

  it('a killed process leaves the old workspace; the next run clears what it left and makes the new one', async () => {
    const workspace = oldWorkspace();
    const run = await runAndStop(workspace, 'SIGKILL', () => filesBuilt(workspace) >= 20);
    expect(run.killedBy).toBe('SIGKILL');
    expect(state(workspace)).toBe('old');
    expect(await settled(workspace)).toBe('old');
    const again = spawnSync(process.execPath, args(workspace), { encoding: 'utf8' });
    expect(again.status).toBe(0);
    expect(state(workspace)).toBe('new');
    expect(readdirSync(workspace).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe('packets --force killed at any moment', () => {
  it('is wholly old or wholly new at every point of a run, once the next command has looked', async () => {
    const timing = oldWorkspace();
    const started = Date.now();
    expect(spawnSync(process.execPath, args(timing)).status).toBe(0);
    const duration = Date.now() - started;
    const seen = new Set<string>();
    for (let step = 1; step <= 5; step += 1) {
      const workspace = oldWorkspace();
      const at = Date.now() + (duration * step) / 6;
      const run = await runAndStop(workspace, 'SIGKILL', () => Date.now() >= at);
      const result = await settled(workspace);
      expect(result, `killed at ${step}/6 of the run (${run.killedBy ?? run.code})`).not.toBe('mixed');
      seen.add(result);
    }
    expect(seen.has('old')).toBe(true);
  }, 240_000);

  it('is wholly new when killed in the middle of the swap (the new workspace was complete)', async () => {
    const workspace = oldWorkspace();
    const fresh = join(scratch, `fresh${++counter}`);
    await createPackets(sampleOutline(), fresh);
    // As the swap leaves it after its first entry: packets/ swapped, the lists and the manifest still old.
    mkdirSync(join(workspace, '.gongwen-ready'));
    for (const entry of readdirSync(fresh).filter((name) => name !== '回收')) renameSync(join(fresh, entry), join(workspace, '.gongwen-ready', entry));
    mkdirSync(join(workspace, '.gongwen-old'));
    renameSync(join(workspace, 'packets'), join(workspace, '.gongwen-old', 'packets'));
    renameSync(join(workspace, '.gongwen-ready', 'packets'), join(workspace, 'packets'));
    expect(state(workspace)).toBe('mixed');
    expect(await settled(workspace)).toBe('new');
    expect(readdirSync(workspace).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('is wholly old when killed while putting the old one back', async () => {
    const workspace = oldWorkspace();
    const fresh = join(scratch, `fresh${++counter}`);
    await createPackets(sampleOutline(), fresh);
    mkdirSync(join(workspace, '.gongwen-old'));
    renameSync(join(workspace, 'packets'), join(workspace, '.gongwen-old', 'packets'));
    renameSync(join(fresh, 'packets'), join(workspace, 'packets'));
    expect(state(workspace)).toBe('mixed');
    expect(await settled(workspace)).toBe('old');
  });
});

describe.skipIf(process.platform === 'win32')('packets --force meeting a file it may not replace', () => {
  it('puts back what it swapped, says which path in one line, and leaves the old workspace', () => {
    const workspace = oldWorkspace();
    giveToClerk(workspace);
    chmodSync(join(workspace, 'packets'), 0o555); // as a folder holding a form open in WPS is on Windows
    try {
      const run = spawnSync(process.execPath, args(workspace), { encoding: 'utf8', ...clerk });
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^gongwen：无法替换 .*\/ws\d+\/packets（没有权限，或文件正被其他程序（如 WPS、Word、Excel）打开）。工作目录保持原样。$/u)]);
    } finally {
      chmodSync(join(workspace, 'packets'), 0o755);
    }
    expect(state(workspace)).toBe('old');
    expect(readdirSync(workspace).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
