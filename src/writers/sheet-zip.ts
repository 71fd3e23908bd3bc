/**
 * The zip exceljs's streaming writer (WorkbookWriter) puts a workbook's parts into, in the built program, in
 * place of archiver: exceljs loads archiver, with its tar, glob and stream libraries, only to zip them, and that
 * load is most of the writer's own. The build gives the writer this module under archiver's name
 * (scripts/build.js); the tests, run from the sources, meet archiver itself, and a test compares the parts the
 * two zip (test/writers/sheet-zip.test.ts).
 *
 * It does what the writer asks of archiver: it takes parts (text, bytes or a stream) in order, names without a
 * leading slash, and when the writer finalises, zips them with fflate into the stream it was piped to, each part
 * deflated by zlib, as archiver does (fflate's own deflate, in JavaScript, is several times slower). Images,
 * which the writer would add as files or base64 text, are not among them: gongwen's sheets have none.
 */
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { Zip, ZipPassThrough, strToU8 } from 'fflate';
import { deflateRaw } from './deflate.js';

/** A part as the writer hands it over: XML as text, bytes, or a stream (a worksheet, written as rows come). */
type PartSource = string | Uint8Array | NodeJS.ReadableStream;

/** The zip's method number for deflate. */
const DEFLATE = 8;

/** A part deflated by zlib, in fflate's zip: fflate counts its size and checksum as the part goes through. */
class DeflatedPart extends ZipPassThrough {
  constructor(name: string) {
    super(name);
    this.compression = DEFLATE;
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    // zlib's usual level (deflate.ts), as archiver uses by default.
    this.ondata(null, deflateRaw(chunk), final);
  }
}

class SheetZip extends EventEmitter {
  readonly #parts: Array<Promise<[string, Uint8Array]>> = [];
  /** The writer pipes the zip into its output stream as it starts. */
  #target: NodeJS.WritableStream | undefined;

  pipe<Target extends NodeJS.WritableStream>(target: Target): Target {
    this.#target = target;
    return target;
  }

  append(source: PartSource, entry: { name: string }): this {
    const name = entry.name.replace(/^\/+/u, '');
    this.#parts.push(partBytes(source).then((data) => [name, data]));
    return this;
  }

  /** Zips the parts, in the order they were added, into the piped stream, and ends it; or emits 'error'. */
  finalize(): void {
    Promise.all(this.#parts)
      .then(zipped)
      .then((bytes) => this.#target!.end(bytes))
      .catch((error: unknown) => this.emit('error', error));
  }
}

/** archiver's entry point, as exceljs calls it: `Archiver('zip', options)` (the options are archiver's defaults). */
export function archiver(): SheetZip {
  return new SheetZip();
}

function zipped(parts: Array<[string, Uint8Array]>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk, final) => {
      if (error) return reject(error);
      chunks.push(chunk);
      if (final) resolve(Buffer.concat(chunks));
    });
    for (const [name, data] of parts) {
      const part = new DeflatedPart(name);
      zip.add(part);
      part.push(data, true);
    }
    zip.end();
  });
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
