// Published letters of other shapes (fixtures/public, fixtures/peers): the parser was not written for them.
import { describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/outline/parse.js';
import { fixture } from '../support/cli.js';

const parse = (name: string) => parseLetter(fixture(name));

describe('published letters', () => {
  it('财办会〔2026〕32号: title before the number, indented body, numbers without a named contact', async () => {
    const { letter } = await parse('public/01-mof-caibanhui-2026-32-shuzhihua-zqyj.txt');
    expect(letter.docNumber?.text).toBe('财办会〔2026〕32号');
    expect(letter.title).toBe('关于征求《财政部关于加快推进会计数智化工作的指导意见（征求意见稿）》意见的函');
    expect(letter.deadline).toBe('2026-10-20');
    expect(letter.signature).toBe('财政部办公厅');
    expect(letter.date).toBe('2026-09-17');
    expect(letter.contacts).toEqual([
      { name: null, department: null, phones: ['010-68554531', '010-68553925'], faxes: [], emails: ['zhidusanchu@mof.gov.cn'] },
    ]);
    expect(letter.attachmentNotes.map((note) => note.title)).toEqual([
      '财政部关于加快推进会计数智化工作的指导意见（征求意见稿）',
      '《财政部关于加快推进会计数智化工作的指导意见（征求意见稿）》起草说明',
    ]);
  });

  it('环办标征函〔2021〕11号: ASCII punctuation, two contacts, 附件: on a line of its own', async () => {
    const { letter } = await parse('public/02-mee-huanbanbiaozhenghan-2021-11-feisuliao-zqyj.txt');
    expect(letter.docNumber?.text).toBe('环办标征函〔2021〕11号');
    expect(letter.mainRecipients).toEqual(['各有关单位']);
    expect(letter.deadline).toBe('2021-05-14');
    expect(letter.contacts.map((contact) => [contact.phones, contact.faxes, contact.emails])).toEqual([
      [['（010）65645747'], ['（010）65645745'], ['swmd@mee.gov.cn']],
      [['（010）84915161'], [], ['zhouqi@craes.org.cn']],
    ]);
    expect(letter.attachmentNotes).toHaveLength(5);
    expect(letter.signature).toBe('生态环境部办公厅');
    expect(letter.date).toBe('2021-04-13');
  });

  it('a 名单 attachment with one unit a line becomes a unit list', async () => {
    const outline = await parse('public/03-mep-2014-ziranbaohuqu-daoze-zqyj-danweimingdan.txt');
    expect(outline.letter.deadline).toBe('2014-10-20');
    const [list] = outline.unitLists;
    expect(list?.group).toBe('征求意见单位名单');
    expect(list?.items.map((item) => item.raw).slice(0, 3)).toEqual(['发展改革委办公厅', '财政部办公厅', '教育部办公厅']);
    expect(list?.items.map((item) => item.raw)).toContain('各省、自治区、直辖市环境保护厅（局）');
  });

  it('国办发〔2018〕126号: a title wrapped over two lines', async () => {
    const { letter } = await parse('public/10-govcn-guobanfa-2018-126-chuangxin-tuiguang-qingdan.txt');
    expect(letter.title).toBe('国务院办公厅关于推广第二批支持创新相关改革举措的通知');
    expect(letter.kind).toBe('通知');
    expect(letter.notes).toBe('（本文有删减）');
  });

  it('a roles clause after four sub-points belongs to their parent task', async () => {
    const outline = await parse('public/12-yuncheng-2017-yingji-shisanwu-zerenfenjie.txt');
    expect(outline.tasks[0]).toMatchObject({ number: '1', title: '完善应急预案体系' });
    expect(outline.tasks[0]?.responsibleUnits.map((unit) => unit.raw)).toEqual([
      '市直各有关单位', '各县（市、区）人民政府', '各开发区管委会',
    ]);
  });

  it('three attachment notes on one line, and 抄送 lines in traditional characters', async () => {
    const multi = await parse('peers/hehecat-multi-attachment.txt');
    expect(multi.letter.attachmentNotes.map((note) => note.title)).toEqual(['综合测试检查清单', '字体映射核对表', '浏览器兼容性记录表']);
    expect(multi.letter.signature).toBe('国务院办公厅');
    const big5 = await parse('public/13-sepa-2007-huanfa-163-wuzhong-ziyuan-big5.txt');
    expect(big5.letter.docNumber?.text).toBe('環發〔2007〕163号');
    expect(big5.letter.copyTo[0]).toBe('國務院辦公廳');
  });

  it('says plainly what it could not find in a letter cut before its title', async () => {
    const outline = await parse('public/04-mep-2016-biaozhun-shisanwu-guihua-zqyj.txt');
    expect(outline.letter.title).toBeNull();
    expect(outline.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['missing-title', 'missing-doc-number']);
  });
});
