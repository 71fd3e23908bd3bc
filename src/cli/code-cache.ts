/**
 * The modules commands load on demand (readers, writers, the commands' library functions; scripts/build.js
 * bundles them into dist/on-demand.cjs), compiled through the V8 code cache that `npm run build` makes in
 * dist/on-demand.cjs.cache: V8 then takes the compiled functions from the cache instead of compiling the 1.8 MB again.
 *
 * V8 checks that a cache comes from its own version and flags, and from a source of the same length, but not what
 * is in it: a damaged cache would crash Node or run wrong code. So the source ends with the SHA-256 of its cache,
 * and a cache that does not match it is left unused, as is a missing one or one V8 does not take (another Node):
 * the code is then compiled from its text, as without a cache, and only the time it saves is lost.
 *
 * The environment variable GONGWEN_CODE_CACHE is for the build and the tests, never for clerks: `make` writes the
 * cache when the program ends (with every function the run compiled), `report` says on stderr what became of it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** The last line of dist/on-demand.cjs: the SHA-256 of its cache, in hexadecimal (scripts/build.js writes it). */
const CACHE_HASH_LINE = /\n\/\/ code cache sha256 ([0-9a-f]{64})\n$/u;

/** What dist/on-demand.cjs exports: for each on-demand module, a function that loads it and returns its exports. */
type OnDemandModules = Record<string, () => unknown>;

let modules: OnDemandModules | null = null;

/** The exports of the on-demand module `name` (a key of scripts/build.js's ON_DEMAND), loaded the first time. */
export function onDemand(name: string): unknown {
  modules ??= load(join(dirname(fileURLToPath(import.meta.url)), 'on-demand.cjs'));
  const module = modules[name];
  if (!module) throw new Error(`dist/on-demand.cjs has no module ${name}`);
  return module();
}

/** Runs a CommonJS file as Node's `require` does, compiled with its code cache (`<file>.cache`) when it may be. */
function load(file: string): OnDemandModules {
  // The build writes it as ASCII: a one-byte string, read without decoding UTF-8.
  const source = readFileSync(file, 'latin1');
  const cacheFile = `${file}.cache`;
  const mode = process.env['GONGWEN_CODE_CACHE'];
  const { cachedData, state } = cacheOf(source, cacheFile, mode === 'make');
  // Node's own wrapper for a CommonJS module, on the first line so that line numbers stay those of the file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  if (mode === 'report') process.stderr.write(`gongwen code cache: ${script.cachedDataRejected ? 'rejected' : state}\n`);
  if (mode === 'make') {
    // At exit every function this run called is compiled, and goes into the cache.
    process.on('exit', () => {
      writeFileSync(`${cacheFile}.tmp`, script.createCachedData());
      renameSync(`${cacheFile}.tmp`, cacheFile);
    });
  }
  const module = { exports: {} as OnDemandModules };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** The cache to give V8, if it is there and is the one the source names (while the build makes it, any there is). */
function cacheOf(source: string, cacheFile: string, making: boolean): { cachedData?: Buffer; state: 'accepted' | 'missing' | 'damaged' } {
  let cachedData: Buffer;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    return { state: 'missing' };
  }
  const named = CACHE_HASH_LINE.exec(source.slice(-100))?.[1];
  if (!making && createHash('sha256').update(cachedData).digest('hex') !== named) return { state: 'damaged' };
  return { cachedData, state: 'accepted' };
}
