// GB/T 9704 in the generated XML: page, margins, fonts on every run, sizes, line pitch, page numbers, tables.
import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentProperties } from '../../src/writers/properties.js';
import { loadTemplates } from '../../src/writers/template/index.js';
import { fillTemplate } from '../../src/writers/template/fill.js';
import { markdownToDocx } from '../../src/writers/docx/markdown.js';
import { letterValues, recipientValues } from '../../src/writers/values.js';
import { feedbackForm } from '../../src/writers/feedback-form.js';
import { replyLetter } from '../../src/writers/reply-letter.js';
import { frameSpec, keepTogether, wrappableList } from '../../src/writers/docx/layout.js';
import { compiledParts, docxBlock, docxParagraph, documentOf } from '../../src/writers/docx/frame.js';
import { unbreakablePart, unbreakableRuns } from '../../src/writers/docx/unbreakable.js';
import { attribute, readDocx, textRuns, type Docx } from './ooxml.js';
import { recipientNamed, sampleOutline } from './sample-outline.js';

const outline = sampleOutline();
const unit = recipientNamed(outline, '省农业农村厅');
const form = readDocx(await feedbackForm(outline, unit));
const reply = readDocx(await replyLetter(outline, unit));
const both: [string, Docx][] = [
  ['意见反馈表', form],
  ['复函', reply],
];

describe.each(both)('%s follows GB/T 9704-2012', (_, docx) => {
  it('is A4 with margins 37/35/28/26 mm (天头 2098, 下白边 1984, 订口 1588, 翻口 1474 twips)', () => {
    expect(attribute(docx.document, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attribute(docx.document, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attribute(docx.document, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attribute(docx.document, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attribute(docx.document, 'w:pgMar', 'w:left')).toBe('1588');
    expect(attribute(docx.document, 'w:pgMar', 'w:right')).toBe('1474');
  });

  it('names an East Asian font and a Latin fallback on every run, never a theme font', () => {
    const runs = [docx.document, ...Object.entries(docx.parts).filter(([name]) => /word\/(header|footer)\d*\.xml$/u.test(name)).map(([, xml]) => xml)].flatMap(textRuns);
    expect(runs.length).toBeGreaterThan(10);
    for (const run of runs) {
      expect(run).toMatch(/<w:rFonts [^>]*w:eastAsia="(仿宋_GB2312|方正小标宋简体|黑体|楷体_GB2312|宋体)"/u);
      expect(run).toMatch(/<w:rFonts [^>]*w:ascii="[^"]+"[^>]*w:hAnsi="[^"]+"/u);
      expect(run).toMatch(/<w:sz w:val="\d+"\/>/u);
    }
    for (const part of [docx.document, docx.parts['word/styles.xml']!]) expect(part).not.toMatch(/Theme="/u);
  });

  it('sets body text in 3号 (32 half-points) narrowed by 5 twips, on an exact 579-twip pitch (22 lines)', () => {
    const body = textRuns(docx.document).filter((run) => run.includes('w:eastAsia="仿宋_GB2312"') && run.includes('<w:sz w:val="32"/>'));
    expect(body.length).toBeGreaterThan(0);
    for (const run of body) expect(run).toContain('<w:spacing w:val="-5"/>');
    const styles = docx.parts['word/styles.xml']!;
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>[\s\S]*w:line="579" w:lineRule="exact"/u);
    expect(docx.document).not.toContain('lineRule="exactly"');
  });

  it('sets the title in 2号小标宋 (44 half-points)', () => {
    // The title may be several runs: （2024—2026年） in it is a run of its own (kept on one line).
    const title = textRuns(docx.document).filter((run) => run.includes('w:eastAsia="方正小标宋简体"') && run.includes('<w:sz w:val="44"/>'));
    expect(title.join('')).toMatch(/意见(反馈表|的复函)/u);
  });

  it('numbers pages — n — in 4号宋体, odd pages right and even pages left, one 字 in', () => {
    expect(docx.parts['word/settings.xml']).toMatch(/<w:evenAndOddHeaders(?: w:val="(true|1)")?\/>/u);
    const footers = Object.entries(docx.parts).filter(([name]) => /word\/footer\d+\.xml$/u.test(name)).map(([, xml]) => xml);
    const numbered = footers.filter((xml) => xml.includes('PAGE'));
    expect(numbered).toHaveLength(2);
    const sides = numbered.map((xml) => attribute(xml, 'w:jc', 'w:val')).sort();
    expect(sides).toEqual(['left', 'right']);
    for (const xml of numbered) {
      expect(xml).toContain('>— <');
      expect(xml).toMatch(/w:eastAsia="宋体"[\s\S]*<w:sz w:val="28"\/>/u);
      expect(xml).toMatch(/<w:ind w:(left|right)="280"\/>/u);
    }
  });
});

describe('tables', () => {
  it('span the 版心 with DXA widths written into gridCol, cells and table, in fixed layout', () => {
    const tables = [...form.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/gu)].map(([table]) => table);
    expect(tables).toHaveLength(2);
    for (const table of tables) {
      expect(table).toMatch(/<w:tblW w:type="dxa" w:w="8844"\/>/u);
      expect(table).toContain('<w:tblLayout w:type="fixed"/>');
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/gu)].map((match) => Number(match[1]));
      expect(grid.reduce((sum, width) => sum + width, 0)).toBe(8844);
      const firstRow = /<w:tr>[\s\S]*?<\/w:tr>/u.exec(table)![0];
      const cells = [...firstRow.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/gu)].map((match) => Number(match[1]));
      expect(cells).toEqual(grid);
    }
  });
});

