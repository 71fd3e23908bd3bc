// Replies as units write them, read back comment by comment: what the 意见汇总表 will show for each unit.
import { describe, expect, it } from 'vitest';
import { readReturnedFile } from '../../src/tracking/returned.js';
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

describe('comments numbered by Word on several levels', () => {
  it('takes the items under each heading, level by level, with the heading’s clause', async () => {
    const reply = await readReturnedFile(fixture('docx/reply-levels-libreoffice.docx'));
    expect(reply.comments.map((comment) => [comment.clause, comment.suggestion])).toEqual([
      ['第一部分', '建议在第一部分增加到2026年的量化指标。'],
      [null, '建议将“升级版”的内涵写具体。'],
      ['任务4', '建议增加共建科技创新平台的内容。'],
      ['任务4', '建议明确科技特派员的选派人数。'],
      ['第三部分', '建议增加省科技厅为配合单位。'],
    ]);
  });
});

describe('the draft sent back with tracked changes and a Word comment', () => {
  it('gives one comment per change and per Word comment, in the clause it sits in, never one per paragraph', async () => {
    const reply = await readReturnedFile(fixture('docx/draft-tracked-libreoffice.docx'));
    expect(reply.itemised).toBe(true);
    expect(reply.comments.map((comment) => [comment.clause, comment.original, comment.suggestion])).toEqual([
      ['（一）加强组织领导', '原则上', '删除“原则上”'],
      ['（一）加强组织领导', null, '增加“，研究解决协作中的重大问题”'],
      ['（二）强化考核评价', null, '增加“半”'],
      ['（二）强化考核评价', '将协作成效纳入年度考核', '建议明确考核主体。\n并与年度绩效挂钩。'],
    ]);
  });
});
