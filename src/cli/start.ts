/**
 * What bin/gongwen.cjs runs: the program, dist/main.cjs, compiled with its code cache (code-cache.ts). Built into
 * dist/start.cjs, beside main.cjs.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMain } from './code-cache.js';

runMain(dirname(fileURLToPath(import.meta.url)));
