/**
 * A PDF through PDFium (the PDF engine of Chromium, built to WebAssembly in @hyzyla/pdfium): each character
 * of its text layer where it stands, and the ruling lines it draws, laid out again by readers/layout-lines.ts
 * into paragraphs and tables. A PDF without a text layer (a scan) is `scanned`.
 *
 * PDFium gives each character its own position and advance, and reads text without translating the embedded
 * fonts for drawing (pdf.js, used before, turned every embedded font into OpenType, and a returned PDF cost
 * four times a .docx). One PDFium instance serves every file a command reads.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { PDFiumModule } from '@hyzyla/pdfium';
import type { SourceDocument } from '../model/document.js';
import { scan } from './formats.js';
import { blocksOfPages, mayHoldTable, type Glyph, type PageLayout, type Rule } from './layout-lines.js';
import { ReadProblem } from './problem.js';

const MAX_PAGES = 200;
const DAMAGED = 'PDF 文件已损坏，无法读取';

/**
 * The functions of PDFium's C API this reader calls (fpdfview.h, fpdf_text.h, fpdf_edit.h), as the WebAssembly
 * exports themselves; handles and pointers are numbers. (The module's `_FPDF…` wrappers check their arguments in
 * JavaScript on every call: the bench’s 复函, some 3,000 calls for its 482 characters, took 0.5–0.9 ms a file
 * through them and 0.1 ms without.)
 */
interface PdfiumExports {
  FPDF_InitLibrary(): void;
  FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  FPDF_GetLastError(): number;
  FPDF_CloseDocument(document: number): void;
  FPDF_GetPageCount(document: number): number;
  FPDF_LoadPage(document: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDF_GetPageBoundingBox(page: number, rect: number): number;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(textPage: number): void;
  FPDFText_CountChars(textPage: number): number;
  FPDFText_GetUnicode(textPage: number, index: number): number;
  FPDFText_IsGenerated(textPage: number, index: number): number;
  FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  FPDFText_GetFontSize(textPage: number, index: number): number;
  FPDFText_GetMatrix(textPage: number, index: number, matrix: number): number;
  FPDFPage_CountObjects(page: number): number;
  FPDFPage_GetObject(page: number, index: number): number;
  FPDFPageObj_GetType(object: number): number;
  FPDFPageObj_GetMatrix(object: number, matrix: number): number;
  FPDFFormObj_CountObjects(form: number): number;
  FPDFFormObj_GetObject(form: number, index: number): number;
  FPDFPath_CountSegments(path: number): number;
  FPDFPath_GetPathSegment(path: number, index: number): number;
  FPDFPath_GetDrawMode(path: number, fillMode: number, stroke: number): number;
  FPDFPathSegment_GetPoint(segment: number, x: number, y: number): number;
  FPDFPathSegment_GetType(segment: number): number;
  FPDFPathSegment_GetClose(segment: number): number;
  malloc(size: number): number;
  free(pointer: number): void;
}

/** PDFium's module: its exports, and views of its memory (made again whenever the memory grows). */
interface Pdfium {
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  HEAPF32: Float32Array;
  HEAPF64: Float64Array;
  wasmExports: PdfiumExports;
}

// fpdfview.h, fpdf_edit.h
const ERROR_PASSWORD = 4;
const OBJECT_PATH = 2;
const OBJECT_FORM = 5;
const SEGMENT_LINETO = 0;
const SEGMENT_MOVETO = 2;

let code: WebAssembly.Module | null = null;
let instance: Promise<Pdfium> | null = null;

/**
 * PDFium's WebAssembly, compiled once per process, and kept to V8's baseline compiler (Liftoff): V8 would by
 * default compile each function that has run a while a second time with its optimizing compiler (TurboFan), in
 * the background. PDFium's functions are large; on this machine's two cores those compiles were most of what a
 * returned PDF cost, and the code they give pays them back only after hundreds of files. Reading the bench's
 * two-page 复函 30 times in one process (Node 20): first file 157–257 ms, each further 19–27 ms with tiering up;
 * 42–55 ms and 5.5–7 ms without; over 300 files 5.8 ms against 6.3 ms. `gongwen track` over 30 such PDFs went
 * from 1.8–2.3× the cost of 30 .docx forms to 1.24–1.3× (`npm run bench`, before and after in turn), peak memory
 * from 104 to 83 MB; `gongwen parse` of the sample letter's PDF from 1.0 s to 0.6 s.
 * `--liftoff-only` is read when a module is compiled (the module keeps it): it is set only around this one
 * synchronous compile and switched off right after, and PDFium is the only WebAssembly gongwen runs. Switching it
 * off does not give V8 back every flag it implied: its flag hash stays changed for the rest of the process, so a
 * V8 code cache made after a PDF was read is refused by a fresh Node (the build makes its caches without reading
 * a PDF, scripts/build.js), and the program's own code is always compiled before any PDF is read.
 */
function pdfiumCode(): WebAssembly.Module {
  if (code) return code;
  const bytes = readFileSync(createRequire(import.meta.url).resolve('@hyzyla/pdfium/pdfium.wasm'));
  setFlagsFromString('--liftoff-only');
  try {
    code = new WebAssembly.Module(bytes);
  } finally {
    setFlagsFromString('--no-liftoff-only');
  }
  return code;
}

/**
 * Emscripten's start of PDFium, given the instance to run: its runtime calls `instantiateWasm` with the imports and
 * takes the instance through `receive` (the package declares a module there; the runtime reads an instance).
 */
const startPdfium = PDFiumModule as unknown as (options: {
  instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void): WebAssembly.Exports;
}) => Promise<Pdfium>;

