// An inbox as it really arrives, and what `track` makes of it: every recipient's status, and the files
// that could not be read, belong to nobody, or are to be ignored. The inbox is never touched.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackReport } from '../../src/model/reply.js';
import { parseLetter } from '../../src/outline/parse.js';
import { createPackets } from '../../src/packets/index.js';
import { trackExitCode, trackWorkspace } from '../../src/tracking/index.js';
import { SAMPLE, fixture, gongwen } from '../support/cli.js';
import { fillForm, resaveWithLibreOffice } from '../support/word.js';

const workspace = join(mkdtempSync(join(tmpdir(), 'gongwen-track-')), '征求意见');
const inbox = join(workspace, '回收');
afterAll(() => rmSync(join(workspace, '..'), { recursive: true, force: true }));

const form = (folder: string): Uint8Array => readFileSync(join(workspace, 'packets', folder, '意见反馈表.docx'));
const drop = (name: string, bytes: Uint8Array | string, daysAgo = 0): void => {
  writeFileSync(join(inbox, name), bytes);
  const when = new Date(Date.UTC(2024, 9, 17, 8) - daysAgo * 86_400_000);
  utimesSync(join(inbox, name), when, when);
};

function inboxFingerprint(): string[] {
  return readdirSync(inbox).sort().map((name) => `${name} ${createHash('sha256').update(readFileSync(join(inbox, name))).digest('hex')}`);
}

let before: string[];
let report: TrackReport;

beforeAll(async () => {
  await createPackets(await parseLetter(SAMPLE), workspace);
  // 省科技厅 answers with its own 复函, written by another tool, signed with its full name.
  copyFileSync(fixture('replies/科技厅反馈意见.docx'), join(inbox, '科技厅反馈意见.docx'));
  // … after sending the same reply as a PDF a day earlier.
  drop('科技厅反馈意见-导出.pdf', readFileSync(fixture('replies/科技厅反馈意见-扫描前导出.pdf')), 1);
  // 省教育厅: its own 复函 saying 无修改意见.
  copyFileSync(fixture('replies/教育厅复函.docx'), join(inbox, '复函.docx'));
  // 省委组织部 ticks 无意见 in our form, saves it with LibreOffice and renames it.
  drop('反馈表(1).docx', resaveWithLibreOffice(fillForm(form('01-省委组织部'), { noComment: true })));
  // 省财政厅 fills two comment rows in Word and renames the file.
  drop('财政厅意见.docx', fillForm(form('07-省财政厅'), {
    comments: [['任务2 加大金融支持', '协调政策性银行', '建议补充“地方法人银行”', '与现行政策一致'], ['', '', '建议明确融资担保机制', '']],
  }));
  // 省司法厅 sends twice: first with a comment, then, newer, 无意见: the newer one decides.
  drop('司法厅反馈-初稿.docx', fillForm(form('06-省司法厅'), { comments: [['任务8', '', '建议增加法律援助', '']] }), 2);
  drop('司法厅反馈-终稿.docx', fillForm(form('06-省司法厅'), { noComment: true }), 1);
  // 省人社厅 replied on 10-15, then sent a revised reply dated 10-17; the clerk copied the first one in last.
  drop('人社厅意见（修改后）.docx', readFileSync(fixture('replies/office/人社厅意见.docx')), 2);
  drop('人社厅意见.docx', readFileSync(fixture('replies/office/人社厅意见-初稿.docx')), 1);
  // 省发改委's file arrived truncated; 省工信厅 sent a photo of its signed reply, whose words gongwen does not read.
  drop('发改委反馈表.docx', form('02-省发改委').subarray(0, 3000));
  drop('工信厅.jpg', readFileSync(fixture('replies/office/商务厅回复-扫描.jpg')));
  // 省体育局's mail arrived with an empty attachment.
  drop('体育局反馈.docx', '');
  // 省农科院 returns the 复函 gongwen made for it, renamed, without writing anything into it.
  drop('回函.docx', readFileSync(join(workspace, 'packets', '16-省农科院', '复函.docx')));
  // A form of another letter, a notice naming nobody, and what Word and Windows leave behind.
  drop('反馈表(2).docx', fillForm(form('10-省商务厅'), { noComment: true, docNumber: '闽扶协函〔2024〕9号' }));
  copyFileSync(fixture('replies/教育厅复函.docx'), join(inbox, '~$复函.docx'));
  drop('Thumbs.db', 'x');
  before = inboxFingerprint();
  report = (await trackWorkspace(workspace, { asOf: '2024-10-17' })).report;
}, 180_000);

const line = (name: string) => report.recipients.find((recipient) => recipient.name === name);

