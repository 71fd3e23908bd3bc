// resolveUnits on outlines built by hand from the sample letter's lines, and on made-up letters of other provinces.
import { describe, expect, it } from 'vitest';
import type { Outline } from '../../src/model/outline.js';
import { homeOfLetter, resolveUnits } from '../../src/units/index.js';
import { outlineOf, table, task, unitList } from './support.js';

/** The sample letter as the parser hands it over: 主送 (line 9), 附件2 (lines 83 and 87) and tasks 1–3, 5, 8, 11. */
const sample: Outline = outlineOf({
  issuer: '福建省东西部扶贫协作工作办公室',
  docNumber: '闽扶协函',
  mainRecipients: ['省直有关单位', '省第十三批援宁工作队', '有关设区市对口支援工作领导小组'],
  unitLists: [
    unitList('省直有关单位', '省委组织部，省发改委、教育厅、科技厅、工信厅、司法厅、财政厅、人社厅、农业农村厅、商务厅、文旅厅、卫健委、广电局、体育局、国家金融监管总局福建省分局，省农科院，厦门大学，省总工会，团省委，省妇联、科协、侨联、残联、工商联。', 83),
    unitList('有关设区市对口支援工作领导小组', '福州、厦门、漳州、泉州、莆田市对口支援工作领导小组。', 87),
  ],
  tasks: [
    task(1, '两省区农业农村厅、发展改革委、商务厅、农科院，各市、县〔区〕', 39),
    task(2, '两省区金融监督管理局、财政厅，各市、县〔区〕', 41),
    task(3, '两省区科技厅、农业农村厅，厦门〔宁夏〕大学、农科院', 43),
    task(5, '两省区发展改革委、农业农村厅、工业和信息化厅、商务厅，宁东管委会、各市、县〔区〕', 51),
    task(8, '两省区党委组织部、农业农村厅、教育厅、卫生健康委、司法厅、科协，各市、县〔区〕', 59),
    task(11, '两省区农业农村厅、文化和旅游厅、工会、共青团、妇联、工商联、科协、侨联、残联、广播电视台、体育局，各市、县〔区〕', 69),
  ],
});
const resolved = resolveUnits(sample, table);
const CITIES = ['福州', '厦门', '漳州', '泉州', '莆田'].map((city) => `${city}市对口支援工作领导小组`);
const taskRecipients = (number: string): string[] => resolved.tasks.find((t) => t.number === number)?.recipients ?? [];

describe('the sample letter\'s recipients', () => {
  it('are the 30 units a clerk would list, in the letter\'s order, with ids', () => {
    expect(resolved.recipients.map((r) => r.name)).toEqual([
      '省委组织部', '省发改委', '省教育厅', '省科技厅', '省工信厅', '省司法厅', '省财政厅', '省人社厅', '省农业农村厅',
      '省商务厅', '省文旅厅', '省卫健委', '省广电局', '省体育局', '国家金融监管总局福建省分局', '省农科院', '厦门大学',
      '省总工会', '团省委', '省妇联', '省科协', '省侨联', '省残联', '省工商联',
      '省第十三批援宁工作队',
      ...CITIES,
    ]);
    expect(resolved.recipients.map((r) => r.id).slice(0, 3)).toEqual(['r01', 'r02', 'r03']);
    expect(resolved.recipients.at(-1)?.id).toBe('r30');
  });

  it('keep their group, or none for a main recipient that is a unit itself', () => {
    const group = (name: string): string | null | undefined => resolved.recipients.find((r) => r.name === name)?.group;
    expect(group('省科技厅')).toBe('省直有关单位');
    expect(group('省第十三批援宁工作队')).toBeNull();
    expect(group('莆田市对口支援工作领导小组')).toBe('有关设区市对口支援工作领导小组');
  });

  it('carry their usual other names', () => {
    const aliases = (name: string): string[] => resolved.recipients.find((r) => r.name === name)?.aliases ?? [];
    expect(aliases('省委组织部')).toContain('中共福建省委组织部');
    expect(aliases('省科技厅')).toContain('福建省科学技术厅');
    expect(aliases('省发改委')).toContain('福建省发展和改革委员会');
    expect(aliases('福州市对口支援工作领导小组')).toContain('福州市对口支援工作领导小组办公室');
  });

  it('carry the tasks they answer for', () => {
    const tasks = (name: string): string[] => resolved.recipients.find((r) => r.name === name)?.tasks ?? [];
    expect(tasks('省委组织部')).toEqual(['8']);
    expect(tasks('厦门大学')).toEqual(['3']);
    expect(tasks('省农科院')).toEqual(['1', '3']);
    expect(tasks('福州市对口支援工作领导小组')).toEqual(['1', '2', '5', '8', '11']);
    expect(tasks('省第十三批援宁工作队')).toEqual([]);
  });
});

