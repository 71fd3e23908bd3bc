/**
 * Filling a generated form the way Word does: text typed into the comment table's empty cells, the
 * 无意见 box ticked (w14:checked and its glyph), and LibreOffice re-saving a file.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fixture } from './cli.js';
import { convertWithLibreOffice } from './render.js';

export interface Filling {
  /** Cells of the comment table's rows after the header: [条目, 原文, 修改意见, 修改理由]; blank keeps what is there. */
  comments?: string[][];
  noComment?: boolean;
  /** Replace the letter number the form carries (a form from another letter). */
  docNumber?: string;
}

export function fillForm(bytes: Uint8Array, filling: Filling): Uint8Array {
  const parts = unzipSync(bytes);
  let document = strFromU8(parts['word/document.xml'] as Uint8Array);
  if (filling.noComment) {
    document = document
      .replace('<w14:checked w14:val="0"/>', '<w14:checked w14:val="1"/>')
      .replace(/(<w:sdtContent>[\s\S]*?w:char=")25A1(")/iu, '$12611$2');
  }
  if (filling.comments) document = typeComments(document, filling.comments);
  parts['word/document.xml'] = strToU8(document);
  if (filling.docNumber) {
    const custom = strFromU8(parts['docProps/custom.xml'] as Uint8Array);
    parts['docProps/custom.xml'] = strToU8(custom.replace(/(name="gongwen\.docNumber"><vt:lpwstr>)[^<]*/u, `$1${filling.docNumber}`));
  }
  return zipSync(parts);
}

/** Types each value into its cell (columns 2–5 of the last table: 条目, 原文, 修改意见, 修改理由). */
function typeComments(document: string, comments: string[][]): string {
  const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/gu)];
  const last = tables.at(-1);
  if (!last) throw new Error('the form has no comment table');
  const rows = [...last[0].matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/gu)].map(([row]) => row);
  const filled = rows.map((row, index) => {
    const values = comments[index - 1];
    if (index === 0 || !values) return row;
    let column = 0;
    return row.replace(/<w:tc>[\s\S]*?<\/w:tc>/gu, (cell) => {
      const value = column === 0 ? '' : values[column - 1] ?? '';
      column += 1;
      return value ? cell.replace(/<\/w:p>/u, `<w:r><w:t xml:space="preserve">${escapeXml(value)}</w:t></w:r></w:p>`) : cell;
    });
  });
  let table = last[0];
  rows.forEach((row, index) => (table = table.replace(row, filled[index] ?? row)));
  return document.replace(last[0], table);
}

function escapeXml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** Opens and saves the file with LibreOffice, as a unit using LibreOffice would (it rewrites all the XML). */
export function resaveWithLibreOffice(bytes: Uint8Array): Uint8Array {
  const folder = mkdtempSync(join(tmpdir(), 'gongwen-lo-'));
  try {
    writeFileSync(join(folder, 'in.docx'), bytes);
    convertWithLibreOffice(folder, 'docx:MS Word 2007 XML', ['in.docx'], { outdir: join(folder, 'out') });
    return readFileSync(join(folder, 'out', 'in.docx'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The replies the sample letter's follow-up stories start from, put into `workspace`'s inbox: two offices' own
 * Word replies, three of gongwen's forms filled as units fill them (a formula typed as text, a clause named, a
 * secrecy mark) and a form cut short in sending.
 */
export function dropSampleReplies(workspace: string): void {
  const inbox = join(workspace, '回收');
  const form = (folder: string): Uint8Array => readFileSync(join(workspace, 'packets', folder, '意见反馈表.docx'));
  copyFileSync(fixture('replies/科技厅反馈意见.docx'), join(inbox, '科技厅反馈意见.docx'));
  copyFileSync(fixture('replies/教育厅复函.docx'), join(inbox, '教育厅复函.docx'));
  writeFileSync(join(inbox, '财政厅.docx'), fillForm(form('07-省财政厅'), {
    comments: [['', '', '=HYPERLINK("http://x")建议补充地方法人银行', '与现行政策一致'], ['', '', '建议明确融资担保机制', '']],
  }));
  writeFileSync(join(inbox, '组织部.docx'), fillForm(form('01-省委组织部'), { comments: [['任务8 深化人才交流', '', '建议增加挂职干部培训', '']] }));
  writeFileSync(join(inbox, '司法厅.docx'), fillForm(form('06-省司法厅'), { comments: [['第一部分', '', '内部资料：建议调整表述', '']] }));
  writeFileSync(join(inbox, '发改委.docx'), form('02-省发改委').subarray(0, 2000));
}
