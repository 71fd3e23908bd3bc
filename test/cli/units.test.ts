// `gongwen units` on the sample letter: the list a clerk checks before sending anything.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE, fixture, gongwen } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-units-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('gongwen units', () => {
  it('lists the 30 recipients with the tasks each answers for, and those that answer for none', () => {
    const run = gongwen(['units', SAMPLE]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/r04\s+省科技厅\s+省直有关单位\s+3\s/u);
    expect(run.stdout).toMatch(/r25\s+省第十三批援宁工作队\s+\S*\s*（无）/u);
    expect(run.stdout).toContain('共 30 个受文单位，其中 3 个不负责具体任务。');
    expect(run.stdout).toContain('“两省区广播电视台”可能是受文单位“省广电局”');
  });

  it('gives recipients and task coverage as JSON', () => {
    const run = gongwen(['units', SAMPLE, '--json']);
    const { recipients, tasks } = JSON.parse(run.stdout);
    expect(recipients).toHaveLength(30);
    expect(recipients[0]).toMatchObject({ id: 'r01', name: '省委组织部', group: '省直有关单位', tasks: ['8'] });
    expect(tasks.find((task: { number: string }) => task.number === '3').recipients).toEqual(['省科技厅', '省农业农村厅', '厦门大学', '省农科院']);
  });

  it('takes an office\'s own aliases with --aliases, and names a bad file in one line', () => {
    const extra = join(scratch, 'extra.json');
    writeFileSync(extra, JSON.stringify({ units: [{ name: '广电局', forms: ['广播电视台'] }] }));
    const run = gongwen(['check', SAMPLE, '--aliases', extra]);
    expect(run.stdout).not.toContain('“两省区广播电视台”可能是受文单位');
    const broken = join(scratch, 'broken.json');
    writeFileSync(broken, '{ 不是 JSON');
    const bad = gongwen(['units', SAMPLE, '--aliases', broken]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('broken.json');
  });

  it('takes the members of a group the letter does not list with --recipients, and packets keeps them for the next run', () => {
    // 漳发改函[2023]45号 goes to 市直有关单位 without a list; its tasks name 市财政局, 市住建局, 市司法局, 市审计局.
    const letter = fixture('shapes/bracket-2023-chinese-date.txt');
    const before = gongwen(['check', letter]);
    expect(before.stdout).toContain('主送机关“市直有关单位”是统称，来函未附其名单，暂按一个受文单位列出；可用 --recipients 名单.txt');
    expect(before.stdout).toContain('任务1的责任单位“市财政局”找不到对应的受文单位：可能漏发');
    const members = join(scratch, '市直.txt');
    writeFileSync(members, '市直有关单位：\n市财政局\n市住建局\n市司法局\n市审计局\n');
    const after = gongwen(['check', letter, '--recipients', members]);
    expect(after.stdout).not.toContain('可能漏发');
    expect(after.stdout).toContain('主送机关“市直有关单位”按名单文件 市直.txt 展开为 4 个受文单位。');
    expect(gongwen(['units', letter, '--recipients', members]).stdout).toMatch(/r02\s+市住建局\s+市直有关单位\s+1、2\s/u);

    const workspace = join(scratch, 'ws');
    expect(gongwen(['packets', letter, '-o', workspace, '--recipients', members]).stdout).toContain('生成 5 个单位的意见反馈表和复函');
    expect(readFileSync(join(workspace, '名单.txt'), 'utf8')).toBe('市直有关单位：\n市财政局\n市住建局\n市司法局\n市审计局\n');
    expect(existsSync(join(workspace, 'packets'))).toBe(true);
    // Run again without the option: the workspace's 名单.txt is used, and kept.
    expect(gongwen(['packets', letter, '-o', workspace, '--force']).stdout).toContain('生成 5 个单位的意见反馈表和复函');
    expect(existsSync(join(workspace, '名单.txt'))).toBe(true);
  });

  it('names a member file it cannot read in one line', () => {
    const run = gongwen(['units', SAMPLE, '--recipients', join(scratch, 'absent.txt')]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`gongwen：读不到名单文件 ${join(scratch, 'absent.txt')}，请检查文件路径。`);
  });
});
