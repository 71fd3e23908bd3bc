/**
 * OFD (GB/T 33190, 版式文档: what 数科, 福昕 and 书生 readers save): a zip of XML. OFD.xml names each
 * document's Document.xml, which lists its pages (Pages/Page_N/Content.xml), template pages and annotation
 * layers. Every TextObject gives its glyphs' positions (TextCode X Y, DeltaX/DeltaY, Boundary, CTM) and every
 * PathObject its lines, in millimetres from the page's top left; they are laid out again by the same code as
 * a PDF's (readers/layout-lines.ts). XML is read by saxes, which knows no DTD: an OFD declaring one (an XXE
 * attempt) is refused with its reason. Parts are read through readers/zip.ts and its caps.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { SourceDocument } from '../model/document.js';
import { scan } from './formats.js';
import { blocksOfPages, type Glyph, type PageLayout, type Rule } from './layout-lines.js';
import { ReadProblem } from './problem.js';
import { listEntries, readEntry, type ZipEntry } from './zip.js';

const MAX_PAGES = 200;
/** Millimetres to points, so that the layout's tolerances mean the same as for a PDF. */
const POINTS_PER_MM = 72 / 25.4;
const A4: Box = { x: 0, y: 0, width: 210, height: 297 };

interface XmlElement {
  /** Local name, without the `ofd:` prefix. */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function readOfd(bytes: Uint8Array): Promise<SourceDocument> {
  const pages = readPages(new OfdPackage(bytes));
  if (pages.every((page) => page.glyphs.length === 0)) return scan('ofd');
  return { format: 'ofd', encoding: 'ofd', blocks: blocksOfPages(pages), properties: {}, embedded: [], scanned: false };
}

/** The parts of the zip by name; OFD writers differ in case and in leading slashes, so names are matched loosely. */
class OfdPackage {
  private readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly bytes: Uint8Array) {
    for (const entry of listEntries(bytes)) this.entries.set(looseName(entry.name), entry);
  }

  xml(path: string): XmlElement | null {
    const entry = this.entries.get(looseName(path));
    return entry ? parseXml(readEntry(this.bytes, entry)) : null;
  }
}

function looseName(path: string): string {
  return path.replace(/\\/gu, '/').replace(/^\/+/u, '').toLowerCase();
}

