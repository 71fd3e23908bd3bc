// End to end: the sample letter 闽扶协函〔2024〕8号 through the parser and the units module.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Outline } from '../../src/model/outline.js';
import { parseLetter } from '../../src/outline/parse.js';
import { resolveUnits, type ResolvedUnits } from '../../src/units/index.js';
import { SAMPLE } from '../support/cli.js';
import { table } from './support.js';

const CITIES = ['福州', '厦门', '漳州', '泉州', '莆田'].map((city) => `${city}市对口支援工作领导小组`);
let outline: Outline;
let resolved: ResolvedUnits;

beforeAll(async () => {
  outline = await parseLetter(SAMPLE);
  resolved = resolveUnits(outline, table);
});

const taskRecipients = (number: string): string[] => resolved.tasks.find((t) => t.number === number)?.recipients ?? [];
const recipient = (name: string) => resolved.recipients.find((r) => r.name === name);

describe('the sample letter\'s units', () => {
  it('gives a unit of the province the full name it signs with, from the alias table, and none where the table has none', () => {
    expect(recipient('省科技厅')?.fullName).toBe('福建省科学技术厅');
    expect(recipient('省委组织部')?.fullName).toBe('中共福建省委组织部');
    expect(recipient('团省委')?.fullName).toBe('共青团福建省委员会');
    expect(recipient('省第十三批援宁工作队')?.fullName).toBeUndefined();
    expect(recipient('福州市对口支援工作领导小组')?.fullName).toBeUndefined();
  });

  it('gives the 30 recipients a careful clerk would list, in order', () => {
    expect(resolved.recipients.map((r) => `${r.id} ${r.name}`)).toEqual([
      '省委组织部', '省发改委', '省教育厅', '省科技厅', '省工信厅', '省司法厅', '省财政厅', '省人社厅', '省农业农村厅',
      '省商务厅', '省文旅厅', '省卫健委', '省广电局', '省体育局', '国家金融监管总局福建省分局', '省农科院', '厦门大学',
      '省总工会', '团省委', '省妇联', '省科协', '省侨联', '省残联', '省工商联',
      '省第十三批援宁工作队',
      ...CITIES,
    ].map((name, index) => `r${String(index + 1).padStart(2, '0')} ${name}`));
    expect(resolved.recipients.filter((r) => r.group === '省直有关单位')).toHaveLength(24);
  });

  it('task 3 → 省科技厅, 省农业农村厅, 厦门大学, 省农科院', () => {
    expect(taskRecipients('3')).toEqual(['省科技厅', '省农业农村厅', '厦门大学', '省农科院']);
  });

  it('task 8 → 省委组织部 among others; task 1 → the five cities\' groups among others', () => {
    expect(taskRecipients('8')).toContain('省委组织部');
    expect(taskRecipients('1')).toEqual(expect.arrayContaining(CITIES));
    expect(taskRecipients('4')).toEqual(['省发改委', '省工信厅', '省农业农村厅']);
  });

  it('gives every recipient the tasks it answers for', () => {
    expect(recipient('省人社厅')?.tasks).toEqual(['7']);
    expect(recipient('省科协')?.tasks).toEqual(['8', '11']);
    expect(recipient('泉州市对口支援工作领导小组')?.tasks).toEqual(['1', '2', '5', '6', '7', '8', '9', '10', '11']);
    expect(resolved.recipients.filter((r) => r.tasks.length === 0).map((r) => r.name)).toEqual([
      '省广电局', '国家金融监管总局福建省分局', '省第十三批援宁工作队',
    ]);
  });

  it('names the two doubtful matches and raises no other warning', () => {
    const warnings = resolved.diagnostics.filter((d) => d.severity !== 'info');
    expect(warnings.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['41:144 unit-uncertain', '69:247 unit-uncertain']);
    expect(warnings[0]?.message).toMatch(/“两省区金融监督管理局”.*“国家金融监管总局福建省分局”/u);
    expect(warnings[1]?.message).toMatch(/“两省区广播电视台”.*“省广电局”/u);
  });

  it('takes 宁夏大学, 宁东管委会 and 贺兰山东麓葡萄酒产业园区管委会 for the other side', () => {
    const otherSide = resolved.diagnostics.filter((d) => d.rule === 'unit-other-side');
    expect(otherSide.map((d) => `${d.line} ${/“(.+?)”/u.exec(d.message)?.[1]}`)).toEqual([
      '43 宁夏大学', '51 宁东管委会', '53 贺兰山东麓葡萄酒产业园区管委会', '65 贺兰山东麓葡萄酒产业园区管委会',
    ]);
  });
});
