/**
 * The drafter's side of the 意见汇总表.xlsx: 采纳情况 typed into the sheet as a person types it, and a sheet opened
 * and saved by LibreOffice Calc, which rewrites every part of the workbook its own way.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { convertWithLibreOffice, missingTools } from './render.js';

/** Sets 采纳情况 and 说明 of the rows whose 修改意见 holds the given words; the header is found by its words. */
export async function decide(sheetPath: string, decisions: Array<[string, string, string?]>, options: { titleRow?: boolean } = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(sheetPath) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  if (options.titleRow) sheet.spliceRows(1, 0, ['意见汇总表（起草单位填写采纳情况）']);
  let header = 1;
  while (!(sheet.getRow(header).values as unknown[]).includes('采纳情况')) header++;
  const columnOf = (name: string): number => (sheet.getRow(header).values as unknown[]).indexOf(name);
  for (const [words, decision, note] of decisions) {
    let row = header + 1;
    while (!String(sheet.getRow(row).getCell(columnOf('修改意见')).value).includes(words)) row++;
    const cell = sheet.getRow(row).getCell(columnOf('采纳情况'));
    if (decision === '部分采纳') {
      // Chosen from a drop-down list, as Excel stores it: the cell keeps its validation and the word chosen.
      cell.dataValidation = { type: 'list', allowBlank: true, formulae: ['"采纳,部分采纳,不采纳"'] };
    }
    cell.value = decision;
    if (note !== undefined) sheet.getRow(row).getCell(columnOf('说明')).value = note;
  }
  writeFileSync(sheetPath, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** Whether LibreOffice Calc is installed beside soffice (Debian's libreoffice-calc-nogui; Writer alone cannot open a sheet). */
export function calcMissing(): boolean {
  if (missingTools(['soffice']).length > 0) return true;
  const soffice = realpathSync(execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim());
  return !existsSync(join(dirname(soffice), 'libsclo.so'));
}

/** The workbook's first sheet as Calc reads it, as rows of cells (Calc's CSV export: UTF-8, comma, quoted text). */
export function calcRows(xlsx: string): Promise<string[][]> {
  return csvRows(convertWithCalc(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76,1', '.csv').toString('utf8'));
}

/** Opens the workbook in Calc and saves it as .xlsx over itself, as a drafter using LibreOffice does. */
export function resaveWithCalc(xlsx: string): void {
  writeFileSync(xlsx, convertWithCalc(xlsx, 'xlsx:Calc MS Excel 2007 XML', '.xlsx'));
}

function convertWithCalc(path: string, filter: string, extension: string): Buffer {
  const folder = mkdtempSync(join(tmpdir(), 'gongwen-calc-'));
  try {
    writeFileSync(join(folder, 'in.xlsx'), readFileSync(path));
    convertWithLibreOffice(folder, filter, ['in.xlsx'], { outdir: join(folder, 'out'), timeout: 120_000 });
    return readFileSync(join(folder, 'out', `in${extension}`));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Rows of a CSV text as exceljs reads it (as gongwen reads a member list), each as wide as the widest, cells as text. */
export async function csvRows(text: string): Promise<string[][]> {
  const sheet = await new ExcelJS.Workbook().csv.read(Readable.from([text]));
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row) => Array.from({ length: width }, (_, column) => String(row[column] ?? '')));
}
