// The expansion rules of written unit lists, one at a time, on the sample letter's lines and beyond.
import { describe, expect, it } from 'vitest';
import { expandUnitList, parseCollective } from '../../src/units/index.js';
import { itemsOf, table } from './support.js';

const units = (text: string): string[] => expandUnitList(itemsOf(text), table).flatMap((item) => item.units);
const scoped = (text: string): [string | null, string][] =>
  expandUnitList(itemsOf(text), table).map((item) => [item.scope, item.name]);

describe('prefix distribution along a 、 run', () => {
  it('gives the 省 of the first item to the rest of the run', () => {
    expect(units('省发改委、教育厅、科技厅')).toEqual(['省发改委', '省教育厅', '省科技厅']);
  });

  it('stops at ， and ；', () => {
    expect(units('省发改委、教育厅，科技厅')).toEqual(['省发改委', '省教育厅', '科技厅']);
    expect(units('省发改委；教育厅')).toEqual(['省发改委', '教育厅']);
  });

  it('keeps the sample letter\'s 附件2 line apart at its ，', () => {
    // 附件2, line 83 of the sample letter.
    const line = '省委组织部，省发改委、教育厅、科技厅、工信厅、司法厅、财政厅、人社厅、农业农村厅、商务厅、文旅厅、卫健委、广电局、体育局、国家金融监管总局福建省分局，省农科院，厦门大学，省总工会，团省委，省妇联、科协、侨联、残联、工商联。';
    expect(units(line)).toEqual([
      '省委组织部', '省发改委', '省教育厅', '省科技厅', '省工信厅', '省司法厅', '省财政厅', '省人社厅', '省农业农村厅',
      '省商务厅', '省文旅厅', '省卫健委', '省广电局', '省体育局', '国家金融监管总局福建省分局', '省农科院', '厦门大学',
      '省总工会', '团省委', '省妇联', '省科协', '省侨联', '省残联', '省工商联',
    ]);
  });

  it('gives nothing to items with their own scope, and goes on past them', () => {
    expect(units('省发改委、国家金融监管总局福建省分局、教育厅')).toEqual(['省发改委', '国家金融监管总局福建省分局', '省教育厅']);
    expect(units('省教育厅、厦门大学、科技厅')).toEqual(['省教育厅', '厦门大学', '省科技厅']);
    expect(units('省妇联、团省委、科协')).toEqual(['省妇联', '团省委', '省科协']);
    expect(units('省发改委、中共福建省委组织部')).toEqual(['省发改委', '中共福建省委组织部']);
  });

  it('lets a province\'s, a city\'s or the 国家 scope travel as well', () => {
    expect(units('福建省科学技术厅、教育厅')).toEqual(['福建省科学技术厅', '福建省教育厅']);
    expect(units('宁夏回族自治区发展改革委、教育厅')).toEqual(['宁夏回族自治区发展改革委', '宁夏回族自治区教育厅']);
    expect(units('四川省发展改革委、商务厅')).toEqual(['四川省发展改革委', '四川省商务厅']);
    expect(units('市发改委、教育局、财政局')).toEqual(['市发改委', '市教育局', '市财政局']);
    expect(units('福州市发改委、教育局')).toEqual(['福州市发改委', '福州市教育局']);
    expect(units('国家发展改革委、能源局')).toEqual(['国家发展改革委', '国家能源局']);
  });

  it('gives a party committee\'s scope to party departments and its level to the others', () => {
    expect(units('省委组织部、宣传部、统战部')).toEqual(['省委组织部', '省委宣传部', '省委统战部']);
    expect(units('省委组织部、宣传部、发改委')).toEqual(['省委组织部', '省委宣传部', '省发改委']);
  });

  it('gives 两省区 to the whole run as its scope (task 1 of the sample)', () => {
    expect(scoped('两省区农业农村厅、发展改革委、商务厅、农科院，各市、县〔区〕')).toEqual([
      ['两省区', '农业农村厅'], ['两省区', '发展改革委'], ['两省区', '商务厅'], ['两省区', '农科院'],
      [null, '各市'], [null, '各县（区）'],
    ]);
    expect(scoped('两省区党委组织部、农业农村厅')).toEqual([['两省区', '党委组织部'], ['两省区', '农业农村厅']]);
  });
});

