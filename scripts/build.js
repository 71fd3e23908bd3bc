// Builds the CLI into dist/ with esbuild, in two parts, so that start-up loads as little as it can:
//
// - dist/main.cjs: the program itself, as one CommonJS file: commander, the commands, and what `parse`,
//   `check` and `units` need for a plain-text letter. Node loads it without starting its ES module loader.
// - dist/esm/: the modules that need the heavy libraries (docx, exceljs, PDFium, remark, chalk,
//   saxes), as ES modules that main.cjs imports only when a command asks for them.
//
// Code both parts use (errors, the outline model, text helpers) is in each; nothing in it keeps state that
// the other part must see, and the one class that crosses over, UserError, is recognised by a brand.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

/** The modules loaded on demand, by the name of their file in dist/esm/. */
const ON_DEMAND = {
  markdown: 'src/readers/markdown.ts',
  docx: 'src/readers/docx.ts',
  pdf: 'src/readers/pdf.ts',
  ole: 'src/readers/ole.ts',
  mail: 'src/readers/mail.ts',
  archive: 'src/readers/archive.ts',
  packets: 'src/packets/index.ts',
  tracking: 'src/tracking/index.ts',
  remind: 'src/remind/index.ts',
  summary: 'src/summary/index.ts',
  adoption: 'src/adoption/index.ts',
  diagnostics: 'src/cli/views/diagnostics.ts',
  'outline-tree': 'src/cli/views/outline-tree.ts',
  'track-report': 'src/cli/views/track-report.ts',
  'units-table': 'src/cli/views/units-table.ts',
  'template-parse': 'src/writers/template/parse.ts',
};
const onDemandByPath = new Map(Object.entries(ON_DEMAND).map(([name, path]) => [resolve(path), name]));

/**
 * The packages left as they are in node_modules: package.json's dependencies, but commander. Libraries that are
 * only devDependencies (docx; remark, unified and mdast-util-to-string, which Node loads as some 230 small ES
 * modules, 0.19 s of the sample letter's `packets`) are bundled in.
 */
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
const external = Object.keys(dependencies).filter((name) => name !== 'commander');

/** In main.cjs, `import('./markdown.js')` of an on-demand module becomes `import('./esm/markdown.js')`. */
const onDemandImports = {
  name: 'on-demand-imports',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const target = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      const name = onDemandByPath.get(target);
      return name === undefined ? undefined : { path: `./esm/${name}.js`, external: true };
    });
  },
};

/**
 * commander loads node:child_process when it is loaded, for subcommands run as separate programs, which gongwen
 * has none of: it gets the module only when it asks for one of its functions.
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

const EXCELJS_WRITER = /^exceljs\/lib\/stream\/xlsx\/workbook-writer\.js$/;
const INSIDE_EXCELJS = /[\\/]node_modules[\\/]exceljs[\\/]/;

/**
 * exceljs's streaming writer (src/writers/sheet.ts) is bundled, with what it requires, and src/writers/sheet-zip.ts
 * in place of archiver, which it loads only to zip a workbook's parts. Loading, measured side by side: exceljs's
 * entry point 0.50 s, the writer alone (with archiver) 0.21 s, the writer bundled without archiver 0.04 s.
 * The packages the writer requires come from exceljs's own node_modules where it has its own (saxes).
 */
const bundledXlsxWriter = {
  name: 'bundled-xlsx-writer',
  setup(build) {
    const require = createRequire(import.meta.url);
    build.onResolve({ filter: EXCELJS_WRITER }, (args) => ({ path: require.resolve(args.path) }));
    build.onResolve({ filter: /^archiver$/ }, (args) => (INSIDE_EXCELJS.test(args.importer) ? { path: 'archiver', namespace: 'sheet-zip' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'sheet-zip' }, () => ({
      contents: "module.exports = require('./sheet-zip.ts').archiver;",
      resolveDir: resolve('src/writers'),
      loader: 'js',
    }));
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      INSIDE_EXCELJS.test(args.importer) && !isBuiltin(args.path) ? { path: createRequire(args.importer).resolve(args.path) } : undefined,
    );
  },
};

/**
 * gongwen's own templates parsed here, once, rather than by every command that lays out a document
 * (src/writers/template/built-in-trees.ts): parse.ts, bundled on its own, parses each of templates/*.md as
 * loadTemplates reads it, and the trees are written into built-in-trees.ts in dist/esm/, where the commands
 * that lay out documents are. main.cjs only copies templates (`gongwen templates`) and keeps the empty table.
 */
async function builtInTrees() {
  const { outputFiles } = await build({
    stdin: {
      contents: [
        "export { TEMPLATE_NAMES } from './src/writers/template/load.ts';",
        "export { parseTemplateText } from './src/writers/template/parse.ts';",
        "export { decodeText } from './src/readers/decode.ts';",
      ].join('\n'),
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  const { TEMPLATE_NAMES, parseTemplateText, decodeText } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].contents).toString('base64')}`);
  return TEMPLATE_NAMES.map((name) => {
    const { text } = decodeText(readFileSync(join('templates', `${name}.md`)));
    return [text, parseTemplateText(text)];
  });
}

const trees = JSON.stringify(await builtInTrees());
const builtInTreesModule = {
  name: 'built-in-trees',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]writers[\\/]template[\\/]built-in-trees\.ts$/ }, () => ({
      contents: `export const BUILT_IN_TREES = new Map(JSON.parse(${JSON.stringify(trees)}));`,
      loader: 'js',
    }));
  },
};

// Chunk names carry hashes: start from an empty dist/ so no stale chunk is left behind.
await rm('dist', { recursive: true, force: true });

const common = { bundle: true, platform: 'node', target: 'node20', external, sourcemap: false, logLevel: 'warning' };

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/main.cjs',
  format: 'cjs',
  // import.meta.url, which finds templates/ from the module's own place, is this file's URL.
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: [relative('.', 'scripts/import-meta-url.js')],
  plugins: [onDemandImports, lazyChildProcess],
});

await build({
  ...common,
  entryPoints: ON_DEMAND,
  outdir: 'dist/esm',
  splitting: true,
  format: 'esm',
  // The CommonJS bundled in (exceljs's writer) requires Node's own modules with `require`, which ES modules lack.
  banner: { js: "import { createRequire as createRequireForBundledCjs } from 'node:module';\nconst require = createRequireForBundledCjs(import.meta.url);" },
  plugins: [bundledXlsxWriter, builtInTreesModule],
});
