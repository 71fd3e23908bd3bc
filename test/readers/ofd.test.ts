// The OFD reader (GB/T 33190) on files written by OFD tools and on letters laid out as 数科/福昕 export them:
// the same line rebuilding as PDF, templates and annotations read, hostile packages refused with a reason.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphText, type DocumentBlock, type SourceDocument } from '../../src/model/document.js';
import type { Outline } from '../../src/model/outline.js';
import { parseLetter } from '../../src/outline/parse.js';
import { readDocument } from '../../src/readers/formats.js';
import { readReturnedFile } from '../../src/tracking/returned.js';
import { readingProblem } from '../support/problem.js';
import { fixture, SAMPLE } from '../support/cli.js';
import { letterAsOfd } from '../support/ofd.js';
import { elementsOf } from '../support/outline.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-ofd-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
}

async function read(path: string): Promise<SourceDocument> {
  return readDocument(path, readFileSync(path));
}

function paragraphs(blocks: DocumentBlock[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'paragraph' ? [paragraphText(block)] : []));
}

describe('OFD files written by OFD tools', () => {
  it('reads a 批复 saved by iOFD in reading order, one paragraph per paragraph', async () => {
    const document = await read(fixture('ofd/pifu-iofd.ofd'));
    expect(document).toMatchObject({ format: 'ofd', encoding: 'ofd', scanned: false });
    const text = paragraphs(document.blocks);
    expect(text.slice(0, 5)).toEqual(['测试符路桥区卫生局文件', '路卫发〔2011〕76号', '关于同意张阿三同志辞职的批复', '区中医院：', '你院《关于给张阿三同志辞职的请示》（路中医发〔2011〕10号）收悉。']);
    expect(text).toContain('张阿三，男，1978年2月出生，籍贯江西新建，2001年9月参加工作，本科学历，主治医师，系区中医院职工。');
    expect(text.slice(-3, -1)).toEqual(['测试符路桥区卫生局办公室', '2011年3月10日']);
  });

  it('parses that 批复 as a letter: 文号, title, recipient, date', async () => {
    const outline = await parseLetter(fixture('ofd/pifu-iofd.ofd'));
    expect(outline.letter.docNumber?.text).toBe('路卫发〔2011〕76号');
    expect(outline.letter.title).toBe('关于同意张阿三同志辞职的批复');
    expect(outline.letter.mainRecipients).toEqual(['区中医院']);
    expect(outline.letter.date).toBe('2011-03-10');
  });

  it('reads a table ruled with thin filled paths as a table', async () => {
    const table = (await read(fixture('ofd/table-spec-page.ofd'))).blocks.find((block) => block.kind === 'table');
    const rows = table?.kind === 'table' ? table.rows.map((row) => row.map((cell) => cell.paragraphs.map(paragraphText).join('/'))) : [];
    expect(rows[0]).toEqual(['名称', '类型', '说明', '可选/必选']);
    expect(rows[1]).toEqual(['CodePosition', 'xs:int', 'TextCode中字符编码的起始位置，从0开始', '必选']);
  });

  it('puts a template page’s printed labels beside the page’s values', async () => {
    const text = paragraphs((await read(fixture('ofd/invoice-template.ofd'))).blocks);
    expect(text).toContain('发票代码：032001600511');
    expect(text).toContain('开票日期：2020年10月04日');
  });
});

describe('annotation layers', () => {
  it('reads a note typed on the page in reading order, and leaves a watermark out', async () => {
    const document = await read(write('annotated.ofd', letterAsOfd('福建省东西部扶贫协作工作办公室：\n特此函复。', {
      annotations: [{ type: 'Stamp', text: '建议补充资金来源。', y: 55 }, { type: 'Watermark', text: '样稿仅供参考', y: 120 }],
    })));
    expect(paragraphs(document.blocks)).toEqual(['福建省东西部扶贫协作工作办公室：', '特此函复。', '建议补充资金来源。']);
  });
});

