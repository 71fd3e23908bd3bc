/**
 * A plain table as .csv (UTF-8 with BOM, so Excel opens it in Chinese) or .xlsx (exceljs).
 * A text cell that starts with = + - @ (or a tab or carriage return) is prefixed with ' so that a
 * spreadsheet never runs it as a formula (CSV injection).
 */
import ExcelJS from 'exceljs';

export type Cell = string | number;

export interface Column {
  header: string;
  /** Width in Excel's character units. */
  width: number;
}

const FORMULA_START = /^[=+\-@\t\r]/u;
const UTF8_BOM = '\uFEFF';

export function neutralise(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvBytes(columns: Column[], rows: Cell[][]): Uint8Array {
  const lines = [columns.map((column) => column.header), ...rows].map((row) => row.map((cell) => csvField(neutralise(cell))).join(','));
  return new TextEncoder().encode(`${UTF8_BOM}${lines.join('\r\n')}\r\n`);
}

function csvField(value: Cell): string {
  const text = String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** One sheet: a header row that repeats on every printed page, thin borders, A4 fitted to the page width. */
export async function xlsxBytes(sheetName: string, columns: Column[], rows: Cell[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gongwen';
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  for (const row of rows) sheet.addRow(row.map(neutralise));
  const border = { style: 'thin' } as const;
  sheet.eachRow((row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: '宋体', size: 12, bold: rowNumber === 1 };
      cell.alignment = { vertical: 'middle', horizontal: rowNumber === 1 ? 'center' : undefined, wrapText: true };
      cell.border = { top: border, left: border, bottom: border, right: border };
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
