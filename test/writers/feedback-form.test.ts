// 意见反馈表: what each unit's form says, read back from its XML.
import { describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/outline/parse.js';
import { feedbackForm } from '../../src/writers/feedback-form.js';
import { fixture } from '../support/cli.js';
import { readDocx, tableRows } from './ooxml.js';
import { recipientNamed, sampleOutline } from './sample-outline.js';

const outline = sampleOutline();
const DRAFT = '关于深入学习贯彻习近平总书记重要指示精神高质量推进闽宁协作工作的实施意见（2024—2026年）（征求意见稿）';

async function formOf(name: string) {
  return readDocx(await feedbackForm(outline, recipientNamed(outline, name)));
}

describe('意见反馈表 for 省科技厅', async () => {
  const form = await formOf('省科技厅');

  it('is titled after the draft (attachment 1)', () => {
    expect(form.text.split('\n')[0]).toBe(`《${DRAFT}》意见反馈表`);
  });

  it('has the header fields, with 反馈单位 filled in', () => {
    const [unit, contact] = tableRows(form.document, 0);
    expect(unit).toEqual(['反馈单位', '省科技厅', '反馈日期', '　　年　　月　　日']);
    expect(contact).toEqual(['联系人', '', '联系电话', '']);
  });

  it('offers 无意见 as a check box a clerk can tick (w14 content control)', () => {
    expect(form.document).toMatch(/<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="0"\/>/u);
    expect(form.document.match(/<w14:checkbox>/gu)).toHaveLength(2);
    expect(form.text).toMatch(/^□无意见　+□有意见（请填写下表）$/mu);
  });

  it('pre-fills the comment table with its task (3.深化科技创新), then blank numbered rows', () => {
    const rows = tableRows(form.document, 1);
    expect(rows[0]).toEqual(['序号', '条目（章节、任务序号）', '原文', '修改意见', '修改理由']);
    expect(rows[1]).toEqual(['1', '3.深化科技创新', '', '', '']);
    expect(rows.slice(2).map((row) => row.join('|'))).toEqual(['2||||', '3||||', '4||||', '5||||']);
  });

  it('closes with the deadline, the contact, phone and fax, and how to return it', () => {
    const note = form.text.slice(form.text.indexOf('注：'));
    for (const fact of ['2024年10月18日', '周善杰', '18960838088', '0591-88610051', '加盖公章', '福建省东西部扶贫协作工作办公室']) {
      expect(note).toContain(fact);
    }
  });

  it('carries the letter and the recipient in custom document properties', () => {
    expect(form.properties).toEqual({
      'gongwen.schema': '1',
      'gongwen.document': 'feedback-form',
      'gongwen.docNumber': '闽扶协函〔2024〕8号',
      'gongwen.recipientId': 'r04',
      'gongwen.recipientName': '省科技厅',
    });
    expect(form.parts['[Content_Types].xml']).toContain('custom-properties+xml');
  });
});

describe('forms of other units', () => {
  it('lists every task of 省农业农村厅, in the draft order', async () => {
    const rows = tableRows((await formOf('省农业农村厅')).document, 1);
    expect(rows.slice(1, 9).map((row) => row[1])).toEqual([
      '1.提升产业质效', '3.深化科技创新', '4.强化数智赋能', '5.强化产业融合',
      '7.深化劳务协作', '8.深化人才交流', '9.深化消费帮扶协作', '11.广泛动员社会参与',
    ]);
    expect(rows.slice(9).every((row) => row[1] === '')).toBe(true);
    expect(rows.length - 1).toBe(11);
  });

  it('gives a unit with no task only blank rows', async () => {
    const rows = tableRows((await formOf('省第十三批援宁工作队')).document, 1);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(rows.slice(1).every((row) => row.slice(1).every((cell) => cell === ''))).toBe(true);
  });

  it('prints a blank line where the letter gives no value, never a guess', async () => {
    const bare = sampleOutline();
    bare.letter.deadline = null;
    bare.letter.contacts = [];
    const form = readDocx(await feedbackForm(bare, recipientNamed(bare, '省科技厅')));
    expect(form.text).toContain('请于＿＿＿＿前');
    expect(form.text).toContain('联系人：＿＿＿＿');
  });
});

describe('the contact note prints what the letter gives, and nothing it does not', () => {
  const noteOf = async (letter: string): Promise<string> => {
    const outline = await parseLetter(fixture(letter));
    const [recipient] = outline.recipients;
    if (!recipient) throw new Error(`${letter}: no recipient`);
    const form = readDocx(await feedbackForm(outline, recipient));
    return form.text.slice(form.text.indexOf('注：'));
  };

  it('two people, a number given as 电话/传真, the reply mailbox and the reply address (反馈至…)', async () => {
    expect(await noteOf('shapes/zhusong-wrapped-contacts.txt')).toContain(
      '书面反馈市发改委数字经济处（联系人：林志强，电话：0591-83301234，传真：0591-83301234；联系人：王丽娟，电话：0591-83305678；电子邮箱：szjjc@fzdrc.gov.cn）',
    );
  });

  it('a letter with no fax gets no 传真 blank, and its e-mail is printed', async () => {
    const note = await noteOf('shapes/yutongzhi-working-days.txt');
    expect(note).toContain('（联系人：郑文斌，电话：0591-87091234，电子邮箱：zcc@fjedu.gov.cn）');
    expect(note).not.toContain('传真');
  });
});