describe('the sample letter laid out as OFD', () => {
  let fromText: Outline;
  beforeAll(async () => {
    fromText = await parseLetter(SAMPLE);
  });
  const text = readFileSync(SAMPLE, 'utf8');

  for (const split of ['line', 'run'] as const) {
    it(`gives every element the text gives (one TextObject per ${split === 'line' ? 'line' : 'font run, quotes drawn last'})`, async () => {
      const outline = await parseLetter(write(`letter-${split}.ofd`, letterAsOfd(text, { split })));
      expect(outline.source).toMatchObject({ format: 'ofd', encoding: 'ofd' });
      expect(elementsOf(outline)).toEqual(elementsOf(fromText));
    });
  }

  const numberings: Array<(page: number, pages: number) => string> = [
    (page) => `— ${page} —`, (page) => `- ${page} -`, (page) => `第${page}页`, (page, pages) => `第 ${page} 页 共 ${pages} 页`,
  ];
  for (const numbering of numberings) {
    it(`drops page numbers written ${numbering(1, 3)}, and nothing else`, async () => {
      const document = await read(write('numbered.ofd', letterAsOfd(text, { pageNumber: numbering })));
      const found = paragraphs(document.blocks);
      expect(found.filter((paragraph) => paragraph.includes(numbering(2, 3).replace(/\s/gu, '')) || paragraph.includes(numbering(2, 3)))).toEqual([]);
      expect(found.join('').length).toBe(paragraphs((await read(write('plain.ofd', letterAsOfd(text)))).blocks).join('').length);
    });
  }
});

describe('a unit’s 复函 as OFD', () => {
  const reply = [
    '福建省工业和信息化厅',
    '关于《实施意见（征求意见稿）》的反馈意见',
    '福建省东西部扶贫协作工作办公室：',
    '你办《关于征求意见建议的函》（闽扶协函〔2024〕8号）收悉。经研究，提出以下意见：',
    '任务5“强化产业融合”中，建议将“新型材料、清洁能源”修改为“新型材料、清洁能源、先进装备制造”，与我省“十四五”规划衔接。',
    '任务6“强化平台建设”，建议补充“闽宁产业园”的考核评价办法。',
    '特此函复。',
    '福建省工业和信息化厅',
    '2024年10月16日',
  ].join('\n');

  it('reads its comments whole, with the clause each is about, and its sender by the 署名', async () => {
    const content = await readReturnedFile(write('工信厅复函.ofd', letterAsOfd(reply, { split: 'run' })));
    expect(content.kind).toBe('letter');
    expect(content.namedUnit).toBe('福建省工业和信息化厅');
    expect(content.comments.map((comment) => [comment.clause, comment.suggestion])).toEqual([
      ['任务5', '任务5“强化产业融合”中，建议将“新型材料、清洁能源”修改为“新型材料、清洁能源、先进装备制造”，与我省“十四五”规划衔接。'],
      ['任务6', '任务6“强化平台建设”，建议补充“闽宁产业园”的考核评价办法。'],
    ]);
  });
});

describe('OFD files that cannot be read', () => {

  it('an OFD declaring an entity that points at a local file ends with the reason and reads nothing', async () => {
    const secret = write('secret.txt', strToU8('绝密内容'));
    const page = `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file://${secret}">]><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer><ofd:TextObject Boundary="28 37 100 8" Size="5.57"><ofd:TextCode X="0" Y="5" DeltaX="g 3 5.57">&x;</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`;
    const message = await readingProblem(write('xxe.ofd', letterAsOfd('省科技厅', { extra: { 'Doc_0/Pages/Page_0/Content.xml': page } })));
    expect(message).toMatch(/DTD/u);
    expect(message).not.toContain('绝密');
  });

  it('an OFD whose document part is missing says which', async () => {
    const path = write('broken.ofd', zipSync({ 'OFD.xml': strToU8('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>') }));
    expect(await readingProblem(path)).toMatch(/不完整.*Document\.xml/u);
  });

  it('an OFD with only an image is a scan', async () => {
    const page = '<?xml version="1.0"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer><ofd:ImageObject ResourceID="5" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/></ofd:Layer></ofd:Content></ofd:Page>';
    const document = await read(write('scan.ofd', letterAsOfd('x', { extra: { 'Doc_0/Pages/Page_0/Content.xml': page } })));
    expect(document).toMatchObject({ format: 'ofd', scanned: true, blocks: [] });
  });
});
