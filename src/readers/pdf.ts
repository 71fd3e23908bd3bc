/**
 * A PDF through pdf.js (its character maps ship with the package, so nothing is fetched): the glyphs of its
 * text layer and the ruling lines it draws, laid out again by readers/layout-lines.ts into paragraphs and
 * tables. A PDF without a text layer (a scan) is `scanned`.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SourceDocument } from '../model/document.js';
import { scan } from './formats.js';
import { blocksOfPages, glyphsOfRun, mayHoldTable, type Glyph, type PageLayout, type Rule } from './layout-lines.js';
import { ReadProblem } from './problem.js';

const MAX_PAGES = 200;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  let pages: PageLayout[];
  try {
    pages = await readPages(bytes);
  } catch {
    throw new ReadProblem('PDF 文件已损坏或设有密码');
  }
  if (pages.every((page) => page.glyphs.every((glyph) => glyph.text.trim() === ''))) return scan('pdf');
  return { format: 'pdf', encoding: 'pdf', blocks: blocksOfPages(pages), properties: {}, embedded: [], scanned: false };
}

async function readPages(bytes: Uint8Array): Promise<PageLayout[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const document = await pdfjs.getDocument({
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
    const pages: PageLayout[] = [];
    for (let number = 1; number <= Math.min(document.numPages, MAX_PAGES); number++) {
      const page = await document.getPage(number);
      const [left = 0, bottom = 0, right = 0, top = 0] = page.view;
      const height = top - bottom;
      const glyphs = await glyphsOf(page, left, top);
      // Ruling lines matter only where text stands apart as in a table's cells (reading them costs a second parse).
      const rules = mayHoldTable(glyphs) ? await rulesOf(page, pdfjs.OPS, left, top) : [];
      pages.push({ width: right - left, height, glyphs, rules });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** The text layer's items split into glyphs, in page coordinates growing downwards. */
async function glyphsOf(page: PdfPage, left: number, top: number): Promise<Glyph[]> {
  const content = await page.getTextContent();
  const glyphs: Glyph[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform as number[];
    // Rotated text (a stamp, a margin note) is not part of the letter's lines.
    if (Math.abs(b) > Math.abs(a) * 0.1) continue;
    const size = Math.abs(d) || Math.abs(a) || 10;
    glyphs.push(...glyphsOfRun(item.str, x - left, top - y, item.width, size));
  }
  return glyphs;
}

type Matrix = [number, number, number, number, number, number];

/**
 * Horizontal and vertical ruling lines drawn on the page (table borders): stroked segments and thin
 * filled rectangles, with the current transformation applied.
 */
async function rulesOf(page: PdfPage, OPS: PdfJs['OPS'], left: number, top: number): Promise<Rule[]> {
  const list = await page.getOperatorList();
  const rules: Rule[] = [];
  let matrix: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const point = (x: number, y: number): [number, number] => [
    matrix[0] * x + matrix[2] * y + matrix[4] - left,
    top - (matrix[1] * x + matrix[3] * y + matrix[5]),
  ];
  const segment = (x1: number, y1: number, x2: number, y2: number): void => {
    const [ax, ay] = point(x1, y1);
    const [bx, by] = point(x2, y2);
    if (Math.abs(ay - by) < 1.5 && Math.abs(ax - bx) > 3) rules.push({ direction: 'horizontal', at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) < 1.5 && Math.abs(ay - by) > 3) rules.push({ direction: 'vertical', at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
  };
  list.fnArray.forEach((fn, index) => {
    const args = list.argsArray[index] as unknown[];
    if (fn === OPS.save) stack.push([...matrix]);
    else if (fn === OPS.restore) matrix = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) matrix = multiply(matrix, args as Matrix);
    else if (fn === OPS.constructPath) {
      const [ops, coordinates] = args as [number[], number[]];
      let at = 0;
      let current: [number, number] = [0, 0];
      for (const op of ops) {
        if (op === OPS.moveTo) {
          current = [coordinates[at] ?? 0, coordinates[at + 1] ?? 0];
          at += 2;
        } else if (op === OPS.lineTo) {
          const next: [number, number] = [coordinates[at] ?? 0, coordinates[at + 1] ?? 0];
          segment(current[0], current[1], next[0], next[1]);
          current = next;
          at += 2;
        } else if (op === OPS.rectangle) {
          const [x = 0, y = 0, w = 0, h = 0] = coordinates.slice(at, at + 4);
          at += 4;
          // A thin rectangle is a ruling line (Word draws borders so); a larger one is a box's four sides.
          if (Math.abs(h) < 1.5) segment(x, y + h / 2, x + w, y + h / 2);
          else if (Math.abs(w) < 1.5) segment(x + w / 2, y, x + w / 2, y + h);
          else if (ops.length === 1 && list.fnArray[index + 1] === OPS.stroke) {
            segment(x, y, x + w, y);
            segment(x, y + h, x + w, y + h);
            segment(x, y, x, y + h);
            segment(x + w, y, x + w, y + h);
          }
        } else if (op === OPS.curveTo) at += 6;
        else if (op === OPS.curveTo2 || op === OPS.curveTo3) at += 4;
      }
    }
  });
  return rules;
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}
