// An inbox of 27 files for the sample letter, made the way offices make them — our form filled in
// Word, exported to PDF and saved as .doc by LibreOffice; units' own replies typed by hand, numbered by Word,
// written in pandoc, laid out as OFD, pasted as text, sent in mails and a zip; a draft sent back with tracked
// changes; photos and scans — and what the 意见汇总表 makes of it: every comment that can be read, with its
// unit, in the draft's order; every reply that cannot be itemised named above the table; nothing superseded.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/model/reply.js';
import { parseLetter } from '../../src/outline/parse.js';
import { createPackets } from '../../src/packets/index.js';
import { createSummary, type Summary } from '../../src/summary/index.js';
import { trackWorkspace, type Tracking } from '../../src/tracking/index.js';
import { SAMPLE, fixture } from '../support/cli.js';
import { letterAsOfd } from '../support/ofd.js';
import { convertWithLibreOffice } from '../support/render.js';
import { fillForm } from '../support/word.js';
import { readDocx } from '../writers/ooxml.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-inbox-'));
const workspace = join(scratch, '征求意见');
const inbox = join(workspace, '回收');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const form = (folder: string): Uint8Array => readFileSync(join(workspace, 'packets', folder, '意见反馈表.docx'));
let day = 0;
/** Drops a file into the inbox, each a little later than the one before, as mail arrives. */
function drop(name: string, bytes: Uint8Array | string): void {
  writeFileSync(join(inbox, name), bytes);
  const when = new Date(Date.UTC(2024, 9, 15, 8) + day++ * 3_600_000);
  utimesSync(join(inbox, name), when, when);
}
const copy = (path: string, name: string): void => drop(name, readFileSync(fixture(path)));

/** Forms filled in Word, then converted by LibreOffice as the unit's clerk converts them. */
function convertedByLibreOffice(files: Record<string, Uint8Array>, format: 'pdf' | 'doc'): Record<string, Uint8Array> {
  const folder = mkdtempSync(join(scratch, `lo-${format}-`));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(folder, `${name}.docx`), bytes);
  convertWithLibreOffice(folder, format, Object.keys(files).map((name) => `${name}.docx`));
  return Object.fromEntries(Object.keys(files).map((name) => [name, readFileSync(join(folder, `${name}.${format}`))]));
}

const WENLÜ_REPLY = `福建省文化和旅游厅关于实施意见（征求意见稿）的复函
福建省东西部扶贫协作工作办公室：
贵办来函收悉。经研究，提出以下修改意见：
一、任务10“深化文化旅游协作”中，建议将“山海情”文旅品牌修改为“山海情”文化旅游品牌。
二、建议在第三部分增加文旅协作项目的年度评估。
特此函复。
福建省文化和旅游厅
2024年10月16日`;

const GUANGDIAN_REPLY = `福建省广播电视局反馈意见
省扶贫协作办：
经研究，我局意见如下：
1.任务10中建议增加“联合制作闽宁协作主题节目”的内容。
2.第8条建议明确广电人才交流的形式。
福建省广播电视局
2024年10月17日`;

let summary: Summary;
let tracking: Tracking;

