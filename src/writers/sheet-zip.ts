/**
 * The zip exceljs's streaming writer (WorkbookWriter) puts a workbook's parts into, in the built program, in
 * place of archiver: exceljs loads archiver, with its tar, glob and stream libraries, only to zip them, and that
 * load was a fifth of `packets`' time on the sample letter. The build gives the writer this module under
 * archiver's name (scripts/build.js); the tests, run from the sources, meet archiver itself, and a test
 * compares the parts the two zip.
 *
 * It does what the writer asks of archiver: it takes parts (text, bytes or a stream) in order, names without a
 * leading slash, and when the writer finalises, zips them with fflate into the stream it was piped to.
 */
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { strToU8, zipSync } from 'fflate';

/** A part as the writer hands it over: XML as text, bytes, or a stream (a worksheet, written as rows come). */
type PartSource = string | Uint8Array | NodeJS.ReadableStream;

/** zlib's usual level, as archiver uses by default. */
const LEVEL = 6;

export class SheetZip extends EventEmitter {
  readonly #parts: Array<Promise<[string, Uint8Array]>> = [];
  /** The writer pipes the zip into its output stream as it starts. */
  #target: NodeJS.WritableStream | undefined;

  pipe<Target extends NodeJS.WritableStream>(target: Target): Target {
    this.#target = target;
    return target;
  }

  append(source: PartSource, entry: { name: string; base64?: boolean }): this {
    const name = entry.name.replace(/^\/+/u, '');
    const bytes = entry.base64 && typeof source === 'string' ? Promise.resolve(new Uint8Array(Buffer.from(source, 'base64'))) : partBytes(source);
    this.#parts.push(bytes.then((data) => [name, data]));
    return this;
  }

  /** Zips the parts, in the order they were added, into the piped stream, and ends it; or emits 'error'. */
  finalize(): void {
    Promise.all(this.#parts)
      .then((parts) => this.#target!.end(zipSync(Object.fromEntries(parts), { level: LEVEL })))
      .catch((error: unknown) => this.emit('error', error));
  }
}

/** archiver's entry point, as exceljs calls it: `Archiver('zip', options)` (the options are archiver's defaults). */
export function archiver(): SheetZip {
  return new SheetZip();
}

function partBytes(source: PartSource): Promise<Uint8Array> {
  if (typeof source === 'string') return Promise.resolve(strToU8(source));
  if (source instanceof Uint8Array) return Promise.resolve(source);
  // The writer's streams give their data to what they are piped into, and end it when they end.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const collect = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    collect.on('finish', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    collect.on('error', reject);
    source.on('error', reject);
    source.pipe(collect);
  });
}
