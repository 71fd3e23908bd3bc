/**
 * The body of a Word file (word/document.xml, or the comments of word/comments.xml) read by one streaming
 * pass into the block model, as a person sees it in Word with every tracked change accepted:
 * - numbering resolved into the paragraph's text (numbering.ts);
 * - `w:ins` / `w:moveTo` text kept, `w:del` / `w:moveFrom` text only in the paragraph's `original`, each
 *   change listed with its author and date; a paragraph deleted whole keeps no number (and stays, empty,
 *   for its original); one whose mark alone was deleted (or hidden) runs on into the next;
 * - fields show their result, never their code; hidden text (`w:vanish`), footnote marks, ruby guides and
 *   the grey placeholder of an empty content control are not read; `w:sym` glyphs of the symbol fonts,
 *   tabs, non-breaking hyphens and line breaks (`\n`) are;
 * - text boxes (and WordArt) are read once (the first of `mc:AlternateContent`'s choices, never its
 *   fallback too), their blocks placed after the paragraph they are anchored in;
 * - a table inside a table cell is read as that cell's paragraphs, in order;
 * - Word comments are attached to the paragraph where their range starts, with the words they cover.
 * Old formatting kept by a tracked formatting change (`w:pPrChange`, `w:rPrChange`…) is never read.
 */
import type { SaxesTagPlain } from 'saxes';
import { paragraphText, type DocumentBlock, type ParagraphBlock, type Revision, type ReviewComment, type TableBlock, type TableCell } from '../../model/document.js';
import type { Numbering, NumberingProperties, Styles } from './numbering.js';
import { attribute, readXml } from './xml.js';

export const CHECKED = '☑';
export const UNCHECKED = '□';

/** A comment's words, from word/comments.xml. */
export type CommentText = Omit<ReviewComment, 'anchor'>;

interface Paragraph {
  line: number;
  text: string;
  original: string;
  revisions: Revision[];
  /** False once unchanged text follows the last revision: the next change is a new one. */
  revisionOpen: boolean;
  comments: ReviewComment[];
  styleId: string | null;
  numbering: NumberingProperties;
  /** The paragraph mark's deletion (tracked), or null; a deleted or hidden mark joins the next paragraph. */
  markDeleted: Revision | null;
  markHidden: boolean;
  /** Text boxes anchored in this paragraph: placed after it. */
  after: DocumentBlock[];
}

interface TableFrame {
  kind: 'table';
  rows: TableCell[][];
  row: TableCell[] | null;
  rowDeleted: boolean;
  gridBefore: number;
  cell: TableCell | null;
}

type Container = { kind: 'blocks'; blocks: DocumentBlock[] } | TableFrame;

interface Change {
  kind: Revision['kind'];
  moved: boolean;
  author: string | null;
  date: string | null;
}

interface Field {
  showing: boolean;
  /** A legacy check-box form field (FORMCHECKBOX): ticked or not. */
  checkbox: boolean | null;
}

interface ContentControl {
  checkbox: boolean | null;
  placeholder: boolean;
}

/** Elements holding formatting, not text: inside them only the properties below are read. */
const PROPERTIES = new Set(['w:pPr', 'w:rPr', 'w:tblPr', 'w:trPr', 'w:tcPr', 'w:sectPr', 'w:tblPrEx', 'w:sdtPr', 'w:sdtEndPr', 'm:ctrlPr']);

/** Characters of the symbol fonts (`w:sym`, code F0xx) as Unicode. */
const SYMBOL_FONTS = new Map<string, ReadonlyMap<number, string>>([
  ['Wingdings', new Map([[0x6c, '●'], [0x6e, '■'], [0x6f, '□'], [0x71, '❑'], [0x9f, '•'], [0xa1, '○'], [0xa8, '□'], [0xfb, '✗'], [0xfc, '✓'], [0xfd, '☒'], [0xfe, '☑']])],
  ['Wingdings 2', new Map([[0x2a, '□'], [0x4f, '✗'], [0x50, '✓'], [0x52, '☑'], [0x54, '☒'], [0xa3, '□']])],
  ['Symbol', new Map([[0xb0, '°'], [0xb1, '±'], [0xb3, '≥'], [0xa3, '≤'], [0xb4, '×'], [0xb7, '•'], [0xae, '→'], [0xd6, '√']])],
]);