describe('the sample letter\'s tasks', () => {
  it('task 3 → 省科技厅, 省农业农村厅, 厦门大学, 省农科院', () => {
    expect(taskRecipients('3')).toEqual(['省科技厅', '省农业农村厅', '厦门大学', '省农科院']);
  });

  it('task 8 → 省委组织部 among others, task 1 → the five cities\' groups', () => {
    expect(taskRecipients('8')).toEqual(['省委组织部', '省农业农村厅', '省教育厅', '省卫健委', '省司法厅', '省科协', ...CITIES]);
    expect(taskRecipients('1')).toEqual(['省农业农村厅', '省发改委', '省商务厅', '省农科院', ...CITIES]);
  });

  it('task 11 → the mass organisations, but not 广播电视台', () => {
    expect(taskRecipients('11')).toEqual([
      '省农业农村厅', '省文旅厅', '省总工会', '团省委', '省妇联', '省工商联', '省科协', '省侨联', '省残联', '省体育局', ...CITIES,
    ]);
  });

  it('fill each responsible unit\'s name and scope, and the units of 厦门〔宁夏〕大学', () => {
    const units = resolved.tasks.find((t) => t.number === '3')?.responsibleUnits ?? [];
    expect(units.map((u) => [u.raw, u.scope, u.name])).toEqual([
      ['两省区科技厅', '两省区', '科技厅'],
      ['农业农村厅', '两省区', '农业农村厅'],
      ['厦门〔宁夏〕大学', null, '厦门（宁夏）大学'],
      ['农科院', null, '农科院'],
    ]);
    expect(units[2]?.units).toEqual(['厦门大学', '宁夏大学']);
    expect(units[0]).toMatchObject({ line: 43, column: 1, role: '责任单位', separator: '、' });
  });

  it('leave the outline it was given as it was', () => {
    expect(sample.tasks[0]?.recipients).toEqual([]);
    expect(sample.tasks[0]?.responsibleUnits[0]?.scope).toBeNull();
  });
});

