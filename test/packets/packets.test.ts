// The workspace: manifest, packets, lists, inbox; refusal without --force; safe names; atomic, all-or-nothing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { packetFolder, safeName, type Manifest } from '../../src/model/workspace.js';
import { createPackets } from '../../src/packets/index.js';
import { readDocx } from '../writers/ooxml.js';
import { sampleOutline } from '../writers/sample-outline.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-packets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
const freshPath = (): string => join(scratch, `ws${++counter}`);

/** Every file under a folder, relative, with / separators. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listing(dir).map((path) => [path, `${statSync(join(dir, path)).mtimeMs}:${sha256(readFileSync(join(dir, path)))}`]));
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('the workspace for the sample letter', async () => {
  const workspace = freshPath();
  const progress: [number, number][] = [];
  const manifest = await createPackets(sampleOutline(), workspace, { onProgress: (done, total) => progress.push([done, total]) });
  const onDisk = JSON.parse(readFileSync(join(workspace, 'gongwen.json'), 'utf8')) as Manifest;

  it('holds 30 packets, the three lists, the reply template, the manifest and the empty inbox', () => {
    const files = listing(workspace);
    expect(files.filter((path) => path.startsWith('packets/'))).toHaveLength(60);
    expect(files.filter((path) => !path.startsWith('packets/'))).toEqual(['gongwen.json', '分发清单.csv', '分发清单.docx', '分发清单.xlsx', '复函模板.docx']);
    expect(files).toContain('packets/04-省科技厅/意见反馈表.docx');
    expect(files).toContain('packets/04-省科技厅/复函.docx');
    expect(files).toContain('packets/30-莆田市对口支援工作领导小组/复函.docx');
    expect(readdirSync(join(workspace, '回收'))).toEqual([]);
    expect(readdirSync(workspace).some((name) => name.endsWith('.tmp'))).toBe(false);
  });

  it('writes the manifest of the design brief', () => {
    expect(onDisk).toEqual(manifest);
    expect(onDisk.schemaVersion).toBe(1);
    expect(onDisk.inbox).toBe('回收');
    expect(onDisk.files).toEqual({ distribution: { docx: '分发清单.docx', xlsx: '分发清单.xlsx', csv: '分发清单.csv' }, replyTemplate: '复函模板.docx' });
    expect(onDisk.outline.letter.docNumber?.text).toBe('闽扶协函〔2024〕8号');
    expect(onDisk.recipients).toHaveLength(30);
    expect(onDisk.recipients[3]).toEqual({
      id: 'r04',
      name: '省科技厅',
      files: { form: 'packets/04-省科技厅/意见反馈表.docx', reply: 'packets/04-省科技厅/复函.docx' },
    });
  });

  it('records the sha256 of every generated file, and only of those', () => {
    const generated = listing(workspace).filter((path) => path !== 'gongwen.json');
    expect(Object.keys(onDisk.hashes).sort()).toEqual(generated);
    for (const path of generated) expect(onDisk.hashes[path]).toBe(sha256(readFileSync(join(workspace, path))));
  });

  it('puts each unit’s own name and id into its form', () => {
    for (const recipient of onDisk.recipients) {
      const form = readDocx(readFileSync(join(workspace, recipient.files.form)));
      expect(form.properties['gongwen.recipientId']).toBe(recipient.id);
      expect(form.text).toContain(`反馈单位\n${recipient.name}`);
    }
  });

  it('reports progress for every document', () => {
    expect(progress).toHaveLength(64);
    expect(progress.at(-1)).toEqual([64, 64]);
  });

  it('refuses a second run without --force and changes nothing', async () => {
    writeFileSync(join(workspace, '回收', '科技厅反馈.docx'), 'returned');
    const before = snapshot(workspace);
    const error = await createPackets(sampleOutline(), workspace).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/已存在，未作任何改动。要重新生成，请加 --force/u);
    expect(snapshot(workspace)).toEqual(before);
  });

  it('regenerates with --force, keeping the inbox as it is and removing packets of units no longer listed', async () => {
    const inbox = readFileSync(join(workspace, '回收', '科技厅反馈.docx'));
    const fewer = sampleOutline();
    fewer.recipients = fewer.recipients.slice(0, 29);
    const again = await createPackets(fewer, workspace, { force: true });
    expect(again.recipients).toHaveLength(29);
    expect(readFileSync(join(workspace, '回收', '科技厅反馈.docx'))).toEqual(inbox);
    expect(existsSync(join(workspace, 'packets/30-莆田市对口支援工作领导小组'))).toBe(false);
    expect(listing(workspace).filter((path) => path.startsWith('packets/'))).toHaveLength(58);
  });
});

describe('refusals that leave the disk as it was', () => {
  it('a letter with no recipients', async () => {
    const workspace = freshPath();
    const outline = sampleOutline();
    outline.recipients = [];
    await expect(createPackets(outline, workspace)).rejects.toThrow(/没有识别出受文单位/u);
    expect(existsSync(workspace)).toBe(false);
  });

  it('a path that is a file', async () => {
    const file = freshPath();
    writeFileSync(file, 'x');
    await expect(createPackets(sampleOutline(), file, { force: true })).rejects.toThrow(/不是文件夹/u);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('a template with a mistake: nothing is written', async () => {
    const templates = freshPath();
    mkdirSync(templates);
    writeFileSync(join(templates, 'reply-letter.md'), '# {{recipient.nmae}}');
    const workspace = freshPath();
    await expect(createPackets(sampleOutline(), workspace, { templatesDir: templates })).rejects.toThrow(/reply-letter\.md 第 1 行有误/u);
    expect(existsSync(workspace)).toBe(false);
  });

  it('but an empty folder is a fine place for a new workspace', async () => {
    const workspace = freshPath();
    mkdirSync(workspace);
    await createPackets(sampleOutline(), workspace);
    expect(existsSync(join(workspace, 'gongwen.json'))).toBe(true);
  });
});

describe('names from unit names', () => {
  it('never lead out of the workspace, on Linux or Windows', async () => {
    const hostile = ['../../逃逸\n第二行', '..', 'a/b\\c', 'C:\\Windows\\system32', 'CON', 'nul.txt', 'COM1', '单位. ', ' .. ', '\u202e单位', '<>:"|?*', ''];
    const outline = sampleOutline();
    hostile.forEach((name, index) => (outline.recipients[index]!.name = name));
    const workspace = freshPath();
    const manifest = await createPackets(outline, workspace);
    for (const path of listing(workspace)) expect(path).not.toMatch(/(^|\/)\.\.(\/|$)/u);
    expect(readdirSync(scratch).filter((name) => !name.startsWith('ws'))).toEqual([]);
    const folders = manifest.recipients.slice(0, hostile.length).map((recipient) => recipient.files.form.split('/')[1]);
    expect(folders).toEqual([
      '01-____逃逸_第二行', '02-_', '03-a_b_c', '04-C__Windows_system32', '05-_CON', '06-_nul.txt', '07-_COM1', '08-单位',
      '09-_', '10-单位', '11-_______', '12-_',
    ]);
  });

  it('avoid reserved device names, trailing dots and spaces, and overlong names on their own', () => {
    expect(safeName('CON')).toBe('_CON');
    expect(safeName('lpt1.doc')).toBe('_lpt1.doc');
    expect(safeName('单位。. ')).toBe('单位。');
    expect([...safeName('很'.repeat(100))]).toHaveLength(40);
    expect(packetFolder(7, 120, '省科技厅')).toBe('packets/007-省科技厅');
  });
});
