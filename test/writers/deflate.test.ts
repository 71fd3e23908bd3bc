// Every part of every package is compressed through one kept zlib stream (src/writers/deflate.ts): the bytes must
// be those zlib.deflateRawSync gives, whatever the part (a reproducible .docx depends on it), one after another.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFLATE_LEVEL, deflateRaw, usesKeptStream } from '../../src/writers/deflate.js';
import { fixture } from '../support/cli.js';

describe('compressing a part', () => {
  it('goes through one kept zlib stream on the Node gongwen runs on', () => {
    expect(usesKeptStream()).toBe(true);
  });

  it('gives the bytes of zlib.deflateRawSync, part after part: empty, tiny, a real letter, incompressible, larger than a chunk, a view', () => {
    const letter = readFileSync(fixture('min-fu-xie-han-2024-8.txt'));
    const parts = [
      new Uint8Array(0),
      new TextEncoder().encode('<Relationships/>'),
      letter,
      randomBytes(200_000),
      Buffer.concat(Array.from({ length: 40 }, () => letter)),
      new TextEncoder().encode('<vt:lpwstr>省发改委</vt:lpwstr>'),
      // A part that is a view into a larger buffer, as a part cut from a document's XML is.
      letter.subarray(7, 5007),
    ];
    for (const [index, part] of [...parts, ...parts].entries()) {
      const compressed = deflateRaw(part);
      expect(Buffer.compare(compressed, deflateRawSync(part, { level: DEFLATE_LEVEL })), `part ${index}`).toBe(0);
      expect(Buffer.compare(inflateRawSync(compressed), part), `part ${index}`).toBe(0);
    }
  });
});
