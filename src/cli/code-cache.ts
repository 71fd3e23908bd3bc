/**
 * gongwen's built code compiled through V8 code caches that `npm run build` makes, so that V8 takes the functions a
 * command runs, compiled, from a cache instead of compiling them again from source at each start:
 * - dist/main.cjs, the program, with dist/main.cache, made by running `packets` on the sample letter (the program
 *   reading and recognising a letter, which every command that takes one does); bin/gongwen.cjs runs it through
 *   dist/start.cjs (start.ts);
 * - dist/on-demand.cjs, the modules commands load on demand (readers, writers, the commands' library functions),
 *   with dist/on-demand.<command>.cache, one for each command: another command's would cost it more to read than it
 *   saves.
 *
 * V8 checks that a cache comes from its own version and flags, and from a source of the same length, but not what
 * is in it: a damaged cache would crash Node or run wrong code. So a cache begins with the identity of the source it
 * was made from (the last line of the file) and the CRC-32 of the rest, and one that does not match is left
 * unused, as is a missing one or one V8 refuses (another Node, other V8 flags): the code is then compiled from its
 * text, as without a cache, and only the time it saves is lost.
 *
 * The environment variable GONGWEN_CODE_CACHE is for the build and the tests, never for clerks: `make` writes the
 * command's on-demand cache when the program ends (with every function the run compiled), `make-main` the
 * program's, and `report` says on stderr what became of each.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';
import { runningCommand } from './running-command.js';

/** The last line of dist/main.cjs and dist/on-demand.cjs: its identity, which scripts/build.js writes (the SHA-256 of the rest). */
const SOURCE_ID = /\n\/\/ source id ([0-9a-f]{64})\n$/u;
/** A cache file: the source's identity (32 bytes), the CRC-32 of what follows (4 bytes, big-endian), V8's data. */
const SOURCE_ID_BYTES = 32;
const HEADER_BYTES = SOURCE_ID_BYTES + 4;
/**
 * zlib's CRC-32 of a cache's data, which finds a damaged cache as well as a SHA-256 and costs `--version` less
 * (node:crypto takes some 8 ms to load, node:zlib 4, and every command but `--version` loads zlib anyway). Node
 * 20.15 and later have it; without it a cache cannot be checked, and is not used.
 */
const crc32 = (zlib as Partial<typeof zlib>).crc32;

/** What dist/on-demand.cjs exports: for each on-demand module, a function that loads it and returns its exports. */
type OnDemandModules = Record<string, () => unknown>;

/** The cache given to V8, and what became of it before V8 saw it (made: the build is making it). */
interface Cache {
  cachedData?: Buffer;
  state: 'accepted' | 'missing' | 'damaged' | 'unchecked' | 'made';
}

let modules: OnDemandModules | null = null;

/** Runs dist/main.cjs, in `folder`, compiled with dist/main.cache when it may be. */
export function runMain(folder: string): void {
  runCommonJs(join(folder, 'main.cjs'), join(folder, 'main.cache'), 'make-main');
}

/** The exports of the on-demand module `name` (a key of scripts/build.js's ON_DEMAND), loaded the first time. */
export function onDemand(name: string): unknown {
  const folder = dirname(fileURLToPath(import.meta.url));
  modules ??= runCommonJs(join(folder, 'on-demand.cjs'), join(folder, `on-demand.${runningCommand()}.cache`), 'make') as OnDemandModules;
  const module = modules[name];
  if (!module) throw new Error(`dist/on-demand.cjs has no module ${name}`);
  return module();
}

/**
 * Runs a CommonJS file as Node's `require` does and returns its exports, compiled with `cacheFile` when it may be;
 * under GONGWEN_CODE_CACHE=`makeMode` the run makes that cache instead.
 */
function runCommonJs(file: string, cacheFile: string, makeMode: string): unknown {
  // The build writes it as ASCII: a one-byte string, read without decoding UTF-8.
  const source = readFileSync(file, 'latin1');
  const sourceId = Buffer.from(SOURCE_ID.exec(source.slice(-100))?.[1] ?? '', 'hex');
  const mode = process.env['GONGWEN_CODE_CACHE'];
  // The checksum the cache this run makes is written with; none when the run does not make it.
  const making = mode === makeMode ? crc32 : undefined;
  const { cachedData, state }: Cache = making ? { state: 'made' } : cacheOf(cacheFile, sourceId);
  // Node's own wrapper for a CommonJS module, on the first line so that line numbers stay those of the file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  if (mode === 'report') process.stderr.write(`gongwen code cache of ${basename(file)}: ${script.cachedDataRejected ? 'rejected' : state}\n`);
  if (making) {
    // At exit every function this run called is compiled, and goes into the cache.
    process.on('exit', () => {
      const data = script.createCachedData();
      const checksum = Buffer.alloc(HEADER_BYTES - SOURCE_ID_BYTES);
      checksum.writeUInt32BE(making(data));
      writeFileSync(`${cacheFile}.tmp`, Buffer.concat([sourceId, checksum, data]));
      renameSync(`${cacheFile}.tmp`, cacheFile);
    });
  }
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** V8's data from a cache file, if the file is there, was made from this source and is whole. */
function cacheOf(cacheFile: string, sourceId: Buffer): Cache {
  if (!crc32) return { state: 'unchecked' };
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return { state: 'missing' };
  }
  const cachedData = bytes.subarray(HEADER_BYTES);
  const whole =
    bytes.length > HEADER_BYTES &&
    sourceId.length === SOURCE_ID_BYTES &&
    sourceId.equals(bytes.subarray(0, SOURCE_ID_BYTES)) &&
    crc32(cachedData) === bytes.readUInt32BE(SOURCE_ID_BYTES);
  return whole ? { cachedData, state: 'accepted' } : { state: 'damaged' };
}
