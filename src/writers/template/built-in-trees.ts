/**
 * gongwen's own templates as parse.ts parses them, done when gongwen is built: each template's text → its tree.
 * Loading remark and parsing the four templates `packets` uses took a fifth of `packets` on a 30-unit letter.
 *
 * Run from source this is empty. scripts/build.js writes the trees in as it bundles dist/, parsing
 * templates/*.md with parse.ts. A template whose text is not here (an office's own, or one edited since the
 * build) is parsed when it is loaded, so a stale build is slower, never wrong.
 */
import type { Root } from 'mdast';

export const BUILT_IN_TREES: ReadonlyMap<string, Root> = new Map();
