// Letters of other shapes (fixtures/shapes): a task table, square brackets and Chinese-numeral dates,
// the whole 版头 and 版记, a Word file made by another tool.
import { describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/outline/parse.js';
import { fixture } from '../support/cli.js';

const parse = (name: string) => parseLetter(fixture(`shapes/${name}`));
const units = (task: { responsibleUnits: Array<{ raw: string; role: string }> } | undefined): string[] =>
  task?.responsibleUnits.map((unit) => `${unit.role}:${unit.raw}`) ?? [];

describe('letters of other shapes', () => {
  it('a Markdown 通知 whose tasks are a table with 牵头单位, 配合单位 and 完成时限', async () => {
    const outline = await parse('tongzhi-task-table.md');
    expect(outline.letter).toMatchObject({
      docNumber: { text: '泉政办发〔2025〕12号', agency: '泉政办发', year: 2025, serial: 12 },
      kind: '通知', deadline: '2025-04-15', date: '2025-03-18', signature: '泉州市人民政府办公室',
    });
    expect(outline.letter.contacts).toEqual([{ name: '林晓峰', department: null, phones: ['0595-22581234'], faxes: [], emails: ['qzsjj@qz.gov.cn'] }]);
    expect(outline.tasks.map((task) => [task.number, task.title, task.deadline])).toEqual([
      ['1', '建设全市统一的数据共享交换平台', '2025年12月底前'],
      ['2', '编制政务数据资源目录', '2025-06-30'],
      ['3', '推进电子证照跨部门互认', '2026年6月底前'],
      ['4', '建立数据质量考核机制', '长期坚持'],
      ['5', '加强数据安全保障', '2025年9月底前'],
      ['6', '培育数据要素市场', '2027年底前'],
    ]);
    expect(units(outline.tasks[0])).toEqual(['牵头单位:市数据管理局', '配合单位:市发展改革委', '配合单位:工信局', '配合单位:财政局']);
    expect(outline.tasks[0]?.responsibleUnits[0]).toMatchObject({ line: 25 });
    // `1. …` lines that Markdown reads as a list keep their numbers.
    expect(outline.attachments[0]?.sections.map((section) => section.heading)).toEqual(['1.各牵头单位为第一责任单位', '2.配合单位按职责分工做好相关工作']);
  });

  it('a 函 with [2023] brackets and a date in Chinese numerals', async () => {
    const outline = await parse('bracket-2023-chinese-date.txt');
    expect(outline.letter.docNumber).toEqual({ text: '漳发改函〔2023〕45号', agency: '漳发改函', year: 2023, serial: 45 });
    expect(outline.letter.date).toBe('2023-06-09');
    expect(outline.letter.deadline).toBe('2023-06-30');
    expect(outline.attachments[0]).toMatchObject({ title: '漳州市重点项目代建管理办法（征求意见稿）', draftLabel: '征求意见稿' });
    expect(outline.tasks.map((task) => task.title)).toEqual(['建立代建单位库', '规范代建合同管理', '加强代建项目监管']);
    expect(units(outline.tasks[2])).toEqual(['责任单位:市发改委', '责任单位:审计局', '责任单位:各县（区）政府']);
  });

  it('a 通知 with 份号, 密级, 紧急程度, 签发人, 附注, 抄送 and 印发', async () => {
    const { letter, tasks } = await parse('chaosong-yinfa.txt');
    expect(letter).toMatchObject({
      copyNumber: '000123', secrecy: '秘密★1年', urgency: '特急', issuer: '福建省人民政府办公厅',
      signers: ['王建国'], title: '福建省人民政府办公厅关于做好2024年防汛抗旱工作的通知',
      notes: '（此件主动公开）', printedBy: '福建省人民政府办公厅', printedDate: '2024-04-26',
    });
    expect(letter.docNumber?.text).toBe('闽政办〔2024〕31号');
    expect(letter.copyTo).toEqual(['省委办公厅', '省人大常委会办公厅', '省政协办公厅', '省法院', '省检察院']);
    expect(tasks.map((task) => task.number)).toEqual(['一', '二', '三']);
    expect(units(tasks[0])).toEqual(['牵头单位:省水利厅', '配合单位:省应急厅', '配合单位:省自然资源厅']);
  });

  it('a Word letter made by another tool, with numbered tasks and a task table', async () => {
    const outline = await parse('renshe-zqyj.docx');
    expect(outline.source).toMatchObject({ format: 'docx', encoding: 'docx' });
    expect(outline.letter.docNumber?.text).toBe('闽人社函〔2024〕156号');
    expect(outline.letter.deadline).toBe('2024-08-20');
    expect(outline.letter.contacts[0]).toEqual({ name: '黄志明', department: null, phones: ['0591-87611234'], faxes: ['0591-87611235'], emails: ['zynljs@fjrs.gov.cn'] });
    expect(outline.attachments.map((attachment) => attachment.title)).toEqual(['福建省技能人才评价工作实施办法（征求意见稿）', '任务分工表']);
    expect(outline.tasks.map((task) => task.number)).toEqual(['1（附件1）', '2（附件1）', '1（附件2）', '2（附件2）']);
    expect(units(outline.tasks[2])).toEqual(['牵头单位:省人社厅', '配合单位:省数字办', '配合单位:财政厅']);
  });
});