describe('gongwen track on an inbox as it arrives', () => {
  it('recognises a renamed form re-saved by LibreOffice by its properties, 无意见 ticked', () => {
    expect(line('省委组织部')).toMatchObject({ status: 'no-comment', files: ['回收/反馈表(1).docx'], problems: [] });
  });

  it('counts the comments typed into a form', () => {
    expect(line('省财政厅')).toMatchObject({ status: 'commented', comments: 2, files: ['回收/财政厅意见.docx'] });
  });

  it('matches a unit\'s own 复函 through the alias table, and reads 无修改意见', () => {
    expect(line('省科技厅')).toMatchObject({ status: 'commented', comments: 3, files: ['回收/科技厅反馈意见-导出.pdf', '回收/科技厅反馈意见.docx'] });
    expect(line('省教育厅')).toMatchObject({ status: 'no-comment', files: ['回收/复函.docx'] });
  });

  it('lists both replies of one unit and lets the newest decide', () => {
    expect(line('省司法厅')).toMatchObject({ status: 'no-comment', files: ['回收/司法厅反馈-初稿.docx', '回收/司法厅反馈-终稿.docx'] });
  });

  it('counts the reply dated later, whatever the file times say, and names the one it replaces', () => {
    expect(line('省人社厅')).toMatchObject({
      status: 'commented', comments: 2, reading: 'itemised',
      files: ['回收/人社厅意见.docx', '回收/人社厅意见（修改后）.docx'], superseded: ['回收/人社厅意见.docx'],
    });
  });

  it('names a damaged file and asks for it again; counts an unreadable kind of file as a reply', () => {
    expect(line('省发改委')?.status).toBe('unreadable');
    expect(line('省发改委')?.problems.join()).toMatch(/发改委反馈表\.docx.*(不完整|损坏).*重新发送/u);
    expect(line('省工信厅')).toMatchObject({ status: 'commented', reading: 'not-read', files: ['回收/工信厅.jpg'] });
    expect(line('省工信厅')?.problems.join()).toContain('内容未读取');
    expect(line('省体育局')?.status).toBe('unreadable');
    expect(line('省体育局')?.problems.join()).toMatch(/体育局反馈\.docx：空文件/u);
  });

  it('knows its own 复函 by the unit it was made for, and asks the clerk to look when it holds no comment', () => {
    expect(line('省农科院')).toMatchObject({ status: 'commented', files: ['回收/回函.docx'] });
    expect(line('省农科院')?.problems.join()).toContain('未找到分条意见');
  });

  it('keeps files from nobody on the list apart, with the reason, and ignores lock files', () => {
    expect(report.unmatched).toEqual([{ file: '回收/反馈表(2).docx', reason: '是另一份来函（闽扶协函〔2024〕9号）的反馈表' }]);
    expect(report.ignored).toEqual(['回收/Thumbs.db', '回收/~$复函.docx']);
  });

  it('calls the others missing before the deadline and overdue after it', async () => {
    expect(line('省农业农村厅')?.status).toBe('missing');
    const later = (await trackWorkspace(workspace, { asOf: '2024-10-19' })).report;
    expect(later.recipients.find((recipient) => recipient.name === '省农业农村厅')?.status).toBe('overdue');
    expect(trackExitCode(later)).toBe(3);
  });

  it('never changes the inbox', () => {
    expect(inboxFingerprint()).toEqual(before);
  });
});

describe('the track command', () => {
  it('prints the table and the counts, and exits 3 while units are outstanding', () => {
    const run = gongwen(['track', workspace, '--as-of', '2024-10-19']);
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/04\s+省科技厅\s+已反馈\s+3 条\s+回收\/科技厅反馈意见-导出\.pdf，回收\/科技厅反馈意见\.docx/u);
    expect(run.stdout).toContain('已反馈 8/30，其中无意见 3；未反馈 0，逾期未反馈 20，文件无法读取 2');
    expect(run.stdout).toContain('回收/反馈表(2).docx：是另一份来函');
  });

  it('gives the track JSON of the design brief', () => {
    const run = gongwen(['track', workspace, '--as-of', '2024-10-17', '--json']);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ asOf: '2024-10-17', deadline: '2024-10-18' });
    expect(json.recipients).toHaveLength(30);
    expect(json.packets).toEqual([]);
    expect(json.recipients[3]).toEqual({
      id: 'r04', name: '省科技厅', status: 'commented', files: ['回收/科技厅反馈意见-导出.pdf', '回收/科技厅反馈意见.docx'],
      superseded: ['回收/科技厅反馈意见-导出.pdf'], comments: 3, reading: 'itemised', problems: [],
    });
  });

  it('refuses a folder that is not a workspace, and a bad date, in one Chinese line', () => {
    const notWorkspace = gongwen(['track', join(workspace, '回收')]);
    expect(notWorkspace.status).toBe(1);
    expect(notWorkspace.stderr).toMatch(/不是 gongwen 工作目录/u);
    const badDate = gongwen(['track', workspace, '--as-of', '10月19日']);
    expect(badDate.status).toBe(1);
    expect(badDate.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('has still not changed the inbox after every run of the command', () => {
    expect(inboxFingerprint()).toEqual(before);
  });
});

describe('packets/ against the manifest', () => {
  it('warns about a form changed, one missing and a file gongwen did not make, before they are sent', () => {
    const packets = join(workspace, 'packets');
    writeFileSync(join(packets, '04-省科技厅', '意见反馈表.docx'), 'saved over by hand');
    rmSync(join(packets, '05-省工信厅', '复函.docx'));
    writeFileSync(join(packets, '05-省工信厅', '复函（改）.docx'), 'a copy');
    const run = gongwen(['track', workspace, '--as-of', '2024-10-17']);
    expect(run.stdout).toContain('packets/ 中有 3 个文件与清单（gongwen.json）记录的不一致');
    expect(run.stdout).toContain('packets/04-省科技厅/意见反馈表.docx：与生成时不同（被修改或替换过）');
    expect(run.stdout).toContain('packets/05-省工信厅/复函.docx：缺失');
    expect(run.stdout).toContain('packets/05-省工信厅/复函（改）.docx：不是本工作目录生成的文件');
    const json = JSON.parse(gongwen(['track', workspace, '--as-of', '2024-10-17', '--json']).stdout);
    expect(json.packets).toHaveLength(3);
    expect(inboxFingerprint()).toEqual(before);
  });
});
