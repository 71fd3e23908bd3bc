// Reading what comes back into the inbox: real replies written by other tools, and hostile files.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readReturnedFile } from '../../src/tracking/returned.js';
import { readingProblem } from '../support/problem.js';
import { fixture } from '../support/cli.js';
import { passwordProtected } from '../support/ole.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-returned-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(name: string, data: Uint8Array | string): string {
  const path = join(scratch, name);
  writeFileSync(path, data);
  return path;
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';

function docx(body: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    ...extra,
  });
}
const p = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

describe("a unit's own 复函, written by another tool", () => {
  it('names its sender by its 署名 and splits its comments at 一、二、三、, with the clause each is about', async () => {
    const content = await readReturnedFile(fixture('replies/科技厅反馈意见.docx'));
    expect(content.kind).toBe('letter');
    expect(content.namedUnit).toBe('福建省科学技术厅');
    expect(content.comments.map((comment) => comment.clause)).toEqual(['第3条', '任务4', '第三部分']);
    // The reply's own 一、二、三、 number its letter, not the comments in a summary.
    expect(content.comments.map((comment) => comment.suggestion.slice(0, 2))).not.toContain('一、');
    expect(content.comments.every((comment) => !/^[一二三四五六七八九十]+、/u.test(comment.suggestion))).toBe(true);
    expect(content.noComment).toBe(false);
  });

  it('reads 无修改意见 as no comment', async () => {
    const content = await readReturnedFile(fixture('replies/教育厅复函.docx'));
    expect(content).toMatchObject({ namedUnit: '福建省教育厅', comments: [], noComment: true, contentRead: true });
  });

  it('reads the text layer of a PDF', async () => {
    const content = await readReturnedFile(fixture('replies/科技厅反馈意见-扫描前导出.pdf'));
    expect(content.kind).toBe('letter');
    expect(content.namedUnit).toBe('福建省科学技术厅');
    expect(content.comments.length).toBeGreaterThan(0);
  });
});

describe('a filled-in form', () => {
  const form = (choice: string, rows: string): Uint8Array =>
    docx(
      `${p('意见反馈表')}<w:tbl><w:tr><w:tc>${p('反馈单位')}</w:tc><w:tc>${p('省科技厅')}</w:tc></w:tr></w:tbl>${choice}` +
        `<w:tbl><w:tr><w:tc>${p('序号')}</w:tc><w:tc>${p('条目（章节、任务序号）')}</w:tc><w:tc>${p('原文')}</w:tc><w:tc>${p('修改意见')}</w:tc><w:tc>${p('修改理由')}</w:tc></w:tr>${rows}</w:tbl>`,
      { 'docProps/custom.xml': strToU8('<Properties><property name="gongwen.recipientId"><vt:lpwstr>r04</vt:lpwstr></property><property name="gongwen.docNumber"><vt:lpwstr>闽扶协函〔2024〕8号</vt:lpwstr></property></Properties>') },
    );
  const row = (...cells: string[]): string => `<w:tr>${cells.map((cell) => `<w:tc>${p(cell)}</w:tc>`).join('')}</w:tr>`;

  it('gives its properties, its 反馈单位, and only the rows that hold a comment', async () => {
    const content = await readReturnedFile(write('反馈表(1).docx', form(p('□无意见'), row('1', '任务3 深化科技创新', '', '建议增加成果转化中心', '便于落地') + row('2', '任务4', '', '', ''))));
    expect(content.kind).toBe('form');
    expect(content.properties).toEqual({ docNumber: '闽扶协函〔2024〕8号', recipientId: 'r04', recipientName: null });
    expect(content.namedUnit).toBe('省科技厅');
    expect(content.comments).toEqual([{ clause: '任务3 深化科技创新', original: null, suggestion: '建议增加成果转化中心', reason: '便于落地' }]);
    expect(content.noComment).toBe(false);
  });

  it('reads a ticked 无意见 whether a check-box content control or a symbol in place of □', async () => {
    const control = `<w:p><w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t>无意见</w:t></w:r></w:p>`;
    for (const choice of [control, p('☑无意见'), p('√ 无意见'), p('■无意见')]) {
      const content = await readReturnedFile(write('ticked.docx', form(choice, '')));
      expect(content.noComment).toBe(true);
    }
    const unticked = control.replace('w14:val="1"', 'w14:val="0"');
    expect((await readReturnedFile(write('unticked.docx', form(unticked, '')))).noComment).toBe(false);
  });

  it('reads escaped characters in a comment as the characters the unit typed', async () => {
    const content = await readReturnedFile(write('escaped.docx', form('', row('1', '任务3', '', '“A&amp;B”改为&lt;C&gt;，&#x4E2D;&#25991;', ''))));
    expect(content.comments.map((comment) => comment.suggestion)).toEqual(['“A&B”改为<C>，中文']);
  });

  it('flags secrecy markings in the text', async () => {
    const content = await readReturnedFile(write('marked.docx', form(p('机密★1年'), '')));
    expect(content.secrecyMarks).toEqual(['机密']);
  });
});

describe('files that cannot be read give a reason, quickly, without reading a local file', () => {

  it('an empty file', async () => {
    expect(await readingProblem(write('空.docx', ''))).toMatch(/空文件/u);
  });

  it('a truncated Word file', async () => {
    const whole = docx(p('内容'));
    expect(await readingProblem(write('cut.docx', whole.subarray(0, whole.length - 40)))).toMatch(/不完整|损坏/u);
  });

  it('a PNG named .docx', async () => {
    expect(await readingProblem(write('image.docx', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])))).toMatch(/PNG/u);
  });

  it('a password-protected Office file (an OLE container)', async () => {
    expect(await readingProblem(write('locked.docx', passwordProtected()))).toMatch(/密码/u);
  });

  it('a zip bomb: a document.xml that inflates past the cap is abandoned', async () => {
    const huge = new Uint8Array(40 * 1024 * 1024).fill(0x20);
    const bomb = zipSync({ 'word/document.xml': huge }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await readingProblem(write('bomb.docx', bomb))).toMatch(/过大/u);
  });

  it('an XML entity pointing at a local file (XXE) is never resolved', async () => {
    const xxe = zipSync({
      'word/document.xml': strToU8(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/hostname">]><w:document ${W}><w:body>${p('&x;')}</w:body></w:document>`),
    });
    expect(await readingProblem(write('xxe.docx', xxe))).toMatch(/无法解析/u);
  });

  it('a zip entry named ../../x is read in memory only, never written', async () => {
    const slip = docx(p('省科技厅'), { '../../gongwen-slip.txt': strToU8('x') });
    const content = await readReturnedFile(write('slip.docx', slip));
    expect(content.kind).toBe('letter');
    expect(existsSync(join(scratch, '../../gongwen-slip.txt'))).toBe(false);
    expect(existsSync(join(process.cwd(), '../../gongwen-slip.txt'))).toBe(false);
  });

  it('deeply nested XML does not exhaust the stack', async () => {
    const deep = docx(`${'<w:sdt><w:sdtContent>'.repeat(50000)}${p('内容')}${'</w:sdtContent></w:sdt>'.repeat(50000)}`);
    const content = await readReturnedFile(write('deep.docx', deep));
    expect(content.title).toBe('内容');
  });
});
