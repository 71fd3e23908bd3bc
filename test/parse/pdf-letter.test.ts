// A letter that arrives as a PDF: its text layer is laid out again from glyph positions, then parsed. It must
// give exactly what the text of the same letter gives.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Outline } from '../../src/model/outline.js';
import { parseLetter } from '../../src/outline/parse.js';
import { fixture, SAMPLE } from '../support/cli.js';
import { elementsOf } from '../support/outline.js';

let fromPdf: Outline;
let fromText: Outline;
beforeAll(async () => {
  [fromPdf, fromText] = await Promise.all([parseLetter(fixture('pdf/min-fu-xie-han-2024-8.pdf')), parseLetter(SAMPLE)]);
});

describe('the sample letter as a PDF (LibreOffice, quotes and digits set in a second font)', () => {
  it('gives every element the text gives: title, 文号, recipients, deadline, contacts, attachments, tasks, units', () => {
    expect(fromPdf.source).toMatchObject({ format: 'pdf', encoding: 'pdf' });
    expect(elementsOf(fromPdf)).toEqual(elementsOf(fromText));
  });

  it('keeps the quotes where they stand and task 1 its units, under its own heading', () => {
    const task = (number: string) => fromPdf.tasks.find((candidate) => candidate.number === number);
    expect(task('1')?.text).toContain('大力发展食用菌、烟叶、花卉、水产、预制菜等新产业新模式。深化拓展“福建企业+宁夏资源”“福建市场+宁夏产品”');
    expect(task('1')?.responsibleUnits.map((unit) => unit.raw)).toEqual(['两省区农业农村厅', '发展改革委', '商务厅', '农科院', '各市', '县〔区〕']);
    expect(task('8')?.text).toContain('邀请闽籍或在闽工作的“两院”院士');
    expect(task('9')?.path.at(-1)).toBe('（四）实施消费帮扶助农增收行动，扎实推进共同富裕');
  });

  it('positions each task at its own line of the PDF, in reading order', () => {
    const lines = fromPdf.tasks.map((task) => task.line);
    expect(lines.every((line, index) => index === 0 || line > (lines[index - 1] as number))).toBe(true);
  });
});

describe('a 通知 with a running header, page footers, a letter-spaced title and a two-column list', () => {
  it('reads the title as 通知, without header or footer lines, and joins a paragraph across the page break', async () => {
    const outline = await parseLetter(fixture('pdf/tongzhi-header-footer.pdf'));
    expect(outline.letter.title).toBe('通知');
    expect(outline.letter.mainRecipients).toEqual(['各设区市农业农村局', '平潭综合实验区农村发展局']);
    expect(outline.letter.deadline).toBe('2025-01-10');
    expect(outline.letter.date).toBe('2024-12-20');
    expect(outline.letter.contacts).toEqual([{ name: '林晓燕', department: null, phones: ['0591-87654321'], faxes: [], emails: ['fzghc@fjagri.gov.cn'] }]);
  });
});

describe('a Word letter with a task table, exported to PDF', () => {
  it('gives every element the .docx gives, the task table read from its ruling lines', async () => {
    const [fromPdfFile, fromWord] = await Promise.all([parseLetter(fixture('pdf/renshe-zqyj.pdf')), parseLetter(fixture('shapes/renshe-zqyj.docx'))]);
    expect(elementsOf(fromPdfFile)).toEqual(elementsOf(fromWord));
    const fromTable = fromPdfFile.tasks.find((task) => task.number === '1（附件2）');
    expect(fromTable?.deadline).toBe('2024年12月底前');
    expect(fromTable?.responsibleUnits.map((unit) => `${unit.role}:${unit.raw}`)).toEqual(['牵头单位:省人社厅', '配合单位:省数字办', '配合单位:财政厅']);
  });
});
