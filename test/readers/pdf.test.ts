// The PDF reader on real PDFs exported by LibreOffice: paragraphs as a person sees them, page furniture gone,
// columns in reading order, ruled tables as tables, and what comes back from a unit read intact.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paragraphText, type DocumentBlock, type SourceDocument } from '../../src/model/document.js';
import { readDocument } from '../../src/readers/formats.js';
import { readReturnedFile } from '../../src/tracking/returned.js';
import { fixture } from '../support/cli.js';

async function read(name: string): Promise<SourceDocument> {
  const path = fixture(name);
  return readDocument(path, readFileSync(path));
}

function paragraphs(blocks: DocumentBlock[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'paragraph' ? [paragraphText(block)] : []));
}

function cells(block: DocumentBlock | undefined): string[][] {
  if (block?.kind !== 'table') return [];
  return block.rows.map((row) => row.map((cell) => cell.paragraphs.map(paragraphText).join('/')));
}

describe('a letter with a running header, page footers and a two-column list', () => {
  it('drops the header and the 第 N 页 共 3 页 footers and joins the letter-spaced title', async () => {
    const text = paragraphs((await read('pdf/tongzhi-header-footer.pdf')).blocks);
    expect(text[0]).toBe('通知');
    expect(text.filter((paragraph) => paragraph.includes('闽农函〔2024〕186') || /第\s*\d\s*页/u.test(paragraph))).toEqual([]);
  });

  it('joins a paragraph that runs over a page break, and keeps the next one apart', async () => {
    const text = paragraphs((await read('pdf/tongzhi-header-footer.pdf')).blocks);
    const third = text.find((paragraph) => paragraph.startsWith('三、推进乡村建设'));
    expect(third).toMatch(/建设宜居宜业和美乡村。加强传统村落和历史文化名村保护利用，推动乡村文化振兴。$/u);
    expect(text[text.indexOf(third as string) + 1]).toMatch(/^四、深化农村改革/u);
  });

  it('reads the two-column list column by column, each unit a paragraph, a wrapped name joined', async () => {
    const text = paragraphs((await read('pdf/tongzhi-header-footer.pdf')).blocks);
    const start = text.indexOf('附件：征求意见单位名单');
    expect(text.slice(start + 1, start + 13)).toEqual([
      '1.福州市农业农村局', '2.厦门市农业农村局', '3.漳州市农业农村局', '4.泉州市农业农村局',
      '5.三明市农业农村局', '6.莆田市农业农村局', '7.南平市农业农村局', '8.龙岩市农业农村局',
      '9.宁德市农业农村局', '10.平潭综合实验区农村发展局', '11.省农业科学院', '12.福建农林大学',
    ]);
  });

  it('numbers each paragraph by the line of the PDF it starts on', async () => {
    const blocks = (await read('pdf/tongzhi-header-footer.pdf')).blocks;
    const lines = blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.runs[0]?.start.line ?? 0] : []));
    expect(lines[0]).toBe(1);
    expect(lines.every((line, index) => index === 0 || line > (lines[index - 1] as number))).toBe(true);
  });
});

describe('gongwen’s own 意见反馈表, filled in and exported to PDF', () => {
  it('gives its ruled tables as tables, the cells’ wrapped lines joined', async () => {
    const tables = (await read('pdf/form-keji.pdf')).blocks.filter((block) => block.kind === 'table');
    expect(cells(tables[0])).toEqual([['反馈单位', '省科技厅', '反馈日期', '年月日'], ['联系人', '', '联系电话', '']]);
    expect(cells(tables[1]).slice(0, 3)).toEqual([
      ['序号', '条目/（章节、任务序号）', '原文', '修改意见', '修改理由'],
      ['1', '3.深化科技创新', '引导支持福建科技创新主体在宁夏建立科研分支机构或共建科技创新平台。', '建议将“共建科技创新平台”修改为“共建科技创新平台和成果转化中心”。', '便于承接科技成果在宁夏落地转化，与第2段重复的内容可删去。'],
      ['2', '', '', '', ''],
    ]);
  });

  it('reads back as a form: its 反馈单位 and the filled row as a comment', async () => {
    const content = await readReturnedFile(fixture('pdf/form-keji.pdf'));
    expect(content.kind).toBe('form');
    expect(content.namedUnit).toBe('省科技厅');
    expect(content.comments).toEqual([
      {
        clause: '3.深化科技创新',
        original: '引导支持福建科技创新主体在宁夏建立科研分支机构或共建科技创新平台。',
        suggestion: '建议将“共建科技创新平台”修改为“共建科技创新平台和成果转化中心”。',
        reason: '便于承接科技成果在宁夏落地转化，与第2段重复的内容可删去。',
      },
    ]);
  });
});

