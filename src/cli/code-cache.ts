/**
 * The modules commands load on demand (readers, writers, the commands' library functions; scripts/build.js
 * bundles them into dist/on-demand.cjs), compiled through the V8 code cache that `npm run build` makes in
 * dist/on-demand.cache: V8 then takes the compiled functions from the cache instead of compiling the 1.5 MB again.
 *
 * A cache V8 does not take (another Node or V8 flags; it checks both), or a missing one, costs only the time it
 * saves: the code is compiled from its text, as without a cache. The environment variable GONGWEN_CODE_CACHE is
 * for the build and the tests, never for clerks: `make` writes the cache when the program ends (with the functions
 * this run compiled), `report` says on stderr whether V8 took the cache.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

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

/** Runs a CommonJS file as Node's `require` does, compiled with its code cache (`<file>.cache`) when V8 takes it. */
function load(file: string): OnDemandModules {
  // esbuild writes ASCII but for a few characters in comments and regular expressions: scripts/build.js escapes those,
  // and a one-byte string reads faster than UTF-8 and is half the size for V8 to hash and parse.
  const source = readFileSync(file, 'latin1');
  const cacheFile = `${file}.cache`;
  const mode = process.env['GONGWEN_CODE_CACHE'];
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache: compiled from the text.
  }
  // Node's own wrapper for a CommonJS module, on the first line so that line numbers stay those of the file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  if (mode === 'report') {
    process.stderr.write(`gongwen code cache: ${cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted'}\n`);
  }
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
