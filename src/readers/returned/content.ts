/**
 * What a returned Word file says: our 意见反馈表 (its table, its 反馈单位, its 无意见 choice) or a unit's own
 * 复函 (its 署名, its numbered comments, or words such as 无修改意见).
 */
import type { Comment, ReturnedContent } from '../../model/reply.js';
import { MappedText } from '../../text/mapped.js';
import { DATE_LINE } from '../../text/dates.js';
import { normalizeText } from '../../text/normalize.js';
import { CHECKED, type DocxBlock } from './ooxml.js';

const SECRECY_MARKS = /(绝密|机密|秘密\s*★|工作秘密|内部资料)/gu;
const TICKED_NO_COMMENT = new RegExp(`[${CHECKED}☒√✓✔■▣●]\\s*无(?:修改)?意见`, 'u');
const NO_COMMENT_WORDS = /无(?:修改|不同|其他)?意见|没有(?:修改|不同)?意见|无异议/u;
const NUMBERED_ITEM = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.．、](?!\d)|（\d{1,2}）)/u;
/** Words in a comment that name the clause it is about: 第3条, 第三条, 任务3, 第二部分, （一）. */
const CLAUSE = /(第[一二三四五六七八九十百\d]+[条章节项部分]+|任务\s*\d+|第\d+项任务|[一二三四五六七八九十]+、[^，。；]{0,20}|（[一二三四五六七八九十]+）)/u;

export interface Properties {
  docNumber: string | null;
  recipientId: string | null;
  recipientName: string | null;
}

export function contentOfDocx(blocks: DocxBlock[], properties: Properties): ReturnedContent {
  const text = blocks.map((block) => (block.kind === 'paragraph' ? block.text : block.rows.flat().join('\n'))).join('\n');
  const secrecyMarks = secrecyMarksIn(text);
  const form = formTable(blocks);
  if (form || properties.recipientId) {
    const comments = form ? commentsOfTable(form) : [];
    return {
      kind: 'form',
      properties,
      namedUnit: labelled(blocks, '反馈单位'),
      title: firstParagraph(blocks),
      comments,
      noComment: comments.length === 0 && TICKED_NO_COMMENT.test(text),
      contentRead: true,
      secrecyMarks,
    };
  }
  return letterContent(blocks, properties, secrecyMarks);
}

/** Text read from a PDF (or a .txt): lines wrapped by the page are joined back into paragraphs. */
export function contentOfText(text: string, kind: 'letter' | 'pdf', properties: Properties): ReturnedContent {
  const paragraphs: string[] = [];
  for (const line of text.split('\n').map(normalizeLine).filter(Boolean)) {
    const previous = paragraphs.at(-1);
    if (previous !== undefined && !/[。：:；！？]$/u.test(previous) && !NUMBERED_ITEM.test(line) && !DATE_LINE.test(line.replace(/\s/gu, ''))) {
      paragraphs[paragraphs.length - 1] = previous + line;
    } else {
      paragraphs.push(line);
    }
  }
  const secrecyMarks = secrecyMarksIn(text);
  return { ...letterContent(paragraphs.map((paragraph) => ({ kind: 'paragraph', text: paragraph })), properties, secrecyMarks), kind };
}

/** A unit's own 复函: comments are its numbered items; 无修改意见 and the like mean no comment. */
function letterContent(blocks: DocxBlock[], properties: Properties, secrecyMarks: string[]): ReturnedContent {
  const paragraphs = blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text.trim()] : block.rows.flat())).filter(Boolean);
  const comments: Comment[] = paragraphs
    .filter((paragraph) => NUMBERED_ITEM.test(paragraph))
    .map((paragraph) => ({ clause: clauseOf(paragraph), original: null, suggestion: withoutNumber(paragraph), reason: null }));
  const body = paragraphs.join('\n');
  return {
    kind: 'letter',
    properties,
    namedUnit: labelled(blocks, '反馈单位') ?? signatureOf(paragraphs),
    title: paragraphs[0] ?? null,
    comments,
    noComment: comments.length === 0 && NO_COMMENT_WORDS.test(body),
    contentRead: true,
    secrecyMarks,
  };
}

