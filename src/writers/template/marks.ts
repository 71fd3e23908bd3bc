/**
 * Marks: private-use characters standing in for values while a template is laid out or filled once (a value or a
 * list's field in a prepared package, a column of a long table, a field of a sheet's rows), found again in what
 * comes out and replaced by each document's values. Data holding the marks' own characters is never marked.
 */

const FIRST_MARK = 0xe000;
/** As many marks as there are characters from FIRST_MARK to U+EFFF. */
export const MAX_MARKS = 0x1000;

/** One mark, wherever it is in a text. */
export const HAS_MARK = /[\ue000-\uefff]/u;
/** Every mark of a text, for `matchAll` and `replace`. */
export const MARKS = /[\ue000-\uefff]/gu;
/**
 * What marked text cannot hold in its data: the marks, the characters prepared.ts pads them with (U+F8FF and
 * U+2E7F), and lone surrogates (which are written two ways).
 */
export const MARK_CHARACTERS = /[\ue000-\uf8ff\u2e7f]|[\ud800-\udfff]/u;

/** The mark numbered `index`. */
export function markAt(index: number): string {
  return String.fromCharCode(FIRST_MARK + index);
}

/** The number of the mark that `found` starts with. */
export function markIndex(found: string): number {
  return found.charCodeAt(0) - FIRST_MARK;
}
