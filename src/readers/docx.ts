/**
 * Word reader (.docx, and WPS/LibreOffice files saved as .docx): word/document.xml read by a streaming parser
 * (saxes: no DTD, no external entities, no recursion, so deep nesting and XXE are harmless) into paragraphs
 * and tables, in order, as a person sees them in Word (docx/body.ts): automatic numbering resolved from
 * word/numbering.xml and word/styles.xml (docx/numbering.ts), tracked changes accepted and listed, Word
 * comments from word/comments.xml attached; custom document properties (gongwen's ids on its own forms)
 * from docProps/custom.xml. Positions are paragraph numbers: a Word letter's diagnostics name the paragraph
 * where a text letter names its line.
 */
import type { SourceDocument } from '../model/document.js';
import { BodyReader, type CommentText } from './docx/body.js';
import { Numbering, Styles } from './docx/numbering.js';
import { readXml } from './docx/xml.js';
import { ReadProblem } from './problem.js';
import { listEntries, readEntry, type ZipEntry } from './zip.js';

export { CHECKED, UNCHECKED } from './docx/body.js';

export function readDocx(bytes: Uint8Array): SourceDocument {
  const entries = listEntries(bytes);
  const part = (name: string): string | null => {
    const entry = entries.find((candidate: ZipEntry) => candidate.name === name);
    return entry ? new TextDecoder().decode(readEntry(bytes, entry)) : null;
  };
  const document = part('word/document.xml');
  if (document === null) throw new ReadProblem('压缩包中没有 Word 正文（word/document.xml），不是 Word 文件');
  const parts = { styles: part('word/styles.xml'), numbering: part('word/numbering.xml'), comments: part('word/comments.xml'), custom: part('docProps/custom.xml') };
  try {
    const styles = new Styles(parts.styles);
    const comments: Map<string, CommentText> = parts.comments === null ? new Map() : new BodyReader(null, null, new Map()).readComments(parts.comments);
    const blocks = new BodyReader(new Numbering(parts.numbering, styles), styles, comments).read(document);
    return {
      format: 'docx', encoding: 'docx', blocks,
      properties: parts.custom === null ? {} : readCustomProperties(parts.custom), embedded: [], scanned: false,
    };
  } catch {
    throw new ReadProblem('Word 文件内容格式有误（XML 无法解析），文件可能已损坏');
  }
}

/** docProps/custom.xml: name → value of each custom document property. */
export function readCustomProperties(xml: string): Record<string, string> {
  const properties: Record<string, string> = {};
  let name: string | null = null;
  let value = '';
  readXml(xml, {
    open: (tag) => {
      if (tag.name === 'property') {
        name = String(tag.attributes['name'] ?? '');
        value = '';
      }
    },
    close: (tag) => {
      if (tag.name === 'property' && name !== null) {
        properties[name] = value.trim();
        name = null;
      }
    },
    text: (characters) => {
      if (name !== null) value += characters;
    },
  });
  return properties;
}
