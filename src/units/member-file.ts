/**
 * The clerk's member file (--recipients 名单.txt, or 名单.txt in a workspace): the units of the groups a letter
 * names without listing them. A .txt has one unit a line; an .xlsx or .csv has one a row, in its first column
 * (a 序号 column before it is passed over). A line ending with ：names the group the units below it belong to
 * (省直有关单位：); a header (单位名称) and blank lines are skipped; numbering (1. 1、（1）) and end punctuation go.
 */
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { basename, extname } from 'node:path';
import { UserError } from '../errors.js';
import { decodeText, looksBinary } from '../readers/decode.js';
import type { Worksheet } from 'exceljs';
import type { MemberList } from './recipients.js';


const HEADER = /^(序号|编号|单位|单位名称|名称|受文单位|征求意见单位|成员单位|主送单位)$/u;
const NUMBERING = /^\s*(?:[（(]\s*\d+\s*[)）]|\d+\s*[.、．)）]|[一二三四五六七八九十]+\s*、)\s*/u;

export async function readMemberFile(path: string): Promise<MemberList> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UserError(`读不到名单文件 ${path}，请检查文件路径。`);
  }
  const extension = extname(path).toLowerCase();
  const rows =
    extension === '.xlsx' ? await xlsxRows(bytes, path)
    : extension === '.csv' ? await csvRows(bytes, path)
    : textLines(bytes, path).split(/\r\n|\r|\n/u).map((line) => [line]);
  const list = memberList(basename(path), rows);
  if (list.parts.every((part) => part.units.length === 0)) throw new UserError(`名单文件 ${path} 中没有单位名称（应每行一个单位）。`);
  return list;
}

/** Rows of cells → units under their headings. */
export function memberList(file: string, rows: string[][]): MemberList {
  const parts: MemberList['parts'] = [{ group: null, units: [] }];
  for (const row of rows) {
    const cell = row.map((value) => value.trim()).find((value) => value !== '' && !/^\d+$/u.test(value));
    if (cell === undefined) continue;
    const text = cell.replace(NUMBERING, '').replace(/[，,；;。.、\s]+$/u, '').trim();
    const heading = /^(.+?)\s*[：:]$/u.exec(text)?.[1];
    if (heading) parts.push({ group: heading, units: [] });
    else if (text !== '' && !HEADER.test(text)) parts.at(-1)?.units.push(text);
  }
  return { file, parts: parts.filter((part) => part.units.length > 0 || part.group !== null) };
}

/** The list as a workspace keeps it (名单.txt): a heading line for each group, then one unit a line. */
export function memberFileText(list: MemberList): string {
  return list.parts.map((part) => [...(part.group ? [`${part.group}：`] : []), ...part.units].join('\n')).join('\n\n') + '\n';
}

function textLines(bytes: Uint8Array, path: string): string {
  const decoded = decodeText(bytes);
  if (looksBinary(decoded)) throw new UserError(`名单文件 ${path} 不是文本文件；请用 .txt（每行一个单位）、.csv 或 .xlsx。`);
  return decoded.text;
}

/** A .csv, decoded first (Excel saves it in GBK as often as in UTF-8), read by exceljs. */
async function csvRows(bytes: Uint8Array, path: string): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const sheet = await new ExcelJS.Workbook().csv.read(Readable.from([textLines(bytes, path)]));
  return sheetRows(sheet);
}

async function xlsxRows(bytes: Uint8Array, path: string): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.read(Readable.from(Buffer.from(bytes)));
  } catch {
    throw new UserError(`名单文件 ${path} 不是有效的 .xlsx 文件，请用 Excel 或 WPS 另存为 .xlsx 后再试。`);
  }
  const sheet = workbook.worksheets[0];
  return sheet ? sheetRows(sheet) : [];
}

function sheetRows(sheet: Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push(values.map((value) => cellText(value)));
  });
  return rows;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value && Array.isArray(value.richText)) return value.richText.map((run: { text: string }) => run.text).join('');
  if (typeof value === 'object' && 'result' in value) return cellText(value.result);
  return String(value);
}
