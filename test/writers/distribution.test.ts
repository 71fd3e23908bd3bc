// 分发清单 in three forms: .xlsx read back with exceljs, .csv as bytes, .docx as XML.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { distributionCsv, distributionDocx, distributionXlsx } from '../../src/writers/distribution.js';
import { readDocx, tableRows } from './ooxml.js';
import { sampleOutline } from './sample-outline.js';

const HEADER = ['序号', '单位', '所属类别', '涉及任务', '份数', '发送方式', '签收'];
const outline = sampleOutline();

/** The sample with units whose names a spreadsheet would run as formulas. */
function hostileOutline() {
  const hostile = sampleOutline();
  const names = ['=HYPERLINK("http://x","点我")', '+1+1', '-2', '@SUM(A1)', '\t=1', '省科技厅,"有限"'];
  names.forEach((name, index) => (hostile.recipients[index]!.name = name));
  return hostile;
}

async function sheetRows(bytes: Uint8Array): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  const sheet = workbook.getWorksheet('分发清单')!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('分发清单.xlsx', () => {
  it('has a title row with the 文号, the header and one row per recipient, numbers as numbers', async () => {
    const [title, ...rows] = await sheetRows(await distributionXlsx(outline));
    expect(title![0]).toBe('分发清单（闽扶协函〔2024〕8号）');
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(31);
    expect(rows[4]).toEqual([4, '省科技厅', '省直有关单位', '3', 1, '', '']);
    expect(rows[25]).toEqual([25, '省第十三批援宁工作队', '', '', 1, '', '']);
    expect(rows[30]).toEqual([30, '莆田市对口支援工作领导小组', '有关设区市对口支援工作领导小组', '1、2、5、6、7、8、9、10、11', 1, '', '']);
  });

  it('never holds a formula: a name starting with = + - @ or a tab is a text cell, shown as written', async () => {
    const bytes = await distributionXlsx(hostileOutline());
    const names = (await sheetRows(bytes)).slice(2, 8).map((row) => row[1]);
    expect(names).toEqual(['=HYPERLINK("http://x","点我")', '+1+1', '-2', '@SUM(A1)', '\t=1', '省科技厅,"有限"']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.slice().buffer);
    const sheet = workbook.getWorksheet('分发清单')!;
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
    for (let row = 3; row <= 8; row++) expect(sheet.getRow(row).getCell(2).type).toBe(ExcelJS.ValueType.String);
  });
});

describe('分发清单.csv', () => {
  it('is UTF-8 with a BOM, CRLF lines, the header first', async () => {
    const bytes = await distributionCsv(outline);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(HEADER.join(','));
    expect(lines[4]).toBe('4,省科技厅,省直有关单位,3,1,,');
    expect(lines).toHaveLength(32); // 30 units, the header, and the empty string after the last CRLF
    expect(lines.at(-1)).toBe('');
  });

  it('neutralises formulas and quotes commas and quotes', async () => {
    const text = new TextDecoder().decode((await distributionCsv(hostileOutline())).subarray(3));
    const names = text.split('\r\n').slice(1, 7).map((line) => line.slice(line.indexOf(',') + 1, line.lastIndexOf(',省直有关单位')));
    expect(names).toEqual(['"\'=HYPERLINK(""http://x"",""点我"")"', "'+1+1", "'-2", "'@SUM(A1)", "'\t=1", '"省科技厅,""有限"""']);
  });
});

describe('分发清单.docx', () => {
  it('lists every unit with its tasks under the 序号…签收 header', async () => {
    const docx = readDocx(await distributionDocx(outline));
    expect(docx.text.split('\n').slice(0, 2)).toEqual(['分发清单', '闽扶协函〔2024〕8号']);
    const rows = tableRows(docx.document, 0);
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(31);
    expect(rows[9]!.slice(0, 5)).toEqual(['9', '省农业农村厅', '省直有关单位', '1、\u200B3、\u200B4、\u200B5、\u200B7、\u200B8、\u200B9、\u200B11', '1']);
    expect(docx.properties['gongwen.document']).toBe('distribution-list');
  });
});