/** PDFium, started once: an instance of its compiled code, with a memory of its own. */
function pdfium(): Promise<Pdfium> {
  instance ??= startPdfium({
    instantiateWasm(imports, receive) {
      const started = new WebAssembly.Instance(pdfiumCode(), imports);
      receive(started);
      return started.exports;
    },
  }).then((module) => {
    module.wasmExports.FPDF_InitLibrary();
    return module;
  });
  return instance;
}

export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  const module = await pdfium();
  let pages: PageLayout[];
  try {
    pages = readPages(module, bytes);
  } catch (error) {
    if (error instanceof ReadProblem) throw error;
    // A file that made PDFium fail may have left it in any state: the next file gets a new one.
    instance = null;
    throw new ReadProblem(DAMAGED);
  }
  if (pages.every((page) => page.glyphs.every((glyph) => glyph.text.trim() === ''))) return scan('pdf');
  return { format: 'pdf', encoding: 'pdf', blocks: blocksOfPages(pages), properties: {}, embedded: [], scanned: false };
}

function readPages(module: Pdfium, bytes: Uint8Array): PageLayout[] {
  const api = module.wasmExports;
  const { malloc, free } = api;
  const data = malloc(Math.max(bytes.length, 1));
  // Room for what PDFium writes back: a rectangle or matrix of floats, or two doubles.
  const scratch = malloc(32);
  try {
    if (!data || !scratch) throw new ReadProblem('PDF 文件太大，无法读取');
    module.HEAPU8.set(bytes, data);
    const document = api.FPDF_LoadMemDocument(data, bytes.length, 0);
    if (!document) {
      throw new ReadProblem(api.FPDF_GetLastError() === ERROR_PASSWORD ? '文件设有密码，请对方去掉密码后重新发送' : DAMAGED);
    }
    try {
      const pages: PageLayout[] = [];
      for (let index = 0; index < Math.min(api.FPDF_GetPageCount(document), MAX_PAGES); index++) {
        const page = api.FPDF_LoadPage(document, index);
        if (!page) throw new ReadProblem(DAMAGED);
        try {
          pages.push(pageLayout(module, page, scratch));
        } finally {
          api.FPDF_ClosePage(page);
        }
      }
      return pages;
    } finally {
      api.FPDF_CloseDocument(document);
    }
  } finally {
    free(scratch);
    free(data);
  }
}

