// `gongwen units` on the sample letter: the list a clerk checks before sending anything.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE, gongwen } from '../support/cli.js';

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
});