export class BodyReader {
  readonly #numbering: Numbering | null;
  readonly #styles: Styles | null;
  readonly #comments: ReadonlyMap<string, CommentText>;

  readonly #blocks: DocumentBlock[] = [];
  readonly #containers: Container[] = [{ kind: 'blocks', blocks: this.#blocks }];
  readonly #paragraphs: Paragraph[] = [];
  readonly #runs: { hidden: boolean; font: string | null }[] = [];
  readonly #changes: Change[] = [];
  readonly #fields: Field[] = [];
  readonly #controls: ContentControl[] = [];
  /** Open `mc:AlternateContent`: whether one of its choices has been read. */
  readonly #alternatives: boolean[] = [];
  /** Comment ranges open: their anchors grow with the text. */
  readonly #anchors = new Map<string, ReviewComment>();
  readonly #attached = new Set<string>();
  /** Comments whose range starts between paragraphs: attached to the next one. */
  #pendingComments: ReviewComment[] = [];
  readonly #joins: Joins = { next: new WeakMap(), labels: new WeakMap() };
  /** Names of the properties elements open (`w:pPr`, then `w:rPr` inside it). */
  readonly #properties: string[] = [];
  #skip = 0;
  #inText = false;
  #lineCount = 0;

  constructor(numbering: Numbering | null, styles: Styles | null, comments: ReadonlyMap<string, CommentText>) {
    this.#numbering = numbering;
    this.#styles = styles;
    this.#comments = comments;
  }

