/**
 * The fast path for many documents of one kind (issue 7). A template is laid out once per shape, with marks
 * in place of its values; each document is then that package with the marks replaced by its values in the
 * XML, and only the parts holding marks are compressed again. The bytes are those `directRenderer` gives for
 * the same data and date (test/writers/prepared.test.ts compares them on every recipient of real letters).
 *
 * A shape is whatever changes the layout beyond the characters of the text:
 * - which lists are empty (their repeated row disappears);
 * - the figures the layout draws from the width of values (the 信函 mark's size, whether the 署名 can be
 *   centred over its date: `Measure`): values of other widths that give the same figures share the layout,
 *   their marks padded to the width of the value laid out, so the layout draws the same figures from them;
 * - printed values that do not come out as they are (empty, white space at an end, holding □): these are laid
 *   out as they are, as part of the shape.
 * Data holding the marks' own characters, list items that are not plain text, and templates whose repeated
 * rows the marks cannot find are laid out from scratch.
 */
import { strFromU8 } from 'fflate';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { widthInCharacters } from '../docx/layout.js';
import { isPlainText, markdownToDocx, type DocumentParts, type Measure } from '../docx/markdown.js';
import { packDocx, sharedZipEntry, zipEntry, type ZipEntry } from '../docx/package.js';
import { escapeXml } from '../docx/wordml.js';
import { fillTemplate, oneLine, type TemplateData } from './fill.js';
import { HAS_MARK, MARK_CHARACTERS, MAX_MARKS, markAt, markIndex } from './marks.js';
import type { Template } from './load.js';
import { directRenderer, renderParts, type DocxRenderer } from './render.js';

/** What a mark stands for. */
type Slot = { kind: 'value'; name: string } | { kind: 'field'; list: string; field: string } | { kind: 'property'; name: string };

/** A mark (marks.ts) names its slot; it is padded to a width with these (1 and ½ wide). */
const FULL_PAD = '\uf8ff';
const HALF_PAD = '\u2e7f';
/** A mark with its padding. */
const MARK = /[\ue000-\uefff]\uf8ff*\u2e7f?/gu;
/** A mark as the measuring layout writes it, unpadded, for `split` (captured, so the marks are kept). */
const ONE_MARK = /([\ue000-\uefff])/u;

/** A part of a prepared package: the same for every document, or text with marks to fill. */
type PreparedPart = { path: string; entry: ZipEntry } | { path: string; pieces: Piece[] };
/** Text (kept as the bytes it is written as), a slot's value, or a table row repeated for each item of a list. */
type Piece = Uint8Array | { slot: number } | { list: string; row: Piece[] };

interface Shape {
  key: string;
  slots: Slot[];
  data: TemplateData;
  properties: Record<string, string>;
  /** This document's values as printed (`oneLine`), by name. */
  shown: Record<string, string>;
}

/** How a prepared renderer made its documents: packages laid out, documents patched, documents laid out whole. */
export interface PreparedCounts {
  packages: number;
  patched: number;
  direct: number;
}

/** Renders documents from prepared packages, dated `date`; falls back to laying out from scratch. */
export function preparedRenderer(date = new Date()): DocxRenderer & { counts: PreparedCounts } {
  const counts: PreparedCounts = { packages: 0, patched: 0, direct: 0 };
  const direct = directRenderer(date);
  const measuredByTemplate = new Map<Template, Map<string, Promise<Measured | null>>>();
  const packagesByTemplate = new Map<Template, Map<string, Promise<PreparedPart[] | null>>>();
  // The letter's values are the same in every document: each is made printable once, not once per document.
  const lastShown = new Map<string, { value: string; shown: string }>();
  const shownOnce = (name: string, value: string): string => {
    const last = lastShown.get(name);
    if (last?.value === value) return last.shown;
    const shown = oneLine(value);
    lastShown.set(name, { value, shown });
    return shown;
  };

  const render: DocxRenderer = async (template, data, properties) => {
    const names = namesOf(data, properties);
    const measured = preparable(data, properties) && (await cached(measuredByTemplate, template, names, () => measuredValues(template, data)));
    const shape = measured && shapeOf(names, data, properties, measured, shownOnce);
    const prepared =
      shape &&
      (await cached(packagesByTemplate, template, shape.key, () => {
        counts.packages++;
        return prepare(template, shape, date);
      }));
    if (!shape || !prepared) {
      counts.direct++;
      return direct(template, data, properties);
    }
    counts.patched++;
    return packDocx(prepared.map((part) => ('entry' in part ? part.entry : zipEntry(part.path, filled(part.pieces, shape, data, properties)))));
  };
  return Object.assign(render, { counts });
}

const encoder = new TextEncoder();

function cached<T>(byTemplate: Map<Template, Map<string, Promise<T>>>, template: Template, key: string, make: () => Promise<T>): Promise<T> {
  const byKey = byTemplate.get(template) ?? byTemplate.set(template, new Map()).get(template)!;
  const made = byKey.get(key) ?? make();
  byKey.set(key, made);
  return made;
}

