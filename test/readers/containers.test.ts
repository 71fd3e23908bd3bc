// Old Word files, mails and zips, read through the one format table: what a clerk would see of each (the
// words, the form's ids, the attachments by their own names), and the hostile ones refused with a reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paragraphText, type SourceDocument } from '../../src/model/document.js';
import { parseLetter } from '../../src/outline/parse.js';
import { readDocument } from '../../src/readers/formats.js';
import { recognizeReply } from '../../src/replies/index.js';
import { fixture } from '../support/cli.js';
import { oleWith, passwordProtected } from '../support/ole.js';

const read = (path: string): Promise<SourceDocument & { mismatch: string | null }> => readDocument(path, readFileSync(fixture(path)));
const texts = (document: SourceDocument): string[] =>
  document.blocks.flatMap((block) => (block.kind === 'paragraph' ? [paragraphText(block)] : block.rows.flat().map((cell) => cell.paragraphs.map(paragraphText).join('\n'))));

describe('.doc and .wps', () => {
  it('reads a form saved as .doc by LibreOffice: its ids, its table, the comments as typed', async () => {
    const document = await read('returned/财政厅意见反馈表.doc');
    expect(document.format).toBe('doc');
    expect(document.properties).toMatchObject({ 'gongwen.recipientId': 'r07', 'gongwen.docNumber': '闽扶协函〔2024〕8号' });
    const content = recognizeReply(document);
    expect(content).toMatchObject({ kind: 'form', namedUnit: '省财政厅' });
    expect(content.comments).toEqual([
      { clause: '2.加大金融支持任务2 加大金融支持', original: '协调政策性银行', suggestion: '建议补充“地方法人银行”', reason: '与现行政策一致' },
      { clause: null, original: null, suggestion: '建议明确融资担保机制', reason: null },
    ]);
  });

  it('reads the same form when the unit saved it from WPS as .wps (the same OLE Word container), with no mismatch to report', async () => {
    const document = await readDocument('财政厅意见反馈表.wps', readFileSync(fixture('returned/财政厅意见反馈表.doc')));
    expect(document).toMatchObject({ format: 'doc', mismatch: null });
    const content = recognizeReply(document);
    expect(content).toMatchObject({ kind: 'form', namedUnit: '省财政厅', properties: { recipientId: 'r07' } });
    expect(content.comments.map((comment) => comment.suggestion)).toEqual(['建议补充“地方法人银行”', '建议明确融资担保机制']);
  });

  it('parses a letter saved as .doc into the same outline as the .docx it was saved from', async () => {
    const fromDoc = await parseLetter(fixture('returned/min-fu-xie-han-2024-8.doc'));
    const fromDocx = await parseLetter(fixture('encodings/min-fu-xie-han-2024-8.pandoc.docx'));
    expect(fromDoc.source.format).toBe('doc');
    expect(fromDoc.recipients).toHaveLength(30);
    expect({ ...fromDoc, source: null }).toEqual({ ...fromDocx, source: null });
  });

  it('reads the words and table cells of a real WPS .wps', async () => {
    const document = await read('returned/public-test.wps');
    expect(document.format).toBe('doc');
    expect(document.properties.KSOProductBuildVer).toBe('2052-1.7.0.2619');
    expect(document.blocks[0]?.kind).toBe('table');
    expect(texts(document)).toEqual(expect.arrayContaining(['IDCard', '包含5个或以上不同的国内身份证号码信息']));
  });

  it('says a file has a password, and that a spreadsheet is one', async () => {
    await expect(readDocument('反馈表.doc', passwordProtected())).rejects.toThrow('文件设有密码');
    await expect(readDocument('反馈表.docx', passwordProtected())).rejects.toThrow('文件设有密码');
    await expect(readDocument('分发清单.xls', oleWith('Workbook'))).rejects.toThrow('是电子表格');
    await expect(readDocument('分发清单.et', oleWith('Book'))).rejects.toThrow('是电子表格');
  });

  it('refuses a .doc whose header claims millions of sectors, at once', async () => {
    await expect(read('returned/hostile/扇区数异常.doc')).rejects.toThrow(/文件已损坏.*16777215 个扇区/u);
  });

  it('refuses a .doc holding thousands of streams', async () => {
    const streams = Array.from({ length: 5000 }, (_, index) => `s${index}`);
    await expect(readDocument('反馈.doc', oleWith('WordDocument', ...streams))).rejects.toThrow(/内含 500\d 个数据流/u);
  });
});