/** A location inside the package, relative to the folder of the file naming it, or absolute from its root. */
function resolve(folder: string, location: string): string {
  const parts = (location.startsWith('/') ? location : `${folder}${location}`).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function readPages(ofd: OfdPackage): PageLayout[] {
  const root = ofd.xml('OFD.xml');
  if (!root) throw new ReadProblem('OFD 文件不完整（缺少 OFD.xml）');
  const pages: PageLayout[] = [];
  for (const body of children(root, 'DocBody')) {
    const documentPath = resolve('', child(body, 'DocRoot')?.text.trim() ?? '');
    const document = documentPath ? ofd.xml(documentPath) : null;
    if (!document) throw new ReadProblem('OFD 文件不完整（找不到文档的 Document.xml）');
    const folder = folderOf(documentPath);
    const common = child(document, 'CommonData');
    const pageArea = boxOf(child(child(common, 'PageArea'), 'PhysicalBox')?.text) ?? A4;
    const templates = new Map<string, string>();
    for (const template of children(common, 'TemplatePage')) templates.set(template.attributes.ID ?? '', resolve(folder, template.attributes.BaseLoc ?? ''));
    const annotations = annotationFiles(ofd, folder, child(document, 'Annotations')?.text.trim());
    for (const page of children(child(document, 'Pages'), 'Page')) {
      if (pages.length >= MAX_PAGES) return pages;
      const path = resolve(folder, page.attributes.BaseLoc ?? '');
      const content = ofd.xml(path);
      if (!content) throw new ReadProblem(`OFD 文件不完整（缺少页面 ${path}）`);
      const area = boxOf(child(child(content, 'Area'), 'PhysicalBox')?.text) ?? pageArea;
      const layout: PageLayout = { width: area.width * POINTS_PER_MM, height: area.height * POINTS_PER_MM, glyphs: [], rules: [] };
      // Template pages (a letterhead, a form's printed labels) first, then the page, then its annotations.
      for (const template of children(content, 'Template')) {
        const templatePath = templates.get(template.attributes.TemplateID ?? '');
        const templateContent = templatePath ? ofd.xml(templatePath) : null;
        if (templateContent) collect(templateContent, { x: 0, y: 0 }, layout);
      }
      collect(content, { x: 0, y: 0 }, layout);
      for (const annotationPath of annotations.get(page.attributes.ID ?? '') ?? []) {
        const annotation = ofd.xml(annotationPath);
        for (const annot of annotation ? children(annotation, 'Annot') : []) {
          if (annot.attributes.Type === 'Watermark') continue;
          for (const appearance of children(annot, 'Appearance')) {
            const box = boxOf(appearance.attributes.Boundary);
            collect(appearance, { x: box?.x ?? 0, y: box?.y ?? 0 }, layout);
          }
        }
      }
      pages.push(layout);
    }
  }
  return pages;
}

/** The annotation files of each page, by the page's ID. */
function annotationFiles(ofd: OfdPackage, folder: string, location: string | undefined): Map<string, string[]> {
  const files = new Map<string, string[]>();
  if (!location) return files;
  const path = resolve(folder, location);
  const list = ofd.xml(path);
  for (const page of list ? children(list, 'Page') : []) {
    const file = child(page, 'FileLoc')?.text.trim();
    if (!file) continue;
    const id = page.attributes.PageID ?? '';
    files.set(id, [...(files.get(id) ?? []), resolve(folderOf(path), file)]);
  }
  return files;
}

/** Every text and path object under `element` (layers, page blocks), placed from `origin` (mm). */
function collect(element: XmlElement, origin: { x: number; y: number }, page: PageLayout): void {
  for (const node of element.children) {
    if (node.name === 'TextObject') page.glyphs.push(...glyphsOf(node, origin));
    else if (node.name === 'PathObject') page.rules.push(...rulesOf(node, origin));
    else if (node.name !== 'ImageObject' && node.name !== 'CompositeObject') collect(node, origin, page);
  }
}

type Matrix = [number, number, number, number, number, number];

function matrixOf(value: string | undefined): Matrix {
  const numbers = (value ?? '').trim().split(/\s+/u).map(Number);
  return numbers.length === 6 && numbers.every(Number.isFinite) ? (numbers as Matrix) : [1, 0, 0, 1, 0, 0];
}

/** A TextObject's glyphs in points: each TextCode starts at X Y (or where the last one ended) and steps by DeltaX. */
function glyphsOf(object: XmlElement, origin: { x: number; y: number }): Glyph[] {
  const boundary = boxOf(object.attributes.Boundary);
  if (!boundary) return [];
  const [a, b, c, d, e, f] = matrixOf(object.attributes.CTM);
  // Rotated text (a seal's ring, a margin note) is not part of the letter's lines.
  if (Math.abs(b) > Math.abs(a) * 0.1 || Math.abs(c) > Math.abs(d) * 0.1) return [];
  const textSize = Number(object.attributes.Size ?? '0');
  const size = textSize * Math.abs(d);
  if (!(size > 0)) return [];
  const glyphs: Glyph[] = [];
  let x = 0;
  let y = 0;
  for (const code of children(object, 'TextCode')) {
    if (code.attributes.X !== undefined) x = Number(code.attributes.X);
    if (code.attributes.Y !== undefined) y = Number(code.attributes.Y);
    // Line breaks and tabs inside a TextCode are the XML's indentation, not text (DeltaX does not count them).
    const characters = [...code.text.replace(/[\r\n\t]/gu, '')];
    const deltaX = deltas(code.attributes.DeltaX);
    const deltaY = deltas(code.attributes.DeltaY);
    characters.forEach((character, index) => {
      // The last glyph has no DeltaX: a Latin one is taken as half the type size wide, any other as the whole.
      const advance = deltaX[index] ?? (character.charCodeAt(0) < 0x2000 ? textSize / 2 : textSize);
      const pageX = origin.x + boundary.x + a * x + c * y + e;
      const pageY = origin.y + boundary.y + b * x + d * y + f;
      if (Number.isFinite(pageX) && Number.isFinite(pageY)) {
        glyphs.push({ text: character, x: pageX * POINTS_PER_MM, y: pageY * POINTS_PER_MM, width: Math.abs(a * advance) * POINTS_PER_MM, size: size * POINTS_PER_MM });
      }
      if (index < characters.length - 1) {
        x += deltaX[index] ?? advance;
        y += deltaY[index] ?? 0;
      } else {
        x += advance;
      }
    });
  }
  return glyphs;
}

/** DeltaX / DeltaY: numbers, where `g 5 3.5` stands for five times 3.5. */
function deltas(value: string | undefined): number[] {
  const tokens = (value ?? '').trim().split(/\s+/u).filter(Boolean);
  const result: number[] = [];
  for (let i = 0; i < tokens.length && result.length < 100_000; i++) {
    if (tokens[i] === 'g') {
      const count = Math.min(Number(tokens[i + 1]), 100_000);
      const step = Number(tokens[i + 2]);
      for (let n = 0; n < count; n++) result.push(step);
      i += 2;
    } else {
      result.push(Number(tokens[i]));
    }
  }
  return result.map((number) => (Number.isFinite(number) ? number : 0));
}

/**
 * A PathObject's ruling lines in points: its straight segments (M/S then L), or the whole path when it is a
 * thin filled rectangle (how OFD writers draw a table's borders).
 */
function rulesOf(object: XmlElement, origin: { x: number; y: number }): Rule[] {
  const boundary = boxOf(object.attributes.Boundary);
  const data = child(object, 'AbbreviatedData')?.text;
  if (!boundary || !data) return [];
  const [a, b, c, d, e, f] = matrixOf(object.attributes.CTM);
  const place = (x: number, y: number): [number, number] => [
    (origin.x + boundary.x + a * x + c * y + e) * POINTS_PER_MM,
    (origin.y + boundary.y + b * x + d * y + f) * POINTS_PER_MM,
  ];
  const tokens = data.trim().split(/\s+/u);
  const points: Array<[number, number]> = [];
  const segments: Array<[[number, number], [number, number]]> = [];
  let current: [number, number] | null = null;
  const operands: Record<string, number> = { M: 2, S: 2, L: 2, Q: 4, B: 6, A: 7, C: 0 };
  for (let i = 0; i < tokens.length; ) {
    const command = tokens[i] as string;
    const count = operands[command];
    if (count === undefined) {
      i += 1;
      continue;
    }
    const values = tokens.slice(i + 1, i + 1 + count).map(Number);
    i += 1 + count;
    if (command === 'C' || values.some((value) => !Number.isFinite(value))) continue;
    const end = place(values[count - 2] as number, values[count - 1] as number);
    if (command === 'L' && current) segments.push([current, end]);
    current = end;
    points.push(end);
  }
  const rules: Rule[] = [];
  if (points.length === 0) return rules;
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (bottom - top < 1.5 && right - left > 3) return [{ direction: 'horizontal', at: (top + bottom) / 2, from: left, to: right }];
  if (right - left < 1.5 && bottom - top > 3) return [{ direction: 'vertical', at: (left + right) / 2, from: top, to: bottom }];
  if (object.attributes.Stroke === 'false') return rules;
  for (const [[x1, y1], [x2, y2]] of segments) {
    if (Math.abs(y1 - y2) < 1.5 && Math.abs(x1 - x2) > 3) rules.push({ direction: 'horizontal', at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
    else if (Math.abs(x1 - x2) < 1.5 && Math.abs(y1 - y2) > 3) rules.push({ direction: 'vertical', at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
  }
  return rules;
}

function boxOf(value: string | undefined): Box | null {
  const numbers = (value ?? '').trim().split(/\s+/u).map(Number);
  if (numbers.length !== 4 || !numbers.every(Number.isFinite)) return null;
  const [x = 0, y = 0, width = 0, height = 0] = numbers;
  return { x, y, width, height };
}

function child(element: XmlElement | null | undefined, name: string): XmlElement | null {
  return element?.children.find((node) => node.name === name) ?? null;
}

function children(element: XmlElement | null | undefined, name: string): XmlElement[] {
  return element?.children.filter((node) => node.name === name) ?? [];
}

/** One XML part as a tree of elements with local names. A DOCTYPE (entities, XXE) is refused. */
function parseXml(bytes: Uint8Array): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const root: XmlElement = { name: '', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  parser.on('doctype', () => {
    throw new ReadProblem('OFD 文件内含有 DTD 声明（可能引用本机文件），为安全起见不予读取');
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const element: XmlElement = { name: localName(tag.name), attributes: {}, children: [], text: '' };
    for (const [name, value] of Object.entries(tag.attributes)) element.attributes[localName(name)] = String(value);
    stack.at(-1)?.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(new TextDecoder().decode(bytes)).close();
  } catch (error) {
    if (error instanceof ReadProblem) throw error;
    throw new ReadProblem('OFD 文件已损坏（XML 无法解析）');
  }
  const top = root.children[0];
  if (!top) throw new ReadProblem('OFD 文件已损坏（XML 为空）');
  return top;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
