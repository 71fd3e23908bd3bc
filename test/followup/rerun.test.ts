// Running summary and remind again on a workspace a person has worked in: nothing typed is lost.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/outline/parse.js';
import { createPackets } from '../../src/packets/index.js';
import { createReminders } from '../../src/remind/index.js';
import { UNPLACED_SHEET, createSummary, type Summary } from '../../src/summary/index.js';
import { SAMPLE, fixture, gongwen } from '../support/cli.js';
import { fillForm } from '../support/word.js';
import { readDocx } from '../writers/ooxml.js';

const workspace = join(mkdtempSync(join(tmpdir(), 'gongwen-rerun-')), 'ws');
const inbox = join(workspace, '回收');
const xlsx = join(workspace, '意见汇总表.xlsx');
afterAll(() => rmSync(join(workspace, '..'), { recursive: true, force: true }));
const form = (folder: string): Uint8Array => readFileSync(join(workspace, 'packets', folder, '意见反馈表.docx'));
const drop = (name: string, bytes: Uint8Array, day: number): void => {
  writeFileSync(join(inbox, name), bytes);
  const when = new Date(Date.UTC(2024, 9, day, 8));
  utimesSync(join(inbox, name), when, when);
};
const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A sheet's rows under its header row, found by its content (a title may sit above it), by header. */
async function sheetRows(name?: string): Promise<Array<Record<string, string>>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
  const sheet = name ? workbook.getWorksheet(name) : workbook.worksheets[0];
  if (!sheet) return [];
  const { header, columns } = headerOf(sheet);
  const rows: Array<Record<string, string>> = [];
  for (let number = header + 1; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    rows.push(Object.fromEntries([...columns].map(([column, title]) => [title, row.getCell(column).text])));
  }
  return rows;
}

function headerOf(sheet: ExcelJS.Worksheet): { header: number; columns: Map<number, string> } {
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    const columns = new Map<number, string>();
    sheet.getRow(number).eachCell((cell, column) => void columns.set(column, cell.text.trim()));
    if ([...columns.values()].includes('修改意见') && [...columns.values()].includes('采纳情况')) return { header: number, columns };
  }
  throw new Error('no header row');
}

/** Types into the summary as a person does in Excel: the cells of the row of `unit` whose comment contains `comment`. */
async function type(entries: Array<{ unit: string; comment: string; cells: Record<string, string> }>, extra?: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const { header, columns } = headerOf(sheet);
  const column = (title: string): number => [...columns].find(([, name]) => name === title)![0];
  for (const entry of entries) {
    let found = false;
    for (let number = header + 1; number <= sheet.rowCount; number += 1) {
      const row = sheet.getRow(number);
      if (row.getCell(column('提出单位')).text !== entry.unit || !row.getCell(column('修改意见')).text.includes(entry.comment)) continue;
      for (const [title, value] of Object.entries(entry.cells)) row.getCell(column(title)).value = value;
      found = true;
    }
    expect(found, `${entry.unit} ${entry.comment}`).toBe(true);
  }
  extra?.(workbook);
  await workbook.xlsx.writeFile(xlsx);
}

let first: Summary;
let second: Summary;

beforeAll(async () => {
  await createPackets(await parseLetter(SAMPLE), workspace);
  copyFileSync(fixture('replies/科技厅反馈意见.docx'), join(inbox, '科技厅反馈意见.docx'));
  drop('财政厅.docx', fillForm(form('07-省财政厅'), { comments: [['', '', '建议补充地方法人银行', '与现行政策一致'], ['', '', '建议明确融资担保机制', '']] }), 15);
  drop('组织部.docx', fillForm(form('01-省委组织部'), { comments: [['任务8 深化人才交流', '', '建议增加挂职干部培训', '']] }), 15);
  first = await createSummary(workspace, { asOf: '2024-10-19' });

  // The drafter works in the sheet: decisions and notes, a reason reworded, a comment's wording tidied.
  await type([
    { unit: '省科技厅', comment: first.rows.find((row) => row.unit === '省科技厅')!.suggestion, cells: { 采纳情况: '采纳', 说明: '已在任务3中补充' } },
    { unit: '省财政厅', comment: '地方法人银行', cells: { 采纳情况: '部分采纳', 说明: '补充“地方法人银行”，不写具体名单', 理由: '与现行金融政策一致（起草单位补记）' } },
    { unit: '省财政厅', comment: '融资担保机制', cells: { 采纳情况: '不采纳', 说明: '已有专门文件' } },
    { unit: '省委组织部', comment: '挂职干部培训', cells: { 修改意见: '建议增加挂职干部的岗前培训', 采纳情况: '采纳' } },
  ]);
  // Then 省财政厅 sends a newer form without its second comment, and 省人社厅 replies for the first time.
  drop('财政厅（修改稿）.docx', fillForm(form('07-省财政厅'), { comments: [['', '', '建议补充地方法人银行', '与现行政策一致']] }), 17);
  drop('人社厅.docx', fillForm(form('08-省人社厅'), { comments: [['任务7 深化劳务协作', '', '建议增加技能培训补贴', '']] }), 17);
  second = await createSummary(workspace, { asOf: '2024-10-20' });
}, 240_000);

