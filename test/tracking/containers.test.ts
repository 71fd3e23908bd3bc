// Replies that arrive inside mails and zips, or as old Word files: `track` reads every file inside through
// the same format table, gives each unit its own status, names each file with its container, and refuses
// the hostile ones with a reason, writing nothing anywhere.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply, TrackReport } from '../../src/model/reply.js';
import { parseLetter } from '../../src/outline/parse.js';
import { createPackets } from '../../src/packets/index.js';
import { readInboxFile } from '../../src/tracking/containers.js';
import { trackWorkspace } from '../../src/tracking/index.js';
import { SAMPLE, fixture, gongwen } from '../support/cli.js';

const workspace = join(mkdtempSync(join(tmpdir(), 'gongwen-containers-')), '征求意见');
const inbox = join(workspace, '回收');
afterAll(() => rmSync(join(workspace, '..'), { recursive: true, force: true }));

const ARRIVED = [
  '财政厅意见反馈表.doc', '省科协-Foxmail.eml', '妇联意见-Outlook.eml', '群团组织反馈意见.zip',
  'hostile/省残联-套娃.eml', 'hostile/附件过多.eml', 'hostile/层层嵌套.eml', 'hostile/扇区数异常.doc',
];

/** Every file under the workspace with its hash: nothing may be added, changed or removed by `track`. */
function fingerprint(folder = workspace): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => `${relative(folder, path)} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`)
    .sort();
}

let before: string[];
let report: TrackReport;
let replies: Reply[];

beforeAll(async () => {
  await createPackets(await parseLetter(SAMPLE), workspace);
  for (const file of ARRIVED) copyFileSync(fixture(`returned/${file}`), join(inbox, file.replace('hostile/', '')));
  before = fingerprint();
  ({ report, replies } = await trackWorkspace(workspace, { asOf: '2024-10-17' }));
}, 180_000);

const line = (name: string) => report.recipients.find((recipient) => recipient.name === name);
const suggestions = (id: string) => replies.filter((reply) => reply.recipientId === id).flatMap((reply) => reply.content.comments.map((comment) => comment.suggestion));
const unmatched = (file: string) => report.unmatched.find((entry) => entry.file === file)?.reason;

describe('track: replies inside mails and zips, and old Word files', () => {
  it('recognises a form saved as .doc by its ids and counts its comments', () => {
    expect(line('省财政厅')).toMatchObject({ status: 'commented', comments: 2, files: ['回收/财政厅意见反馈表.doc'], problems: [] });
  });

  it('reads the form attached to a Foxmail mail, named with its mail; the greeting is no reply', () => {
    expect(line('省科协')).toMatchObject({ status: 'commented', comments: 1, files: ['回收/省科协-Foxmail.eml › 意见反馈表（省科协）.docx'], problems: [] });
    expect(suggestions('r21')).toEqual(['建议增加科普援宁项目']);
  });

  it('takes the comments written in a mail body as that unit\'s reply', () => {
    expect(line('省妇联')).toMatchObject({ status: 'commented', comments: 2, files: ['回收/妇联意见-Outlook.eml'] });
  });

  it('gives both units in one zip their status, by the CP936 names inside', () => {
    expect(line('团省委')).toMatchObject({ status: 'no-comment', files: ['回收/群团组织反馈意见.zip › 团省委意见反馈表.docx'], problems: [] });
    expect(line('省侨联')).toMatchObject({ status: 'commented', comments: 2, files: ['回收/群团组织反馈意见.zip › 省侨联/意见反馈表（省侨联）.docx'] });
    expect(report.ignored).toContain('回收/群团组织反馈意见.zip › Thumbs.db');
    expect(suggestions('r22')).toEqual(['建议将侨资企业纳入产业协作', '建议增加侨界人才交流']);
  });

  it('refuses a zip in a zip in a mail at the third level, and asks for the file itself', () => {
    expect(line('省残联')?.status).toBe('unreadable');
    expect(line('省残联')?.problems).toEqual([
      '回收/省残联-套娃.eml › 省残联反馈.zip › 省残联反馈-内层.zip：压缩包或邮件套了 3 层以上，未展开，请对方重新发送',
    ]);
  });

  it('refuses a mail with too many attachments, a mail bomb and a .doc with an absurd header, each with its reason', () => {
    expect(unmatched('回收/附件过多.eml')).toMatch(/^内含文件过多（超过 200 个）/u);
    expect(unmatched('回收/层层嵌套.eml')).toMatch(/^邮件结构层层嵌套/u);
    expect(unmatched('回收/扇区数异常.doc')).toMatch(/^文件已损坏（内部结构声称有 16777215 个扇区/u);
  });

  it('writes nothing: the inbox and the workspace are as they were', () => {
    expect(fingerprint()).toEqual(before);
  });

  it('keeps track --json as it was, the files inside named with their container', () => {
    const run = gongwen(['track', workspace, '--as-of', '2024-10-17', '--json']);
    const json = JSON.parse(run.stdout);
    expect(json.recipients.find((recipient: { id: string }) => recipient.id === 'r22')).toEqual({
      id: 'r22', name: '省侨联', status: 'commented', files: ['回收/群团组织反馈意见.zip › 省侨联/意见反馈表（省侨联）.docx'], superseded: [],
      comments: 2, reading: 'itemised', problems: [],
    });
    expect(fingerprint()).toEqual(before);
  });
});

describe('the caps on what one inbox file may hold', () => {
  it('stops reading a zip of zips once the files inside pass 64 MB together, and says so', async () => {
    const { items } = await readInboxFile(fixture('returned/hostile'), '压缩包套压缩包.zip');
    expect(items.at(-1)).toEqual({ file: '压缩包套压缩包.zip › 第二批.zip', content: null, problem: '内含文件共 80 MB，超过 64 MB，未展开' });
    expect(items.filter((item) => item.file.startsWith('压缩包套压缩包.zip › 第一批.zip › '))).toHaveLength(2);
  });
});
