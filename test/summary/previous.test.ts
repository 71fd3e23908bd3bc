// Reading back a long 意见汇总表.xlsx, as `summary` run again does: a row at a time, every character whole.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INDEX_HEADER, REASON_HEADER, SUMMARY_HEADERS } from '../../src/summary/merge.js';
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