/** Data the marks can stand in for: none of the marks' characters, and list items alike and plain. */
function preparable(data: TemplateData, properties: Record<string, string>): boolean {
  const texts = [...Object.values(data.values), ...Object.values(properties), ...Object.values(data.lists).flatMap((items) => items.flatMap(Object.values))];
  return texts.every((text) => !MARK_CHARACTERS.test(text)) && Object.values(data.lists).every((items) => items.every((item) => plainItemLike(item, items[0]!)));
}

/** An item with the first item's fields, each plain text (a repeated row is patched, never laid out again). */
function plainItemLike(item: Record<string, string>, first: Record<string, string>): boolean {
  return Object.keys(item).join('\n') === Object.keys(first).join('\n') && Object.values(item).every((value) => isPlainText(oneLine(value)));
}

/** The names a template is filled with: values, list fields (none for an empty list) and properties. */
function namesOf(data: TemplateData, properties: Record<string, string>): string {
  return JSON.stringify([Object.keys(data.values), Object.entries(data.lists).map(([list, items]) => [list, Object.keys(items[0] ?? {})]), Object.keys(properties)]);
}

/** What shapes a template's documents, found once per template and set of names. */
interface Measured {
  /** What the layout draws from the width of texts, each text cut at its values' marks (a value by its name). */
  measures: { texts: (string | { name: string })[][]; figure: Measure['figure'] }[];
  /** The values in those texts: their marks are as wide as they are. */
  widthMatters: Set<string>;
  /** The values the template prints anywhere: an empty one changes the layout, one not printed does not. */
  printed: Set<string>;
}

/** Filled with every value marked and turned into blocks (not laid out): what the layout measures, and where. */
async function measuredValues(template: Template, data: TemplateData): Promise<Measured | null> {
  const slots: Slot[] = [];
  const mark = (slot: Slot): string => markAt(slots.push(slot) - 1);
  const marked: TemplateData = {
    values: Object.fromEntries(Object.keys(data.values).map((name) => [name, mark({ kind: 'value', name })])),
    lists: Object.fromEntries(Object.entries(data.lists).map(([list, items]) => [list, items.slice(0, 1).map((item) => markedItem(list, item, mark))])),
  };
  let filled: Root;
  let blocks: DocumentParts;
  try {
    filled = fillTemplate(template.tree, marked);
    blocks = markdownToDocx(filled);
  } catch {
    return null; // laid out from scratch, which reports the template's mistake
  }
  if (slots.length > MAX_MARKS) return null;
  const nameAt = (found: string): string | null => {
    const slot = slots[markIndex(found)]!;
    return slot.kind === 'value' ? slot.name : null;
  };
  const printed = new Set([...toString(filled).matchAll(MARK)].flatMap(([found]) => nameAt(found) ?? []));
  const measures: Measured['measures'] = [];
  for (const { texts, figure } of blocks.measured) {
    const cut: Measured['measures'][number]['texts'] = [];
    for (const text of texts) {
      // Split at the marks (single characters here): text at even places, marks at odd ones.
      const pieces = text.split(ONE_MARK);
      // A list's field measured: no one shape holds every item.
      if (pieces.some((piece, index) => index % 2 === 1 && nameAt(piece) === null)) return null;
      cut.push(pieces.map((piece, index) => (index % 2 === 0 ? piece : { name: nameAt(piece)! })));
    }
    measures.push({ texts: cut, figure });
  }
  const widthMatters = new Set(measures.flatMap(({ texts }) => texts.flat().flatMap((piece) => (typeof piece === 'string' ? [] : [piece.name]))));
  return { measures, widthMatters, printed };
}

function markedItem(list: string, item: Record<string, string>, mark: (slot: Slot) => string): Record<string, string> {
  return Object.fromEntries(Object.keys(item).map((field) => [field, mark({ kind: 'field', list, field })]));
}

/**
 * The shape of this data: what it is laid out with (marks, and values as they are) and the key naming it. A
 * measured value's mark is as wide as the value, so the layout draws the same figures from it as from the value.
 */
function shapeOf(names: string, data: TemplateData, properties: Record<string, string>, measured: Measured, show: (name: string, value: string) => string): Shape | null {
  const slots: Slot[] = [];
  const key: unknown[] = [names];
  const mark = (slot: Slot, width = 1): string => markOf(slots.push(slot) - 1, width);
  const shownValues: Record<string, string> = {};
  const values = Object.fromEntries(
    Object.entries(data.values).map(([name, value]) => {
      const shown = show(name, value);
      shownValues[name] = shown;
      const width = measured.widthMatters.has(name) ? widthInCharacters(shown) : 1;
      // Every value has its slot, used or not, so that the marks are numbered alike in every document of a shape.
      const slot = slots.push({ kind: 'value', name }) - 1;
      if (!isPlainText(shown) || width < 1) {
        if (measured.printed.has(name)) key.push(['as is', name, shown]);
        return [name, shown];
      }
      return [name, markOf(slot, width)];
    }),
  );
  measured.measures.forEach(({ texts, figure }, index) => {
    key.push(['figure', index, figure(texts.map((pieces) => pieces.map((piece) => (typeof piece === 'string' ? piece : shownValues[piece.name]!)).join('')))]);
  });
  const lists = Object.fromEntries(
    Object.entries(data.lists).map(([list, items]) => {
      key.push(['items', list, items.length > 0]);
      return [list, items.slice(0, 1).map((item) => markedItem(list, item, mark))];
    }),
  );
  const markedProperties = Object.fromEntries(
    Object.entries(properties).map(([name, value]) => {
      if (value !== '') return [name, mark({ kind: 'property', name })];
      key.push(['as is', name, value]);
      return [name, value];
    }),
  );
  if (slots.length > MAX_MARKS) return null;
  return { key: JSON.stringify(key), slots, data: { values, lists }, properties: markedProperties, shown: shownValues };
}