  /** Paragraphs and tables of word/document.xml, in order. */
  read(xml: string): DocumentBlock[] {
    readXml(xml, { open: (tag) => this.#open(tag), close: (tag) => this.#close(tag), text: (text) => this.#text(text) });
    return joinDeletedMarks(this.#blocks, this.#joins);
  }

  /** word/comments.xml: each comment's author, date and words (its paragraphs, one a line). */
  readComments(xml: string): Map<string, CommentText> {
    const comments = new Map<string, CommentText>();
    let comment: { id: string; author: string | null; date: string | null; start: number } | null = null;
    readXml(xml, {
      open: (tag) => {
        if (tag.name === 'w:comment' && this.#skip === 0) {
          comment = { id: attribute(tag, 'w:id') ?? '', author: attribute(tag, 'w:author'), date: attribute(tag, 'w:date'), start: this.#blocks.length };
        }
        this.#open(tag);
      },
      close: (tag) => {
        this.#close(tag);
        if (tag.name === 'w:comment' && comment) {
          const text = this.#blocks.slice(comment.start).flatMap(plainLines).join('\n').trim();
          comments.set(comment.id, { author: comment.author, date: comment.date, text });
          comment = null;
        }
      },
      text: (text) => this.#text(text),
    });
    return comments;
  }

  #open(tag: SaxesTagPlain): void {
    if (this.#skip > 0) {
      this.#skip += 1;
      return;
    }
    const name = tag.name;
    if (name.endsWith('Change') || name === 'w:rt' || !this.#alternativeChosen(name)) {
      this.#skip = 1;
      return;
    }
    if (this.#properties.length > 0 || PROPERTIES.has(name)) {
      this.#property(tag);
      return;
    }
    const paragraph = this.#paragraphs.at(-1);
    switch (name) {
      case 'w:p':
        this.#openParagraph();
        break;
      case 'w:r':
        this.#runs.push({ hidden: false, font: null });
        break;
      case 'w:t':
      case 'w:delText':
      case 'm:t':
        this.#inText = true;
        break;
      case 'w:tab':
      case 'w:ptab':
        this.#emit(' ');
        break;
      case 'w:br':
      case 'w:cr':
        this.#emit('\n');
        break;
      case 'w:noBreakHyphen':
        this.#emit('-');
        break;
      case 'w:sym':
        this.#emit(symbol(attribute(tag, 'w:font'), attribute(tag, 'w:char')));
        break;
      case 'w:ins':
      case 'w:moveTo':
      case 'w:del':
      case 'w:moveFrom':
        this.#changes.push({
          kind: name === 'w:ins' || name === 'w:moveTo' ? 'insertion' : 'deletion',
          moved: name.startsWith('w:move'),
          author: attribute(tag, 'w:author'),
          date: attribute(tag, 'w:date'),
        });
        break;
      case 'w:fldChar':
        this.#fieldChar(attribute(tag, 'w:fldCharType'));
        break;
      case 'w:checkBox':
        if (this.#fields.length > 0) (this.#fields.at(-1) as Field).checkbox = false;
        break;
      case 'w:default':
      case 'w:checked': {
        const field = this.#fields.at(-1);
        if (field && field.checkbox !== null && (name === 'w:checked' || field.checkbox === false)) field.checkbox = isOn(attribute(tag, 'w:val'));
        break;
      }
      case 'w:sdt':
        this.#controls.push({ checkbox: null, placeholder: false });
        break;
      case 'w:txbxContent':
        this.#containers.push({ kind: 'blocks', blocks: [] });
        break;
      case 'v:textpath': {
        // WordArt drawn as a shape: its words are an attribute.
        const words = attribute(tag, 'string');
        if (words && paragraph) paragraph.after.push({ kind: 'paragraph', runs: [{ text: words, start: { line: paragraph.line, column: 1 } }] });
        break;
      }
      case 'w:tbl':
        this.#containers.push({ kind: 'table', rows: [], row: null, rowDeleted: false, gridBefore: 0, cell: null });
        break;
      case 'w:tr': {
        const table = this.#table();
        if (table) Object.assign(table, { row: [], rowDeleted: false, gridBefore: 0 });
        break;
      }
      case 'w:tc': {
        const table = this.#table();
        if (table) table.cell = { paragraphs: [], columnSpan: 1, mergedAbove: false };
        break;
      }
      case 'w:commentRangeStart':
        this.#startComment(attribute(tag, 'w:id') ?? '', true);
        break;
      case 'w:commentRangeEnd': {
        const id = attribute(tag, 'w:id') ?? '';
        const comment = this.#anchors.get(id);
        if (comment) comment.anchor = comment.anchor.replace(/\n+$/u, '');
        this.#anchors.delete(id);
        break;
      }
      case 'w:commentReference':
        this.#startComment(attribute(tag, 'w:id') ?? '', false);
        break;
    }
  }

  #close(tag: SaxesTagPlain): void {
    if (this.#skip > 0) {
      this.#skip -= 1;
      return;
    }
    const name = tag.name;
    if (name === 'mc:AlternateContent') this.#alternatives.pop();
    if (this.#properties.length > 0) {
      if (this.#properties.at(-1) === name) this.#properties.pop();
      return;
    }
    switch (name) {
      case 'w:p':
        this.#closeParagraph();
        break;
      case 'w:r':
        this.#runs.pop();
        break;
      case 'w:t':
      case 'w:delText':
      case 'm:t':
        this.#inText = false;
        break;
      case 'w:ins':
      case 'w:moveTo':
      case 'w:del':
      case 'w:moveFrom':
        this.#changes.pop();
        break;
      case 'w:sdt': {
        const control = this.#controls.pop();
        if (control?.checkbox != null) this.#emit(control.checkbox ? CHECKED : UNCHECKED);
        break;
      }
      case 'w:txbxContent': {
        const box = this.#containers.pop();
        if (box?.kind === 'blocks') this.#place(box.blocks);
        break;
      }
      case 'w:tc': {
        const table = this.#table();
        if (table?.cell && table.row) table.row.push(table.cell);
        if (table) table.cell = null;
        break;
      }
      case 'w:tr': {
        const table = this.#table();
        if (table?.row && !table.rowDeleted) {
          // Columns skipped before the first cell keep the other cells under their headers.
          if (table.gridBefore > 0) table.row.unshift({ paragraphs: [], columnSpan: table.gridBefore, mergedAbove: false });
          table.rows.push(table.row);
        }
        if (table) table.row = null;
        break;
      }
      case 'w:tbl': {
        const table = this.#containers.pop();
        if (table?.kind === 'table') this.#deliver({ kind: 'table', rows: table.rows } satisfies TableBlock);
        break;
      }
    }
  }

  #text(characters: string): void {
    if (!this.#inText || this.#skip > 0) return;
    const font = this.#runs.at(-1)?.font ?? null;
    // A symbol font's characters typed as text (LibreOffice writes ☑ in Wingdings 2 so) read as their glyphs.
    const text = font !== null && SYMBOL_FONTS.has(font) ? characters.replace(/[\uf020-\uf0ff]/gu, (char) => symbol(font, char.charCodeAt(0).toString(16))) : characters;
    // Soft hyphens, zero-width spaces and word joiners only steer line breaks (gongwen's own documents carry them).
    this.#emit(text.replace(/[\u00ad\u200b\u2060]/gu, ''));
  }

  /** Properties of a paragraph, run, row or cell; a content control's kind. */
  #property(tag: SaxesTagPlain): void {
    const name = tag.name;
    const value = attribute(tag, 'w:val');
    const owner = this.#properties[0];
    if (PROPERTIES.has(name)) this.#properties.push(name);
    const paragraph = this.#paragraphs.at(-1);
    const inMark = owner === 'w:pPr' && this.#properties.includes('w:rPr');
    if (owner === 'w:pPr' && paragraph) {
      if (name === 'w:pStyle') paragraph.styleId = value;
      else if (name === 'w:ilvl') paragraph.numbering.level = Number(value) || 0;
      else if (name === 'w:numId') paragraph.numbering.numId = value;
      else if (inMark && (name === 'w:del' || name === 'w:moveFrom')) {
        paragraph.markDeleted = { kind: 'deletion', text: '\n', author: attribute(tag, 'w:author'), date: attribute(tag, 'w:date') };
      }
      else if (inMark && name === 'w:vanish') paragraph.markHidden = isOn(value);
    } else if (owner === 'w:rPr') {
      const run = this.#runs.at(-1);
      if (run && name === 'w:vanish') run.hidden = isOn(value);
      if (run && name === 'w:rFonts') run.font = attribute(tag, 'w:ascii') ?? attribute(tag, 'w:hAnsi');
    } else if (owner === 'w:trPr') {
      const table = this.#table();
      if (table && name === 'w:del') table.rowDeleted = true;
      if (table && name === 'w:gridBefore') table.gridBefore = Number(value) || 0;
    } else if (owner === 'w:tcPr') {
      const cell = this.#table()?.cell;
      if (cell && name === 'w:gridSpan') cell.columnSpan = Math.max(1, Number(value) || 1);
      if (cell && name === 'w:vMerge') cell.mergedAbove = value !== 'restart';
    } else if (owner === 'w:sdtPr') {
      const control = this.#controls.at(-1);
      if (control && name === 'w14:checkbox') control.checkbox = false;
      if (control && name === 'w14:checked' && control.checkbox !== null) control.checkbox = isOn(attribute(tag, 'w14:val'));
      if (control && name === 'w:showingPlcHdr') control.placeholder = isOn(value);
    }
  }

  #openParagraph(): void {
    this.#lineCount += 1;
    const paragraph: Paragraph = {
      line: this.#lineCount, text: '', original: '', revisions: [], revisionOpen: false, comments: this.#pendingComments,
      styleId: null, numbering: { numId: null, level: null }, markDeleted: null, markHidden: false, after: [],
    };
    this.#pendingComments = [];
    this.#paragraphs.push(paragraph);
  }

