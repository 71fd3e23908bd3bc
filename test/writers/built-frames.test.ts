// The frames of gongwen's documents are made by the docx library when gongwen is built, and dist/ carries them
// instead of the library (src/writers/docx/frame.ts, scripts/build.js). They must be the frames the library makes
// from layout.ts today: else a clerk's documents would have another page, other footers or other styles.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { frameSpec } from '../../src/writers/docx/layout.js';
import { makeFrame } from '../../src/writers/docx/frame.js';
import { ROOT } from '../support/cli.js';

/** The frames the build wrote into dist/on-demand.cjs: the JSON in `BUILT_FRAMES = JSON.parse(…)`. */
function framesInDist(): Record<string, unknown> {
  const code = readFileSync(join(ROOT, 'dist', 'on-demand.cjs'), 'latin1');
  const literal = /BUILT_FRAMES\s*=\s*JSON\.parse\((("|')(?:(?!\2)[^\\]|\\.)*\2)\)/u.exec(code)?.[1];
  expect(literal, 'BUILT_FRAMES in dist/on-demand.cjs').toBeDefined();
  return JSON.parse(runInNewContext(literal!) as string) as Record<string, unknown>;
}

describe('the frames made when gongwen is built', () => {
  it('are the four the docx library makes from layout.ts, part for part', () => {
    const built = framesInDist();
    const decoder = new TextDecoder();
    for (const orientation of ['portrait', 'landscape'] as const) {
      for (const letterhead of [false, true]) {
        const { parts, ...frame } = makeFrame(frameSpec(orientation, letterhead));
        const asText = { ...frame, parts: parts.map((part) => ('bytes' in part ? { path: part.path, xml: decoder.decode(part.bytes) } : part)) };
        expect(built[`${orientation} ${letterhead}`], `${orientation}, 信函 ${letterhead}`).toEqual(asText);
      }
    }
    expect(Object.keys(built)).toHaveLength(4);
  });

  it('leave the docx library out of dist/', () => {
    const code = readFileSync(join(ROOT, 'dist', 'on-demand.cjs'), 'latin1');
    expect(code).not.toMatch(/node_modules\/docx\//u);
    expect(code).not.toMatch(/\bPacker\b/u);
  });
});
