// Bundles the CLI into dist/ with esbuild: one file loads faster than many small ESM modules.
// commander, which every command needs, is bundled too (loading a CommonJS package from ESM costs as much
// again as the package); the other libraries stay external and are imported lazily by the commands that need them.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

const BUNDLED = ['commander'];
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));

/**
 * commander loads node:child_process when it is loaded, for subcommands run as separate programs, which gongwen
 * has none of: it gets the module only when it asks for one of its functions, so start-up does not load it.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
      loader: 'js',
    }));
  },
};

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
  plugins: [lazyChildProcess],
  sourcemap: false,
  logLevel: 'warning',
});
