/**
 * Plain-text reader (.txt, and text extracted from PDFs): the encoding is detected, and every non-blank line
 * becomes a paragraph positioned at its first character. Nothing is interpreted as Markdown: a line `2. …`
 * stays text. Joining lines that PDF extraction cut apart is a later pass (outline/repair), for every format.
 */
import type { ParagraphBlock, SourceDocument } from '../model/document.js';
import { decodeText, looksBinary } from './decode.js';
import { ReadProblem } from './problem.js';

export function readTextDocument(bytes: Uint8Array): SourceDocument {
  const decoded = decodeText(bytes);
  if (looksBinary(decoded)) throw new ReadProblem('这是二进制文件，不是文本');
  return { format: 'txt', encoding: decoded.encoding, blocks: linesOf(decoded.text), properties: {}, embedded: [], scanned: false };
}

/** Each non-blank line of `text` as a paragraph, numbered from `firstLine`. */
export function linesOf(text: string, firstLine = 1): ParagraphBlock[] {
  const paragraphs: ParagraphBlock[] = [];
  text.split(/\r\n?|\n/u).forEach((line, index) => {
    const content = line.trimEnd();
    const indent = content.length - content.trimStart().length;
    if (content.trim() === '') return;
    paragraphs.push({ kind: 'paragraph', runs: [{ text: content.slice(indent), start: { line: firstLine + index, column: indent + 1 } }] });
  });
  return paragraphs;
}
