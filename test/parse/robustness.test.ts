// Random and mutated letters never break the parser: it always returns an outline, with diagnostics.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SourceInfo } from '../../src/model/outline.js';
import { blocksOf } from '../../src/outline/blocks.js';
import { recognizeOutline } from '../../src/outline/recognize.js';
import { readTextDocument } from '../../src/readers/txt.js';
import { readMarkdownDocument } from '../../src/readers/markdown.js';
import { SAMPLE } from '../support/cli.js';

const source: SourceInfo = { path: 'random.txt', format: 'txt', encoding: 'utf-8', sha256: '' };
const sample = readFileSync(SAMPLE, 'utf8');
/** Characters that mean something to the recognizers, so random text hits their paths. */
const letterChars = fc.constantFrom(...'附件1２：:（）()〔〕[]、，；。\n\n 责任单位牵头配合关于函通知年月日前号省市县区厅局委办公室请于联系人电话传真-—0123456789一二三、.>#|*');

describe('the parser on random and mutated letters', () => {
  it('never throws on random text built from letter characters', () => {
    fc.assert(
      fc.property(fc.array(letterChars, { maxLength: 400 }), (chars) => {
        const outline = recognizeOutline(blocksOf(readTextDocument(Buffer.from(chars.join('')))), source);
        expect(outline.schemaVersion).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on the sample letter with lines dropped, repeated or swapped', () => {
    const lines = sample.split('\n');
    fc.assert(
      fc.property(fc.array(fc.nat(lines.length - 1), { minLength: 1, maxLength: 120 }), (picks) => {
        const letter = picks.map((i) => lines[i]).join('\n');
        const outline = recognizeOutline(blocksOf(readTextDocument(Buffer.from(letter))), source);
        expect(Array.isArray(outline.diagnostics)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws when the same text is read as Markdown', () => {
    fc.assert(
      fc.property(fc.array(letterChars, { maxLength: 300 }), (chars) => {
        const outline = recognizeOutline(blocksOf(readMarkdownDocument(Buffer.from(chars.join('')))), { ...source, format: 'md' });
        expect(outline.schemaVersion).toBe(1);
      }),
      { numRuns: 200 },
    );
  });

});