  #closeParagraph(): void {
    const paragraph = this.#paragraphs.pop();
    if (!paragraph) return;
    for (const comment of this.#anchors.values()) grow(comment, '\n');
    // The number is drawn with the paragraph mark: hidden with it, and gone with a paragraph deleted whole.
    // A paragraph whose mark is deleted (or hidden) joins the next one, numbered (or not) as that one is.
    const gone = paragraph.markHidden || paragraph.markDeleted !== null;
    const label = gone || !this.#numbering ? '' : this.#numbering.label(paragraph.numbering, paragraph.styleId);
    const block: ParagraphBlock = { kind: 'paragraph', runs: [{ text: label + paragraph.text, start: { line: paragraph.line, column: 1 } }] };
    if ((paragraph.markDeleted || paragraph.markHidden) && paragraph.text !== '') this.#joins.next.set(block, paragraph.markDeleted);
    if (label !== '') this.#joins.labels.set(block, label.length);
    const style = paragraph.styleId === null ? null : this.#styles?.name(paragraph.styleId) ?? null;
    if (style !== null) block.style = style;
    if (paragraph.revisions.length > 0) {
      block.original = (paragraph.original === '' ? '' : label) + paragraph.original;
      block.revisions = paragraph.revisions;
    }
    if (paragraph.comments.length > 0) block.comments = paragraph.comments;
    // A paragraph hidden whole is not seen; one deleted whole is kept (empty) for what it said before.
    if (!(paragraph.markHidden && paragraph.text === '' && paragraph.revisions.length === 0)) this.#deliver(block);
    for (const anchored of paragraph.after) this.#deliver(anchored);
  }