describe('gongwen summary run again', () => {
  it('keeps the 采纳情况 and 说明 typed for every comment still there', async () => {
    const rows = await sheetRows();
    const science = rows.find((row) => row['提出单位'] === '省科技厅')!;
    expect([science['采纳情况'], science['说明']]).toEqual(['采纳', '已在任务3中补充']);
    const finance = rows.filter((row) => row['提出单位'] === '省财政厅');
    expect(finance).toHaveLength(1);
    expect(finance[0]).toMatchObject({ 修改意见: '建议补充地方法人银行', 采纳情况: '部分采纳', 说明: '补充“地方法人银行”，不写具体名单' });
    expect(second.restored).toBe(2);
  });

  it('keeps a cell the person reworded', async () => {
    const finance = (await sheetRows()).find((row) => row['提出单位'] === '省财政厅')!;
    expect(finance['理由']).toBe('与现行金融政策一致（起草单位补记）');
  });

  it('adds the new comments, blank for the drafter, in the draft\'s order', async () => {
    const rows = await sheetRows();
    const labour = rows.find((row) => row['提出单位'] === '省人社厅')!;
    expect(labour).toMatchObject({ 修改意见: '建议增加技能培训补贴', 采纳情况: '', 说明: '' });
    expect(rows.map((row) => row['序号'])).toEqual(rows.map((_, index) => String(index + 1)));
    expect(rows.findIndex((row) => row['提出单位'] === '省人社厅')).toBeLessThan(rows.findIndex((row) => row['条目']?.startsWith('任务8') ?? false));
  });

  it('keeps apart, marked, a decided comment its unit has since withdrawn, and one whose wording was changed', async () => {
    const kept = await sheetRows(UNPLACED_SHEET);
    expect(kept).toHaveLength(2);
    const withdrawn = kept.find((row) => row['提出单位'] === '省财政厅')!;
    expect(withdrawn).toMatchObject({ 修改意见: '建议明确融资担保机制', 采纳情况: '不采纳', 说明: '已有专门文件' });
    expect(withdrawn['原因']).toMatch(/回收\/财政厅（修改稿）\.docx 中已没有这条意见（原见 回收\/财政厅\.docx）/u);
    const reworded = kept.find((row) => row['提出单位'] === '省委组织部')!;
    expect(reworded).toMatchObject({ 修改意见: '建议增加挂职干部的岗前培训', 采纳情况: '采纳' });
    expect(reworded['原因']).toMatch(/找不到这条意见/u);
    expect([second.unplaced, second.superseded]).toEqual([2, 1]);
  });

  it('shows the typed decisions in the .docx too', () => {
    const docx = readDocx(readFileSync(join(workspace, '意见汇总表.docx')));
    expect(docx.text).toContain('已在任务3中补充');
  });

  it('changes nothing typed when run a third time, and says what it kept', async () => {
    const [main, kept] = [await sheetRows(), await sheetRows(UNPLACED_SHEET)];
    const run = gongwen(['summary', workspace, '--as-of', '2024-10-20']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('原表中已填写的 2 条意见的采纳情况、说明等内容已保留');
    expect(run.stdout).toMatch(/原表中有 2 行对应不到现在的意见（其中 1 条所在的反馈已被该单位新的反馈取代），已原样保留在工作表“未能对应的原有内容”中/u);
    expect(await sheetRows()).toEqual(main);
    expect(await sheetRows(UNPLACED_SHEET)).toEqual(kept);
  });

  it('puts a kept row back once it matches again', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(UNPLACED_SHEET)!;
    const { header, columns } = headerOf(sheet);
    const suggestion = [...columns].find(([, name]) => name === '修改意见')![0];
    for (let number = header + 1; number <= sheet.rowCount; number += 1) {
      const cell = sheet.getRow(number).getCell(suggestion);
      if (cell.text === '建议增加挂职干部的岗前培训') cell.value = '建议增加挂职干部培训';
    }
    await workbook.xlsx.writeFile(xlsx);
    const again = await createSummary(workspace, { asOf: '2024-10-20' });
    expect(again.unplaced).toBe(1);
    expect((await sheetRows()).find((row) => row['提出单位'] === '省委组织部')).toMatchObject({ 采纳情况: '采纳' });
  });

  it('keeps a note typed below the table, and drops nothing but a row emptied down to its number', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const { columns } = headerOf(sheet);
    const column = (title: string): number => [...columns].find(([, name]) => name === title)![0];
    sheet.getRow(sheet.rowCount + 2).getCell(column('说明')).value = '以上意见已于10月22日与起草组会商';
    sheet.getRow(sheet.rowCount + 1).getCell(column('序号')).value = 99;
    await workbook.xlsx.writeFile(xlsx);
    const again = await createSummary(workspace, { asOf: '2024-10-20' });
    expect(again.unplaced).toBe(2);
    expect((await sheetRows(UNPLACED_SHEET)).find((row) => row['说明'] === '以上意见已于10月22日与起草组会商')?.['原因']).toMatch(/找不到这条意见/u);
  });

  it('stops, changing nothing, when the workbook holds a sheet of the person\'s own', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    workbook.addWorksheet('会商记录').getCell('A1').value = '10月21日与财政厅电话沟通';
    await workbook.xlsx.writeFile(xlsx);
    const before = sha256(xlsx);
    await expect(createSummary(workspace, { asOf: '2024-10-20' })).rejects.toThrow(/工作表“会商记录”不是 gongwen 生成的.*未作任何改动/u);
    expect(sha256(xlsx)).toBe(before);
  });

  it('stops, changing nothing, when the sheet cannot be read', async () => {
    writeFileSync(xlsx, 'not a workbook');
    const run = gongwen(['summary', workspace]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^gongwen：无法读取 意见汇总表\.xlsx.*未作任何改动/u)]);
    expect(readFileSync(xlsx, 'utf8')).toBe('not a workbook');
  });
});

