// The groups a letter names without listing them (市直有关单位), their members from the clerk's file, and the
// sender among a task's responsible units. On 漳发改函[2023]45号 (fixtures/shapes), sent by 漳州市发展和改革委员会
// to 市直有关单位，各县（区）发改局, whose tasks name 市发改委 itself and five 市直 units.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outline } from '../../src/model/outline.js';
import { parseLetter } from '../../src/outline/parse.js';
import { memberFileText, readMemberFile } from '../../src/units/member-file.js';

const LETTER = 'fixtures/shapes/bracket-2023-chinese-date.txt';
const scratch = mkdtempSync(join(tmpdir(), 'gongwen-members-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const unmatched = (outline: Outline): string[] =>
  outline.diagnostics.filter((d) => d.rule === 'unit-unmatched').map((d) => /责任单位“(.+?)”/u.exec(d.message)?.[1] ?? '');

let alone: Outline;
beforeAll(async () => {
  alone = await parseLetter(LETTER);
});

describe('the sender among the responsible units', () => {
  it('is never a missing recipient: 市发改委 of tasks 1 and 3 is noted once as the 发文机关', () => {
    expect(unmatched(alone)).not.toContain('市发改委');
    const notes = alone.diagnostics.filter((d) => d.rule === 'unit-sender');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: 'info', line: 32, message: '任务1、3的责任单位“市发改委”是发文机关（漳州市发展和改革委员会），无需向其征求意见。' });
  });
});

describe('a group without a list', () => {
  it('stays one recipient, and check says which group needs its members and how', () => {
    expect(alone.recipients.map((r) => r.name)).toEqual(['市直有关单位', '各县（区）发改局']);
    expect(unmatched(alone)).toEqual(['市财政局', '市住建局', '市住建局', '市司法局', '市审计局', '各县（区）政府']);
    const message = alone.diagnostics.find((d) => d.rule === 'recipient-group-unlisted')?.message;
    expect(message).toBe('主送机关“市直有关单位”是统称，来函未附其名单，暂按一个受文单位列出；可用 --recipients 名单.txt（每行一个单位）提供其成员单位。');
  });

  it('takes its members from a .txt, one unit a line, under the group\'s heading', async () => {
    const file = join(scratch, '名单.txt');
    writeFileSync(file, '市直有关单位：\n1. 市财政局\n2. 市住建局\n3. 市司法局\n4. 市审计局\n\n各县（区）发改局：\n芗城区发改局\n龙文区发改局\n');
    const outline = await parseLetter(LETTER, { members: await readMemberFile(file) });
    expect(outline.recipients.map((r) => `${r.id} ${r.name} ${r.group}`)).toEqual([
      'r01 市财政局 市直有关单位', 'r02 市住建局 市直有关单位', 'r03 市司法局 市直有关单位', 'r04 市审计局 市直有关单位',
      'r05 芗城区发改局 各县（区）发改局', 'r06 龙文区发改局 各县（区）发改局',
    ]);
    // Only 各县（区）政府 is left: the letter goes to the counties' 发改局, not their governments.
    expect(unmatched(outline)).toEqual(['各县（区）政府']);
    expect(outline.recipients.find((r) => r.name === '市住建局')?.tasks).toEqual(['1', '2']);
    expect(outline.diagnostics.filter((d) => d.rule === 'recipient-group-unlisted')).toEqual([]);
  });

  it('takes the first column of an .xlsx, past its 序号 and header, for the letter\'s groups by their headings', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    for (const row of [['序号', '单位名称'], ['', '市直有关单位：'], [1, '市财政局'], [2, '市住建局'], [3, '市司法局'], [4, '市审计局']]) sheet.addRow(row);
    const file = join(scratch, '名单.xlsx');
    await workbook.xlsx.writeFile(file);
    const members = await readMemberFile(file);
    expect(members.parts).toEqual([{ group: '市直有关单位', units: ['市财政局', '市住建局', '市司法局', '市审计局'] }]);
    const outline = await parseLetter(LETTER, { members });
    expect(outline.recipients.map((r) => r.name)).toEqual(['市财政局', '市住建局', '市司法局', '市审计局', '各县（区）发改局']);
    // The other group still needs its members, and check says so.
    expect(outline.diagnostics.find((d) => d.rule === 'recipient-group-unlisted')?.message).toContain('主送机关“各县（区）发改局”是统称');
    expect(memberFileText(members)).toBe('市直有关单位：\n市财政局\n市住建局\n市司法局\n市审计局\n');
  });

  it('reads a .csv Excel saved, and names the units it could not place', async () => {
    const file = join(scratch, 'members.csv');
    writeFileSync(file, '\uFEFF单位名称,备注\n市财政局,\n"市住建局",含人防办\n');
    const outline = await parseLetter(LETTER, { members: await readMemberFile(file) });
    // Two groups and no heading: the file does not say whose members these are.
    expect(outline.recipients.map((r) => r.name)).toEqual(['市直有关单位', '各县（区）发改局']);
    expect(outline.diagnostics.find((d) => d.rule === 'recipient-members-unused')).toMatchObject({
      severity: 'warning',
      message: '名单文件 members.csv 中2 个单位没有用上：请用“市直有关单位：”这样的一行标明它们属于来函中哪个统称。',
    });
  });

  it('refuses a file with no unit in it in one sentence', async () => {
    const file = join(scratch, 'empty.txt');
    writeFileSync(file, '单位名称\n\n');
    await expect(readMemberFile(file)).rejects.toThrow('名单文件');
    await expect(readMemberFile(join(scratch, 'absent.txt'))).rejects.toThrow('读不到名单文件');
  });
});
