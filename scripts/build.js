// Bundles the CLI into dist/ with esbuild: one file loads faster than many small ESM modules.
// commander, which every command needs, is bundled too (loading a CommonJS package from ESM costs as much
// again as the package); the other libraries stay external and are imported lazily by the commands that need them.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

const BUNDLED = ['commander'];
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));

// Chunk names carry hashes: start from an empty dist/ so no stale chunk is left behind.
await rm('dist', { recursive: true, force: true });

await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(dependencies).filter((name) => !BUNDLED.includes(name)),
  // commander is CommonJS: its require() of Node's modules needs a require in the ES module it is bundled into.
  banner: { js: "import { createRequire as __gongwenRequire } from 'node:module'; const require = __gongwenRequire(import.meta.url);" },
  sourcemap: false,
  logLevel: 'warning',
});