describe('gongwen remind run twice on one date', () => {
  it('refuses to overwrite a 催办通知 a person may have edited, overwrites it with --force, and names the ones no longer due', async () => {
    await createReminders(workspace, { asOf: '2024-10-21' });
    const notice = join(workspace, '催办/2024-10-21/02-省发改委/催办通知.docx');
    writeFileSync(notice, 'edited by hand');
    const again = gongwen(['remind', workspace, '--as-of', '2024-10-21']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/催办\/2024-10-21\/ 中已有 2024-10-21 的催办通知（可能已修改过），未作任何改动。.*--force/u);
    expect(readFileSync(notice, 'utf8')).toBe('edited by hand');
    // Meanwhile 省工信厅 replies: its notice of that round must not go out.
    drop('工信厅.docx', fillForm(form('05-省工信厅'), { noComment: true }), 21);
    const forced = gongwen(['remind', workspace, '--as-of', '2024-10-21', '--force']);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(/已覆盖同一日期原有的 \d+ 个文件/u);
    expect(forced.stdout).toContain('以下原有的催办通知所属单位现已反馈，未删除，请勿再发送：催办/2024-10-21/05-省工信厅/催办通知.docx');
    expect(readDocx(readFileSync(notice)).text).toContain('省发改委：');
  });

  it('keeps, with --force, a file a person put into the earlier round beside the notices', () => {
    const round = join(workspace, '催办/2024-10-22');
    expect(gongwen(['remind', workspace, '--as-of', '2024-10-22']).status).toBe(0);
    writeFileSync(join(round, '电话催办记录.txt'), '10月22日已电话催办省发改委');
    const forced = gongwen(['remind', workspace, '--as-of', '2024-10-22', '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(round, '电话催办记录.txt'), 'utf8')).toBe('10月22日已电话催办省发改委');
    expect(readdirSync(join(workspace, '催办')).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