describe('.eml', () => {
  it('decodes a Foxmail mail: GB18030 body, the attachment under its RFC 2047 name', async () => {
    const document = await read('returned/省科协-Foxmail.eml');
    expect(document.format).toBe('eml');
    expect(texts(document)).toEqual(['省科协关于实施意见（征求意见稿）的反馈', '省扶贫协作办：', '    您好！附件是我会的意见反馈表，请查收。', '福建省科协办公室', '2024年10月16日']);
    expect(document.embedded.map((file) => file.name)).toEqual(['意见反馈表（省科协）.docx']);
    const form = await readDocument(document.embedded[0]!.name, document.embedded[0]!.bytes);
    expect(form.properties['gongwen.recipientName']).toBe('省科协');
  });

  it('reads the comments in an Outlook body (GB2312, quoted-printable), not the letter quoted below', async () => {
    const content = recognizeReply(await read('returned/妇联意见-Outlook.eml'));
    expect(content.namedUnit).toBe('福建省妇女联合会');
    expect(content.comments.map((comment) => comment.suggestion)).toEqual([
      '任务5中建议增加“巾帼助力乡村振兴”相关内容。',
      '第三部分建议明确妇联在东西部协作中的职责分工，并列出联系人。',
    ]);
  });

  it('keeps a signature picture shown in the HTML body out of the attachments', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64');
    const mail = [
      'From: office@example.org', 'Subject: =?GB18030?B?t7RAobs=?=', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="m"', '',
      '--m', 'Content-Type: multipart/related; boundary="r"', '',
      '--r', 'Content-Type: text/html; charset="utf-8"', '', '<p>见附件。</p><img src="cid:image001.png@01DB1F">', '',
      '--r', 'Content-Type: image/png; name="image001.png"', 'Content-Disposition: inline; filename="image001.png"',
      'Content-ID: <image001.png@01DB1F>', 'Content-Transfer-Encoding: base64', '', png, '--r--', '',
      '--m', 'Content-Type: image/png; name="scan.png"', 'Content-Disposition: attachment; filename="scan.png"',
      'Content-Transfer-Encoding: base64', '', png, '--m--', '',
    ].join('\r\n');
    const document = await readDocument('反馈.eml', new TextEncoder().encode(mail));
    expect(document.embedded.map((file) => file.name)).toEqual(['scan.png']);
    expect(texts(document).at(-1)).toBe('见附件。');
  });

  it('knows a saved mail without its .eml name by its header lines', async () => {
    const document = await readDocument('邮件', readFileSync(fixture('returned/妇联意见-Outlook.eml')));
    expect(document.format).toBe('eml');
  });

  it('refuses a mail nested thousands of MIME levels deep', async () => {
    await expect(read('returned/hostile/层层嵌套.eml')).rejects.toThrow('层层嵌套');
  });
});

describe('.zip', () => {
  it('lists each entry under its CP936 name (no UTF-8 flag), in memory', async () => {
    const document = await read('returned/群团组织反馈意见.zip');
    expect(document.format).toBe('zip');
    expect(document.embedded.map((file) => file.name)).toEqual(['团省委意见反馈表.docx', '省侨联/意见反馈表（省侨联）.docx', 'Thumbs.db']);
  });

  it('does not take a Word file for a zip of files', async () => {
    expect((await read('replies/教育厅复函.docx')).format).toBe('docx');
  });
});
