// Letters as offices write them (issue 12): each shape the sample letter does not have, on a small realistic
// letter in fixtures/shapes (see its README) or on a published one in fixtures/public.
import { describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/outline/parse.js';
import { fixture } from '../support/cli.js';

const parse = (name: string) => parseLetter(fixture(name));
const rules = (outline: { diagnostics: Array<{ rule: string }> }): string[] => outline.diagnostics.map((d) => d.rule);
const roles = (task: { responsibleUnits: Array<{ raw: string; role: string }> } | undefined): string[] =>
  task?.responsibleUnits.map((unit) => `${unit.role}:${unit.raw}`) ?? [];

describe('regions: title, 主送, attachments decided once', () => {
  it('a 主送 wrapped over two lines is not glued onto the title', async () => {
    const { letter } = await parse('shapes/zhusong-wrapped-contacts.txt');
    expect(letter.title).toBe('福州市发展和改革委员会关于征求《福州市数字经济发展三年行动方案（2024—2026年）（征求意见稿）》意见的函');
    expect(letter.kind).toBe('函');
    expect(letter.mainRecipients).toEqual(['市教育局', '科技局', '工信局', '各区人民政府', '高新区管委会']);
    expect(letter.mainRecipientRuns).toEqual(['市教育局、科技局、工信局', '各区人民政府', '高新区管委会']);
    expect(letter.docNumber?.text).toBe('榕发改函〔2024〕88号');
  });

  it('the doc number and the title on the first line (a web copy): both found, the number not in the title', async () => {
    const { letter } = await parse('shapes/number-title-one-line.txt');
    expect(letter.docNumber?.text).toBe('闽政办函〔2024〕7号');
    expect(letter.title).toBe('福建省人民政府办公厅关于征求《福建省促进民营经济高质量发展若干措施（征求意见稿）》意见的函');
    expect(letter.replyTo).toEqual({ unit: '省发展改革委（民营经济处）', emails: ['myjjc@fjdrc.gov.cn'] });
  });

  it('an attachment that starts straight with 1.… keeps task 1, and takes its title from the 附件说明', async () => {
    const outline = await parse('shapes/zhusong-wrapped-contacts.txt');
    expect(outline.attachments[1]).toMatchObject({ index: 2, title: '重点任务分工' });
    expect(outline.attachments[1]?.sections.map((section) => section.number)).toEqual(['1', '2', '3']);
    expect(outline.tasks.map((task) => task.title)).toEqual(['建设城市数据大脑', '培育数字产业集群', '推进教育数字化']);
    expect(rules(outline)).toContain('attachment-without-title');
  });

  it('a table header is not absorbed into the attachment title (国办发〔2018〕126号)', async () => {
    const outline = await parse('public/10-govcn-guobanfa-2018-126-chuangxin-tuiguang-qingdan.txt');
    expect(outline.attachments[0]?.title).toBe('第二批支持创新相关改革举措推广清单');
    expect(rules(outline)).not.toContain('attachment-title-mismatch');
  });
});

describe('the deadline is the one the letter asks for', () => {
  it('请于10月18日前反馈 wins over an earlier 联席会议拟于2024年10月25日前召开, and the warning names both', async () => {
    const outline = await parse('shapes/zhusong-wrapped-contacts.txt');
    expect(outline.letter.deadline).toBe('2024-10-18');
    const warning = outline.diagnostics.find((d) => d.rule === 'deadline-ambiguous');
    expect(warning?.message).toContain('取 2024-10-18');
    expect(warning?.message).toContain('另有 2024-10-25');
  });

  it('请于2024年3月8日（星期五）下班前', async () => {
    expect((await parse('shapes/metadata-table-xiabanqian.md')).letter.deadline).toBe('2024-03-08');
  });

  it('the end of a range, 征求意见时间为2024年7月1日至7月31日, with the year of its start', async () => {
    const outline = await parse('shapes/gonggao-range.txt');
    expect(outline.letter.deadline).toBe('2024-07-31');
    expect(rules(outline)).not.toContain('deadline-year');
  });

  it('3个工作日内 is counted from the 成文日期 (Friday 1 March 2024 → Wednesday 6 March) and flagged', async () => {
    const outline = await parse('shapes/yutongzhi-working-days.txt');
    expect(outline.letter.deadline).toBe('2024-03-06');
    expect(outline.diagnostics.find((d) => d.rule === 'deadline-relative')).toMatchObject({ severity: 'warning', line: 8 });
  });

  it('a range in a sentence that asks nothing (施工拟于5月10日至6月30日) is not a candidate', async () => {
    const outline = await parse('shapes/tonggao.txt');
    expect(outline.letter.deadline).toBe('2024-04-30');
    expect(rules(outline)).not.toContain('deadline-ambiguous');
  });
});

describe('contacts', () => {
  it('a department run together with the name, and a second person on an unlabelled line; 电话/传真 with one number', async () => {
    const { letter } = await parse('shapes/zhusong-wrapped-contacts.txt');
    expect(letter.contacts).toEqual([
      { name: '林志强', department: '市发改委数字经济处', phones: ['0591-83301234'], faxes: ['0591-83301234'], emails: [] },
      { name: '王丽娟', department: null, phones: ['0591-83305678'], faxes: [], emails: [] },
    ]);
  });

  it('the reply address and mailbox are their own field, not a contact', async () => {
    expect((await parse('shapes/zhusong-wrapped-contacts.txt')).letter.replyTo).toEqual({ unit: '市发改委数字经济处', emails: ['szjjc@fzdrc.gov.cn'] });
    expect((await parse('public/01-mof-caibanhui-2026-32-shuzhihua-zqyj.txt')).letter.replyTo?.unit).toBe('财政部会计司');
    expect((await parse('min-fu-xie-han-2024-8.txt')).letter.replyTo).toBeNull();
  });

  it('生态环境部固体废物与化学品司谭全银: department and name apart (环办标征函〔2021〕11号)', async () => {
    const { letter } = await parse('public/02-mee-huanbanbiaozhenghan-2021-11-feisuliao-zqyj.txt');
    expect(letter.contacts.map((contact) => [contact.department, contact.name])).toEqual([
      ['生态环境部固体废物与化学品司', '谭全银'],
      ['中国环境科学研究院', '周奇'],
    ]);
  });

  it('…司应蓉蓉段光明 is two people, each with one of the two numbers', async () => {
    const { letter } = await parse('shapes/metadata-table-xiabanqian.md');
    expect(letter.contacts).toEqual([
      { name: '应蓉蓉', department: '商务部外国投资管理司', phones: ['010-85093456'], faxes: ['010-85093400'], emails: [] },
      { name: '段光明', department: '商务部外国投资管理司', phones: ['010-85093457'], faxes: ['010-85093400'], emails: [] },
    ]);
  });

  it('联系人及电话：陈建国，…；林海燕，…: two people under one label; 联系方式 as a phone label', async () => {
    const tonggao = (await parse('shapes/tonggao.txt')).letter;
    expect(tonggao.contacts.map((contact) => [contact.name, contact.phones, contact.emails])).toEqual([
      ['陈建国', ['0591-87701122'], []], ['林海燕', ['0591-87701133'], []],
    ]);
    // 通过…电子邮箱…反馈意见: the mailbox is where replies go, not a person's.
    expect(tonggao.replyTo).toEqual({ unit: null, emails: ['fzjjzd@fzga.gov.cn'] });
    expect((await parse('shapes/gonggao-range.txt')).letter.contacts).toEqual([
      { name: null, department: null, phones: ['0591-87095432'], faxes: [], emails: [] },
    ]);
  });

  it('a short department (职成处郑文斌) and the e-mail on the same line', async () => {
    const { letter } = await parse('shapes/yutongzhi-working-days.txt');
    expect(letter.contacts).toEqual([{ name: '郑文斌', department: '职成处', phones: ['0591-87091234'], faxes: [], emails: ['zcc@fjedu.gov.cn'] }]);
  });
});

describe('other shapes', () => {
  it('a 公告 with its own number and no 主送 is not missing its recipients', async () => {
    const outline = await parse('shapes/gonggao-range.txt');
    expect(outline.letter).toMatchObject({
      kind: '公告', issuer: '福建省财政厅', title: '关于公开征求《福建省政府采购评审专家管理实施办法（修订征求意见稿）》意见的公告',
      docNumber: { text: '福建省财政厅公告2024年第3号', year: 2024, serial: 3 },
    });
    expect(rules(outline)).not.toContain('missing-main-recipients');
    expect(outline.letter.replyTo).toEqual({ unit: null, emails: ['zfcgc@czt.fujian.gov.cn'] });
  });

  it('a 通告 with a letter-spaced 通　　告 and 〔2024〕第5号', async () => {
    const outline = await parse('shapes/tonggao.txt');
    expect(outline.letter).toMatchObject({ kind: '通告', title: '关于三环路部分路段施工期间实施交通管制征求意见的通告' });
    expect(outline.letter.docNumber).toMatchObject({ year: 2024, serial: 5 });
    expect(rules(outline).filter((rule) => rule.startsWith('missing-'))).toEqual([]);
  });

  it('a 预通知 is its own kind', async () => {
    expect((await parse('shapes/yutongzhi-working-days.txt')).letter.kind).toBe('预通知');
  });

  it('the doc number in a metadata table (发文字号 | 商办资函〔2024〕45号)', async () => {
    const { letter } = await parse('shapes/metadata-table-xiabanqian.md');
    expect(letter.docNumber?.text).toBe('商办资函〔2024〕45号');
    expect(letter.issuer).toBe('商务部办公厅');
  });

  it('成文日期 in Chinese numerals with 〇, ○ and O', async () => {
    expect((await parse('shapes/zhusong-wrapped-contacts.txt')).letter.date).toBe('2024-10-10');
    expect((await parse('shapes/gonggao-range.txt')).letter.date).toBe('2024-06-28');
    expect((await parse('shapes/yutongzhi-working-days.txt')).letter.date).toBe('2024-03-01');
  });
});

describe('tasks written as offices write them', () => {
  it('（商务部负责）, and （甲牵头，乙、丙配合）', async () => {
    const { tasks } = await parse('shapes/metadata-table-xiabanqian.md');
    expect(roles(tasks[0])).toEqual(['责任单位:商务部']);
    expect(roles(tasks[1])).toEqual(['牵头单位:国家发展改革委', '配合单位:工业和信息化部', '配合单位:国家卫生健康委']);
  });

  it('[牵头单位:…;责任单位:…], and 牵头单位 / 责任单位 on lines of their own', async () => {
    const { tasks } = await parse('shapes/zhusong-wrapped-contacts.txt');
    expect(roles(tasks[0])).toEqual(['责任单位:市大数据委']);
    expect(roles(tasks[1])).toEqual(['牵头单位:市工信局', '责任单位:市商务局', '责任单位:市财政局']);
    expect(roles(tasks[2])).toEqual(['牵头单位:市教育局', '责任单位:市科技局', '责任单位:各区人民政府']);
  });

  it('thirty tasks each closed by （…负责）, 会同 read as lead and partners (国办发〔2018〕117号)', async () => {
    const { tasks } = await parse('public/06-govcn-guobanfa-2018-117-ducha-jili.txt');
    expect(tasks).toHaveLength(30);
    expect(tasks.every((task) => task.responsibleUnits.length > 0)).toBe(true);
    expect(roles(tasks[15])).toEqual(['牵头单位:国家发展改革委', '配合单位:有关部门']);
    expect(roles(tasks[29])).toEqual(['责任单位:国务院办公厅']);
  });
});

describe('duty brackets inside and under a measure (国办发〔2018〕128号)', () => {
  it('（…指导） in the paragraphs under （三） belong to it; parts numbered alike without duties are not tasks', async () => {
    const { tasks } = await parse('public/07-govcn-guobanfa-2018-128-wufei-chengshi.txt');
    expect(tasks.map((task) => task.id)).toEqual(['letter:二.一', 'letter:二.二', 'letter:二.三', 'letter:二.四', 'letter:二.五', 'letter:二.六']);
    expect(tasks[2]?.responsibleUnits.map((unit) => unit.raw)).toEqual(['农业农村部', '国家发展改革委', '市场监管总局', '生态环境部', '财政部']);
    expect(tasks.every((task) => task.responsibleUnits.length > 0)).toBe(true);
  });
});

describe('task ids', () => {
  it('are keys made of the attachment and the outline numbers; the printed number is a label', async () => {
    const sample = await parse('min-fu-xie-han-2024-8.txt');
    expect(sample.tasks.slice(0, 2).map((task) => [task.id, task.number])).toEqual([['a1:二.一.1', '1'], ['a1:二.一.2', '2']]);
    const renshe = await parse('shapes/renshe-zqyj.docx');
    expect(renshe.tasks.map((task) => [task.id, task.number])).toEqual([
      ['a1:一.1', '1（附件1）'], ['a1:一.2', '2（附件1）'], ['a2:表1.1', '1（附件2）'], ['a2:表1.2', '2（附件2）'],
    ]);
    expect(new Set(renshe.tasks.map((task) => task.id)).size).toBe(renshe.tasks.length);
  });
});
