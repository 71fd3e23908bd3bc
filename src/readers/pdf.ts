/**
 * The text layer of a PDF through pdf.js (its character maps ship with the package, so nothing is
 * fetched), laid out again from the glyphs' positions: pieces are put in reading order on each line, and
 * a line that runs to the right edge continues on the next unless that one is indented (a new paragraph).
 * A scanned PDF has no text layer and gives an empty string.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SourceDocument } from '../model/document.js';
import { scan } from './formats.js';
import { ReadProblem } from './problem.js';
import { linesOf as paragraphsOfText } from './txt.js';

const MAX_PAGES = 200;

interface Piece {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Line {
  text: string;
  start: number;
  end: number;
  size: number;
  /** Set per page: the line starts at the left margin, or runs to the right one. */
  atLeft?: boolean;
  full?: boolean;
}

/** A PDF as paragraphs, one per rebuilt line, numbered as lines of its text; no text layer is a scan. */
export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  let text: string;
  try {
    text = await readPdfText(bytes);
  } catch {
    throw new ReadProblem('PDF 文件已损坏或设有密码');
  }
  if (text.trim() === '') return scan('pdf');
  return { format: 'pdf', encoding: 'pdf', blocks: paragraphsOfText(text), properties: {}, embedded: [], scanned: false };
}

async function readPdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const document = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: `${join(root, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
    verbosity: 0,
  }).promise;
  try {
    const lines: Line[] = [];
    for (let number = 1; number <= Math.min(document.numPages, MAX_PAGES); number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const pieces: Piece[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [scaleX = 0, , , scaleY = 0, x = 0, y = 0] = item.transform as number[];
        pieces.push({ text: item.str, x, y, width: item.width, size: Math.abs(scaleY) || Math.abs(scaleX) || 10 });
      }
      lines.push(...withMargins(withoutPageNumber(linesOf(pieces))));
    }
    return paragraphsOf(lines).join('\n');
  } finally {
    await document.destroy();
  }
}

/** Pieces on the same baseline (within a third of the type size) make a line, read left to right. */
function linesOf(pieces: Piece[]): Line[] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Piece[][] = [];
  for (const piece of sorted) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (line && first && Math.abs(first.y - piece.y) <= first.size / 3) line.push(piece);
    else lines.push([piece]);
  }
  return lines.map((line) => {
    const ordered = line.sort((a, b) => a.x - b.x);
    const last = ordered.at(-1) as Piece;
    return {
      text: ordered.map((piece) => piece.text).join(''),
      start: ordered[0]?.x ?? 0,
      end: last.x + last.width,
      size: Math.max(...ordered.map((piece) => piece.size)),
    };
  });
}

/** GB/T 9704 page numbers (— 1 —) and bare numbers at the foot of a page are not text of the letter. */
function withoutPageNumber(lines: Line[]): Line[] {
  const last = lines.at(-1);
  return last && /^[—–-]?\s*\d{1,3}\s*[—–-]?$/u.test(last.text.trim()) ? lines.slice(0, -1) : lines;
}

function withMargins(lines: Line[]): Line[] {
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((line) => line.start));
  // Most full lines end at the right margin; a stray glyph placed past it must not move the margin.
  const ends = lines.map((line) => line.end).sort((a, b) => a - b);
  const right = ends[Math.floor(ends.length * 0.8)] ?? 0;
  return lines.map((line) => ({ ...line, atLeft: line.start - left < line.size / 2, full: right - line.end < line.size * 3.5 }));
}

/** Joins a line that reaches the right margin (within the few characters that line-breaking rules leave) to the next one when that one starts at the left margin. */
function paragraphsOf(lines: Line[]): string[] {
  const paragraphs: string[] = [];
  let joinNext = false;
  for (const line of lines) {
    if (joinNext && line.atLeft && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += line.text;
    else paragraphs.push(line.text);
    joinNext = line.full === true;
  }
  return paragraphs;
}
