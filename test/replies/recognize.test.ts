// Replies as units write them, read back comment by comment: what the 意见汇总表 will show for each unit.
import { describe, expect, it } from 'vitest';
import { readReturnedFile } from '../../src/readers/returned/index.js';
import { fixture } from '../support/cli.js';

const office = (name: string): Promise<Awaited<ReturnType<typeof readReturnedFile>>> => readReturnedFile(fixture(`replies/office/${name}`));

describe('a reply in prose', () => {
  it('is one comment without the lead-in, the closing or the contact line', async () => {
    const reply = await office('财政厅反馈意见.docx');
    expect(reply).toMatchObject({ kind: 'letter', namedUnit: '福建省财政厅', date: '2024-10-16', itemised: true, noComment: false });
    expect(reply.comments).toEqual([{
      clause: '第8条', original: null, reason: null,
      suggestion: '经研究，建议第8条“强化人才支撑”中增加“对援宁干部人才给予必要的工作经费保障”的表述。',
    }]);
  });
});

describe('a table of the unit’s own design', () => {
  it('finds its columns by their words, in any order, and skips a row that says 无', async () => {
    const reply = await office('人社厅意见.docx');
    expect(reply.namedUnit).toBe('福建省人力资源和社会保障厅');
    expect(reply.comments).toEqual([
      { clause: '第8条', original: '劳务协作', suggestion: '将“劳务协作”修改为“劳务协作和稳岗就业”', reason: '与《福建省就业促进条例》表述一致' },
      { clause: '第三部分', original: null, suggestion: '建议明确人才交流的年度计划', reason: null },
    ]);
  });
});

describe('numbered comments under headings', () => {
  it('takes the items under 具体修改意见, with 原文 and 理由 apart, and leaves out the courtesy around them', async () => {
    const reply = await office('生态环境厅复函.docx');
    expect(reply.comments).toEqual([
      { clause: '任务5', original: '推进绿色发展', suggestion: '任务5中，建议将“推进绿色发展”修改为“推进生态环境共保联治”。', reason: '与两省区生态协作协议的表述一致' },
      { clause: '第三部分', original: null, suggestion: '第三部分“保障措施”中，建议增加生态补偿机制的内容。', reason: null },
    ]);
  });
});

describe('no comment', () => {
  it('reads 无修改意见 in the body as no comment, itemised', async () => {
    expect(await office('卫健委复函.docx')).toMatchObject({ comments: [], noComment: true, itemised: true, namedUnit: '福建省卫生健康委员会' });
  });
});