beforeAll(async () => {
  await createPackets(await parseLetter(SAMPLE), workspace);
  const filled = {
    组织部: fillForm(form('01-省委组织部'), { comments: [['任务8 深化人才交流', '', '建议增加挂职干部培训', '提升协作能力'], ['', '', '建议明确干部双向交流的期限', '']] }),
    发改委: fillForm(form('02-省发改委'), { comments: [['任务1 提升产业质效', '', '建议增加产业园区共建的量化目标', '']] }),
    工信厅: fillForm(form('05-省工信厅'), { comments: [['任务5', '', '建议补充数字经济协作的内容', '']] }),
    农业农村厅: fillForm(form('09-省农业农村厅'), { noComment: true }),
    残联: fillForm(form('23-省残联'), { noComment: true, comments: [['任务11', '', '建议增加残疾人就业帮扶的内容', '']] }),
  };
  const pdf = convertedByLibreOffice({ 发改委: filled.发改委 }, 'pdf');
  const doc = convertedByLibreOffice({ 工信厅: filled.工信厅 }, 'doc');

  drop('反馈表(1).docx', filled.组织部); // our form, filled in Word and renamed
  drop('发改委反馈意见.pdf', pdf['发改委']!); // our form, exported to PDF
  copy('replies/教育厅复函.docx', '复函.docx'); // 无修改意见
  copy('replies/科技厅反馈意见-扫描前导出.pdf', '科技厅反馈意见.pdf'); // sent first as PDF …
  copy('replies/科技厅反馈意见.docx', '科技厅反馈意见.docx'); // … then as Word: the later counts
  drop('工信厅意见反馈表.doc', doc['工信厅']!); // our form, saved as Word 97
  copy('docx/draft-tracked-libreoffice.docx', '司法厅修改稿.docx'); // the draft back, with tracked changes
  copy('replies/office/财政厅反馈意见.docx', '财政厅反馈意见.docx'); // one paragraph of prose
  copy('replies/office/人社厅意见-初稿.docx', '人社厅意见.docx'); // a first reply …
  copy('replies/office/人社厅意见.docx', '人社厅意见（修改）.docx'); // … replaced by a revised one, dated later
  drop('农业农村厅.docx', filled.农业农村厅); // 无意见 ticked
  drop('残联反馈表.docx', filled.残联); // 无意见 ticked, and a comment written all the same
  drop('总工会反馈表.docx', form('18-省总工会')); // our form sent back as it was sent: blank
  copy('replies/office/商务厅反馈意见.docx', '商务厅反馈意见.docx'); // Word's List Number style
  drop('文旅厅复函.ofd', letterAsOfd(WENLÜ_REPLY, { split: 'run' })); // laid out as OFD
  copy('replies/office/卫健委复函-见附表.docx', '卫健委复函.docx'); // 意见详见附表, and no table
  drop('广电局意见.txt', GUANGDIAN_REPLY); // pasted into a text file
  copy('replies/office/商务厅回复-扫描.jpg', '体育局回复.jpg'); // a photo of a signed reply
  copy('replies/office/厦门大学意见.docx', '厦门大学意见.docx'); // pandoc, a numbered list
  copy('returned/群团组织反馈意见.zip', '群团组织反馈意见.zip'); // 团省委 and 省侨联, zipped with CP936 names
  copy('returned/妇联意见-Outlook.eml', '妇联意见.eml'); // comments in the body of a mail
  copy('returned/省科协-Foxmail.eml', '省科协反馈.eml'); // the form attached to a mail
  copy('pdf/scan-only.pdf', '工商联回复.pdf'); // a scan, no text layer
  copy('replies/office/生态环境厅复函.pdf', '生态环境厅复函.pdf'); // from a unit not consulted
  copy('replies/office/生态环境厅复函.docx', '生态环境厅复函.docx');
  drop('回函.docx', readFileSync(join(workspace, 'packets', '16-省农科院', '复函.docx'))); // our 复函, sent back unwritten
  drop('~$复函.docx', 'lock');
  drop('Thumbs.db', 'x');
  tracking = await trackWorkspace(workspace, { asOf: '2024-10-19' });
  summary = await createSummary(workspace, { asOf: '2024-10-19' });
}, 600_000);

/** The reply that counts for each unit: the last of its replies in the tracking order. */
function decidingReplies(): Map<string, Reply> {
  const deciding = new Map<string, Reply>();
  for (const reply of tracking.replies) deciding.set(reply.recipientId, reply);
  return deciding;
}
const line = (name: string) => tracking.report.recipients.find((recipient) => recipient.name === name);
const rowsOf = (unit: string) => summary.rows.filter((row) => row.unit === unit);

