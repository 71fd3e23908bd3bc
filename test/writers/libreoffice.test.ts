// The documents open in LibreOffice, and its layout proves the grid: 28 characters a line, 22 lines a page.
// One soffice run converts them all (each run costs seconds).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackForm } from '../../src/writers/feedback-form.js';
import { replyLetter } from '../../src/writers/reply-letter.js';
import { directRenderer, templateOf } from '../../src/writers/template/index.js';
import { missingTools, renderPdf } from '../support/render.js';
import { recipientNamed, sampleOutline } from './sample-outline.js';

const missing = missingTools(['soffice', 'pdftotext']);
const title = missing.length > 0 ? `LibreOffice rendering (skipped: ${missing.join(' and ')} not installed)` : 'LibreOffice rendering';

/** A unit whose full name is too long to centre over the date without passing the 版心's right edge. */
const LONG_NAME = '国家金融监督管理总局福建监管局普惠金融处';

/** 70 different Han characters in one paragraph without indent: lines of 28, 28 and 14. */
const HAN = '天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈剑号巨阙珠称夜光果珍李柰菜重芥姜海咸河淡鳞潜羽翔龙师火帝';
const GRID = `<!-- 样式：主送 -->\n${HAN}\n\n${Array.from({ length: 30 }, (_, index) => `第${index + 1}段`).join('\n\n')}\n`;

describe.skipIf(missing.length > 0)(title, () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-lo-'));
  const pages: Record<string, string[][]> = {};

  beforeAll(async () => {
    const outline = sampleOutline();
    const unit = recipientNamed(outline, '省科技厅');
    writeFileSync(join(dir, 'form.docx'), await feedbackForm(outline, unit));
    writeFileSync(join(dir, 'reply.docx'), await replyLetter(outline, unit));
    writeFileSync(join(dir, 'long-reply.docx'), await replyLetter(outline, { ...unit, id: 'long', name: LONG_NAME, fullName: LONG_NAME }));
    writeFileSync(join(dir, 'grid.docx'), await directRenderer()(await templateOf('feedback-form', 'grid.md', GRID), { values: {}, lists: {} }, {}));
    renderPdf(dir, ['form', 'reply', 'long-reply', 'grid'], 120_000);
    for (const name of ['form', 'reply', 'grid']) {
      const text = execFileSync('pdftotext', [join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' });
      // pdftotext puts spaces between digits and Han characters (第 20 段) and may drop them in — 1 —: remove them all.
      pages[name] = text.split('\f').map((page) => page.split('\n').map((line) => line.replace(/[ \u2060]/gu, '')).filter((line) => line !== ''));
    }
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('converts every document to PDF', () => {
    expect(readdirSync(dir).filter((name) => name.endsWith('.pdf')).sort()).toEqual(['form.pdf', 'grid.pdf', 'long-reply.pdf', 'reply.pdf']);
  });

  it('holds 28 characters in a full body line', () => {
    const [first, second, third] = pages.grid![0]!;
    expect([first, second, third]).toEqual([HAN.slice(0, 28), HAN.slice(28, 56), HAN.slice(56)]);
  });

  it('holds 22 lines on a page (the page number is outside the 版心)', () => {
    const [one, two] = pages.grid!;
    expect(one!.filter((line) => !/^—\d+—$/u.test(line))).toHaveLength(22);
    expect(one!.at(-1)).toBe('—1—');
    expect(two![0]).toBe('第20段');
  });

  it('lays the reply out with full lines of 28 characters, and never more', () => {
    const hanLines = pages.reply!.flat().filter((line) => /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”—…]+$/u.test(line));
    expect(hanLines).toContain('入学习贯彻习近平总书记重要指示精神高质量推进闽宁协作工作');
    expect(Math.max(...hanLines.map((line) => line.length))).toBe(28);
    expect(pages.reply!.flat().join('')).toContain('（闽扶协函〔2024〕8号）收悉');
    expect(pages.reply![0]![0]).toBe('福建省科学技术厅');
  });

  it('shows the form with its unit, its task and page number 1', () => {
    const text = pages.form!.flat().join('\n');
    // The two-line title may wrap anywhere: read it as one.
    expect(text.replace(/\n/gu, '')).toContain('（征求意见稿）》意见反馈表');
    for (const words of [ '反馈单位', '省科技厅', '3.深化科技创新', '□无意见', '2024年10月18日', '—1—']) {
      expect(text).toContain(words);
    }
  });

  it('centres the 署名 over its date, and sets a name too long for that flush with the 版心’s right edge', () => {
    /** Where the words stand on page 1, in points from the left edge of the page. */
    const words = (name: string): { text: string; xMin: number; xMax: number }[] =>
      [...execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' }).matchAll(/<word xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/gu)].map(
        ([, xMin, xMax, text]) => ({ text: text!, xMin: Number(xMin), xMax: Number(xMax) }),
      );
    const centre = ({ xMin, xMax }: { xMin: number; xMax: number }): number => (xMin + xMax) / 2;
    // The date line is 　　　　年　　月　　日, 11 characters of 15.75 pt: pdftotext boxes only 年, 月 and 日.
    const dateCentre = (name: string): number => words(name).filter((word) => word.text === '日').at(-1)!.xMax - (11 * 15.75) / 2;
    const signature = (name: string, text: string) => words(name).filter((word) => word.text === text).at(-1)!;
    expect(Math.abs(centre(signature('reply', '福建省科学技术厅')) - dateCentre('reply'))).toBeLessThan(1);
    // A4 is 595.3 pt wide and its right margin 26 mm (73.7 pt): the 版心 ends at 521.6 pt.
    const long = signature('long-reply', LONG_NAME);
    expect(long.xMax).toBeCloseTo(521.6, 0);
    expect(long.xMin).toBeGreaterThan(80.6); // on one line, inside the 版心 (which starts at 28 mm)
  });
});
