// Matching one name to the recipients (unitMatcher, for the tracking code): exact, alias, uncertain, none.
import { describe, expect, it } from 'vitest';
import type { Recipient } from '../../src/model/outline.js';
import { resolveUnits, unitMatcher } from '../../src/units/index.js';
import { outlineOf, table, unitList } from './support.js';

/** The sample letter's recipients, through resolveUnits (so they carry their aliases). */
const sample = resolveUnits(
  outlineOf({
    issuer: '福建省东西部扶贫协作工作办公室',
    mainRecipients: ['省直有关单位', '省第十三批援宁工作队', '有关设区市对口支援工作领导小组'],
    unitLists: [
      unitList('省直有关单位', '省委组织部，省发改委、教育厅、科技厅、工信厅、司法厅、财政厅、人社厅、农业农村厅、商务厅、文旅厅、卫健委、广电局、体育局、国家金融监管总局福建省分局，省农科院，厦门大学，省总工会，团省委，省妇联、科协、侨联、残联、工商联。', 83),
      unitList('有关设区市对口支援工作领导小组', '福州、厦门、漳州、泉州、莆田市对口支援工作领导小组。', 87),
    ],
  }),
  table,
).recipients;

const recipient = (name: string, aliases: string[] = []): Recipient => ({ id: 'r00', name, group: null, aliases, tasks: [] });
const match = (text: string, recipients = sample): [string, string] | null => {
  const found = unitMatcher(recipients, table)(text);
  return found ? [found.recipient.name, found.certainty] : null;
};

describe('unitMatcher on the sample letter\'s recipients', () => {
  it('takes an exact name as exact', () => {
    expect(match('省科技厅')).toEqual(['省科技厅', 'exact']);
    expect(match('厦门大学')).toEqual(['厦门大学', 'exact']);
  });

  it.each([
    ['福建省科学技术厅', '省科技厅'],
    ['科学技术厅', '省科技厅'],
    ['福建省发展和改革委员会', '省发改委'],
    ['省发展改革委', '省发改委'],
    ['发展改革委', '省发改委'],
    ['福建省人力资源和社会保障厅', '省人社厅'],
    ['人力资源保障厅', '省人社厅'],
    ['福建省文化和旅游厅', '省文旅厅'],
    ['卫生健康委', '省卫健委'],
    ['工业和信息化厅', '省工信厅'],
    ['中共福建省委组织部', '省委组织部'],
    ['党委组织部', '省委组织部'],
    ['共青团福建省委员会', '团省委'],
    ['共青团', '团省委'],
    ['工会', '省总工会'],
    ['福建省农业科学院', '省农科院'],
    ['国家金融监督管理总局福建监管局', '国家金融监管总局福建省分局'],
    ['莆田市对口支援工作领导小组办公室', '莆田市对口支援工作领导小组'],
    ['福州市对口支援工作领导小组', '福州市对口支援工作领导小组'],
    ['福建省第十三批援宁工作队', '省第十三批援宁工作队'],
  ])('%s → %s', (text, name) => {
    expect(match(text)?.[0]).toBe(name);
    expect(match(text)?.[1]).not.toBe('uncertain');
  });

  it('reports a probable match as uncertain', () => {
    expect(match('广播电视台')).toEqual(['省广电局', 'uncertain']);
    expect(match('福建省地方金融监督管理局')).toEqual(['国家金融监管总局福建省分局', 'uncertain']);
    expect(match('经信委')).toEqual(['省工信厅', 'uncertain']);
    expect(match('援宁工作队')).toEqual(['省第十三批援宁工作队', 'uncertain']);
  });

  it('finds nothing for units of the other province, the centre, or unknown units', () => {
    expect(match('宁夏回族自治区科学技术厅')).toBeNull();
    expect(match('宁夏大学')).toBeNull();
    expect(match('宁东管委会')).toBeNull();
    expect(match('国家发展改革委')).toBeNull();
    expect(match('省公安厅')).toBeNull();
    expect(match('')).toBeNull();
  });

  it('does not take a collective as one recipient', () => {
    expect(match('各市')).toBeNull();
  });
});

describe('unitMatcher beyond the sample', () => {
  const cities = [recipient('福州市发改委'), recipient('厦门市发改委'), recipient('厦门市教育局')];

  it('tells cities apart and finds the city by its full name', () => {
    expect(match('福州市发展和改革委员会', cities)).toEqual(['福州市发改委', 'alias']);
    expect(match('厦门市发展改革委', cities)).toEqual(['厦门市发改委', 'alias']);
    expect(match('泉州市发改委', cities)).toBeNull();
    expect(match('厦门市教育局', cities)).toEqual(['厦门市教育局', 'exact']);
  });

  it('calls a name two recipients could be uncertain', () => {
    expect(match('发改委', cities)).toEqual(['福州市发改委', 'uncertain']);
  });

  it('works for another province\'s letter', () => {
    const sichuan = [recipient('省发展改革委'), recipient('省经济和信息化厅'), recipient('成都市人民政府'), recipient('四川大学')];
    expect(match('四川省发展和改革委员会', sichuan)).toEqual(['省发展改革委', 'alias']);
    expect(match('四川省工业和信息化厅', sichuan)).toEqual(['省经济和信息化厅', 'alias']);
    expect(match('成都市政府', sichuan)).toEqual(['成都市人民政府', 'alias']);
    expect(match('浙江省发展和改革委员会', sichuan)).toBeNull();
  });

  it('is only uncertain about a province\'s full name when nothing says which province the letter is in', () => {
    const bare = [recipient('省科技厅'), recipient('省发改委')];
    expect(match('福建省科学技术厅', bare)).toEqual(['省科技厅', 'uncertain']);
    expect(match('科学技术厅', bare)).toEqual(['省科技厅', 'alias']);
  });

  it('answers a 领导小组办公室 for its 领导小组, and a 领导小组 for its office', () => {
    const groups = [recipient('县乡村振兴领导小组办公室'), recipient('市防汛抗旱指挥部')];
    expect(match('县乡村振兴领导小组', groups)).toEqual(['县乡村振兴领导小组办公室', 'alias']);
    expect(match('市防指', groups)).toEqual(['市防汛抗旱指挥部', 'alias']);
    expect(match('市防汛抗旱指挥部办公室', groups)).toEqual(['市防汛抗旱指挥部', 'alias']);
  });

  it('keeps the party committee\'s and the government\'s 办公厅 apart', () => {
    const offices = [recipient('省委办公厅'), recipient('省政府办公厅')];
    expect(match('福建省人民政府办公厅', offices)).toEqual(['省政府办公厅', 'uncertain']);
    expect(match('省人民政府办公厅', offices)).toEqual(['省政府办公厅', 'alias']);
    // Two recipients placed in 福建 tell which province the 省 is.
    expect(match('中共福建省委办公厅', [...offices, recipient('厦门大学'), recipient('福州大学')])).toEqual(['省委办公厅', 'alias']);
  });
});
