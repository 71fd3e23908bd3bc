// Templates: placeholders filled safely, repeated rows, directives, an office's own folder, mistakes named by line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { feedbackForm } from '../../src/writers/feedback-form.js';
import { reminderNotice } from '../../src/writers/reminder.js';
import { directRenderer, loadTemplates, templateOf, type Template } from '../../src/writers/template/index.js';
import { readDocx, tableRows } from './ooxml.js';
import { recipientNamed, sampleOutline } from './sample-outline.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-templates-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function template(text: string): Promise<Template> {
  return templateOf('feedback-form', 'test.md', text);
}

async function render(text: string, values: Record<string, string> = {}, lists: Record<string, Record<string, string>[]> = {}) {
  return readDocx(await directRenderer()(await template(text), { values, lists }, {}));
}

describe('placeholders', () => {
  it('are replaced by values printed as plain text, never read as Markdown or as placeholders again', async () => {
    const docx = await render('单位：{{unit.name}}，标题：{{ letter.title }}', {
      'unit.name': '**粗体**{{letter.title}}<b>x</b>',
      'letter.title': '$& $1',
    });
    expect(docx.text).toBe('单位：**粗体**{{letter.title}}<b>x</b>，标题：$& $1');
  });

  it('name the template file and line of an unknown one, and list the known ones', async () => {
    const error = await render('第一行\n\n请于{{letter.dedline}}前', { 'letter.deadline': 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/^模板 test\.md 第 3 行有误：没有名为 \{\{letter\.dedline\}\} 的占位符。可用的有：\{\{letter\.deadline\}\}/u);
  });

  it('do not reach into JavaScript objects (constructor, __proto__)', async () => {
    for (const name of ['constructor', 'toString', 'letter.constructor']) {
      await expect(render(`{{${name}}}`, { 'letter.title': 'x' })).rejects.toThrow(/没有名为/u);
    }
    await expect(render('{{__proto__}}')).rejects.toThrow(/占位符不完整/u);
    await expect(render('{{1 + 1}}')).rejects.toThrow(/写法有误/u);
  });

  it('of a list are refused outside a table row or a paragraph of its own (in a list item)', async () => {
    await expect(render('- {{task.title}}', {}, { task: [{ title: 'x' }] })).rejects.toThrow(/只能写在表格的一行或单独的一段里/u);
  });
});

describe('paragraphs naming a list', () => {
  const text = '开头。\n\n<!-- 样式：居中 -->\n{{clause.label}}：{{clause.count}}条（{{unit}}）。\n\n结尾。';

  it('repeat once per item, each copy with the layout comment above it', async () => {
    const docx = await render(text, { unit: '省科技厅' }, { clause: [{ label: '任务3', count: '2' }, { label: '任务4', count: '1' }] });
    expect(docx.text.split('\n')).toEqual(['开头。', '任务3：2条（省科技厅）。', '任务4：1条（省科技厅）。', '结尾。']);
    expect(docx.document.match(/<w:jc w:val="center"\/>/gu)).toHaveLength(2);
  });

  it('vanish with their layout comment when the list is empty: the next paragraph keeps its own layout', async () => {
    const docx = await render(text, { unit: 'x' }, { clause: [] });
    expect(docx.text.split('\n')).toEqual(['开头。', '结尾。']);
    expect(docx.document).not.toContain('<w:jc w:val="center"/>');
  });
});

describe('table rows naming a list', () => {
  const table = '| 序号 | 任务 |\n| --- | --- |\n| {{task.index}} | {{task.number}}.{{task.title}}（{{unit}}） |\n| 合计 | {{count}} |';

  it('repeat once per item, the other rows filled as they are', async () => {
    const docx = await render(table, { unit: '省科技厅', count: '2' }, { task: [{ index: '1', number: '3', title: '深化科技创新' }, { index: '2', number: '4', title: '强化数智赋能' }] });
    expect(tableRows(docx.document, 0)).toEqual([
      ['序号', '任务'],
      ['1', '3.深化科技创新（省科技厅）'],
      ['2', '4.强化数智赋能（省科技厅）'],
      ['合计', '2'],
    ]);
  });

  it('vanish when the list is empty', async () => {
    const docx = await render(table, { unit: 'x', count: '0' }, { task: [] });
    expect(tableRows(docx.document, 0)).toHaveLength(2);
  });

  it('may name only one list', async () => {
    await expect(render('| a | b |\n| - | - |\n| {{task.x}} | {{blank.y}} |', {}, { task: [{ x: '1' }], blank: [{ y: '2' }] })).rejects.toThrow(/只能按一个列表重复/u);
  });
});

describe('check boxes', () => {
  it('come from □ in the text, in a table cell too, and from task-list items', async () => {
    const docx = await render('□同意　□不同意\n\n| □是 |\n| - |\n\n- [ ] 无意见\n- [x] 有意见');
    expect(docx.document.match(/<w14:checkbox>/gu)).toHaveLength(5);
    expect(docx.document.match(/<w14:checked w14:val="1"\/>/gu)).toHaveLength(1);
    expect(docx.text.split('\n')).toEqual(['□同意　□不同意', '□是', '□无意见', '有意见']);
  });
});

describe('layout comments', () => {
  it('set column widths in proportion, summing to the 版心', async () => {
    const docx = await render('<!-- 列宽：1:3 -->\n| a | b |\n| - | - |\n| c | d |');
    expect([...docx.document.matchAll(/<w:gridCol w:w="(\d+)"\/>/gu)].map((match) => Number(match[1]))).toEqual([2211, 6633]);
  });

  it('are checked: an unknown style, widths that do not match the columns, a bad size', async () => {
    await expect(render('<!-- 样式：花体 -->\n文字')).rejects.toThrow(/第 1 行有误：没有“花体”这种样式/u);
    await expect(render('<!-- 列宽：1:2:3 -->\n| a | b |\n| - | - |')).rejects.toThrow(/列宽给了 3 个数，表格却有 2 列/u);
    await expect(render('<!-- 行高：-1 -->\n| a |\n| - |')).rejects.toThrow(/行高应为正数/u);
    await expect(render('<!-- 字号：初号 -->\n| a |\n| - |')).rejects.toThrow(/表格字号只能是/u);
    await expect(render('<!-- 样式：署名 -->\n只有一行')).rejects.toThrow(/应有两行/u);
  });

  it('other comments are the template author’s notes and print nothing', async () => {
    const docx = await render('<!-- 这里写给维护者看 -->\n正文');
    expect(docx.text).toBe('正文');
  });
});

describe("an office's own templates (--templates)", () => {
  it('replace gongwen’s wording for the files the folder has, and keep the others', async () => {
    const own = mkdirp(join(scratch, 'own'));
    writeFileSync(join(own, 'feedback-form.md'), '# {{recipient.name}}意见表\n\n请{{letter.deadline}}前报送。');
    const templates = await loadTemplates(own);
    expect(templates['feedback-form'].path).toBe(join(own, 'feedback-form.md'));
    expect(templates['reply-letter'].path).not.toContain(own);
    const outline = sampleOutline();
    const form = readDocx(await feedbackForm(outline, recipientNamed(outline, '省科技厅'), templates));
    expect(form.text).toBe('省科技厅意见表\n请2024年10月18日前报送。');
  });

  it('may be saved in GBK', async () => {
    const own = mkdirp(join(scratch, 'gbk'));
    writeFileSync(join(own, 'reply-template.md'), Buffer.from('b9f3b0ec', 'hex')); // 贵办 in GBK
    expect((await loadTemplates(own))['reply-template'].text).toBe('贵办');
  });

  it('take the wording of wording.json: only the entries the office gives change', async () => {
    const own = mkdirp(join(scratch, 'wording'));
    writeFileSync(join(own, 'wording.json'), JSON.stringify({ feedbackForm: { minimumRows: 8 }, reminderReasons: { missing: '贵单位意见尚未报来' } }));
    const templates = await loadTemplates(own);
    expect(templates.wording.feedbackForm).toEqual({ minimumRows: 8, minimumBlankRows: 3 });
    expect(templates.wording.summary.unplacedClause).toBe('（未指明条目）');
    const outline = sampleOutline();
    const unit = recipientNamed(outline, '省科技厅');
    const form = readDocx(await feedbackForm(outline, unit, templates));
    expect(tableRows(form.document, 1)).toHaveLength(1 + 8); // the heading and at least 8 rows
    const notice = readDocx(await reminderNotice(outline, { recipient: unit, number: '04', status: '未反馈', reason: 'missing', file: '', note: '' }, '2024-10-19', templates));
    expect(notice.text).toContain('截至2024年10月19日，贵单位意见尚未报来。');
  });

  it('refuses a wording.json entry gongwen does not have, naming it', async () => {
    const own = mkdirp(join(scratch, 'bad-wording'));
    writeFileSync(join(own, 'wording.json'), JSON.stringify({ greeting: '您好' }));
    await expect(loadTemplates(own)).rejects.toThrow(/“greeting”不是可以改的措辞/u);
  });

  it('must be a folder that exists', async () => {
    await expect(loadTemplates(join(scratch, 'none'))).rejects.toThrow(/找不到模板文件夹/u);
  });
});

function mkdirp(path: string): string {
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  return path;
}
