// Pages as a clerk prints them: the wide tables on landscape A4 with columns sized by their content, no page
// holding a single row, no line break inside a document number, a date, a phone number or a span of years,
// and the fonts declared and falling back to like ones. Rendered with LibreOffice (one soffice run), read back
// with pdftotext, pdfinfo and pdffonts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distributionDocx } from '../../src/writers/distribution.js';
import { summaryDocx, type SummaryRow } from '../../src/writers/summary-table.js';
import { directRenderer, templateOf } from '../../src/writers/template/index.js';
import { embeddedFonts, missingTools, renderPdf } from '../support/render.js';
import { readDocx } from './ooxml.js';
import { sampleOutline } from './sample-outline.js';

const missing = missingTools(['soffice', 'pdftotext', 'pdfinfo', 'pdffonts']);
const title = missing.length > 0 ? `printed pages (skipped: ${missing.join(', ')} not installed)` : 'printed pages';

const outline = sampleOutline();
const counts = { total: 30, replied: 12, noComment: 3, missing: ['省委组织部', '省教育厅'], notItemised: [] };

/** Comments as units write them: long 原文, dates, phone numbers and spans of years in the 修改意见. */
const LONG_ROWS: SummaryRow[] = Array.from({ length: 9 }, (_, index) => ({
  clause: index === 8 ? '（未指明条目）' : `二、重点任务（${index + 1}）`,
  original: '深化科技创新。支持两省区农业科研院所、高校和企业联合开展关键核心技术攻关，共建科技创新平台。'.repeat(1 + (index % 2)),
  suggestion: '建议将“2024年10月18日”改为“2024年12月31日”，并在（2024—2026年）期间每年开展评估，联系电话0591-88610051。',
  reason: index % 3 === 0 ? '' : '便于落地实施，与国家金融监管总局福建省分局的要求一致。',
  unit: ['省科技厅', '国家金融监管总局福建省分局', '莆田市对口支援工作领导小组'][index % 3]!,
  adoption: '',
  note: '',
}));

/** Summaries of one-line comments, so many that the last row or the first would fall alone on a page. */
const ROW_COUNTS = [8, 9, 17, 18];
const shortRows = (count: number): SummaryRow[] =>
  Array.from({ length: count }, (_, index) => ({ clause: `任务${index + 1}`, original: '', suggestion: `建议第${index + 1}条`, reason: '', unit: '省科技厅', adoption: '', note: '' }));

/** What must stay on one line, given as values (joined by gongwen) and as a template's own text (not joined). */
const TOKENS = { docNumber: '闽扶协函〔2024〕8号', date: '2024年10月18日', phone: '0591-88610051', span: '（2024—2026年）' };
/** The part of each that must not be split (a line may break before 〔 of 闽扶协函〔2024〕8号). */
const WHOLE = { docNumber: '〔2024〕8号', date: '2024年10月18日', phone: '0591-88610051', span: '（2024—2026年）' };
const HAN = '天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜';
/** Each token after 16 to 27 characters of a 28-character line: somewhere every character of it ends the line. */
const OFFSETS = Array.from({ length: 12 }, (_, index) => 16 + index);
/** After each prefix the token is followed by 。 (which may hang in the margin), and quoted, followed by ” (which may not begin a line). */
const SENTENCES = [(token: string) => `${token}。`, (token: string) => `“${token}”改为`];
const joinsTemplate = (tokens: (name: keyof typeof TOKENS) => string): string =>
  (Object.keys(TOKENS) as (keyof typeof TOKENS)[])
    .flatMap((name) => OFFSETS.flatMap((offset) => SENTENCES.map((sentence) => `<!-- 样式：主送 -->\n${HAN.slice(0, offset)}${sentence(tokens(name))}\n`)))
    .join('\n');
/** A list of numbers joined by 、 (the 意见汇总表 rows still undecided), after prefixes of 0 to 9 characters. */
const NUMBERS = Array.from({ length: 40 }, (_, index) => String(index + 1)).join('、');
const listTemplate = (numbers: string): string =>
  Array.from({ length: 10 }, (_, offset) => `<!-- 样式：主送 -->\n${HAN.slice(0, offset)}序号${numbers}。\n`).join('\n');
/** One document per face, to see which font LibreOffice draws it with. */
const FACES = { 仿宋: '天地玄黄宇宙洪荒\n', 小标宋: '# 天地玄黄宇宙洪荒\n', 黑体: '## 一、天地玄黄宇宙洪荒\n' };

