// An inbox past gongwen's limits: what is not read is named, with the limit, never dropped in silence.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listInbox } from '../../src/tracking/inbox.js';

const workspace = mkdtempSync(join(tmpdir(), 'gongwen-inbox-limits-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('the inbox listing at its limits', () => {
  it('names the files past the cap (four a recipient, at least 10,000) and reads the rest', async () => {
    const inbox = join(workspace, '回收');
    mkdirSync(inbox);
    for (let index = 0; index < 10_002; index++) writeFileSync(join(inbox, `r${String(index).padStart(5, '0')}.docx`), '');
    const listing = await listInbox(workspace, '回收', 30);
    expect(listing.files).toHaveLength(10_000);
    expect(listing.leftOut.map((entry) => entry.file)).toEqual(['回收/r10000.docx', '回收/r10001.docx']);
    expect(listing.leftOut[0]?.reason).toContain('超过 10000 个');
    // A national letter to 3,000 units may hold 12,000 replies: all are read.
    expect((await listInbox(workspace, '回收', 3_000)).leftOut).toEqual([]);
  });

  it('names a folder nested too deep instead of skipping it', async () => {
    const deep = join(workspace, '深', 'a', 'b', 'c', 'd', 'e');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, '反馈表.docx'), '');
    writeFileSync(join(workspace, '深', '复函.docx'), '');
    const listing = await listInbox(workspace, '深', 30);
    expect(listing.files).toEqual(['深/复函.docx']);
    expect(listing.leftOut).toEqual([{ file: '深/a/b/c/d/e/', reason: '文件夹套了 4 层以上，其中的文件未读取' }]);
  });
});