/** PDF text puts spaces around numbers and between glyph runs: the letter normalisation removes them. */
function normalizeLine(line: string): string {
  return normalizeText(MappedText.at(line, { line: 1, column: 1 })).text;
}

function secrecyMarksIn(text: string): string[] {
  return [...new Set([...text.matchAll(SECRECY_MARKS)].map((match) => match[1]?.replace(/\s/gu, '') ?? ''))];
}

/** A numbered item's text without the reply's own number (一、 （一） 1.), which means nothing in a summary. */
function withoutNumber(paragraph: string): string {
  return paragraph.replace(NUMBERED_ITEM, '').trim() || paragraph;
}

/** The clause a comment refers to, from its own words, or null. */
export function clauseOf(text: string): string | null {
  const stripped = text.replace(NUMBERED_ITEM, '');
  return CLAUSE.exec(stripped)?.[1]?.trim() ?? null;
}

interface FormTable {
  rows: string[][];
  columns: { clause: number; original: number; suggestion: number; reason: number };
}

function formTable(blocks: DocxBlock[]): FormTable | null {
  for (const block of blocks) {
    if (block.kind !== 'table') continue;
    const headerIndex = block.rows.findIndex((row) => row.some((cell) => /修改意见|意见建议|具体意见/u.test(cell)));
    const header = block.rows[headerIndex];
    if (!header) continue;
    const find = (pattern: RegExp): number => header.findIndex((cell) => pattern.test(cell));
    return {
      rows: block.rows.slice(headerIndex + 1),
      columns: {
        clause: find(/条目|章节|条款|任务/u),
        original: find(/原文/u),
        suggestion: find(/修改意见|意见建议|具体意见/u),
        reason: find(/理由|依据/u),
      },
    };
  }
  return null;
}

function commentsOfTable({ rows, columns }: FormTable): Comment[] {
  const cell = (row: string[], index: number): string | null => (index >= 0 ? row[index]?.trim() || null : null);
  return rows
    .map((row) => ({
      clause: cell(row, columns.clause),
      original: cell(row, columns.original),
      suggestion: cell(row, columns.suggestion) ?? '',
      reason: cell(row, columns.reason),
    }))
    .filter((comment) => comment.suggestion !== '' && !/^无(?:修改)?意见。?$/u.test(comment.suggestion));
}

/** The value after a label such as 反馈单位, in a paragraph (反馈单位：…) or in the next table cell. */
function labelled(blocks: DocxBlock[], label: string): string | null {
  const inline = new RegExp(`${label}\\s*[：:]\\s*([^\\s　]+)`, 'u');
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const value = inline.exec(block.text)?.[1];
      if (value) return value;
      continue;
    }
    for (const row of block.rows) {
      const index = row.findIndex((cell) => cell.replace(/[\s：:]/gu, '') === label);
      const value = index >= 0 ? row.slice(index + 1).find((cell) => cell.trim() !== '') : undefined;
      if (value) return value.trim();
      const cellValue = row.map((cell) => inline.exec(cell)?.[1]).find(Boolean);
      if (cellValue) return cellValue;
    }
  }
  return null;
}

/** 署名: the line above the last date line. */
function signatureOf(paragraphs: string[]): string | null {
  for (let i = paragraphs.length - 1; i > 0; i--) {
    if (DATE_LINE.test((paragraphs[i] ?? '').replace(/\s/gu, ''))) {
      const signer = paragraphs[i - 1]?.replace(/\s/gu, '');
      return signer && signer.length <= 40 && !/[。，]/u.test(signer) ? signer : null;
    }
  }
  return null;
}

function firstParagraph(blocks: DocxBlock[]): string | null {
  const first = blocks.find((block) => block.kind === 'paragraph' && block.text.trim() !== '');
  return first?.kind === 'paragraph' ? first.text.trim() : null;
}
