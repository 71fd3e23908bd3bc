// The .xlsx lists as a clerk prints them: a title row with the 文号, the heading row repeated on every page,
// columns fitted to their text, rows as tall as their wrapped text, a drop-down for 采纳情况; and their
// columns taken from the template's table, so an office's own template changes the spreadsheets too.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { distributionCsv, distributionDocx, distributionXlsx } from '../../src/writers/distribution.js';
import { reminderListXlsx, type ReminderLine } from '../../src/writers/reminder.js';
import { summaryXlsx, type SummaryRow } from '../../src/writers/summary-table.js';
import { loadTemplates } from '../../src/writers/template/index.js';
import { readDocx, tableRows } from './ooxml.js';
import { recipientNamed, sampleOutline } from './sample-outline.js';

const outline = sampleOutline();
const counts = { total: 30, replied: 12, noComment: 3, missing: ['省委组织部'], notItemised: [] };
const rows: SummaryRow[] = [
  { clause: '任务3 深化科技创新', original: '支持两省区农业科研院所、高校和企业联合开展关键核心技术攻关，共建科技创新平台。'.repeat(3), suggestion: '建议增加成果转化中心', reason: '便于落地', unit: '省科技厅', adoption: '', note: '' },
  { clause: '（未指明条目）', original: '', suggestion: '建议明确融资担保机制', reason: '', unit: '省财政厅', adoption: '', note: '' },
];
const scratch = mkdtempSync(join(tmpdir(), 'gongwen-sheets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function sheetOf(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook.worksheets[0]!;
}

describe('意见汇总表.xlsx', async () => {
  const sheet = await sheetOf(await summaryXlsx(outline, rows, counts, '2024-10-19'));

  it('opens with a title row naming the draft and the 文号, across the table', () => {
    expect(String(sheet.getCell('A1').value)).toMatch(/^《关于深入学习贯彻.*》意见汇总表（闽扶协函〔2024〕8号）$/u);
    expect(sheet.getCell('H1').isMerged).toBe(true);
    expect(sheet.getRow(1).height).toBeGreaterThanOrEqual(2 * 16); // the long title wraps, and shows whole
  });

  it('repeats its heading row on every printed page, on landscape A4 fitted to the width', () => {
    expect(sheet.pageSetup.printTitlesRow).toBe('2:2');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['序号', '条目', '原文', '修改意见', '理由', '提出单位', '采纳情况', '说明']);
  });

  it('fits the columns to their text and makes wrapped rows tall enough to print whole', () => {
    const width = (column: number): number => sheet.getColumn(column).width!;
    expect(width(1)).toBeLessThan(width(3)); // 序号 narrow, 原文 wide
    expect(width(7)).toBeGreaterThanOrEqual(10); // 采纳情况 holds 部分采纳
    // 原文 of the first comment is 117 characters: in a column of at most 46 units it takes several lines.
    expect(sheet.getRow(3).height).toBeGreaterThanOrEqual(5 * 16);
    expect(sheet.getRow(4).height).toBeLessThan(2 * 16);
    expect(sheet.getCell('C3').alignment?.wrapText).toBe(true);
  });

  it('offers 采纳 / 部分采纳 / 不采纳 in a drop-down in the 采纳情况 column only', () => {
    for (const cell of ['G3', 'G4']) {
      expect(sheet.getCell(cell).dataValidation).toMatchObject({ type: 'list', formulae: ['"采纳,部分采纳,不采纳"'] });
    }
    expect(sheet.getCell('H3').dataValidation).toBeUndefined();
  });

  it('prints the wording for a comment on no particular clause', () => {
    expect(sheet.getCell('B4').value).toBe('（未指明条目）');
  });
});

describe('催报名单.xlsx', () => {
  it('keeps each unit\'s number in packets/ and has the title row with the 文号', async () => {
    const line = (name: string, number: string): ReminderLine => ({ recipient: recipientNamed(outline, name), number, status: '未反馈', reason: 'missing', file: '', note: '' });
    const sheet = await sheetOf(await reminderListXlsx(outline, [line('省发改委', '02'), line('省科技厅', '04')], { total: 30, replied: 28 }, '2024-10-19'));
    expect(sheet.getCell('A1').value).toBe('催报名单（闽扶协函〔2024〕8号）');
    expect((sheet.getRow(2).values as unknown[]).slice(1, 3)).toEqual(['编号', '单位']);
    expect([sheet.getCell('A3').value, sheet.getCell('A4').value]).toEqual(['02', '04']);
    expect(sheet.pageSetup.printTitlesRow).toBe('2:2');
  });
});

describe('an office\'s own 分发清单 template', () => {
  it('changes the .docx, the .xlsx and the .csv alike', async () => {
    const own = join(scratch, 'own');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(own);
    writeFileSync(
      join(own, 'distribution-list.md'),
      '# 材料分送登记表\n\n| **序号** | **受文单位** | **签收人** | **签收时间** |\n| :-: | --- | --- | --- |\n| {{unit.index}} | {{unit.name}} | {{unit.receipt}} |  |\n',
    );
    const templates = await loadTemplates(own);
    const heading = ['序号', '受文单位', '签收人', '签收时间'];
    expect(tableRows(readDocx(await distributionDocx(outline, templates)).document, 0)[0]).toEqual(heading);
    const sheet = await sheetOf(await distributionXlsx(outline, templates));
    expect(sheet.getCell('A1').value).toBe('材料分送登记表（闽扶协函〔2024〕8号）');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(heading);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 3)).toEqual([1, '省委组织部']);
    const csv = new TextDecoder().decode((await distributionCsv(outline, templates)).subarray(3)).split('\r\n');
    expect(csv[0]).toBe(heading.join(','));
    expect(csv[1]).toBe('1,省委组织部,,');
  });
});
