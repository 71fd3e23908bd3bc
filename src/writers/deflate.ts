/**
 * Raw deflate (zip's method 8) for the parts of .docx and .xlsx packages: the bytes `zlib.deflateRawSync` gives at
 * the same level, from one zlib stream reused for every part.
 *
 * `deflateRawSync` makes a stream for each call and closes it after: a Transform stream built in JavaScript, and
 * zlib's quarter megabyte of state allocated, cleared and freed. For the small parts a package is mostly made of
 * (properties, relationships, a header) that is nearly all it does: 0.5 ms a part, against some 20 µs for the
 * same bytes through a stream kept and reset (`packets` on a 30-unit letter compresses 250 parts). Node has no
 * public synchronous call on a kept stream, so this drives the stream's zlib handle as `deflateRawSync` itself
 * does (Node 20's processChunkSync: `writeSync` with Z_FINISH until the output is not full, then `reset`). The
 * first use checks the handle is there and gives `deflateRawSync`'s bytes for a sample; if not (another Node),
 * every part goes through `deflateRawSync`. test/writers/deflate.test.ts compares the two on parts of all sizes.
 */
import { constants, createDeflateRaw, deflateRawSync, type DeflateRaw } from 'node:zlib';

/** zlib's level for every part: the packages are reproducible because it never changes. */
export const DEFLATE_LEVEL = 6;

/** Bytes of output taken from zlib at a time. */
const OUTPUT_CHUNK = 64 * 1024;

/** The parts of a Node zlib stream `deflateRawSync` itself uses (lib/zlib.js): not public, so checked first. */
interface ZlibHandle {
  writeSync(flush: number, input: Uint8Array, inOffset: number, inLength: number, output: Uint8Array, outOffset: number, outLength: number): void;
  reset(): void;
}
type KeptStream = DeflateRaw & { _handle?: ZlibHandle; _writeState?: Uint32Array };

let kept: ((data: Uint8Array) => Uint8Array<ArrayBuffer>) | null | undefined;

export function deflateRaw(data: Uint8Array): Uint8Array<ArrayBuffer> {
  kept ??= keptStream();
  return kept ? kept(data) : deflateRawSync(data, { level: DEFLATE_LEVEL });
}

/** Whether parts go through a kept stream here (else through `deflateRawSync`, one stream each). */
export function usesKeptStream(): boolean {
  kept ??= keptStream();
  return kept !== null;
}

/** Compression through one kept stream, or null when this Node's streams are not as expected. */
function keptStream(): ((data: Uint8Array) => Uint8Array<ArrayBuffer>) | null {
  const stream = createDeflateRaw({ level: DEFLATE_LEVEL }) as KeptStream;
  const handle = stream._handle;
  const state = stream._writeState;
  if (typeof handle?.writeSync !== 'function' || typeof handle.reset !== 'function' || !(state instanceof Uint32Array)) return null;
  let error: unknown = null;
  stream.on('error', (problem: unknown) => void (error = problem));
  const output = Buffer.allocUnsafe(OUTPUT_CHUNK);
  const deflate = (data: Uint8Array): Uint8Array<ArrayBuffer> => {
    const chunks: Buffer<ArrayBuffer>[] = [];
    let inOffset = 0;
    let inLength = data.length;
    for (;;) {
      handle.writeSync(constants.Z_FINISH, data, inOffset, inLength, output, 0, OUTPUT_CHUNK);
      if (error !== null) throw error;
      const [outLeft = 0, inLeft = 0] = state;
      chunks.push(Buffer.from(output.subarray(0, OUTPUT_CHUNK - outLeft)));
      inOffset += inLength - inLeft;
      inLength = inLeft;
      if (outLeft !== 0) break;
    }
    handle.reset();
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  };
  try {
    const sample = new TextEncoder().encode('<w:p><w:r><w:t>公文 gongwen</w:t></w:r></w:p>'.repeat(50));
    return Buffer.compare(deflate(sample), deflateRawSync(sample, { level: DEFLATE_LEVEL })) === 0 ? deflate : null;
  } catch {
    return null;
  }
}