describe('the sample letter\'s findings', () => {
  const rules = (rule: string): string[] => resolved.diagnostics.filter((d) => d.rule === rule).map((d) => d.message);

  it('name both units of each uncertain match, at the mention', () => {
    const uncertain = resolved.diagnostics.filter((d) => d.rule === 'unit-uncertain');
    expect(uncertain.map((d) => [d.severity, d.line])).toEqual([['warning', 41], ['warning', 69]]);
    expect(uncertain[0]?.message).toContain('“两省区金融监督管理局”');
    expect(uncertain[0]?.message).toContain('“国家金融监管总局福建省分局”');
    expect(uncertain[1]?.message).toContain('“两省区广播电视台”');
    expect(uncertain[1]?.message).toContain('“省广电局”');
  });

  it('take the other side\'s units for what they are, not errors', () => {
    expect(resolved.diagnostics.filter((d) => d.rule === 'unit-other-side').every((d) => d.severity === 'info')).toBe(true);
    expect(rules('unit-other-side').map((m) => /“(.+?)”/u.exec(m)?.[1])).toEqual(['宁夏大学', '宁东管委会']);
  });

  it('list the recipients that answer for no task, as information', () => {
    // 省人社厅 answers for task 7 only, which this hand-made outline leaves out.
    expect(rules('recipient-without-task').map((m) => /“(.+?)”/u.exec(m)?.[1])).toEqual([
      '省人社厅', '省广电局', '国家金融监管总局福建省分局', '省第十三批援宁工作队',
    ]);
    const broadcasting = resolved.diagnostics.find((d) => d.rule === 'recipient-without-task' && d.message.includes('省广电局'));
    expect(broadcasting).toMatchObject({ severity: 'info', line: 83, column: 54 });
  });

  it('have nothing unmatched and no duplicate', () => {
    expect(rules('unit-unmatched')).toEqual([]);
    expect(rules('recipient-duplicate')).toEqual([]);
  });
});

