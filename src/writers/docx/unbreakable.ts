/**
 * Text that must stay on one line (〔2024〕8号, 2024年10月18日, 0591-88610051, （2024—2026年）), as runs that
 * Word, WPS and LibreOffice all keep whole.
 *
 * `keepTogether` (layout.ts) joins the characters of such text with U+2060 WORD JOINER, the character Unicode
 * gives for "no line break here" (UAX #14 class WJ; U+FEFF is its deprecated twin, U+200D is a joiner for
 * shaping that breaks nothing). That is enough where the text's line breaking follows Unicode. LibreOffice
 * (7.4 measured, test/writers/pages.test.ts) breaks Chinese text with its own iterator instead, which allows
 * a break anywhere but before closing and after opening punctuation, word joiner or not: it splits 8|号,
 * 10|月, 2026|年 wherever the Han character after the digits reaches the line's end. It takes Unicode's rules
 * (ICU) for text whose East Asian language is not Chinese, Japanese or Korean, so each joined stretch is
 * written as a run of its own whose East Asian language is `x-none` (no language: what Word itself writes
 * for text in none). Nothing is drawn differently, and no proofing applies to a number anyway.
 *
 * This is done as the package is written (`zipEntry`), on the XML, so that a document laid out from scratch
 * and one patched from a prepared package (template/prepared.ts) get the same runs and the same bytes. Only
 * the runs that hold a word joiner are decoded and rewritten (`unbreakablePart`): a 分发清单 of 10,000 rows is
 * not turned into a string and back for the one 文号 in its title.
 */

/** U+2060 WORD JOINER: no line break on either side, and nothing drawn. */
export const WORD_JOINER = '\u2060';

/** A run as wordml.ts writes one: its properties, then its text, holding a word joiner. */
const RUN_WITH_JOINER = /<w:r><w:rPr>((?:(?!<\/w:rPr>).)*)<\/w:rPr><w:t xml:space="preserve">([^<]*\u2060[^<]*)<\/w:t><\/w:r>/gsu;
/** Characters joined by word joiners; an escaped character (&amp;) counts as one. */
const JOINED = /(?:&[#\w]+;|[^\u2060&])(?:\u2060(?:&[#\w]+;|[^\u2060&]))+/gu;
/** CT_RPr elements that come after w:lang (ECMA-376 17.3.2.28). */
const AFTER_LANGUAGE = /<w:(?:eastAsianLayout|specVanish|oMath)\b/u;
const NO_EAST_ASIAN_LANGUAGE = 'x-none';

/** A part's XML with each stretch of joined characters in a run of its own, with no East Asian language. */
export function unbreakableRuns(xml: string): string {
  return xml.replace(RUN_WITH_JOINER, (_, properties: string, text: string) => {
    const run = (piece: string, runProperties: string): string => `<w:r><w:rPr>${runProperties}</w:rPr><w:t xml:space="preserve">${piece}</w:t></w:r>`;
    const joinedProperties = withoutEastAsianLanguage(properties);
    let out = '';
    let at = 0;
    for (const found of text.matchAll(JOINED)) {
      if (found.index > at) out += run(text.slice(at, found.index), properties);
      out += run(found[0], joinedProperties);
      at = found.index + found[0].length;
    }
    return at < text.length ? out + run(text.slice(at), properties) : out;
  });
}

/** Run properties with the East Asian language set to none, w:lang in its place in the schema's order. */
function withoutEastAsianLanguage(properties: string): string {
  const language = /<w:lang\b([^>]*?)\s*\/>/u.exec(properties);
  if (language) {
    const attributes = language[1]!.replace(/\s+w:eastAsia="[^"]*"/u, '');
    return properties.replace(language[0], `<w:lang${attributes} w:eastAsia="${NO_EAST_ASIAN_LANGUAGE}"/>`);
  }
  const element = `<w:lang w:eastAsia="${NO_EAST_ASIAN_LANGUAGE}"/>`;
  const after = AFTER_LANGUAGE.exec(properties);
  return after ? properties.slice(0, after.index) + element + properties.slice(after.index) : properties + element;
}

/** U+2060 in UTF-8. */
const JOINER_BYTES = [0xe2, 0x81, 0xa0] as const;
const RUN_START = new TextEncoder().encode('<w:r>');
const RUN_END = new TextEncoder().encode('</w:r>');
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * A part's UTF-8 bytes with `unbreakableRuns` applied to each run holding a word joiner, and the rest as it is
 * (the same bytes as applying it to the whole part: a run it rewrites never reaches past its `</w:r>`). The part
 * itself when it holds no joiner, as most parts do not.
 */
export function unbreakablePart(bytes: Uint8Array): Uint8Array {
  const pieces: Uint8Array[] = [];
  let copied = 0;
  for (let at = joinerAt(bytes, 0); at !== -1; at = joinerAt(bytes, at + JOINER_BYTES.length)) {
    if (at < copied) continue;
    const start = lastIndexOf(bytes, RUN_START, at);
    const end = indexOf(bytes, RUN_END, at);
    if (start < copied || end === -1) continue;
    const runEnd = end + RUN_END.length;
    pieces.push(bytes.subarray(copied, start), encoder.encode(unbreakableRuns(decoder.decode(bytes.subarray(start, runEnd)))));
    copied = runEnd;
    at = runEnd - JOINER_BYTES.length;
  }
  if (copied === 0) return bytes;
  pieces.push(bytes.subarray(copied));
  return Buffer.concat(pieces);
}

function joinerAt(bytes: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(JOINER_BYTES[0], from); at !== -1; at = bytes.indexOf(JOINER_BYTES[0], at + 1)) {
    if (bytes[at + 1] === JOINER_BYTES[1] && bytes[at + 2] === JOINER_BYTES[2]) return at;
  }
  return -1;
}

function indexOf(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(needle[0]!, from); at !== -1; at = bytes.indexOf(needle[0]!, at + 1)) {
    if (needle.every((byte, offset) => bytes[at + offset] === byte)) return at;
  }
  return -1;
}

function lastIndexOf(bytes: Uint8Array, needle: Uint8Array, before: number): number {
  for (let at = bytes.lastIndexOf(needle[0]!, before); at !== -1; at = at === 0 ? -1 : bytes.lastIndexOf(needle[0]!, at - 1)) {
    if (needle.every((byte, offset) => bytes[at + offset] === byte)) return at;
  }
  return -1;
}