describe('信函格式 of the reply (GB/T 9704 10.1)', () => {
  it('puts the unit as a red mark with a thick-over-thin red line in the first-page header, 30 mm from the top', () => {
    expect(reply.document).toContain('<w:titlePg/>');
    expect(attribute(reply.document, 'w:pgMar', 'w:header')).toBe('1701');
    const header = Object.entries(reply.parts).find(([name, xml]) => /word\/header\d+\.xml$/u.test(name) && xml.includes('省农业农村厅'))?.[1];
    expect(header).toBeDefined();
    expect(header).toMatch(/<w:color w:val="FF0000"\/>/u);
    expect(header).toMatch(/<w:bottom w:val="thickThinSmallGap"[^>]*w:color="FF0000"/u);
    expect(header).toMatch(/w:eastAsia="方正小标宋简体"/u);
  });

  it('shows no page number on page 1 but a thin-over-thick red line, and 170 mm lines (397 twips beyond the 版心 each side)', () => {
    const first = Object.values(reply.parts).find((xml) => xml.includes('thinThickSmallGap'));
    expect(first).toBeDefined();
    expect(first).not.toContain('PAGE');
    expect(first).toMatch(/<w:ind w:left="-397" w:right="-397"\/>/u);
  });

  it('has no letterhead on the feedback form', () => {
    expect(form.document).not.toContain('<w:titlePg/>');
    expect(Object.keys(form.parts).some((name) => name.startsWith('word/header'))).toBe(false);
  });
});

