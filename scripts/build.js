// Bundles the CLI into dist/ with esbuild: one file loads faster than many small ESM modules.
// Heavy libraries stay external and are imported lazily by the commands that need them.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

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
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
});
