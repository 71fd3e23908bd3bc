// The Word reader reads what a person sees in Word: numbering, accepted changes, comments, text boxes,
// fields. Files made by Word 365, LibreOffice, pandoc and python-docx (fixtures/docx/README.md).
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { paragraphText, type DocumentBlock, type ParagraphBlock, type SourceDocument } from '../../src/model/document.js';
import { parseLetter } from '../../src/outline/parse.js';
import { readDocx } from '../../src/readers/docx.js';
import { formatNumber } from '../../src/readers/docx/numbering.js';
import { readReturnedFile } from '../../src/tracking/returned.js';
import { SAMPLE, fixture } from '../support/cli.js';

const read = (name: string): SourceDocument => readDocx(readFileSync(fixture(`docx/${name}`)));
const paragraphs = (blocks: DocumentBlock[]): ParagraphBlock[] => blocks.filter((block): block is ParagraphBlock => block.kind === 'paragraph');
const texts = (document: SourceDocument): string[] => paragraphs(document.blocks).map(paragraphText).filter((text) => text !== '');

describe('automatic numbering, as Word shows it', () => {
  it('writes a 复函\'s 一、（一）1. levels made in LibreOffice into the text, each level restarting under the one above', () => {
    expect(texts(read('reply-levels-libreoffice.docx')).slice(3, 12)).toEqual([
      '一、关于工作目标',
      '（一）建议在第一部分增加到2026年的量化指标。',
      '（二）建议将“升级版”的内涵写具体。',
      '二、关于重点任务',
      '（一）关于任务4科技协作',
      '1.建议增加共建科技创新平台的内容。',
      '2.建议明确科技特派员的选派人数。',
      '（二）关于第三部分保障措施',
      '1.建议增加省科技厅为配合单位。',
    ]);
  });

  it("numbers from the 'List Number' style, a style based on it, direct levels, and a list restarted in the middle", () => {
    const document = read('reply-list-number-python-docx.docx');
    expect(texts(document).slice(3, 13)).toEqual([
      '一、关于资金保障',
      '（一）建议明确省级财政协作资金的年度规模。',
      '1.其中产业项目资金占比不低于70%。',
      '2.资金使用情况纳入年度绩效评价。',
      '（二）建议删除第五部分第2项中的“原则上”。',
      '二、关于绩效评价',
      '（一）建议将绩效评价结果与下一年度资金安排挂钩。',
      '我厅对附件2《名单》提出如下意见：',
      '一、建议在省直有关单位中增加省财政厅。',
      '二、建议将名单按单位序列排列。',
    ]);
    expect(paragraphs(document.blocks).map((paragraph) => paragraph.style ?? null).slice(2, 5)).toEqual([null, 'List Number', '意见二级']);
  });

  it('counts articles 第一条 … 第十二条 from a style linked to its list level', () => {
    const articles = texts(read('draft-articles-python-docx.docx')).slice(1);
    expect(articles).toHaveLength(12);
    expect([articles[0], articles[9], articles[10], articles[11]]).toEqual([
      '第一条 本条规定第1项内容。', '第十条 本条规定第10项内容。', '第十一条 本条规定第11项内容。', '第十二条 本条规定第12项内容。',
    ]);
  });

  it('reads legal numbering (1., 1.1., 2.1.1.) and headings numbered by their styles, as saved by Word 365', () => {
    expect(texts(read('word365-legal-list.docx')).map((text) => text.split(' ')[0])).toEqual(['1.', '1.1.', '2.', '2.1.', '2.1.1.']);
    const headings = paragraphs(read('word365-styled-numbering.docx').blocks).filter((paragraph) => paragraph.style?.startsWith('Heading'));
    expect(headings.map((heading) => [heading.style, paragraphText(heading).replace(/\. .*$/u, '')])).toEqual([
      ['Heading 1', '1 One'], ['Heading 2', '1.1 Two'], ['Heading 3', '(a) Three'], ['Heading 4', '(i) Four'],
    ]);
  });

  it('writes numbers in the formats Word offers a Chinese office', () => {
    const shown = (format: string, values: number[]): string => values.map((value) => formatNumber(value, format)).join(' ');
    expect(shown('chineseCounting', [1, 10, 11, 20, 99, 101])).toBe('一 十 十一 二十 九十九 一〇一');
    expect(shown('chineseCountingThousand', [10, 21, 100, 101, 110, 1005])).toBe('十 二十一 一百 一百〇一 一百一十 一千〇五');
    expect(shown('chineseLegalSimplified', [1, 10, 12, 101])).toBe('壹 壹拾 壹拾贰 壹佰零壹');
    expect(shown('japaneseCounting', [11, 101, 1010])).toBe('十一 百一 千十');
    expect(shown('ideographTraditional', [1, 2, 10])).toBe('甲 乙 癸');
    expect(shown('decimalEnclosedCircle', [1, 10, 20])).toBe('① ⑩ ⑳');
    expect(shown('upperLetter', [1, 26, 27])).toBe('A Z AA');
    expect(shown('lowerRoman', [4, 9, 14])).toBe('iv ix xiv');
    expect(shown('decimalZero', [7, 12])).toBe('07 12');
  });

  it('keeps a letter\'s auto-numbered 附件说明 as two notes, and the same outline as the text letter', async () => {
    const fromText = await parseLetter(SAMPLE);
    const fromWord = await parseLetter(fixture('docx/attachment-notes-pandoc.docx'));
    expect(fromWord.letter.attachmentNotes.map((note) => note.title)).toEqual([
      '关于深入学习贯彻习近平总书记重要指示精神高质量推进闽宁协作工作的实施意见（2024—2026年）（征求意见稿）',
      '省直有关单位、有关设区市对口支援工作领导小组名单',
    ]);
    expect(fromWord.letter).toEqual(fromText.letter);
    expect(fromWord.tasks.map((task) => [task.number, task.title])).toEqual(fromText.tasks.map((task) => [task.number, task.title]));
  });

  it("finds the numbered comments of a reply whose numbers are Word's own", async () => {
    const content = await readReturnedFile(fixture('docx/reply-list-number-python-docx.docx'));
    expect(content.kind).toBe('letter');
    expect(content.namedUnit).toBe('福建省财政厅');
    expect(content.comments.map((comment) => comment.suggestion)).toContain('建议删除第五部分第2项中的“原则上”。');
    expect(content.comments.map((comment) => comment.suggestion)).toContain('建议在省直有关单位中增加省财政厅。');
    const fromLibreOffice = await readReturnedFile(fixture('docx/reply-levels-libreoffice.docx'));
    expect(fromLibreOffice.namedUnit).toBe('福建省科学技术厅');
    expect(fromLibreOffice.comments.map((comment) => comment.suggestion)).toContain('建议增加共建科技创新平台的内容。');
  });
});