describe('other letters', () => {
  /** A made-up 浙江–四川 pairing letter in the same shape as the sample. */
  const zhejiang = resolveUnits(
    outlineOf({
      issuer: '浙江省对口工作领导小组办公室',
      mainRecipients: ['省级有关单位', '有关市对口工作领导小组'],
      unitLists: [
        unitList('省级有关单位', '省发展改革委、经信厅、教育厅、人力社保厅，省农科院，浙江大学', 20),
        unitList('有关市对口工作领导小组', '杭州、宁波、温州、湖州市对口工作领导小组', 22),
      ],
      tasks: [
        task(1, '两省农业农村厅、发展改革委、经济和信息化厅，阿坝州人民政府、各市、县（市、区）', 30),
        task(2, '两省人力资源社会保障厅、教育厅，四川大学、浙江大学', 31),
        task(3, '省乡村振兴局', 32),
      ],
    }),
    table,
  );

  it('expands groups and matches through the table for any province', () => {
    expect(zhejiang.recipients.map((r) => r.name)).toEqual([
      '省发展改革委', '省经信厅', '省教育厅', '省人力社保厅', '省农科院', '浙江大学',
      '杭州市对口工作领导小组', '宁波市对口工作领导小组', '温州市对口工作领导小组', '湖州市对口工作领导小组',
    ]);
    expect(zhejiang.tasks[0]?.recipients).toEqual([
      '省发展改革委', '省经信厅', '杭州市对口工作领导小组', '宁波市对口工作领导小组', '温州市对口工作领导小组', '湖州市对口工作领导小组',
    ]);
    expect(zhejiang.tasks[1]?.recipients).toEqual(['省人力社保厅', '省教育厅', '浙江大学']);
  });

  it('reports the partner province\'s units as such and an unknown unit as unmatched', () => {
    const findings = zhejiang.diagnostics.map((d) => `${d.rule} ${/“(.+?)”/u.exec(d.message)?.[1]}`);
    expect(findings).toContain('unit-other-side 阿坝州人民政府');
    expect(findings).toContain('unit-other-side 四川大学');
    expect(findings).toContain('unit-unmatched 两省农业农村厅');
    expect(findings).toContain('unit-unmatched 省乡村振兴局');
  });

  it('lets a city named alone stand for that city\'s recipients, and 各市 with no city recipients be a gap', () => {
    const cities = resolveUnits(
      outlineOf({
        issuer: '福建省发展和改革委员会',
        mainRecipients: ['福州市发改委', '厦门市发改委', '省财政厅'],
        tasks: [task(1, '福州市、厦门', 10), task(2, '省财政厅，各市、县（区）', 11)],
      }),
      table,
    );
    expect(cities.tasks[0]?.recipients).toEqual(['福州市发改委', '厦门市发改委']);
    expect(cities.tasks[1]?.recipients).toEqual(['省财政厅', '福州市发改委', '厦门市发改委']);
    const provincial = resolveUnits(
      outlineOf({ issuer: '福建省发展和改革委员会', mainRecipients: ['省财政厅'], tasks: [task(1, '省财政厅，各市、县（区）', 10)] }),
      table,
    );
    expect(provincial.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['unit-unmatched', 10, 6], ['unit-unmatched', 10, 9],
    ]);
    expect(provincial.diagnostics[0]?.message).toContain('“各市”是统称');
  });

  it('warns of a unit listed twice and keeps the first', () => {
    const twice = resolveUnits(
      outlineOf({
        issuer: '福建省人民政府办公厅',
        mainRecipients: ['省直有关单位', '福建省科学技术厅'],
        unitLists: [unitList('省直有关单位', '省科技厅、教育厅、发改委', 5)],
      }),
      table,
    );
    expect(twice.recipients.map((r) => r.name)).toEqual(['省科技厅', '省教育厅', '省发改委']);
    expect(twice.diagnostics).toEqual([
      expect.objectContaining({ rule: 'recipient-duplicate', severity: 'warning', message: expect.stringContaining('“福建省科学技术厅”与“省科技厅”重复') }),
    ]);
  });

  it('keeps a group with no list as one recipient and says how to give its members', () => {
    // 国务院各部委、各直属机构 (国办发〔2018〕117号): two groups sharing 国务院; 各省、自治区、直辖市 is one.
    const unlisted = resolveUnits(outlineOf({ mainRecipients: ['各省、自治区、直辖市人民政府', '国务院各部委、各直属机构'] }), table);
    expect(unlisted.recipients.map((r) => r.name)).toEqual(['各省、自治区、直辖市人民政府', '国务院各部委', '国务院各直属机构']);
    expect(unlisted.diagnostics.map((d) => [d.rule, d.severity])).toEqual([
      ['recipient-group-unlisted', 'info'], ['recipient-group-unlisted', 'info'], ['recipient-group-unlisted', 'info'],
    ]);
    expect(unlisted.diagnostics[1]?.message).toContain('主送机关“国务院各部委”是统称，来函未附其名单，暂按一个受文单位列出；可用 --recipients 名单.txt');
  });

  it('expands the one group without a list of its own through the 名单 nobody else claimed', () => {
    const mep = resolveUnits(
      outlineOf({
        mainRecipients: ['各有关单位'],
        unitLists: [{ group: '征求意见单位名单', attachment: 1, items: [
          { raw: '发展改革委办公厅', separator: '；', line: 40, column: 3 },
          { raw: '财政部办公厅', separator: '；', line: 42, column: 3 },
          { raw: '中国科学院植物研究所', separator: '', line: 44, column: 3 },
        ] }],
      }),
      table,
    );
    expect(mep.recipients.map((r) => [r.id, r.name, r.group])).toEqual([
      ['r01', '发展改革委办公厅', '各有关单位'], ['r02', '财政部办公厅', '各有关单位'], ['r03', '中国科学院植物研究所', '各有关单位'],
    ]);
  });

  it('finds the letter\'s province from its issuer, its doc number or its recipients', () => {
    expect(homeOfLetter(outlineOf({ issuer: '中共福建省委办公厅', mainRecipients: [] }), table)?.short).toBe('福建');
    expect(homeOfLetter(outlineOf({ issuer: '福州市人民政府', mainRecipients: [] }), table)?.short).toBe('福建');
    expect(homeOfLetter(outlineOf({ docNumber: '宁政办函', mainRecipients: [] }), table)?.short).toBe('宁夏');
    expect(homeOfLetter(outlineOf({ docNumber: '国办函', mainRecipients: ['厦门大学', '福州大学'] }), table)?.short).toBe('福建');
    expect(homeOfLetter(outlineOf({ docNumber: '国办函', mainRecipients: ['各省、自治区、直辖市人民政府'] }), table)).toBeNull();
  });
});
