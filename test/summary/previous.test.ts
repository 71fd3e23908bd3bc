// Reading back the 意见汇总表.xlsx: a long one, as `summary` run again does (a row at a time, every character whole),
// and one a drafter worked in, as `summary` and `adoption` each read it under the one rule for its header row.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readSummarySheet } from '../../src/adoption/sheet.js';
import { INDEX_HEADER, REASON_HEADER, SUMMARY_HEADERS, mergeTyped } from '../../src/summary/merge.js';
import { readPreviousSummary } from '../../src/summary/previous.js';
import { summaryXlsx, type SummaryRow } from '../../src/writers/summary-table.js';
import { sampleOutline } from '../writers/sample-outline.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-previous-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const KNOWN = [INDEX_HEADER, ...Object.values(SUMMARY_HEADERS), REASON_HEADER];

describe('the earlier 意见汇总表 of 3,000 comments, read again', () => {
  it('gives every row with its Chinese text whole and what the drafter typed, under the title row', async () => {
    const outline = sampleOutline();
    const rows: SummaryRow[] = Array.from({ length: 3000 }, (_, index) => ({
      clause: `任务${(index % 11) + 1} ${outline.tasks[index % outline.tasks.length]!.title}`,
      original: '支持两省区农业科研院所、高校和企业联合开展关键核心技术攻关，共建科技创新平台。',
      suggestion: `建议改为“加强干部双向挂职，每年不少于${index}人”`,
      reason: index % 4 === 0 ? '' : '便于考核落实',
      unit: `${outline.recipients[index % outline.recipients.length]!.name}（第${index}家）`,
      adoption: index % 3 === 0 ? '部分采纳' : '',
      note: index % 7 === 0 ? `已与起草组商定第${index}条` : '',
    }));
    const path = join(scratch, '意见汇总表.xlsx');
    writeFileSync(path, await summaryXlsx(outline, rows, { total: 3000, replied: 3000, noComment: 0, missing: [], notItemised: [] }, '2024-10-19'));
    const read = await readPreviousSummary(path, '意见汇总表.xlsx', KNOWN);
    expect(read).toHaveLength(3000);
    read.forEach((row, index) => {
      const expected = rows[index]!;
      expect(row.row).toBe(index + 3);
      expect(row.cells).toEqual({
        [INDEX_HEADER]: String(index + 1),
        [SUMMARY_HEADERS.clause]: expected.clause,
        [SUMMARY_HEADERS.original]: expected.original,
        [SUMMARY_HEADERS.suggestion]: expected.suggestion,
        ...(expected.reason ? { [SUMMARY_HEADERS.reason]: expected.reason } : {}),
        [SUMMARY_HEADERS.unit]: expected.unit,
        ...(expected.adoption ? { [SUMMARY_HEADERS.adoption]: expected.adoption } : {}),
        ...(expected.note ? { [SUMMARY_HEADERS.note]: expected.note } : {}),
      });
    });
    expect(new Set(read.map((row) => row.sheet))).toEqual(new Set(['意见汇总表']));
  });

  it('is nothing when there is no earlier file', async () => {
    expect(await readPreviousSummary(join(scratch, 'none.xlsx'), 'none.xlsx', KNOWN)).toEqual([]);
  });
});

describe('a sheet the drafter worked in, read by summary run again and by adoption', () => {
  /** The summary as a drafter leaves it: a title and a note above the header, a column of their own, 说明 twice. */
  async function workedSheet(): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('意见汇总表');
    sheet.addRow(['关于……意见汇总表']);
    sheet.addRow(['（起草组 10月20日 修改）']);
    sheet.addRow([INDEX_HEADER, ...Object.values(SUMMARY_HEADERS), '经办人', SUMMARY_HEADERS.note]);
    sheet.addRow(['1', '任务3', '', '建议增加“成果转化”', '', '省科技厅', '部分采纳', '已补充', '王某', '第二稿再议']);
    sheet.addRow(['2', '', '', "'=补充表述", '', '省财政厅', ' 采纳 ', '', '', '']);
    const path = join(scratch, `worked-${Date.now()}.xlsx`);
    writeFileSync(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
    return path;
  }

  it('stops summary before it drops the drafter’s own column, naming it', async () => {
    await expect(readPreviousSummary(await workedSheet(), '意见汇总表.xlsx', KNOWN)).rejects.toThrow(/“经办人”列不是 gongwen 的列，重新汇总会丢掉其中的内容，未作任何改动/u);
  });

  it('stops summary at a second column under one header instead of keeping one of the two silently', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await workedSheet());
    workbook.worksheets[0]!.spliceColumns(9, 1);
    const path = join(scratch, 'two-notes.xlsx');
    await workbook.xlsx.writeFile(path);
    await expect(readPreviousSummary(path, '意见汇总表.xlsx', KNOWN)).rejects.toThrow(/有两列“说明”，重新汇总只能保留一列，未作任何改动/u);
  });

  it('gives adoption each decision under the same header row, passing over the drafter’s own column', async () => {
    const rows = await readSummarySheet(await workedSheet(), '意见汇总表.xlsx');
    expect(rows).toEqual([
      { row: 4, index: '1', clause: '任务3', original: '', suggestion: '建议增加“成果转化”', reason: '', unit: '省科技厅', decision: '部分采纳', note: '已补充' },
      { row: 5, index: '2', clause: '', original: '', suggestion: '=补充表述', reason: '', unit: '省财政厅', decision: '采纳', note: '' },
    ]);
  });
});

describe('a 意见汇总表 written before its .xlsx cells were left as typed', () => {
  // Earlier versions put a ' before a comment starting with = + - @ in the .xlsx too; summary run again on such a
  // sheet still finds the comment, keeps the drafter's decision, and sets aside no copy of it.
  it('is merged as the same comments, decisions kept', () => {
    const row: SummaryRow = { clause: '任务3', original: '-2', suggestion: '=补充表述', reason: '+便于落实', unit: '省财政厅', adoption: '', note: '' };
    const cells = (marked: boolean): Record<string, string> => {
      const mark = (text: string): string => (marked ? `'${text}` : text);
      return { [SUMMARY_HEADERS.clause]: '任务3', [SUMMARY_HEADERS.original]: mark('-2'), [SUMMARY_HEADERS.suggestion]: mark('=补充表述'), [SUMMARY_HEADERS.reason]: mark('+便于落实'), [SUMMARY_HEADERS.unit]: '省财政厅', [SUMMARY_HEADERS.adoption]: '采纳', [SUMMARY_HEADERS.note]: '' };
    };
    for (const marked of [true, false]) {
      const merged = mergeTyped([row], [{ cells: cells(marked), sheet: '意见汇总表', row: 3 }], []);
      expect(merged.rows, `marked ${marked}`).toEqual([{ ...row, adoption: '采纳' }]);
      expect(merged.kept, `marked ${marked}`).toEqual([]);
    }
  });
});
