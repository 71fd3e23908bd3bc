// The real 征求意见函 from a Fujian office, as text extracted from its PDF, end to end.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Outline } from '../../src/model/outline.js';
import { parseLetter } from '../../src/outline/parse.js';
import { SAMPLE } from '../support/cli.js';

let outline: Outline;
beforeAll(async () => {
  outline = await parseLetter(SAMPLE);
});

describe('the sample letter 闽扶协函〔2024〕8号', () => {
  it('finds the issuer and the doc number with its parts', () => {
    expect(outline.letter.issuer).toBe('福建省东西部扶贫协作工作办公室');
    expect(outline.letter.docNumber).toEqual({ text: '闽扶协函〔2024〕8号', agency: '闽扶协函', year: 2024, serial: 8 });
  });

  it('joins the title without the stray spaces of the PDF and reads its kind', () => {
    expect(outline.letter.title).toBe(
      '福建省东西部扶贫协作工作办公室关于征求《关于深入学习贯彻习近平总书记重要指示精神高质量推进闽宁协作工作的实施意见（征求意见稿）》意见建议的函',
    );
    expect(outline.letter.kind).toBe('函');
  });

  it('reads the three main recipients, the deadline and the date', () => {
    expect(outline.letter.mainRecipients).toEqual(['省直有关单位', '省第十三批援宁工作队', '有关设区市对口支援工作领导小组']);
    expect(outline.letter.deadline).toBe('2024-10-18');
    expect(outline.letter.date).toBe('2024-10-14');
    expect(outline.letter.signature).toBe('福建省东西部扶贫协作工作办公室');
  });

  it('reads the contact with the mobile phone and the fax', () => {
    expect(outline.letter.contacts).toEqual([{ name: '周善杰', department: null, phones: ['18960838088'], faxes: ['0591-88610051'], emails: [] }]);
  });

  it('reads both attachment notes, with the title tails that stood on their own lines', () => {
    expect(outline.letter.attachmentNotes).toEqual([
      { index: 1, title: '关于深入学习贯彻习近平总书记重要指示精神高质量推进闽宁协作工作的实施意见（2024—2026年）（征求意见稿）' },
      { index: 2, title: '省直有关单位、有关设区市对口支援工作领导小组名单' },
    ]);
  });

  it('finds both attachments, matched to their notes without a warning', () => {
    expect(outline.attachments.map((a) => [a.index, a.title, a.draftLabel])).toEqual([
      [1, '关于深入学习贯彻习近平总书记重要指示精神高质量推进闽宁协作工作的实施意见（2024—2026年）（征求意见稿）', '征求意见稿'],
      [2, '省直有关单位，有关设区市对口支援工作领导小组名单', null],
    ]);
    expect(outline.diagnostics.filter((d) => d.rule.startsWith('attachment'))).toEqual([]);
  });

  it('builds the outline levels 一、 and （一） of the draft', () => {
    const [draft] = outline.attachments;
    expect(draft?.sections.map((s) => s.heading)).toEqual(['一、工作目标', '二、重点任务', '三、保障措施']);
    expect(draft?.sections[1]?.sections.map((s) => s.heading)).toEqual([
      '（一）实施特色产业提升行动，推进产业高质量发展',
      '（二）实施产业集群打造行动，大力发展新质生产力',
      '（三）实施劳务协作提升行动，打造人力资源新高地',
      '（四）实施消费帮扶助农增收行动，扎实推进共同富裕',
    ]);
  });

  it('finds the 11 tasks with their titles and paths', () => {
    expect(outline.tasks.map((t) => `${t.number} ${t.title}`)).toEqual([
      '1 提升产业质效', '2 加大金融支持', '3 深化科技创新', '4 强化数智赋能', '5 强化产业融合', '6 强化平台建设',
      '7 深化劳务协作', '8 深化人才交流', '9 深化消费帮扶协作', '10 深化文化旅游协作', '11 广泛动员社会参与',
    ]);
    expect(outline.tasks[0]?.path).toEqual(['二、重点任务', '（一）实施特色产业提升行动，推进产业高质量发展']);
    expect(outline.tasks.every((t) => t.attachment === 1)).toBe(true);
  });

  it('reads each task\'s raw responsible units, split at 、 and ， with brackets kept whole', () => {
    const raw = (n: string): string[] => outline.tasks.find((t) => t.number === n)?.responsibleUnits.map((u) => u.raw) ?? [];
    expect(raw('1')).toEqual(['两省区农业农村厅', '发展改革委', '商务厅', '农科院', '各市', '县〔区〕']);
    expect(raw('3')).toEqual(['两省区科技厅', '农业农村厅', '厦门〔宁夏〕大学', '农科院']);
    expect(outline.tasks[0]?.responsibleUnits.map((u) => u.separator)).toEqual(['、', '、', '、', '，', '、', '']);
  });

  it('gives task 4 the units of the clause that stands as its own paragraph', () => {
    const task = outline.tasks.find((t) => t.number === '4');
    expect(task?.responsibleUnits.map((u) => u.raw)).toEqual(['两省区发展改革委', '工业和信息化厅', '农业农村厅']);
    expect(task?.responsibleUnits[0]).toMatchObject({ line: 49, column: 7, role: '责任单位' });
  });

  it('gives task 9 the units of the clause cut across two paragraphs (（责任单 / 位：…）', () => {
    const task = outline.tasks.find((t) => t.number === '9');
    expect(task?.responsibleUnits.map((u) => u.raw)).toEqual([
      '两省区农业农村厅', '发展改革委', '商务厅', '贺兰山东麓葡萄酒产业园区管委会', '各市', '县〔区〕',
    ]);
    expect(task?.responsibleUnits[0]).toMatchObject({ line: 65, column: 3 });
    expect(task?.text).toContain('助推两省区茶酒产业融合发展。');
  });

  it('joins the sentence cut after 各部门 in 三、保障措施 (it makes no task)', () => {
    expect(outline.tasks.some((t) => t.text.includes('按照职责分工'))).toBe(false);
    const parserFindings = outline.diagnostics.filter((d) => !/^(unit|recipient)-/u.test(d.rule));
    expect(parserFindings).toEqual([]);
  });

  it('hands over the unit lists of attachment 2 with their groups', () => {
    expect(outline.unitLists.map((list) => [list.group, list.attachment, list.items.length])).toEqual([
      ['省直有关单位', 2, 24],
      ['有关设区市对口支援工作领导小组', 2, 5],
    ]);
    expect(outline.unitLists[0]?.items[0]).toMatchObject({ raw: '省委组织部', separator: '，', line: 83, column: 1 });
  });

  it('records where it came from', () => {
    expect(outline.source).toMatchObject({ format: 'txt', encoding: 'utf-8' });
    expect(outline.source.sha256).toMatch(/^[0-9a-f]{64}$/u);
  });
});
