// After tracking: 催办通知 for the units still outstanding, and the 意见汇总表 of every comment in the draft's order.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/outline/parse.js';
import { createPackets } from '../../src/packets/index.js';
import { createReminders, type Reminders } from '../../src/remind/index.js';
import { createSummary, type Summary } from '../../src/summary/index.js';
import { SAMPLE, fixture, gongwen } from '../support/cli.js';
import { dropSampleReplies } from '../support/word.js';
import { readDocx, tableRows } from '../writers/ooxml.js';

const workspace = join(mkdtempSync(join(tmpdir(), 'gongwen-followup-')), 'ws');
const inbox = join(workspace, '回收');
afterAll(() => rmSync(join(workspace, '..'), { recursive: true, force: true }));
const fingerprint = (): string[] =>
  readdirSync(inbox).sort().map((name) => `${name} ${createHash('sha256').update(readFileSync(join(inbox, name))).digest('hex')}`);

let inboxBefore: string[];
let reminders: Reminders;
let summary: Summary;

beforeAll(async () => {
  await createPackets(await parseLetter(SAMPLE), workspace);
  dropSampleReplies(workspace);
  // Two replies whose comments cannot be itemised: a photo of a signed reply, and one whose table never came.
  copyFileSync(fixture('replies/office/商务厅回复-扫描.jpg'), join(inbox, '商务厅回复.jpg'));
  copyFileSync(fixture('replies/office/卫健委复函-见附表.docx'), join(inbox, '卫健委复函.docx'));
  inboxBefore = fingerprint();
  reminders = await createReminders(workspace, { asOf: '2024-10-19' });
  summary = await createSummary(workspace, { asOf: '2024-10-19' });
}, 180_000);

describe('gongwen remind', () => {
  it('writes one 催办通知 per outstanding unit, naming it, the letter, its number and the deadline', () => {
    const names = reminders.outstanding.map((line) => line.recipient.name);
    expect(names).toHaveLength(23);
    expect(names).toContain('省发改委');
    expect(names).not.toContain('省科技厅');
    const notice = readDocx(readFileSync(join(workspace, '催办/2024-10-19/02-省发改委/催办通知.docx')));
    expect(notice.text).toContain('省发改委：');
    expect(notice.text).toContain('闽扶协函〔2024〕8号');
    expect(notice.text).toContain('2024年10月18日前');
    expect(notice.text).toContain('“发改委.docx”无法打开，请重新发送');
    // The notice cites the letter as sent to the unit: a 函 is 发来, not 印发.
    expect(notice.text).toContain('以《');
    expect(notice.text).not.toContain('印发');
    const overdue = readDocx(readFileSync(join(workspace, '催办/2024-10-19/08-省人社厅/催办通知.docx')));
    expect(overdue.text).toContain('反馈期限已过');
    expect(overdue.text).toContain('联系人：周善杰，电话：18960838088，传真：0591-88610051。');
  });

  it('lists exactly the outstanding units in the 催报名单, with their status', () => {
    const list = readDocx(readFileSync(join(workspace, '催办/2024-10-19/催报名单.docx')));
    const rows = tableRows(list.document, 0).slice(1);
    expect(rows.map((row) => row[1])).toEqual(reminders.outstanding.map((line) => line.recipient.name));
    // Numbered as in packets/: 02-省发改委, 03-省教育厅 …
    expect(rows[0]?.slice(0, 3)).toEqual(['02', '省发改委', '文件无法读取']);
    expect(list.text).toContain('征求30家，已反馈7家，尚未反馈23家');
  });

  it('writes nothing into the inbox', () => {
    expect(fingerprint()).toEqual(inboxBefore);
    expect(reminders.files.every((file) => file.startsWith('催办/'))).toBe(true);
  });

  it('tells the clerk from the command line how many units need a reminder', () => {
    const run = gongwen(['remind', workspace, '--as-of', '2024-10-20']); // a new round: 2024-10-19's may have been edited
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('23 个单位需要催办');
  });
});

describe('gongwen summary', () => {
  it('counts what came back', () => {
    expect(summary.counts).toMatchObject({ total: 30, replied: 7, noComment: 1, notItemised: ['省商务厅', '省卫健委'] });
    expect(summary.counts.missing).toContain('省发改委');
    expect(summary.counts.missing).toHaveLength(23);
    // One rule of who has replied: the summary's outstanding units are exactly the ones reminded.
    expect(summary.counts.missing).toEqual(reminders.outstanding.map((line) => line.recipient.name));
  });

  it('puts one row per comment in the draft\'s order, comments on no particular clause last', () => {
    // The form's 条目 column was pre-filled with 2.加大金融支持; its second comment sits in a blank row.
    expect(summary.rows.map((row) => [row.clause, row.unit])).toEqual([
      ['任务2 加大金融支持', '省财政厅'],
      ['任务3 深化科技创新', '省科技厅'],
      ['任务4 强化数智赋能', '省科技厅'],
      ['任务8 深化人才交流', '省委组织部'],
      ['三、保障措施', '省科技厅'],
      ['（未指明条目）', '省财政厅'],
    ]);
    // The reply's own 一、二、三、 are not part of its comments.
    expect(summary.rows.filter((row) => row.unit === '省科技厅').every((row) => !/^[一二三四五六七八九十]+、/u.test(row.suggestion))).toBe(true);
  });

  it('leaves out a reply marked 内部资料, and names it', () => {
    expect(summary.leftOut).toEqual(['回收/司法厅.docx']);
    expect(summary.rows.some((row) => row.unit === '省司法厅')).toBe(false);
  });

  it('writes the .xlsx with the drafting office\'s columns, a comment that looks like a formula as text, as written', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(workspace, '意见汇总表.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toMatch(/意见汇总表（闽扶协函〔2024〕8号）$/u);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['序号', '条目', '原文', '修改意见', '理由', '提出单位', '采纳情况', '说明']);
    const suggestions = sheet.getColumn(4).values.slice(3).map(String);
    expect(suggestions).toContain('=HYPERLINK("http://x")建议补充地方法人银行');
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
    expect(sheet.rowCount).toBe(2 + summary.rows.length);
    // A comment on no particular clause says so, in the wording of templates/wording.json.
    expect(sheet.getRow(2 + summary.rows.length).getCell(2).value).toBe('（未指明条目）');
  });

  it('writes the .docx with the counts and the rows', () => {
    const table = readDocx(readFileSync(join(workspace, '意见汇总表.docx')));
    expect(table.text).toContain('征求30家，反馈7家，其中无意见1家，提出意见6条');
    // The two replies whose comments could not be itemised are named: the table is not complete without them.
    expect(table.text).toContain('省商务厅、省卫健委2家的反馈已收到，但其中的意见未能逐条识别');
    const rows = tableRows(table.document, 0);
    expect(rows[0]).toEqual(['序号', '条目', '原文', '修改意见', '理由', '提出单位', '采纳情况', '说明']);
    expect(rows).toHaveLength(7);
    expect(rows[2]?.[5]).toBe('省科技厅');
  });
});