describe('an inbox of returned files as offices make them', () => {
  it('holds at least 25 files', () => {
    expect(readdirSync(inbox).length).toBeGreaterThanOrEqual(25);
  });

  it('puts every comment of every reply that counts into the summary, with its unit', () => {
    const recipients = new Map(tracking.manifest.outline.recipients.map((recipient) => [recipient.id, recipient.name]));
    let compared = 0;
    for (const [id, reply] of decidingReplies()) {
      const unit = recipients.get(id) ?? '';
      if (reply.content.secrecyMarks.length > 0) continue;
      expect(rowsOf(unit).map((row) => row.suggestion).sort(), unit).toEqual(reply.content.comments.map((comment) => comment.suggestion).sort());
      compared += reply.content.comments.length;
    }
    expect(compared).toBe(summary.rows.length);
    expect(summary.rows.length).toBeGreaterThanOrEqual(25);
  });

  it('reads each kind of file to its comments', () => {
    expect(rowsOf('省委组织部').map((row) => row.suggestion)).toEqual(['建议增加挂职干部培训', '建议明确干部双向交流的期限']);
    expect(rowsOf('省发改委').map((row) => row.suggestion)).toEqual(['建议增加产业园区共建的量化目标']);
    expect(rowsOf('省工信厅').map((row) => row.suggestion)).toEqual(['建议补充数字经济协作的内容']);
    expect(rowsOf('省司法厅').map((row) => row.original)).toEqual(['原则上', '', '', '将协作成效纳入年度考核']);
    expect(rowsOf('省文旅厅').map((row) => row.suggestion)).toEqual([
      '任务10“深化文化旅游协作”中，建议将“山海情”文旅品牌修改为“山海情”文化旅游品牌。',
      '建议在第三部分增加文旅协作项目的年度评估。',
    ]);
    // In the draft's order: 第8条 before 任务10, whatever order the reply wrote them in.
    expect(rowsOf('省广电局').map((row) => row.suggestion)).toEqual(['第8条建议明确广电人才交流的形式。', '任务10中建议增加“联合制作闽宁协作主题节目”的内容。']);
    expect(rowsOf('厦门大学').map((row) => row.reason)).toEqual(['', '与教育部对口支援工作的表述一致']);
    expect(rowsOf('省妇联')).toHaveLength(2);
    expect(rowsOf('省侨联')).toHaveLength(2);
    expect(rowsOf('省商务厅')).toHaveLength(2);
  });

  it('keeps the comments of superseded replies out, and names those replies', () => {
    expect(summary.rows.some((row) => row.suggestion.includes('建议第8条增加劳务协作的内容'))).toBe(false);
    expect(line('省人社厅')?.superseded).toEqual(['回收/人社厅意见.docx']);
    expect(line('省科技厅')?.superseded).toEqual(['回收/科技厅反馈意见.pdf']);
    expect(rowsOf('省科技厅')).toHaveLength(3);
  });

  it('tells no comment, and unreadable, apart from comments', () => {
    expect(['省教育厅', '省农业农村厅', '团省委'].map((name) => line(name)?.status)).toEqual(['no-comment', 'no-comment', 'no-comment']);
    expect(line('省卫健委')).toMatchObject({ status: 'commented', reading: 'not-itemised' });
    expect(line('省体育局')).toMatchObject({ status: 'commented', reading: 'not-read' });
    expect(line('省工商联')).toMatchObject({ status: 'commented', reading: 'not-read' });
  });

  it('flags a form with 无意见 ticked and a comment for a person, and takes the comment', () => {
    expect(rowsOf('省残联').map((row) => row.suggestion)).toEqual(['建议增加残疾人就业帮扶的内容']);
    expect(line('省残联')?.problems.join()).toContain('勾选了“无意见”，又填写了意见');
  });

  it('holds a form sent back blank as to be confirmed, never as 无意见', () => {
    expect(line('省总工会')).toMatchObject({ status: 'unconfirmed' });
    expect(summary.counts.noComment).toBe(3);
    expect(summary.counts.missing).toContain('省总工会');
  });

  it('names above the table every reply whose comments could not be itemised, and says the table is incomplete', () => {
    expect(summary.counts.notItemised).toEqual(['省卫健委', '省体育局', '省农科院', '省工商联']);
    const text = readDocx(readFileSync(join(workspace, '意见汇总表.docx'))).text;
    expect(text).toContain('省卫健委、省体育局、省农科院、省工商联4家的反馈已收到，但其中的意见未能逐条识别');
    expect(text).toContain('录入前本表不完整');
  });

  it('orders the rows as the draft runs: tasks by number, comments on no particular clause last', () => {
    const tasks = summary.rows.map((row) => /^任务(\d+)/u.exec(row.clause)?.[1]).filter((number): number is string => number !== undefined).map(Number);
    expect(tasks).toEqual([...tasks].sort((a, b) => a - b));
    const unplaced = summary.rows.findIndex((row) => row.clause === '（未指明条目）');
    if (unplaced >= 0) expect(summary.rows.slice(unplaced).every((row) => row.clause === '（未指明条目）')).toBe(true);
  });

  it('gives a reply from a unit not consulted to nobody', () => {
    expect(tracking.report.unmatched.map((file) => file.file)).toEqual(expect.arrayContaining(['回收/生态环境厅复函.pdf', '回收/生态环境厅复函.docx']));
  });
});