describe('suffix distribution', () => {
  it('gives the last item\'s suffix, with its level word, to the bare places before it', () => {
    // 附件2, line 87 of the sample letter.
    expect(units('福州、厦门、漳州、泉州、莆田市对口支援工作领导小组。')).toEqual([
      '福州市对口支援工作领导小组', '厦门市对口支援工作领导小组', '漳州市对口支援工作领导小组',
      '泉州市对口支援工作领导小组', '莆田市对口支援工作领导小组',
    ]);
  });

  it('works for other provinces, for places written with their level word, and for level words', () => {
    expect(units('银川、石嘴山、吴忠市农业农村局')).toEqual(['银川市农业农村局', '石嘴山市农业农村局', '吴忠市农业农村局']);
    expect(units('福州市、厦门市教育局')).toEqual(['福州市教育局', '厦门市教育局']);
    expect(units('江苏、浙江省发改委')).toEqual(['江苏省发改委', '浙江省发改委']);
    expect(units('省、市、县人民政府')).toEqual(['省人民政府', '市人民政府', '县人民政府']);
    expect(units('各市、县人民政府')).toEqual(['各市人民政府', '各县人民政府']);
    expect(units('各省、自治区、直辖市环境保护厅（局）')).toEqual(['各省环境保护厅（局）', '各自治区环境保护厅（局）', '各直辖市环境保护厅（局）']);
  });

  it('leaves a run of complete units alone', () => {
    expect(units('发展改革委、工业和信息化厅、农业农村厅')).toEqual(['发展改革委', '工业和信息化厅', '农业农村厅']);
  });
});

describe('brackets', () => {
  it('厦门〔宁夏〕大学 names both universities', () => {
    const [item] = expandUnitList(itemsOf('厦门〔宁夏〕大学'), table);
    expect(item?.units).toEqual(['厦门大学', '宁夏大学']);
    expect(units('福州（厦门）大学、农科院')).toEqual(['福州大学', '厦门大学', '农科院']);
  });

  it('keeps a bracket of unit kinds as one unit, written either way', () => {
    expect(units('省环境保护厅（局）')).toEqual(['省环境保护厅（局）']);
    expect(units('省发改委、水利（水务）局')).toEqual(['省发改委', '省水利（水务）局']);
  });
});

describe('collectives', () => {
  it('各 travels to the level words after it', () => {
    expect(units('各市、县（区）')).toEqual(['各市', '各县（区）']);
    expect(units('各市、县〔区〕').every((unit) => parseCollective(unit, table) !== null)).toBe(true);
  });

  it('reads levels and suffix', () => {
    expect(parseCollective('各县（市、区）人民政府', table)).toEqual({ levels: ['县', '市'], suffix: '人民政府' });
    expect(parseCollective('有关设区市对口支援工作领导小组', table)).toEqual({ levels: ['市'], suffix: '对口支援工作领导小组' });
    expect(parseCollective('县〔区〕', table)).toEqual({ levels: ['县'], suffix: null });
  });

  it('is not fooled by words that start with a level character', () => {
    expect(parseCollective('市场监管局', table)).toBeNull();
    expect(parseCollective('县人民政府', table)).toBeNull();
    expect(parseCollective('各有关单位', table)).toBeNull();
  });
});

it('keeps each item\'s position', () => {
  const [first, second] = expandUnitList(itemsOf('两省区科技厅、农业农村厅', 43), table);
  expect(first?.item).toMatchObject({ line: 43, column: 1 });
  expect(second?.item).toMatchObject({ line: 43, column: 8 });
});