  /** Text as it reads with every change accepted, into the open paragraph (and the comment ranges open). */
  #emit(text: string): void {
    const paragraph = this.#paragraphs.at(-1);
    if (!paragraph || text === '' || this.#runs.at(-1)?.hidden) return;
    if (this.#fields.some((field) => !field.showing)) return;
    // A check box's own glyph run is replaced by ☑ or □ when the control closes.
    if (this.#controls.some((control) => control.placeholder || control.checkbox !== null)) return;
    const inserted = this.#changes.find((change) => change.kind === 'insertion');
    const deleted = this.#changes.find((change) => change.kind === 'deletion');
    if (inserted && deleted) return;
    if (!deleted) {
      paragraph.text += text;
      for (const comment of this.#anchors.values()) grow(comment, text);
    }
    if (!inserted) paragraph.original += text;
    const change = inserted ?? deleted;
    if (!change) {
      paragraph.revisionOpen = false;
      return;
    }
    const last = paragraph.revisions.at(-1);
    if (paragraph.revisionOpen && last && last.kind === change.kind && last.author === change.author && last.date === change.date) {
      last.text += text;
    } else {
      const revision: Revision = { kind: change.kind, text, author: change.author, date: change.date };
      if (change.moved) revision.moved = true;
      paragraph.revisions.push(revision);
    }
    paragraph.revisionOpen = true;
  }

  /** Of `mc:AlternateContent`'s choices and fallback, only the first is read. */
  #alternativeChosen(name: string): boolean {
    if (name === 'mc:AlternateContent') this.#alternatives.push(false);
    if (name !== 'mc:Choice' && name !== 'mc:Fallback') return true;
    if (this.#alternatives.at(-1) !== false) return false;
    this.#alternatives[this.#alternatives.length - 1] = true;
    return true;
  }

  /** A field shows its result (between `separate` and `end`), never its code. */
  #fieldChar(type: string | null): void {
    if (type === 'begin') {
      this.#fields.push({ showing: false, checkbox: null });
    } else if (type === 'separate') {
      const field = this.#fields.at(-1);
      if (field) field.showing = true;
    } else if (type === 'end') {
      const field = this.#fields.pop();
      if (field?.checkbox != null) this.#emit(field.checkbox ? CHECKED : UNCHECKED);
    }
  }

  #table(): TableFrame | null {
    const container = this.#containers.at(-1);
    return container?.kind === 'table' ? container : null;
  }

  /** A finished block into the container open: the body, a text box, or a table cell (a table flattened). */
  #deliver(block: DocumentBlock): void {
    const container = this.#containers.at(-1);
    if (container?.kind === 'blocks') container.blocks.push(block);
    else if (container?.cell) for (const paragraph of paragraphsOf(block)) container.cell.paragraphs.push(paragraph);
  }

  /** A text box's blocks: after the paragraph it is anchored in. */
  #place(blocks: DocumentBlock[]): void {
    const paragraph = this.#paragraphs.at(-1);
    for (const block of blocks) {
      if (paragraph) paragraph.after.push(block);
      else this.#deliver(block);
    }
  }

  /** A comment, attached where its range starts (or, with no range, where its mark stands). */
  #startComment(id: string, range: boolean): void {
    const words = this.#comments.get(id);
    if (!words || this.#attached.has(id)) return;
    this.#attached.add(id);
    const comment: ReviewComment = { ...words, anchor: '' };
    if (range) this.#anchors.set(id, comment);
    const paragraph = this.#paragraphs.at(-1);
    if (paragraph) paragraph.comments.push(comment);
    else this.#pendingComments.push(comment);
  }
}

