/**
 * A document laid out through the docx library's object tree, as gongwen did before it wrote its blocks itself
 * (src/writers/docx/wordml.ts): the parts gongwen's own must equal, byte for byte.
 */
import { strToU8 } from 'fflate';
import { frameSpec, type DocumentSpec } from '../../src/writers/docx/layout.js';
import { compiledParts, docxBlock, docxParagraph, documentOf } from '../../src/writers/docx/frame.js';

export function docxLibraryParts(spec: DocumentSpec): Map<string, Uint8Array> {
  const frame = frameSpec(spec.orientation ?? 'portrait', spec.letterhead !== null);
  const content = { title: spec.title, properties: spec.properties, letterhead: spec.letterhead && docxParagraph(spec.letterhead), body: spec.body.map(docxBlock) };
  const parts = compiledParts(documentOf(frame, content));
  // docx dates the document with the clock, and leaves the font table empty: the spec's date, gongwen's fonts.
  const date = spec.date.toISOString().replace(/\.\d+Z$/u, 'Z');
  const core = new TextDecoder().decode(parts.get('docProps/core.xml'));
  parts.set('docProps/core.xml', strToU8(core.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*/gu, `$1${date}`)));
  parts.set('word/fontTable.xml', strToU8(frame.fontTable));
  return parts;
}
