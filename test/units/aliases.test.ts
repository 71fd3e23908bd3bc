// The alias table: the shipped data, a workspace's additions, and what a bad file tells the clerk.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { describeUnit, loadAliasTable, unitMatcher } from '../../src/units/index.js';
import type { Recipient } from '../../src/model/outline.js';
import { table } from './support.js';

const same = (a: string, b: string): boolean => describeUnit(a, table).identity === describeUnit(b, table).identity;
const folder = mkdtempSync(join(tmpdir(), 'gongwen-aliases-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe('the shipped table', () => {
  it('is found from the source tree and lists the files it came from', () => {
    expect(table.files).toHaveLength(1);
    expect(table.files[0]).toMatch(/templates[\\/]units[\\/]aliases\.json$/u);
    expect(table.data.provinces.length).toBe(34);
  });

  it.each([
    ['发改委', '发展改革委', '发展和改革委员会'],
    ['人社厅', '人力资源保障厅', '人力资源和社会保障厅'],
    ['文旅厅', '文化和旅游厅', '文化旅游厅'],
    ['卫健委', '卫生健康委', '卫生健康委员会'],
    ['工信厅', '工业和信息化厅', '经济和信息化厅'],
    ['科技厅', '科学技术厅', '科技厅'],
    ['科协', '科学技术协会', '科协'],
    ['团省委', '共青团', '共青团福建省委员会'],
    ['省总工会', '工会', '福建省总工会'],
    ['省委组织部', '党委组织部', '中共福建省委组织部'],
    ['国家金融监管总局福建省分局', '国家金融监督管理总局福建监管局', '金融监管总局福建省分局'],
  ])('%s = %s = %s', (a, b, c) => {
    expect(same(a, b)).toBe(true);
    expect(same(b, c)).toBe(true);
  });

  it('reads 省科技厅 and 福建省科学技术厅 as the same class, with a province-level scope each', () => {
    const short = describeUnit('省科技厅', table);
    const full = describeUnit('福建省科学技术厅', table);
    expect(short.identity).toBe(full.identity);
    expect(short.scope).toMatchObject({ text: '省', level: '省', province: null });
    expect(full.scope).toMatchObject({ text: '福建省', level: '省' });
    expect(full.scope.province?.short).toBe('福建');
  });

  it('reads X领导小组办公室 as X领导小组', () => {
    expect(describeUnit('莆田市对口支援工作领导小组办公室', table).text).toBe('莆田市对口支援工作领导小组');
  });

  it('knows the places of every province, not only the sample\'s', () => {
    expect(describeUnit('宁东管委会', table).province?.name).toBe('宁夏回族自治区');
    expect(describeUnit('阿坝州人民政府', table).scope.province?.name).toBe('四川省');
    expect(describeUnit('吉林市发改委', table).scope).toMatchObject({ city: '吉林', level: '市' });
    expect(describeUnit('吉林省发改委', table).scope).toMatchObject({ city: null, level: '省' });
  });
});

describe('a workspace\'s additions', () => {
  it('adds a form to a known class and a new class', () => {
    const extra = file('extra.json', JSON.stringify({
      units: [
        { name: '科技厅', forms: ['科学技术和知识产权厅'] },
        { name: '海峡办', full: '海峡两岸交流合作办公室', kind: '直属机构' },
      ],
    }));
    const merged = loadAliasTable([extra]);
    expect(merged.files).toHaveLength(2);
    expect(describeUnit('省科学技术和知识产权厅', merged).identity).toBe(describeUnit('省科技厅', merged).identity);
    const recipients: Recipient[] = [{ id: 'r01', name: '省海峡办', group: null, aliases: [], tasks: [] }];
    expect(unitMatcher(recipients, merged)('省海峡两岸交流合作办公室')).toMatchObject({ certainty: 'alias' });
    expect(unitMatcher(recipients, table)('省海峡两岸交流合作办公室')).toBeNull();
  });

  it('adds a place to a province', () => {
    const extra = file('place.json', JSON.stringify({ provinces: [{ name: '福建省', short: '福建', level: '省', places: ['福州新区'] }] }));
    expect(describeUnit('福州新区管委会', loadAliasTable([extra])).province?.name).toBe('福建省');
  });
});

describe('a bad file', () => {
  const problem = (text: string): string => {
    const path = file('bad.json', text);
    try {
      loadAliasTable([path]);
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toContain(path);
      return (error as Error).message;
    }
    throw new Error('no error');
  };

  it('names the file and says what is wrong, in Chinese', () => {
    expect(problem('{ "units": [ ')).toMatch(/不是有效的 JSON/u);
    expect(problem('[]')).toMatch(/最外层应是一个对象/u);
    expect(problem('{ "units": [{ "forms": ["x"] }] }')).toMatch(/units\[0\]\.name 应是非空字符串/u);
    expect(problem('{ "units": [{ "name": "x", "forms": "y" }] }')).toMatch(/units\[0\]\.forms 应是字符串列表/u);
    expect(problem('{ "levels": { "区": "乡" } }')).toMatch(/levels\.区 应为/u);
    expect(problem('{ "schemaVersion": 2 }')).toMatch(/schemaVersion 应为 1/u);
  });

  it('says when the file cannot be read', () => {
    expect(() => loadAliasTable([join(folder, 'missing.json')])).toThrow(/读不到别名表 .*missing\.json/u);
  });

  it('accepts a byte-order mark', () => {
    expect(() => loadAliasTable([file('bom.json', '\uFEFF{ "units": [] }')])).not.toThrow();
  });
});
