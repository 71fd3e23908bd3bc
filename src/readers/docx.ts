/**
 * Word reader (.docx, and WPS/LibreOffice files saved as .docx): word/document.xml read by a streaming parser
 * (saxes: no DTD, no external entities, no recursion, so deep nesting and XXE are harmless) into paragraphs
 * and tables, in order; custom document properties (gongwen's ids on its own forms) from docProps/custom.xml.
 * A check-box content control becomes ☑ or □ where it stands. Positions are paragraph numbers: a Word
 * letter's diagnostics name the paragraph where a text letter names its line.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { DocumentBlock, ParagraphBlock, SourceDocument, TableBlock, TableCell } from '../model/document.js';
import { ReadProblem } from './problem.js';
import { listEntries, readEntry, type ZipEntry } from './zip.js';

export const CHECKED = '☑';
export const UNCHECKED = '□';

export function readDocx(bytes: Uint8Array): SourceDocument {
  const entries = listEntries(bytes);
  const part = (name: string): string | null => {
    const entry = entries.find((candidate: ZipEntry) => candidate.name === name);
    return entry ? new TextDecoder().decode(readEntry(bytes, entry)) : null;
  };
  const document = part('word/document.xml');
  if (document === null) throw new ReadProblem('压缩包中没有 Word 正文（word/document.xml），不是 Word 文件');
  const custom = part('docProps/custom.xml');
  try {
    return {
      format: 'docx', encoding: 'docx', blocks: readDocumentXml(document),
      properties: custom === null ? {} : readCustomProperties(custom), embedded: [], scanned: false,
    };
  } catch {
    throw new ReadProblem('Word 文件内容格式有误（XML 无法解析），文件可能已损坏');
  }
}

/** Paragraphs and tables of word/document.xml. A table inside a cell is read as that cell's paragraphs. */
export function readDocumentXml(xml: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let paragraphCount = 0;
  let text: string | null = null;
  let inText = false;
  let tableDepth = 0;
  let table: TableBlock | null = null;
  let row: TableCell[] | null = null;
  let cell: TableCell | null = null;
  let checkbox: { checked: boolean; depth: number } | null = null;
  let sdtDepth = 0;

  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    switch (tag.name) {
      case 'w:p':
        text = '';
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
        if (text !== null) text += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        if (text !== null) text += '\n';
        break;
      case 'w:tbl':
        tableDepth += 1;
        if (tableDepth === 1) table = { kind: 'table', rows: [] };
        break;
      case 'w:tr':
        if (tableDepth === 1) row = [];
        break;
      case 'w:tc':
        if (tableDepth === 1) cell = { paragraphs: [], columnSpan: 1, mergedAbove: false };
        break;
      case 'w:gridSpan':
        if (tableDepth === 1 && cell) cell.columnSpan = Math.max(1, Number(tag.attributes['w:val']) || 1);
        break;
      case 'w:vMerge':
        if (tableDepth === 1 && cell) cell.mergedAbove = tag.attributes['w:val'] !== 'restart';
        break;
      case 'w:sdt':
        sdtDepth += 1;
        break;
      case 'w14:checkbox':
        checkbox = { checked: false, depth: sdtDepth };
        break;
      case 'w14:checked':
        if (checkbox) checkbox.checked = /^(1|true|on)$/iu.test(String(tag.attributes['w14:val'] ?? '1'));
        break;
    }
  });
  parser.on('text', (characters) => {
    if (inText && text !== null && !checkbox) text += characters;
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    switch (tag.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:sdt':
        if (checkbox?.depth === sdtDepth) {
          if (text !== null) text += checkbox.checked ? CHECKED : UNCHECKED;
          checkbox = null;
        }
        sdtDepth -= 1;
        break;
      case 'w:p': {
        if (text === null) break;
        paragraphCount += 1;
        const paragraph: ParagraphBlock = { kind: 'paragraph', runs: [{ text, start: { line: paragraphCount, column: 1 } }] };
        if (cell) cell.paragraphs.push(paragraph);
        else if (tableDepth === 0) blocks.push(paragraph);
        text = null;
        break;
      }
      case 'w:tc':
        if (tableDepth === 1 && cell && row) row.push(cell);
        if (tableDepth === 1) cell = null;
        break;
      case 'w:tr':
        if (tableDepth === 1 && row && table) table.rows.push(row);
        if (tableDepth === 1) row = null;
        break;
      case 'w:tbl':
        if (tableDepth === 1 && table) blocks.push(table);
        tableDepth -= 1;
        if (tableDepth === 0) table = null;
        break;
    }
  });
  parser.write(xml).close();
  return blocks;
}

/** docProps/custom.xml: name → value of each custom document property. */
export function readCustomProperties(xml: string): Record<string, string> {
  const properties: Record<string, string> = {};
  let name: string | null = null;
  let value = '';
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (tag.name === 'property') {
      name = String(tag.attributes['name'] ?? '');
      value = '';
    }
  });
  parser.on('text', (characters) => {
    if (name !== null) value += characters;
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (tag.name === 'property' && name !== null) {
      properties[name] = value.trim();
      name = null;
    }
  });
  parser.write(xml).close();
  return properties;
}
