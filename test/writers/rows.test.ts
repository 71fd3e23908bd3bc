// The long tables (分发清单, 意见汇总表, 催报名单) written as rows of XML give the very bytes of laying the whole
// table out as docx objects: on real letters, with empty cells (发送方式, 签收, 采纳情况, 说明), values of
// several lines, and values the rows cannot hold (which are laid out whole instead).
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Outline } from '../../src/model/outline.js';
import { parseLetter } from '../../src/outline/parse.js';
import { distributionData, distributionDocx } from '../../src/writers/distribution.js';
import { documentProperties } from '../../src/writers/properties.js';
import { reminderListData, reminderListDocx, type ReminderLine } from '../../src/writers/reminder.js';
import { summaryData, summaryDocx, type SummaryCounts, type SummaryRow } from '../../src/writers/summary-table.js';
import { directRenderer, loadTemplates, rowsRenderer, type TemplateData, type TemplateName } from '../../src/writers/template/index.js';
import { fixture } from '../support/cli.js';
import { readDocx, tableRows } from './ooxml.js';
import { sampleOutline } from './sample-outline.js';

const templates = await loadTemplates();
const DATE = new Date('2024-10-09T08:00:00Z');
const AS_OF = '2024-10-19';

/** The document both ways; a difference is reported by part, readably. Returns whether the rows were written as XML. */
async function expectSameBytes(name: TemplateName, list: string, outline: Outline, data: TemplateData): Promise<boolean> {
  const direct = directRenderer(DATE);
  const rows = rowsRenderer(direct, list);
  const properties = documentProperties(name, outline, null);
  const fast = await rows(templates[name], data, properties);
  const slow = await direct(templates[name], data, properties);
  if (Buffer.compare(fast, slow) !== 0) {
    const [fastParts, slowParts] = [unzipSync(fast), unzipSync(slow)];
    for (const path of Object.keys(slowParts)) expect(strFromU8(fastParts[path] ?? new Uint8Array()), `${name}: ${path}`).toBe(strFromU8(slowParts[path]!));
    expect.fail(`${name}: same parts, different bytes`);
  }
  return rows.counts.patched === 1;
}

const counts: SummaryCounts = { total: 30, replied: 12, noComment: 3, missing: ['省委组织部', '省司法厅'], notItemised: [] };

/** Comments as units send them: long and short, some cells empty, some of several lines, a 采纳情况 typed in. */
function comments(outline: Outline, count: number): SummaryRow[] {
  const texts = [
    '支持两省区农业科研院所、高校和企业联合开展关键核心技术攻关，共建科技创新平台。',
    '建议增加“推动科技成果转化中心建设”',
    '第一，明确牵头单位；\n第二，细化时间表。\n第三，R&D 投入 <不低于> 3%。',
    '',
    '便于落地',
    'Fujian 2024—2026年，联系电话 0591-87654321',
  ];
  return Array.from({ length: count }, (_, index) => ({
    clause: index % 7 === 6 ? '（未指明条目）' : `任务${(index % 11) + 1} ${outline.tasks[index % outline.tasks.length]!.title}`,
    original: texts[index % texts.length]!,
    suggestion: texts[(index + 1) % texts.length]!,
    reason: texts[(index + 3) % texts.length]!,
    unit: outline.recipients[index % outline.recipients.length]!.name,
    adoption: index % 5 === 0 ? '部分采纳' : '',
    note: index % 9 === 0 ? '已与起草组商定' : '',
  }));
}

function reminderLines(outline: Outline): ReminderLine[] {
  return outline.recipients.map((recipient, index) => ({
    recipient,
    number: String(index + 1).padStart(2, '0'),
    status: index % 3 === 0 ? '文件无法读取' : '未反馈',
    reason: index % 3 === 0 ? 'unreadable' : 'missing',
    file: index % 3 === 0 ? `${recipient.name}.docx` : '',
    note: index % 3 === 0 ? '文件已损坏，无法打开' : '',
  }));
}

describe('long tables written as rows', () => {
  it('give the bytes of the whole table for the 分发清单 of real letters', async () => {
    const letters = [sampleOutline()];
    for (const path of ['public/08-govcn-guohan-2018-144-zhijiao-lianxihuiyi.txt', 'peers/hehecat-multi-attachment.txt', 'shapes/chaosong-yinfa.txt']) {
      letters.push(await parseLetter(fixture(path)));
    }
    for (const outline of letters) {
      expect(await expectSameBytes('distribution-list', 'unit', outline, distributionData(outline, templates)), outline.letter.docNumber?.text).toBe(true);
    }
  });

  it('give the bytes of the whole table for the 意见汇总表, with empty cells and cells of several lines', async () => {
    const outline = sampleOutline();
    for (const count of [1, 2, 3, 4, 40]) {
      const data = summaryData(outline, comments(outline, count), counts, AS_OF, templates);
      expect(await expectSameBytes('summary', 'row', outline, data), `${count} rows`).toBe(true);
    }
    // Replies that could not be itemised add a paragraph repeated per item: the rows are still written as XML.
    const incomplete = summaryData(outline, comments(outline, 12), { ...counts, notItemised: ['省科技厅', '厦门大学'] }, AS_OF, templates);
    expect(await expectSameBytes('summary', 'row', outline, incomplete)).toBe(true);
  });

  it('give the bytes of the whole table for the 催报名单', async () => {
    const outline = sampleOutline();
    const data = reminderListData(outline, reminderLines(outline), { total: 30, replied: 0 }, AS_OF, templates.wording);
    expect(await expectSameBytes('reminder-list', 'unit', outline, data)).toBe(true);
  });

  it('lay out whole, with the same bytes, a table holding values the rows cannot hold', async () => {
    const outline = sampleOutline();
    const odd = comments(outline, 10);
    odd[3] = { ...odd[3]!, suggestion: '  前后有空格  ' };
    odd[4] = { ...odd[4]!, reason: '□ 同意' };
    odd[5] = { ...odd[5]!, note: '末尾换行\n' };
    odd[6] = { ...odd[6]!, original: '私用区\uE000字符' };
    for (const row of odd.slice(3, 7)) {
      const data = summaryData(outline, [...odd.slice(0, 3), row], counts, AS_OF, templates);
      expect(await expectSameBytes('summary', 'row', outline, data), JSON.stringify(row)).toBe(false);
    }
  });

  it('still print every row in order, through the writers', async () => {
    const outline = sampleOutline();
    const rows = comments(outline, 25);
    const summary = tableRows(readDocx(await summaryDocx(outline, rows, counts, AS_OF, templates)).document, 0);
    expect(summary).toHaveLength(26);
    expect(summary.slice(1).map((row) => row[5])).toEqual(rows.map((row) => row.unit));
    expect(summary[1]![6]).toBe('部分采纳');
    const distribution = tableRows(readDocx(await distributionDocx(outline, templates)).document, 0);
    expect(distribution.slice(1).map((row) => row[1])).toEqual(outline.recipients.map((recipient) => recipient.name));
    const reminders = tableRows(readDocx(await reminderListDocx(outline, reminderLines(outline), { total: 30, replied: 0 }, AS_OF, templates)).document, 0);
    expect(reminders.at(-1)![0]).toBe('30');
  });
});