/** What joining paragraphs needs to know of the blocks read. */
interface Joins {
  /**
   * Paragraphs whose mark is deleted (with that deletion) or hidden (null): with the changes accepted, or
   * as Word shows a hidden mark, they and the next paragraph are one.
   */
  next: WeakMap<ParagraphBlock, Revision | null>;
  /** How many characters at the start of a paragraph are its number. */
  labels: WeakMap<ParagraphBlock, number>;
}

/**
 * Joins each paragraph whose mark was deleted to the paragraph after it in the same list (body, text box
 * or cell), as Word does when the change is accepted: the words run on, the number and style are the
 * next paragraph's, the original keeps the two paragraphs on two lines.
 */
function joinDeletedMarks<T extends DocumentBlock>(blocks: T[], joins: Joins): T[] {
  const joined: T[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') {
      for (const row of block.rows) for (const cell of row) cell.paragraphs = joinDeletedMarks(cell.paragraphs, joins);
    }
    const previous = joined.at(-1);
    if (block.kind === 'paragraph' && previous?.kind === 'paragraph' && joins.next.has(previous)) {
      joined[joined.length - 1] = joinParagraphs(previous, block, joins) as T;
    } else {
      joined.push(block);
    }
  }
  return joined;
}

function joinParagraphs(first: ParagraphBlock, next: ParagraphBlock, joins: Joins): ParagraphBlock {
  const labelLength = joins.labels.get(next) ?? 0;
  const [head, ...rest] = next.runs;
  const runs = head
    ? [
        { text: head.text.slice(0, labelLength), start: head.start },
        ...first.runs,
        { text: head.text.slice(labelLength), start: { line: head.start.line, column: head.start.column + labelLength } },
        ...rest,
      ].filter((run) => run.text !== '')
    : first.runs;
  const block: ParagraphBlock = { kind: 'paragraph', runs };
  if (next.style !== undefined) block.style = next.style;
  const mark = joins.next.get(first);
  const revisions = [...(first.revisions ?? []), ...(mark ? [mark] : []), ...(next.revisions ?? [])];
  if (revisions.length > 0) {
    block.original = `${first.original ?? paragraphText(first)}\n${next.original ?? paragraphText(next)}`;
    block.revisions = revisions;
  }
  const comments = [...(first.comments ?? []), ...(next.comments ?? [])];
  if (comments.length > 0) block.comments = comments;
  if (labelLength > 0) joins.labels.set(block, labelLength);
  if (joins.next.has(next)) joins.next.set(block, joins.next.get(next) ?? null);
  return block;
}

/** An anchor as long as a comment's words need: a range over pages is cut, marked with …. */
const MAX_ANCHOR = 2000;

function grow(comment: ReviewComment, text: string): void {
  if (comment.anchor.length >= MAX_ANCHOR) return;
  const anchor = comment.anchor + text;
  comment.anchor = anchor.length < MAX_ANCHOR ? anchor : `${anchor.slice(0, MAX_ANCHOR - 1)}…`;
}

function paragraphsOf(block: DocumentBlock): ParagraphBlock[] {
  return block.kind === 'paragraph' ? [block] : block.rows.flatMap((row) => row.flatMap((cell) => cell.paragraphs));
}

function plainLines(block: DocumentBlock): string[] {
  return paragraphsOf(block).map((paragraph) => paragraph.runs.map((run) => run.text).join(''));
}

/** A `w:sym` character: the symbol fonts' check boxes and marks as Unicode, others as they are. */
function symbol(font: string | null, char: string | null): string {
  const code = Number.parseInt(char ?? '', 16);
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return '';
  const glyph = SYMBOL_FONTS.get(font ?? '')?.get(code >= 0xf000 ? code - 0xf000 : code);
  return glyph ?? String.fromCodePoint(code);
}

function isOn(value: string | null): boolean {
  return value === null || /^(1|true|on)$/iu.test(value);
}
