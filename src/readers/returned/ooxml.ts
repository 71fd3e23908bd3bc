/**
 * The words of a Word document's XML, read with a streaming parser (saxes: no DTD, no external entities,
 * no recursion, so deep nesting and XXE are harmless). Paragraphs and tables come out in order; a
 * check-box content control becomes ☑ or □ in the text where it stands.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export interface DocxParagraph {
  kind: 'paragraph';
  text: string;
}

export interface DocxTable {
  kind: 'table';
  rows: string[][];
}

export type DocxBlock = DocxParagraph | DocxTable;

export const CHECKED = '☑';
export const UNCHECKED = '□';

/** Characters that only steer where a line may break: zero-width space, word joiner. */
const LINE_BREAK_HINTS = /[\u200b\u2060]/gu;

/** Paragraphs and tables of word/document.xml. Nested tables are read as their cell's text. */
export function readDocumentXml(xml: string): DocxBlock[] {
  const blocks: DocxBlock[] = [];
  let paragraph: string | null = null;
  let tableDepth = 0;
  let table: DocxTable | null = null;
  let row: string[] | null = null;
  let cell: string[] | null = null;
  let inText = false;
  let checkbox: { checked: boolean; depth: number } | null = null;
  let sdtDepth = 0;

  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    switch (tag.name) {
      case 'w:p':
        paragraph = '';
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
        if (paragraph !== null) paragraph += ' ';
        break;
      case 'w:br':
        if (paragraph !== null) paragraph += '\n';
        break;
      case 'w:tbl':
        tableDepth += 1;
        if (tableDepth === 1) table = { kind: 'table', rows: [] };
        break;
      case 'w:tr':
        if (tableDepth === 1) row = [];
        break;
      case 'w:tc':
        if (tableDepth === 1) cell = [];
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
  parser.on('text', (text) => {
    // Zero-width spaces and word joiners only steer line breaks (gongwen's own documents carry them).
    if (inText && paragraph !== null && !checkbox) paragraph += text.replace(LINE_BREAK_HINTS, '');
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    switch (tag.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:sdt':
        if (checkbox?.depth === sdtDepth) {
          if (paragraph !== null) paragraph += checkbox.checked ? CHECKED : UNCHECKED;
          checkbox = null;
        }
        sdtDepth -= 1;
        break;
      case 'w:p':
        if (paragraph !== null) {
          if (cell) cell.push(paragraph);
          else if (tableDepth === 0) blocks.push({ kind: 'paragraph', text: paragraph });
        }
        paragraph = null;
        break;
      case 'w:tc':
        if (tableDepth === 1 && cell && row) row.push(cell.join('\n').trim());
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
export function readCustomProperties(xml: string): Map<string, string> {
  const properties = new Map<string, string>();
  let name: string | null = null;
  let value = '';
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (tag.name === 'property') {
      name = String(tag.attributes['name'] ?? '');
      value = '';
    }
  });
  parser.on('text', (text) => {
    if (name !== null) value += text;
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (tag.name === 'property' && name !== null) {
      properties.set(name, value.trim());
      name = null;
    }
  });
  parser.write(xml).close();
  return properties;
}
