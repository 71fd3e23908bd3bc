// 主送 runs as offices write them: shared heads and endings over 、, collectives whole, and no 主送 at all.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/outline/parse.js';
import { resolveUnits } from '../../src/units/index.js';
import { outlineOf, table } from './support.js';

const PUBLIC = 'fixtures/public';
const scratch = mkdtempSync(join(tmpdir(), 'gongwen-main-recipients-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const namesOf = async (file: string): Promise<string[]> => (await parseLetter(join(PUBLIC, file))).recipients.map((r) => r.name);
const resolved = (mainRecipients: string[]): string[] => resolveUnits(outlineOf({ mainRecipients }), table).recipients.map((r) => r.name);

describe('a 主送 run with a shared ending', () => {
  it('gives each of the 11 ministries of 环办〔2016〕 its 办公厅（办公室）', async () => {
    const names = await namesOf('04-mep-2016-biaozhun-shisanwu-guihua-zqyj.txt');
    const offices = names.filter((name) => name.endsWith('办公厅（办公室）'));
    expect(offices).toEqual([
      '发展改革委', '科技部', '工业和信息化部', '国土资源部', '住房城乡建设部', '交通运输部', '水利部', '农业部', '卫生计生委', '质检总局', '海洋局',
    ].map((ministry) => `${ministry}办公厅（办公室）`));
    expect(names).toEqual([
      '各省、自治区、直辖市环境保护厅（局）', '新疆生产建设兵团环境保护局', ...offices, '环境保护部各派出机构', '环境保护部各直属单位', '机关各部门',
    ]);
  });

  it('gives 泉州开发区 the 管委会 of 泉州台商投资区管委会, but no 办公室 to units before 市政府办公室', async () => {
    const outline = await parseLetter('fixtures/shapes/tongzhi-task-table.md');
    expect(outline.recipients.map((r) => r.name)).toEqual(['各县（市、区）人民政府', '泉州开发区管委会', '泉州台商投资区管委会', '市直有关单位']);
    expect(resolved(['市发改委、市政府办公室'])).toEqual(['市发改委', '市政府办公室']);
    expect(resolved(['省发改委、省教育厅、省扶贫办公室'])).toEqual(['省发改委', '省教育厅', '省扶贫办公室']);
  });

  it('gives both groups of 财办会〔2026〕32号 the 国务院 before them and the 办公厅（室） after', async () => {
    expect(await namesOf('01-mof-caibanhui-2026-32-shuzhihua-zqyj.txt')).toEqual([
      '各省、自治区、直辖市、计划单列市财政厅（局）', '新疆生产建设兵团财政局', '国务院有关部委办公厅（室）', '国务院有关直属机构办公厅（室）', '财政部各地监管局', '有关单位',
    ]);
  });
});

describe('a 主送 run with a shared head', () => {
  it('reads 市发展改革委、财政局、人社局，各县（区）民政局 as 4 recipients', () => {
    // The parser hands over one string per 、 run: the ，ends the first.
    expect(resolved(['市发展改革委、财政局、人社局', '各县（区）民政局'])).toEqual(['市发展改革委', '市财政局', '市人社局', '各县（区）民政局']);
  });

  it('reads 各市（州）人民政府、省级有关部门（单位） of 川发改〔2022〕 as 2 recipients', async () => {
    expect(await namesOf('11-sichuan-fgw-2022-liutong-tixi-shishifangan.txt')).toEqual(['各市（州）人民政府', '省级有关部门（单位）']);
  });

  it('reads 国务院各部委、各直属机构 as 2 groups and keeps 各省、自治区、直辖市人民政府 one', async () => {
    expect(await namesOf('06-govcn-guobanfa-2018-117-ducha-jili.txt')).toEqual(['各省、自治区、直辖市人民政府', '国务院各部委', '国务院各直属机构']);
  });

  it('gives the level words before a placed unit its ending: 各设区市、平潭综合实验区人民政府', () => {
    expect(resolved(['各设区市、平潭综合实验区人民政府'])).toEqual(['各设区市人民政府', '平潭综合实验区人民政府']);
    expect(resolved(['各省、自治区、直辖市、新疆生产建设兵团财政厅（局）'])).toEqual(['各省、自治区、直辖市财政厅（局）', '新疆生产建设兵团财政厅（局）']);
    // 省直各单位 has its own head: it takes nothing from 省委各部委.
    expect(resolved(['省委各部委、省直各单位'])).toEqual(['省委各部委', '省直各单位']);
  });

  it('never splits a 、 inside brackets or a collective\'s level words, in simplified or traditional script', async () => {
    expect(resolved(['各县（市、区）人民政府', '各省、自治区、直辖市人民政府办公厅（室）'])).toEqual(['各县（市、区）人民政府', '各省、自治区、直辖市人民政府办公厅（室）']);
    expect((await namesOf('13-sepa-2007-huanfa-163-wuzhong-ziyuan-big5.txt'))[0]).toBe('各省、自治區、直轄市人民政府');
  });
});

describe('a letter without 主送', () => {
  it('takes its recipients from the 征求意见单位名单, and says so', async () => {
    // 环办函〔2014〕 as a public posting that leaves out its 主送 line.
    const letter = join(scratch, 'no-main-recipients.txt');
    writeFileSync(letter, readFileSync(join(PUBLIC, '03-mep-2014-ziranbaohuqu-daoze-zqyj-danweimingdan.txt'), 'utf8').replace(/^各有关单位:\n/mu, ''));
    const outline = await parseLetter(letter);
    expect(outline.letter.mainRecipients).toEqual([]);
    expect(outline.recipients).toHaveLength(24);
    expect(outline.recipients[0]).toMatchObject({ id: 'r01', name: '发展改革委办公厅', group: '征求意见单位名单' });
    expect(outline.diagnostics.find((d) => d.rule === 'recipients-from-list')?.message).toBe('来函没有主送机关，受文单位取自附件1“征求意见单位名单”。');
  });
});

describe('names that start with a place', () => {
  it('keeps 贺兰山东麓 and 宁东 on their names: they are places units are named after, not scopes', async () => {
    const outline = await parseLetter('fixtures/min-fu-xie-han-2024-8.txt');
    const named = outline.tasks.flatMap((task) => task.responsibleUnits).filter((unit) => /贺兰山东麓|宁东/u.test(unit.raw));
    expect(named.map((unit) => [unit.name, unit.scope])).toEqual([
      ['宁东管委会', null], ['贺兰山东麓葡萄酒产业园区管委会', null], ['贺兰山东麓葡萄酒产业园区管委会', null],
    ]);
  });
});

describe('a unit name cut short', () => {
  it('is listed as written, with a warning: 中国科学院水生 of 环办函〔2014〕\'s 名单', async () => {
    const outline = await parseLetter(join(PUBLIC, '03-mep-2014-ziranbaohuqu-daoze-zqyj-danweimingdan.txt'));
    expect(outline.recipients.map((r) => r.name)).toContain('中国科学院水生');
    const warnings = outline.diagnostics.filter((d) => d.rule === 'recipient-incomplete');
    expect(warnings.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '81 warning 受文单位“中国科学院水生”可能不完整（不像单位名称的结尾，如“厅”“局”“委”），已照原样列出，请核对来函。',
    ]);
  });
});