describe('a draft sent back with tracked changes and comments', () => {
  it('reads the text with every change accepted, the text before them, and who changed what when', () => {
    const [, , first, second] = paragraphs(read('draft-tracked-libreoffice.docx').blocks);
    expect(paragraphText(first as ParagraphBlock)).toBe('（一）加强组织领导。两省区每年召开一次联席会议，研究解决协作中的重大问题。');
    expect(first?.original).toBe('（一）加强组织领导。两省区原则上每年召开一次联席会议。');
    expect(first?.revisions).toEqual([
      { kind: 'deletion', text: '原则上', author: '省司法厅 李明', date: '2024-10-16T09:30:00Z' },
      { kind: 'insertion', text: '，研究解决协作中的重大问题', author: '省司法厅 李明', date: '2024-10-16T09:31:00Z' },
    ]);
    expect(paragraphText(second as ParagraphBlock)).toBe('（二）强化考核评价。将协作成效纳入年度考核，每半年通报一次进展。');
    expect(second?.original).toBe('（二）强化考核评价。将协作成效纳入年度考核，每年通报一次进展。');
    expect(second?.comments).toEqual([
      { author: '省司法厅 王芳', date: '2024-10-16T10:00:00Z', text: '建议明确考核主体。\n并与年度绩效挂钩。', anchor: '将协作成效纳入年度考核' },
    ]);
  });

  it('reads a change made by dragging text in Word 365, and a comment with its reply', () => {
    const [moved] = paragraphs(read('word365-mixed-insert-delete.docx').blocks);
    expect(paragraphText(moved as ParagraphBlock).startsWith('Lorem dolor sit amet ipsum, consectetuer')).toBe(true);
    expect(moved?.original?.startsWith('Lorem ipsum dolor sit amet, consectetuer')).toBe(true);
    expect(moved?.revisions?.map((revision) => [revision.kind, revision.text])).toEqual([['insertion', 'dolor sit amet '], ['deletion', ' dolor sit amet']]);
    const [commented] = paragraphs(read('word365-comment-thread.docx').blocks);
    expect(commented?.comments?.map((comment) => [comment.text, comment.anchor])).toEqual([['A comment.', 'dolor sit amet'], ['A reply comment.', 'dolor sit amet']]);
  });
});