describe('a form whose table runs over several pages', () => {
  it('gives one table, its repeated header row read once, and every row a comment', async () => {
    const tables = (await read('pdf/form-keji-pages.pdf')).blocks.filter((block) => block.kind === 'table');
    expect(cells(tables[1]).map((row) => row.slice(0, 2))).toEqual([
      ['序号', '条目/（章节、任务序号）'], ['1', '3.深化科技创新'], ['2', '任务4'], ['3', '任务6'], ['4', '任务9'], ['5', '任务11'],
    ]);
    const content = await readReturnedFile(fixture('pdf/form-keji-pages.pdf'));
    expect(content.comments.map((comment) => comment.clause)).toEqual(['3.深化科技创新', '任务4', '任务6', '任务9', '任务11']);
    expect(content.comments[4]?.suggestion).toBe('第5条意见：建议进一步明确科技成果转化中心的建设主体、运行机制和资金来源，细化两地科技特派员双向交流的选派条件、服务期限和考核办法，增加“揭榜挂帅”项目在宁夏落地的配套支持政策。');
  });
});

describe('a 复函 exported to PDF', () => {
  it('reads each comment whole, its quotes where they stand, and the signature apart from the text', async () => {
    const content = await readReturnedFile(fixture('pdf/fuhan-keji.pdf'));
    expect(content.kind).toBe('letter');
    expect(content.namedUnit).toBe('省科技厅');
    expect(content.comments.map((comment) => [comment.clause, comment.suggestion])).toEqual([
      ['任务3', '任务3“深化科技创新”中，建议将“共建科技创新平台”修改为“共建科技创新平台和成果转化中心”，以便承接科技成果在宁夏落地转化。'],
      ['第4条', '第4条“强化数智赋能”中的“数字福建”“数字宁夏”“闽宁云”表述与第1段重复，建议删去重复部分。'],
      ['第三部分', '第三部分“保障措施”中，建议明确科技协作项目的资金来源，并在2025年底前建立“科技特派员”双向交流机制。'],
    ]);
  });

  it('joins the centred title over its four lines, and drops the page number', async () => {
    const text = paragraphs((await read('pdf/fuhan-keji.pdf')).blocks);
    expect(text).toContain('省科技厅关于对《关于深入学习贯彻习近平总书记重要指示精神高质量推进闽宁协作工作的实施意见（2024—2026年）（征求意见稿）》意见的复函');
    expect(text.slice(-4)).toEqual(['特此函复。', '省科技厅', '2024年10月16日', '（联系人：，联系电话：）']);
  });
});

describe('a letter with a stamp set at an angle across its foot', () => {
  it('leaves the stamp’s words out of the lines, so the signature, date and silence clause read as typed', async () => {
    const text = paragraphs((await read('pdf/stamp-angled.pdf')).blocks);
    expect(text.filter((paragraph) => /审核|准予/u.test(paragraph))).toEqual([]);
    expect(text.find((paragraph) => paragraph.startsWith('为进一步加强'))).toMatch(/请于2025年3月20日前将书面意见反馈我厅公路处。逾期未反馈的，视为无意见。$/u);
    expect(text.slice(-2)).toEqual(['福建省交通运输厅', '2025年3月6日']);
  });
});

describe('a PDF without a text layer', () => {
  it('is a scan: no words, nothing guessed', async () => {
    const document = await read('pdf/scan-only.pdf');
    expect(document).toMatchObject({ format: 'pdf', scanned: true, blocks: [] });
  });
});

describe('a PDF that cannot be read', () => {
  it('says the file has a password when it is locked, so the clerk asks for it without one', async () => {
    await expect(read('pdf/tongzhi-password.pdf')).rejects.toThrow('文件设有密码，请对方去掉密码后重新发送');
  });

  it('says the file is damaged when it was cut short (a download broken off), and reads the next PDF as before', async () => {
    const whole = readFileSync(fixture('pdf/fuhan-keji.pdf'));
    await expect(readDocument('复函.pdf', whole.subarray(0, whole.length / 2))).rejects.toThrow('PDF 文件已损坏');
    expect(paragraphs((await readDocument('复函.pdf', whole)).blocks)).toContain('省科技厅');
  });
});
