// An adversarial inbox: every hostile file becomes unreadable or unmatched with a reason, quickly and in
// bounded memory; no content of a local file leaks into any output; nothing is written anywhere.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/outline/parse.js';
import { createPackets } from '../../src/packets/index.js';
import { SAMPLE, fixture, gongwen } from '../support/cli.js';
import { passwordProtected } from '../support/ole.js';

const root = mkdtempSync(join(tmpdir(), 'gongwen-hostile-'));
const workspace = join(root, 'ws');
const inbox = join(workspace, '回收');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A secret that must never appear in any output: a local file an XXE entity points at. */
const secretFile = join(root, 'secret.txt');
const SECRET = `机密内容-${hostname()}-${Date.now()}`;

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const document = (body: string, doctype = ''): Uint8Array => strToU8(`<?xml version="1.0"?>${doctype}<w:document ${W}><w:body>${body}</w:body></w:document>`);

function tree(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return `${relative(folder, path)} ${statSync(path).size} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    })
    .sort();
}

let before: string[];
let run: { status: number | null; stdout: string; stderr: string };
let json: { recipients: Array<{ name: string; status: string; problems: string[] }>; unmatched: Array<{ file: string; reason: string }> };

beforeAll(async () => {
  writeFileSync(secretFile, SECRET);
  await createPackets(await parseLetter(SAMPLE), workspace);
  copyFileSync(fixture('hostile/zip-bomb.docx'), join(inbox, '教育厅反馈.docx'));
  writeFileSync(join(inbox, '科技厅反馈.docx'), zipSync({
    'word/document.xml': document('<w:p><w:r><w:t>&x;</w:t></w:r></w:p>', `<!DOCTYPE d [<!ENTITY x SYSTEM "file://${secretFile}">]>`),
  }));
  writeFileSync(join(inbox, '财政厅反馈.docx'), zipSync({
    'word/document.xml': document('<w:p><w:r><w:t>省财政厅无意见</w:t></w:r></w:p>'),
    '../../../逃逸.txt': strToU8('zip slip'),
  }));
  writeFileSync(join(inbox, '司法厅反馈.docx'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]));
  writeFileSync(join(inbox, '商务厅反馈.docx'), passwordProtected());
  writeFileSync(join(inbox, '卫健委反馈.docx'), zipSync({
    'word/document.xml': document(`${'<w:sdt><w:sdtContent>'.repeat(100_000)}<w:p><w:r><w:t>省卫健委</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(100_000)}`),
  }));
  writeFileSync(join(inbox, '体育局反馈.docx'), '');
  writeFileSync(join(inbox, '无名文件.docx'), zipSync({ 'word/document.xml': document('<w:p><w:r><w:t>会议通知</w:t></w:r></w:p>') }));
  before = tree(root);
  run = gongwen(['track', workspace, '--as-of', '2024-10-17', '--json']);
  json = JSON.parse(run.stdout);
}, 120_000);

const line = (name: string) => json.recipients.find((recipient) => recipient.name === name);

describe('an adversarial inbox', () => {
  it('answers calmly: exit 3 (units outstanding), no stack trace', () => {
    expect(run.status).toBe(3);
    expect(run.stderr).toBe('');
  });

  it('abandons a zip bomb as too large', () => {
    expect(line('省教育厅')).toMatchObject({ status: 'unreadable' });
    expect(line('省教育厅')?.problems.join()).toMatch(/过大/u);
  });

  it('never resolves an external entity (XXE), and no local file content appears in any output', () => {
    expect(line('省科技厅')?.status).toBe('unreadable');
    expect(line('省科技厅')?.problems.join()).toMatch(/无法解析/u);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    const table = gongwen(['track', workspace, '--as-of', '2024-10-17']);
    expect(table.stdout + table.stderr).not.toContain(SECRET);
  });

  it('reads a zip with an entry named ../../ in memory only', () => {
    expect(line('省财政厅')?.status).toBe('no-comment');
  });

  it('names a PNG called .docx, a password-protected file and an empty file', () => {
    expect(line('省司法厅')?.problems.join()).toMatch(/PNG/u);
    expect(line('省商务厅')?.problems.join()).toMatch(/密码/u);
    expect(line('省体育局')?.problems.join()).toMatch(/空文件/u);
  });

  it('reads deeply nested XML without exhausting the stack', () => {
    expect(line('省卫健委')?.status).not.toBe('unreadable');
  });

  it('keeps a file naming no unit apart, with the reason', () => {
    expect(json.unmatched).toEqual([{ file: '回收/无名文件.docx', reason: '文件名和内容都没有写明是哪个单位' }]);
  });

  it('leaves every file, in the inbox and around it, exactly as it was', () => {
    expect(tree(root)).toEqual(before);
  });
});