describe('what else is on the page', () => {
  const document = read('word-features-libreoffice.docx');

  it('reads a text box once, after the paragraph it is anchored in', () => {
    expect(texts(document).slice(0, 2)).toEqual(['闽扶协函〔2024〕8号', '福建省东西部扶贫协作工作办公室']);
  });

  it('reads fields by their result, drops soft and hidden text and footnotes, keeps tabs, line breaks, hyphens and ☑', () => {
    expect(texts(document).slice(2)).toEqual([
      '传真：0591-88610051，电子邮箱：fjfxbgs@fj.gov.cn',
      '第1页',
      '联系人 周善杰\n联系电话 18960838088',
      '请于10月18日前反馈。',
      '详见说明。',
      '☑无意见',
    ]);
  });

  it('reads a table inside a cell as that cell\'s paragraphs, in order', () => {
    const table = document.blocks.find((block) => block.kind === 'table');
    expect(table?.kind === 'table' && table.rows[1]?.[1]?.paragraphs.map(paragraphText)).toEqual(['之前', '甲', '乙', '之后']);
  });
});

describe("Word's own markup that LibreOffice does not write", () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
  const docx = (body: string, numbering?: string): SourceDocument =>
    readDocx(zipSync({
      'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
      ...(numbering ? { 'word/numbering.xml': strToU8(`<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`) } : {}),
    }));
  const run = (text: string): string => `<w:r><w:t>${text}</w:t></w:r>`;
  const box = (content: string): string => `<w:r><w:drawing><w:txbxContent>${content}</w:txbxContent></w:drawing></w:r>`;

  it('reads the choice of mc:AlternateContent and not its fallback, with a table inside the text box', () => {
    const table = `<w:tbl><w:tr><w:tc><w:p>${run('密级')}</w:p></w:tc><w:tc><w:p>${run('工作秘密')}</w:p></w:tc></w:tr></w:tbl>`;
    const blocks = docx(`<w:p>${run('正文')}<mc:AlternateContent><mc:Choice Requires="wps">${box(`<w:p>${run('框内')}</w:p>${table}`)}</mc:Choice>` +
      `<mc:Fallback><w:pict>${box(`<w:p>${run('框内')}</w:p>${table}`)}</w:pict></mc:Fallback></mc:AlternateContent></w:p>`).blocks;
    expect(blocks.map((block) => (block.kind === 'paragraph' ? paragraphText(block) : block.rows.map((row) => row.map((cell) => cell.paragraphs.map(paragraphText).join())))))
      .toEqual(['正文', '框内', [['密级', '工作秘密']]]);
  });

  it('reads Insert Symbol and form-field check boxes, simple fields and moved text', () => {
    const [ticked, formField, field, moved] = paragraphs(docx(
      `<w:p><w:r><w:sym w:font="Wingdings 2" w:char="F052"/><w:t>无意见</w:t></w:r></w:p>` +
      `<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:default w:val="0"/><w:checked/></w:checkBox></w:ffData></w:fldChar></w:r>` +
      `<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>${run('同意')}</w:p>` +
      `<w:p><w:fldSimple w:instr=" DATE ">${run('2024年10月16日')}</w:fldSimple><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
      `<w:p><w:moveTo w:author="甲" w:date="2024-10-16T09:00:00Z">${run('乙丙')}</w:moveTo>${run('甲')}<w:moveFrom w:author="甲" w:date="2024-10-16T09:00:00Z"><w:r><w:delText>乙丙</w:delText></w:r></w:moveFrom></w:p>`,
    ).blocks);
    expect([ticked, formField, field, moved].map((paragraph) => paragraphText(paragraph as ParagraphBlock))).toEqual(['☑无意见', '☑同意', '2024年10月16日', '乙丙甲']);
    expect(moved?.original).toBe('甲乙丙');
    expect(moved?.revisions?.map((revision) => [revision.kind, revision.moved])).toEqual([['insertion', true], ['deletion', true]]);
  });

  it('gives no number to a numbered paragraph deleted whole or to a bullet, and counts two lists of one abstract list as one', () => {
    const numbering = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>`;
    const item = (numId: number, content: string, deleted = false): string =>
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr>${deleted ? '<w:rPr><w:del w:author="甲"/></w:rPr>' : ''}</w:pPr>${content}</w:p>`;
    const document = docx(
      item(1, run('第一项')) + item(1, `<w:del w:author="甲"><w:r><w:delText>删去的一项</w:delText></w:r></w:del>`, true) + item(3, run('要点')) + item(2, run('第二项')),
      numbering,
    );
    expect(paragraphs(document.blocks).map(paragraphText)).toEqual(['1. 第一项', '', '要点', '2. 第二项']);
    expect(paragraphs(document.blocks)[1]?.original).toBe('删去的一项');
  });

  it('joins two paragraphs when the mark between them was deleted, the number being the second one\'s', () => {
    const numbering = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const [joined, after] = paragraphs(docx(
      `<w:p><w:pPr><w:rPr><w:del w:author="甲" w:date="2024-10-16T09:00:00Z"/></w:rPr></w:pPr>${run('两省区每年召开一次联席会议，')}</w:p>` +
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run('研究解决重大问题。')}</w:p>` +
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run('强化考核。')}</w:p>`,
      numbering,
    ).blocks);
    expect(paragraphText(joined as ParagraphBlock)).toBe('（一）两省区每年召开一次联席会议，研究解决重大问题。');
    expect(joined?.runs.map((part) => [part.text, part.start.line, part.start.column])).toEqual([
      ['（一）', 2, 1], ['两省区每年召开一次联席会议，', 1, 1], ['研究解决重大问题。', 2, 4],
    ]);
    expect(joined?.original).toBe('两省区每年召开一次联席会议，\n（一）研究解决重大问题。');
    expect(joined?.revisions).toEqual([{ kind: 'deletion', text: '\n', author: '甲', date: '2024-10-16T09:00:00Z' }]);
    expect(paragraphText(after as ParagraphBlock)).toBe('（二）强化考核。');
  });

  it('reads 5 000 tables nested in cells, and cuts the anchors of comment ranges left open, without failing', () => {
    const nested = `${'<w:tbl><w:tr><w:tc>'.repeat(5000)}<w:p>${run('最里层')}</w:p>${'</w:tc></w:tr></w:tbl>'.repeat(5000)}`;
    const [table] = docx(nested).blocks;
    expect(table?.kind === 'table' && table.rows[0]?.[0]?.paragraphs.map(paragraphText)).toEqual(['最里层']);

    const comments = Array.from({ length: 300 }, (_, id) => `<w:comment w:id="${id}" w:author="甲"><w:p>${run(`批注${id}`)}</w:p></w:comment>`).join('');
    const starts = Array.from({ length: 300 }, (_, id) => `<w:commentRangeStart w:id="${id}"/>`).join('');
    const document = readDocx(zipSync({
      'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body><w:p>${starts}${run('字'.repeat(100_000))}</w:p></w:body></w:document>`),
      'word/comments.xml': strToU8(`<?xml version="1.0"?><w:comments ${W}>${comments}</w:comments>`),
    }));
    const [paragraph] = paragraphs(document.blocks);
    expect(paragraph?.comments).toHaveLength(300);
    expect(paragraph?.comments?.[299]).toMatchObject({ author: '甲', text: '批注299' });
    expect(paragraph?.comments?.[0]?.anchor).toMatch(/^字{1999}…$/u);
  });
});