interface Rendered {
  pages: string[][];
  size: { width: number; height: number };
  /** The fonts the PDF embeds (pdffonts). */
  fonts: string[];
}

describe.skipIf(missing.length > 0)(title, () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-pages-'));
  const rendered: Record<string, Rendered> = {};
  const docx: Record<string, Uint8Array> = {};

  beforeAll(async () => {
    const render = directRenderer(new Date('2024-10-19T08:00:00Z'));
    docx['distribution'] = await distributionDocx(outline);
    docx['summary'] = await summaryDocx(outline, LONG_ROWS, counts, '2024-10-19');
    for (const count of ROW_COUNTS) docx[`rows-${count}`] = await summaryDocx(outline, shortRows(count), counts, '2024-10-19');
    const template = (name: string, text: string) => templateOf('reminder', `${name}.md`, text);
    docx['joined'] = await render(await template('joined', joinsTemplate((name) => `{{${name}}}`)), { values: TOKENS, lists: {} }, {});
    docx['unjoined'] = await render(await template('unjoined', joinsTemplate((name) => TOKENS[name])), { values: {}, lists: {} }, {});
    docx['list'] = await render(await template('list', listTemplate('{{numbers}}')), { values: { numbers: NUMBERS }, lists: {} }, {});
    docx['unjoined-list'] = await render(await template('unjoined-list', listTemplate(NUMBERS)), { values: {}, lists: {} }, {});
    for (const [face, text] of Object.entries(FACES)) docx[`face-${face}`] = await render(await template(face, text), { values: {}, lists: {} }, {});
    const names = Object.keys(docx);
    for (const name of names) writeFileSync(join(dir, `${name}.docx`), docx[name]!);
    renderPdf(dir, names, 240_000);
    for (const name of names) {
      const pdf = join(dir, `${name}.pdf`);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/u.exec(info) ?? [];
      rendered[name] = {
        pages: text.split('\f').map((page) => page.split('\n').map((line) => line.replace(/\u2060/gu, ''))),
        size: { width: Number(width), height: Number(height) },
        fonts: embeddedFonts(pdf),
      };
    }
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the 意见汇总表 and the 分发清单 on landscape A4 (842 × 595 pt)', () => {
    for (const name of ['summary', 'distribution']) {
      expect(rendered[name]!.size.width).toBeCloseTo(841.9, 0);
      expect(rendered[name]!.size.height).toBeCloseTo(595.3, 0);
    }
  });

  it('sizes the columns by their content: no heading wraps, the 签收 and 采纳情况 columns leave room to write', () => {
    const widths = (xml: string): number[] => [...(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/u.exec(xml)?.[1] ?? '').matchAll(/w:w="(\d+)"/gu)].map((match) => Number(match[1]));
    const mm = (twips: number): number => twips / 56.69;
    const summary = widths(readDocx(docx['summary']!).document);
    const distribution = widths(readDocx(docx['distribution']!).document);
    // The tables span the landscape 版心, 225 mm.
    expect(mm(summary.reduce((sum, width) => sum + width, 0))).toBeCloseTo(225, 0);
    expect(mm(distribution.reduce((sum, width) => sum + width, 0))).toBeCloseTo(225, 0);
    // 序号 | 条目 | 原文 | 修改意见 | 理由 | 提出单位 | 采纳情况 | 说明: the long texts get the most room.
    expect([...summary].sort((a, b) => b - a).slice(0, 2).sort()).toEqual([summary[2], summary[3]].sort());
    expect(summary[0]).toBe(Math.min(...summary));
    expect(mm(summary[6]!)).toBeGreaterThanOrEqual(20); // 采纳情况: room to write 部分采纳 by hand
    expect(mm(summary[7]!)).toBeGreaterThanOrEqual(20); // 说明
    expect(mm(distribution[6]!)).toBeGreaterThanOrEqual(25); // 签收: room to sign
    // Every heading on one line: the heading row of each page reads whole.
    const summaryHeading = rendered['summary']!.pages.flat().find((line) => line.includes('序号'))!;
    expect(summaryHeading.replace(/\s+/gu, ' ').trim()).toBe('序号 条目 原文 修改意见 理由 提出单位 采纳情况 说明');
    const listHeading = rendered['distribution']!.pages.flat().find((line) => line.includes('序号'))!;
    expect(listHeading.replace(/\s+/gu, ' ').trim()).toBe('序号 单位 所属类别 涉及任务 份数 发送方式 签收');
  });

  it('repeats the heading row on every page of the 分发清单, every unit on it', () => {
    const pages = rendered['distribution']!.pages.filter((page) => page.some((line) => /^\s*\d+\s+\S/u.test(line)));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.some((line) => /序号\s+单位\s+所属类别/u.test(line))).toBe(true);
    const numbers = new Set(rendered['distribution']!.pages.flat().flatMap((line) => /^\s*(\d+)\s+\S/u.exec(line)?.[1] ?? []));
    expect(numbers.size).toBe(outline.recipients.length);
  });

  it('never leaves a single row of a table alone on a page', () => {
    for (const count of ROW_COUNTS) {
      const perPage = rendered[`rows-${count}`]!.pages.map((page) => page.filter((line) => /^\s*\d+\s+任务\s*\d+/u.test(line)).length).filter((rows) => rows > 0);
      expect(perPage.reduce((sum, rows) => sum + rows, 0), `${count} rows`).toBe(count);
      expect(perPage.length, `${count} rows over pages ${perPage.join(', ')}`).toBeGreaterThan(1);
      expect(Math.min(...perPage), `${count} rows over pages ${perPage.join(', ')}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('never breaks a line inside a document number, a date, a phone number or a span of years', () => {
    const lines = (name: string): string[] => rendered[name]!.pages.flat().map((line) => line.replace(/\s+/gu, ''));
    const whole = (name: string, token: string): number => lines(name).filter((line) => line.includes(token)).length;
    for (const token of Object.values(WHOLE)) {
      // Every one of them whole on one line, wherever the line ends.
      expect(whole('joined', token), token).toBe(OFFSETS.length * SENTENCES.length);
      // The same words typed into a template as they are (not joined) do break: the test can tell.
      expect(whole('unjoined', token), token).toBeLessThan(OFFSETS.length * SENTENCES.length);
    }
  });

  it('breaks a list of numbers (1、2、…、40) after a 、, never inside a number or before a 、', () => {
    const broken = (name: string): string[] =>
      rendered[name]!.pages
        .flat()
        .map((line) => line.replace(/\s+/gu, ''))
        .filter((line) => /\d/u.test(line) && !/^—\d+—$/u.test(line))
        .filter((line) => line.startsWith('、') || !/[、。]$/u.test(line));
    expect(broken('list')).toEqual([]);
    const text = rendered['list']!.pages.flat().join('').replace(/\s+/gu, '');
    expect(text.split(`序号${NUMBERS}。`)).toHaveLength(11);
    // The same list typed into a template as it is: LibreOffice splits it badly, so the test can tell.
    expect(broken('unjoined-list')).not.toEqual([]);
  });

  it('draws 仿宋 and 小标宋 with a serif font and 黑体 without, on a machine that has none of them', () => {
    // fixtures/fonts/fonts.conf, as the README tells a clerk on Linux: LibreOffice reads no fallback from the
    // document (writerfilter ignores fontTable.xml's family, panose and altName) and asks fontconfig by name.
    const families = (face: string): string[] => rendered[`face-${face}`]!.fonts.filter((font) => /CJK/u.test(font));
    expect(families('仿宋').every((font) => /NotoSerifCJK/u.test(font)), families('仿宋').join()).toBe(true);
    expect(families('小标宋').every((font) => /NotoSerifCJK/u.test(font)), families('小标宋').join()).toBe(true);
    expect(families('黑体').some((font) => /NotoSansCJK/u.test(font)), families('黑体').join()).toBe(true);
    expect(families('仿宋')).not.toEqual([]);
  });

  it('declares its fonts with their family, character set and the names they go by', () => {
    const fonts = readDocx(docx['summary']!).parts['word/fontTable.xml']!;
    for (const [name, family, alternate] of [
      ['仿宋_GB2312', 'roman', '仿宋'],
      ['方正小标宋简体', 'roman', '宋体'],
      ['楷体_GB2312', 'roman', '楷体'],
      ['黑体', 'swiss', 'SimHei'],
    ] as const) {
      const font = new RegExp(`<w:font w:name="${name}">(.*?)</w:font>`, 'u').exec(fonts)?.[1] ?? '';
      expect(font, name).toContain(`<w:family w:val="${family}"/>`);
      expect(font, name).toContain(`<w:altName w:val="${alternate}"/>`);
      expect(font, name).toContain('<w:charset w:val="86"/>');
      expect(font, name).toMatch(/<w:panose1 w:val="[0-9A-F]{20}"\/>/u);
    }
  });
});