describe('text that must stay on one line (〔2024〕8号, dates, phone numbers)', () => {
  const joined = (text: string): string => [...text].join('\u2060');

  it('is a run of its own, joined by word joiners, with no East Asian language and the same font and size', () => {
    const runs = textRuns(reply.document);
    const number = runs.find((run) => run.includes(joined('〔2024〕8号')))!;
    expect(number).toMatch(new RegExp(`<w:t xml:space="preserve">${joined('〔2024〕8号')}</w:t>`, 'u'));
    expect(number).toContain('<w:lang w:eastAsia="x-none"/>');
    const before = runs[runs.indexOf(number) - 1]!;
    expect(before).toMatch(/闽扶协函<\/w:t>/u);
    const properties = (run: string): string => /<w:rPr>(.*?)<\/w:rPr>/su.exec(run)![1]!;
    expect(properties(number)).toBe(`${properties(before)}<w:lang w:eastAsia="x-none"/>`);
    // The page reads as before: the text of the paragraph is whole.
    expect(reply.text).toContain('（闽扶协函〔2024〕8号）收悉');
  });

  it('joins 〔2024〕8号, dates, phone numbers and spans of years, and lets a list of numbers break after its 、', () => {
    expect(keepTogether('闽扶协函〔2024〕8号，2024年10月18日前，电话0591-88610051')).toBe(
      `闽扶协函${joined('〔2024〕8号')}，${joined('2024年10月18日')}前，电话${joined('0591-88610051')}`,
    );
    expect(keepTogether('序号1、2、17，省发改委、省教育厅')).toBe('序号1、\u200B2、\u200B17，省发改委、省教育厅');
    // A list already given places to break (wrappableList) gets no second one.
    expect(keepTogether(wrappableList(['1', '3', '4']))).toBe(wrappableList(['1', '3', '4']));
  });

  it('keeps escaped characters whole, puts w:lang where the schema wants it and keeps its other languages', () => {
    const run = (properties: string, text: string): string => `<w:r><w:rPr>${properties}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
    // B<C joined, as docx escapes it.
    const escaped = joined('B<C').replace('<', '&lt;');
    const xml = run('<w:sz w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/><w:eastAsianLayout w:combine="0"/>', `A&amp;${escaped}D`);
    expect(unbreakableRuns(xml)).toBe(
      run('<w:sz w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/><w:eastAsianLayout w:combine="0"/>', 'A&amp;') +
        run('<w:sz w:val="32"/><w:lang w:val="en-US" w:eastAsia="x-none"/><w:eastAsianLayout w:combine="0"/>', escaped) +
        run('<w:sz w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/><w:eastAsianLayout w:combine="0"/>', 'D'),
    );
    expect(unbreakableRuns(run('<w:sz w:val="32"/><w:eastAsianLayout w:combine="0"/>', joined('12')))).toBe(
      run('<w:sz w:val="32"/><w:lang w:eastAsia="x-none"/><w:eastAsianLayout w:combine="0"/>', joined('12')),
    );
    // Runs without a joiner are left alone.
    expect(unbreakableRuns(run('<w:sz w:val="32"/>', '2024年'))).toBe(run('<w:sz w:val="32"/>', '2024年'));
  });

  it('rewrites only the runs holding a joiner, with the bytes rewriting the whole part gives', () => {
    const run = (properties: string, text: string): string => `<w:r><w:rPr>${properties}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const xml = [
      '<w:document><w:body><w:p>',
      run('<w:sz w:val="32"/>', `闽扶协函${joined('〔2024〕8号')}`),
      run('<w:b/>', '征求意见'),
      // Two runs in a row with joiners, one with two joined stretches.
      run('<w:sz w:val="28"/>', `${joined('2024年10月18日')}前`),
      run('<w:sz w:val="28"/>', `电话：${joined('0591-88610051')}，传真：${joined('0591-88610052')}`),
      // A run without properties is not one the docx library writes with a joiner: left as it is.
      `<w:r><w:t xml:space="preserve">${joined('12')}</w:t></w:r>`,
      '</w:p></w:body></w:document>',
    ].join('');
    const bytes = new TextEncoder().encode(xml);
    const part = new TextDecoder().decode(unbreakablePart(bytes));
    expect(part).toBe(unbreakableRuns(xml));
    expect(part).not.toBe(xml);
    // A part without a joiner is the same bytes, not a copy.
    const plain = new TextEncoder().encode(run('<w:b/>', '征求意见'));
    expect(unbreakablePart(plain)).toBe(plain);
  });
});

describe('the parts the docx library makes', () => {
  // frame.ts takes the parts from the docx library's compiler (a private member) instead of unzipping what
  // Packer.toBuffer zipped: if a new docx release changes either, this says so before a clerk's document does.
  it('are exactly the parts Packer.toBuffer puts in the .docx, for a 复函 with its letterhead and custom properties', async () => {
    const templates = await loadTemplates();
    const template = templates['reply-letter'];
    const data = { values: { ...letterValues(outline, templates.wording), ...recipientValues(outline, unit) }, lists: {} };
    const document = () => {
      const { title, letterhead, body, orientation } = markdownToDocx(fillTemplate(template.tree, data));
      const content = { title, properties: documentProperties('reply-letter', outline, unit), letterhead: letterhead && docxParagraph(letterhead), body: body.map(docxBlock) };
      return documentOf(frameSpec(orientation, letterhead !== null), content);
    };
    const compiled = compiledParts(document());
    const zipped = unzipSync(new Uint8Array(await Packer.toBuffer(document())));
    // Each document is dated with the clock as it is made: compare the parts without the seconds that passed.
    const undated = (path: string, bytes: Uint8Array) => (path === 'docProps/core.xml' ? strFromU8(bytes).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/gu, '') : strFromU8(bytes));
    expect([...compiled.keys()]).toEqual(Object.keys(zipped));
    expect([...compiled.keys()].some((path) => /^word\/header\d+\.xml$/u.test(path))).toBe(true);
    for (const [path, bytes] of compiled) expect(undated(path, bytes), path).toBe(undated(path, zipped[path]!));
    expect(strFromU8(compiled.get('docProps/custom.xml')!)).toContain('gongwen');
  });
});