function pageLayout(module: Pdfium, page: number, scratch: number): PageLayout {
  const api = module.wasmExports;
  api.FPDF_GetPageBoundingBox(page, scratch);
  const [left, top, right, bottom] = [0, 1, 2, 3].map((index) => float(module, scratch, index)) as [number, number, number, number];
  const glyphs = glyphsOf(module, page, scratch, left, top);
  // Ruling lines matter only where text stands apart as in a table's cells.
  const rules = mayHoldTable(glyphs) ? rulesOf(module, page, scratch, left, top) : [];
  return { width: right - left, height: top - bottom, glyphs, rules };
}

/** The float at `index` of those PDFium wrote at `pointer` (read in place: a page asks thousands). */
function float(module: Pdfium, pointer: number, index: number): number {
  return module.HEAPF32[(pointer >> 2) + index] ?? 0;
}

function double(module: Pdfium, pointer: number, index: number): number {
  return module.HEAPF64[(pointer >> 3) + index] ?? 0;
}

/** The characters the page draws, in page coordinates growing downwards (PDFium's own spaces and line breaks left out). */
function glyphsOf(module: Pdfium, page: number, scratch: number, left: number, top: number): Glyph[] {
  const api = module.wasmExports;
  const textPage = api.FPDFText_LoadPage(page);
  if (!textPage) return [];
  const glyphs: Glyph[] = [];
  try {
    const count = api.FPDFText_CountChars(textPage);
    for (let index = 0; index < count; index++) {
      if (api.FPDFText_IsGenerated(textPage, index)) continue;
      const code = api.FPDFText_GetUnicode(textPage, index);
      if (code < 0x20 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) continue;
      // The character's matrix: its angle (FPDFText_GetCharAngle is atan2(b, a) of it) and its scale.
      api.FPDFText_GetMatrix(textPage, index, scratch);
      const a = float(module, scratch, 0);
      const b = float(module, scratch, 1);
      const c = float(module, scratch, 2);
      const d = float(module, scratch, 3);
      // Rotated text (a stamp, a margin note) is not part of the letter's lines.
      if (Math.abs(Math.sin(Math.atan2(b, a))) > 0.1) continue;
      api.FPDFText_GetCharOrigin(textPage, index, scratch, scratch + 8);
      const x = double(module, scratch, 0);
      const y = double(module, scratch, 1);
      api.FPDFText_GetLooseCharBox(textPage, index, scratch);
      const width = Math.max(float(module, scratch, 2) - float(module, scratch, 0), 0);
      const size = api.FPDFText_GetFontSize(textPage, index) * (Math.hypot(c, d) || 1);
      glyphs.push({ text: String.fromCodePoint(code), x: x - left, y: top - y, width, size: size || 10 });
    }
  } finally {
    api.FPDFText_ClosePage(textPage);
  }
  return glyphs;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/**
 * Horizontal and vertical ruling lines drawn on the page (table borders): stroked segments and thin
 * filled rectangles, inside forms too, with their transformations applied.
 */
function rulesOf(module: Pdfium, page: number, scratch: number, left: number, top: number): Rule[] {
  const api = module.wasmExports;
  const rules: Rule[] = [];
  const segment = (ax: number, ay: number, bx: number, by: number): void => {
    if (Math.abs(ay - by) < 1.5 && Math.abs(ax - bx) > 3) rules.push({ direction: 'horizontal', at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) < 1.5 && Math.abs(ay - by) > 3) rules.push({ direction: 'vertical', at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
  };
  const visit = (object: number, outer: Matrix): void => {
    const type = api.FPDFPageObj_GetType(object);
    if (type !== OBJECT_PATH && type !== OBJECT_FORM) return;
    api.FPDFPageObj_GetMatrix(object, scratch);
    const matrix = multiply([0, 1, 2, 3, 4, 5].map((index) => float(module, scratch, index)) as Matrix, outer);
    if (type === OBJECT_FORM) {
      for (let index = 0; index < api.FPDFFormObj_CountObjects(object); index++) visit(api.FPDFFormObj_GetObject(object, index), matrix);
      return;
    }
    api.FPDFPath_GetDrawMode(object, scratch, scratch + 4);
    const stroked = module.HEAP32[(scratch + 4) >> 2] !== 0;
    const point = (x: number, y: number): [number, number] => [
      matrix[0] * x + matrix[2] * y + matrix[4] - left,
      top - (matrix[1] * x + matrix[3] * y + matrix[5]),
    ];
    const subpaths = subpathsOf(module, object, scratch);
    for (const subpath of subpaths) {
      const corners = rectangle(subpath.points);
      if (corners) {
        const [x, y, x2, y2] = corners;
        // A thin rectangle is a ruling line (Word draws borders so); a larger one stroked alone is a box's four sides.
        if (Math.abs(y2 - y) < 1.5) segment(...point(x, (y + y2) / 2), ...point(x2, (y + y2) / 2));
        else if (Math.abs(x2 - x) < 1.5) segment(...point((x + x2) / 2, y), ...point((x + x2) / 2, y2));
        else if (subpaths.length === 1 && stroked && subpath.closed) {
          segment(...point(x, y), ...point(x2, y));
          segment(...point(x, y2), ...point(x2, y2));
          segment(...point(x, y), ...point(x, y2));
          segment(...point(x2, y), ...point(x2, y2));
        }
        continue;
      }
      subpath.lines.forEach(([from, to]) => segment(...point(...from), ...point(...to)));
    }
  };
  for (let index = 0; index < api.FPDFPage_CountObjects(page); index++) visit(api.FPDFPage_GetObject(page, index), IDENTITY);
  return rules;
}

type Point = [number, number];
interface Subpath {
  points: Point[];
  closed: boolean;
  lines: Array<[Point, Point]>;
}

/** A path's subpaths in its own coordinates: their points, and the straight segments drawn between them. */
function subpathsOf(module: Pdfium, path: number, scratch: number): Subpath[] {
  const api = module.wasmExports;
  const subpaths: Subpath[] = [];
  let current: Subpath | null = null;
  let last: Point = [0, 0];
  for (let index = 0; index < api.FPDFPath_CountSegments(path); index++) {
    const segment = api.FPDFPath_GetPathSegment(path, index);
    api.FPDFPathSegment_GetPoint(segment, scratch, scratch + 4);
    const x = float(module, scratch, 0);
    const y = float(module, scratch, 1);
    const type = api.FPDFPathSegment_GetType(segment);
    if (type === SEGMENT_MOVETO || !current) {
      current = { points: [[x, y]], closed: false, lines: [] };
      subpaths.push(current);
    } else {
      current.points.push([x, y]);
      if (type === SEGMENT_LINETO) current.lines.push([last, [x, y]]);
    }
    if (api.FPDFPathSegment_GetClose(segment) || (current.points.length > 1 && x === current.points[0]?.[0] && y === current.points[0]?.[1])) current.closed = true;
    last = [x, y];
  }
  return subpaths;
}

/** The corners (x, y, x2, y2) of a closed subpath that is an upright rectangle (`re`, or four lines drawn so). */
function rectangle(points: Point[]): [number, number, number, number] | null {
  const corners = points.length === 5 && points[4]?.[0] === points[0]?.[0] && points[4]?.[1] === points[0]?.[1] ? points.slice(0, 4) : points;
  if (corners.length !== 4) return null;
  const xs = [...new Set(corners.map(([x]) => x))];
  const ys = [...new Set(corners.map(([, y]) => y))];
  if (xs.length > 2 || ys.length > 2) return null;
  for (let index = 0; index < 4; index++) {
    const [ax, ay] = corners[index] as Point;
    const [bx, by] = corners[(index + 1) % 4] as Point;
    if (ax !== bx && ay !== by) return null;
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}
