// The spreadsheets as a clerk with LibreOffice opens them (Calc: many office PCs have no Excel). The 分发清单.xlsx
// shows the rows its .csv has; the 意见汇总表.xlsx shows every comment with its unit; and a 意见汇总表 the drafter
// decided and saved in Calc, which rewrites every part of the workbook, is read back by `adoption` and kept by
// `summary` run again.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoption } from '../../src/adoption/index.js';
import { parseLetter } from '../../src/outline/parse.js';
import { createPackets } from '../../src/packets/index.js';
import { createSummary } from '../../src/summary/index.js';
import { SAMPLE } from '../support/cli.js';
import { calcMissing, calcRows, csvRows, decide, resaveWithCalc } from '../support/summary-sheet.js';
import { dropSampleReplies } from '../support/word.js';

const root = mkdtempSync(join(tmpdir(), 'gongwen-calc-'));
const workspace = join(root, 'ws');
const sheetPath = join(workspace, '意见汇总表.xlsx');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The rows of the 意见汇总表 as Calc shows them, from its header row on. */
const summaryRows = async (): Promise<string[][]> => {
  const rows = await calcRows(sheetPath);
  return rows.slice(rows.findIndex((row) => row.includes('采纳情况')));
};

describe.skipIf(calcMissing())('spreadsheets opened in LibreOffice Calc', () => {
  beforeAll(async () => {
    await createPackets(await parseLetter(SAMPLE), workspace);
    dropSampleReplies(workspace);
    await createSummary(workspace, { asOf: '2024-10-19' });
  }, 120_000);

  it('分发清单.xlsx shows the rows of 分发清单.csv under its title row', async () => {
    const [title, ...rows] = await calcRows(join(workspace, '分发清单.xlsx'));
    const csv = await csvRows(readFileSync(join(workspace, '分发清单.csv'), 'utf8').replace(/^\uFEFF/u, ''));
    expect(title![0]).toBe('分发清单（闽扶协函〔2024〕8号）');
    expect(rows).toHaveLength(31);
    expect(rows).toEqual(csv);
  });

  it('意见汇总表.xlsx shows each comment beside the unit that made it, 采纳情况 left for the drafter', async () => {
    const [header, ...rows] = await summaryRows();
    const cell = (row: string[], name: string): string => row[header!.indexOf(name)]!;
    const guarantee = rows.find((row) => cell(row, '修改意见').includes('建议明确融资担保机制'));
    expect(guarantee && cell(guarantee, '提出单位')).toBe('省财政厅');
    expect(rows.filter((row) => cell(row, '修改意见') !== '').every((row) => cell(row, '采纳情况') === '')).toBe(true);
    // A comment a unit began with =, shown as the unit typed it: Calc does not run it (a link would show as http://x).
    expect(rows.map((row) => cell(row, '修改意见'))).toContain('=HYPERLINK("http://x")建议补充地方法人银行');
  });

  it('once decided and saved in Calc, gives adoption every decision, and summary run again keeps them', async () => {
    await decide(sheetPath, [
      ['地方法人银行', '采纳'],
      ['共建科技创新平台', '部分采纳', '已在第3条补充成果转化的表述'],
      ['资源共享平台互联互通', '不采纳', '已在任务6中表述'],
      ['挂职干部培训', '采纳'],
      ['融资担保机制', '采纳'],
      ['资金来源', '不采纳', '资金来源由年度协作计划另行明确'],
    ]);
    resaveWithCalc(sheetPath);
    const adoption = await createAdoption(workspace, { asOf: '2024-10-19' });
    expect(adoption.undecided).toEqual([]);
    expect(adoption.counts.decided).toEqual({ adopted: 3, partly: 1, rejected: 2 });

    await createSummary(workspace, { asOf: '2024-10-19' });
    const [header, ...rows] = await summaryRows();
    const decisions = rows.map((row) => row[header!.indexOf('采纳情况')]).filter((decision) => decision !== '');
    expect(decisions.sort()).toEqual(['不采纳', '不采纳', '采纳', '采纳', '采纳', '部分采纳'].sort());
    expect(rows.find((row) => row.includes('资金来源由年度协作计划另行明确'))).toBeDefined();
  });
});