/** The package of a shape: parts without marks compressed once, the others cut into pieces at the marks. */
async function prepare(template: Template, shape: Shape, date: Date): Promise<PreparedPart[] | null> {
  const parts = await renderParts(template, shape.data, shape.properties, date).catch(() => null);
  if (parts === null) return null;
  const prepared: PreparedPart[] = [];
  for (const [path, bytes] of parts) {
    const text = strFromU8(bytes);
    if (!HAS_MARK.test(text)) {
      prepared.push({ path, entry: sharedZipEntry(path, bytes) });
      continue;
    }
    const pieces = piecesOf(text, shape);
    if (pieces === null) return null;
    prepared.push({ path, pieces });
  }
  return prepared;
}

/** A table row that repeats on every page: the first row only, so it cannot be repeated per item. */
const HEADING_ROW = /<w:tblHeader(?! w:val="(?:off|false|0)")/u;

/** Text cut at its marks; each list's marks must lie in one table row (not a heading row), which repeats. */
function piecesOf(text: string, shape: Shape): Piece[] | null {
  const fieldMarks = [...text.matchAll(MARK)].flatMap((found) => {
    const slot = shape.slots[markIndex(found[0])]!;
    return slot.kind === 'field' ? [{ index: found.index, list: slot.list }] : [];
  });
  const rows: { list: string; start: number; end: number }[] = [];
  for (const list of Object.keys(shape.data.lists)) {
    const marks = fieldMarks.filter((mark) => mark.list === list);
    if (marks.length === 0) continue;
    const first = marks[0]!.index;
    const last = marks.at(-1)!.index;
    const start = text.lastIndexOf('<w:tr>', first);
    const end = text.indexOf('</w:tr>', first) + '</w:tr>'.length;
    // A list repeated as a paragraph has its marks in no row: that document is laid out from scratch.
    const inRow = start !== -1 && text.indexOf('</w:tr>', start) > first;
    if (!inRow || end < last || HEADING_ROW.test(text.slice(start, end))) return null;
    rows.push({ list, start, end });
  }
  rows.sort((a, b) => a.start - b.start);
  const pieces: Piece[] = [];
  let at = 0;
  for (const row of rows) {
    if (row.start < at) return null;
    pieces.push(...markPieces(text.slice(at, row.start)));
    pieces.push({ list: row.list, row: markPieces(text.slice(row.start, row.end)) });
    at = row.end;
  }
  pieces.push(...markPieces(text.slice(at)));
  // A field mark outside its row would have no item to take its value from.
  const loose = pieces.some((piece) => typeof piece === 'object' && 'slot' in piece && shape.slots[piece.slot]!.kind === 'field');
  return loose ? null : pieces;
}

/** The mark of a slot, padded to a width (in characters, halves included). */
function markOf(slot: number, width: number): string {
  const whole = Math.floor(width);
  return markAt(slot) + FULL_PAD.repeat(whole - 1) + (width > whole ? HALF_PAD : '');
}

function markPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  const pushText = (part: string): void => void (part !== '' && pieces.push(encoder.encode(part)));
  let at = 0;
  for (const found of text.matchAll(MARK)) {
    pushText(text.slice(at, found.index));
    pieces.push({ slot: markIndex(found[0]) });
    at = found.index + found[0].length;
  }
  pushText(text.slice(at));
  return pieces;
}

/** A prepared part's bytes with this document's values, escaped as wordml.ts escapes text. */
function filled(pieces: Piece[], shape: Shape, data: TemplateData, properties: Record<string, string>): Uint8Array {
  const chunks: Uint8Array[] = [];
  fill(pieces, shape, data, properties, chunks);
  return Buffer.concat(chunks);
}

function fill(pieces: Piece[], shape: Shape, data: TemplateData, properties: Record<string, string>, chunks: Uint8Array[], item?: Record<string, string>): void {
  for (const piece of pieces) {
    if (piece instanceof Uint8Array) {
      chunks.push(piece);
    } else if ('row' in piece) {
      for (const each of data.lists[piece.list]!) fill(piece.row, shape, data, properties, chunks, each);
    } else {
      const slot = shape.slots[piece.slot]!;
      const value = slot.kind === 'value' ? shape.shown[slot.name]! : slot.kind === 'field' ? oneLine(item![slot.field]!) : properties[slot.name]!;
      chunks.push(Buffer.from(escapeXml(value)));
    }
  }
}
