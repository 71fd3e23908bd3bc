// gongwen's own templates are parsed when gongwen is built, not by every command that lays out a document
// (src/writers/template/built-in-trees.ts). The built program must carry a tree for every template, and it
// must be the tree parse.ts gives for the template's text today: else a clerk's documents would be laid out
// from a template other than the one in templates/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadTemplates, TEMPLATE_NAMES } from '../../src/writers/template/load.js';
import { parseTemplateText } from '../../src/writers/template/parse.js';
import { ROOT } from '../support/cli.js';

/** The trees the build wrote into dist/, by template text: the JSON in `BUILT_IN_TREES = new Map(JSON.parse(…))`. */
function treesInDist(): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const dist = join(ROOT, 'dist');
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => /\.c?js$/u.test(name))) {
    const code = readFileSync(join(dist, file), 'utf8');
    const literal = /BUILT_IN_TREES\s*=\s*new Map\(JSON\.parse\((("|')(?:(?!\2)[^\\]|\\.)*\2)\)\)/u.exec(code)?.[1];
    if (literal === undefined) continue;
    for (const [text, tree] of JSON.parse(runInNewContext(literal) as string) as [string, unknown][]) found.set(text, tree);
  }
  return found;
}

describe('the templates parsed when gongwen is built', () => {
  it('are every template of templates/, each the tree parse.ts gives for its text', async () => {
    const trees = treesInDist();
    const templates = await loadTemplates();
    for (const name of TEMPLATE_NAMES) {
      const { text } = templates[name];
      expect(trees.has(text), name).toBe(true);
      expect(trees.get(text), name).toEqual(JSON.parse(JSON.stringify(parseTemplateText(text))));
    }
  });
});
