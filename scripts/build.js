// Builds the CLI into dist/ with esbuild, in two parts, so that start-up loads as little as it can:
//
// - dist/main.cjs: the program itself, as one CommonJS file: commander, the commands, and what `parse`,
//   `check` and `units` need for a plain-text letter, with their views (chalk). Node loads it with `require`.
// - dist/on-demand.cjs: the modules that need the heavy libraries (docx, exceljs's writer, PDFium, remark, saxes),
//   as one CommonJS file in which esbuild wraps each module in a function run when it is first required:
//   a command runs only the libraries it asks for. main.cjs loads it through src/cli/code-cache.ts, with
//   dist/on-demand.<command>.cache: the V8 code caches made here by running each command that loads it once, so
//   that V8 takes the functions a command runs, compiled, from its cache instead of compiling them at each start.
//
// Code both parts use (errors, the outline model, text helpers) is in each; nothing in it keeps state that
// the other part must see, and the one class that crosses over, UserError, is recognised by a brand. Both files
// are ASCII (see asciiOnly), so that they are read without decoding UTF-8.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse } from 'acorn';
import { build } from 'esbuild';

/**
 * The modules loaded on demand, by the name main.cjs asks src/cli/code-cache.ts for. The views of parse, check,
 * units and track (chalk, bundled) stay in main.cjs: loading on-demand.cjs and its cache for them alone cost `parse`
 * and `check` some 2,000 page faults and 7 MB more than the view itself.
 */
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
  // remark, for an office's own templates (src/writers/template/load.ts): main.cjs copies templates, and stays small.
  'template-parse': 'src/writers/template/parse.ts',
};
const onDemandByPath = new Map(Object.entries(ON_DEMAND).map(([name, path]) => [resolve(path), name]));

/**
 * The packages left as they are in node_modules: package.json's dependencies, but commander and chalk (an ES module
 * only, which `require` cannot load on every Node 20). Libraries that are only devDependencies (docx; remark, unified
 * and mdast-util-to-string, which Node loads as some 230 small ES modules, 0.19 s of the sample letter's `packets`)
 * are bundled in.
 */
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
const external = Object.keys(dependencies).filter((name) => name !== 'commander' && name !== 'chalk');

/** In main.cjs, `import('./markdown.js')` of an on-demand module becomes `onDemand('markdown')` of src/cli/code-cache.ts. */
const onDemandImports = {
  name: 'on-demand-imports',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const target = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      const name = onDemandByPath.get(target);
      return name === undefined ? undefined : { path: name, namespace: 'on-demand' };
    });
    build.onLoad({ filter: /.*/, namespace: 'on-demand' }, (args) => ({
      contents: `module.exports = require('./code-cache.ts').onDemand(${JSON.stringify(args.path)});`,
      resolveDir: resolve('src/cli'),
      loader: 'js',
    }));
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

/** What gongwen's own modules export (`exports`: export statements), bundled on their own to run here, as it builds. */
async function sourceModules(exports) {
  const { outputFiles } = await build({
    stdin: { contents: exports.join('\n'), resolveDir: resolve('.'), loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].contents).toString('base64')}`);
}

/**
 * gongwen's own templates parsed here, once, rather than by every command that lays out a document
 * (src/writers/template/built-in-trees.ts): parse.ts, bundled on its own, parses each of templates/*.md as
 * loadTemplates reads it (load.ts's readTemplate), and the trees are written into built-in-trees.ts in on-demand.cjs, where the commands
 * that lay out documents are. main.cjs only copies templates (`gongwen templates`) and keeps the empty table.
 */
async function builtInTrees() {
  const { TEMPLATE_NAMES, readTemplate, parseTemplateText } = await sourceModules([
    "export { TEMPLATE_NAMES, readTemplate } from './src/writers/template/load.ts';",
    "export { parseTemplateText } from './src/writers/template/parse.ts';",
  ]);
  return Promise.all(
    TEMPLATE_NAMES.map(async (name) => {
      const text = await readTemplate(join('templates', `${name}.md`));
      return [text, parseTemplateText(text)];
    }),
  );
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

/**
 * The frames of gongwen's documents made here, once, by the docx library (src/writers/docx/frame.ts): frame.ts and
 * layout.ts, bundled on their own, make the four (portrait or landscape, 信函 or not), and on-demand.cjs gets a
 * frame.ts that only hands them out. The docx library is then not in dist/ at all: loading it and building each
 * document as its object tree took most of what `packets` spent on a letter.
 */
async function builtFrames() {
  const { frameSpec, makeFrame } = await sourceModules([
    "export { frameSpec } from './src/writers/docx/layout.ts';",
    "export { makeFrame } from './src/writers/docx/frame.ts';",
  ]);
  const decoder = new TextDecoder();
  const frames = {};
  for (const orientation of ['portrait', 'landscape']) {
    for (const letterhead of [false, true]) {
      const frame = makeFrame(frameSpec(orientation, letterhead));
      const parts = frame.parts.map((part) => ('bytes' in part ? { path: part.path, xml: decoder.decode(part.bytes) } : part));
      frames[`${orientation} ${letterhead}`] = { ...frame, parts };
    }
  }
  return frames;
}

const frames = JSON.stringify(await builtFrames());
const framesModule = {
  name: 'built-frames',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]writers[\\/]docx[\\/]frame\.ts$/ }, () => ({
      contents: [
        '// The frames scripts/build.js made with the docx library, by orientation and 信函 or not.',
        `const BUILT_FRAMES = JSON.parse(${JSON.stringify(frames)});`,
        'const encoder = new TextEncoder();',
        'export function makeFrame(spec) {',
        '  const { parts, ...frame } = BUILT_FRAMES[`${spec.orientation} ${spec.letterhead}`];',
        "  return { ...frame, parts: parts.map((part) => ('xml' in part ? { path: part.path, bytes: encoder.encode(part.xml) } : part)) };",
        '}',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/**
 * In on-demand.cjs, `import('exceljs')` of a package (kept in node_modules) becomes its `require`: the code runs as a
 * vm.Script, which has no loader for `import()`. Every package left out of the bundle has a CommonJS entry point.
 */
const packagesRequired = {
  name: 'packages-required',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'required' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

/**
 * esbuild writes non-ASCII characters as escapes in strings and names, but not in comments, regular expressions and
 * tagged templates. Each is written here as its \uXXXX escape (a surrogate pair as two: one code point in a /u
 * expression), and in a String.raw template as a `${"\uXXXX"}` substitution, which String.raw joins in unchanged. The
 * file is then ASCII, which Node reads into a one-byte string without decoding UTF-8 (1.7 MB of esbuild's output with
 * some 70 lines of CJK in comments and expressions took 20–35 ms to read as UTF-8; in ASCII as latin1, 1–5 ms).
 */
function asciiOnly(code, file) {
  const taggedTemplates = [];
  (function visit(node) {
    if (node.type === 'TaggedTemplateExpression') taggedTemplates.push(node);
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child.type === 'string') visit(child);
    }
  })(parse(code, { ecmaVersion: 'latest', sourceType: 'script' }));
  const rawTemplateAt = (index) =>
    taggedTemplates.find(({ quasi }) => quasi.quasis.some((part) => part.start <= index && index < part.end));
  return code.replace(/(\\*)([^\x00-\x7f])/gu, (_, backslashes, character, index) => {
    const at = index + backslashes.length;
    let escaped = '';
    for (let unit = 0; unit < character.length; unit++) escaped += `\\u${character.charCodeAt(unit).toString(16).toUpperCase().padStart(4, '0')}`;
    const template = rawTemplateAt(at);
    if (template) {
      if (code.slice(template.tag.start, template.tag.end) !== 'String.raw' || backslashes.length % 2 === 1) {
        throw new Error(`${file}: a non-ASCII character at ${at}, in a tagged template, cannot be written in ASCII`);
      }
      return `${backslashes}\${"${escaped}"}`;
    }
    // `\年` (an identity escape, in a regular expression without /u) is the character itself.
    return `${backslashes.slice(backslashes.length % 2)}${escaped}`;
  });
}

/** Builds with esbuild and writes the output as ASCII; with `identify`, ending with its identity (src/cli/code-cache.ts). */
async function buildAscii({ identify = false, ...options }) {
  const { outputFiles } = await build({ ...options, write: false });
  await mkdir('dist', { recursive: true });
  for (const { path, text } of outputFiles) {
    const code = asciiOnly(text, relative('.', path));
    await writeFile(path, identify ? `${code}// source id ${createHash('sha256').update(code).digest('hex')}\n` : code);
  }
}

await rm('dist', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external,
  sourcemap: false,
  logLevel: 'warning',
  // import.meta.url, which finds templates/ from the module's own place, is the file's URL.
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: [relative('.', 'scripts/import-meta-url.js')],
  // Without spaces and comments, in shorter syntax, but with every name kept (an internal error still names its
  // function): on-demand.cjs is 1.2 MB instead of 1.8, and packets and track touch some 500 fewer pages of memory.
  minifyWhitespace: true,
  minifySyntax: true,
};

await buildAscii({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/main.cjs', identify: true, plugins: [onDemandImports, lazyChildProcess] });
// What bin/gongwen.cjs requires: main.cjs run through its code cache (src/cli/code-cache.ts).
await buildAscii({ ...common, entryPoints: ['src/cli/start.ts'], outfile: 'dist/start.cjs' });

// For each on-demand module, a function that requires it: esbuild wraps each in a function run on its first `require`.
await buildAscii({
  ...common,
  stdin: {
    contents: Object.entries(ON_DEMAND).map(([name, path]) => `exports[${JSON.stringify(name)}] = () => require(${JSON.stringify(`./${path}`)});`).join('\n'),
    resolveDir: resolve('.'),
    sourcefile: 'on-demand.js',
  },
  outfile: 'dist/on-demand.cjs',
  identify: true,
  plugins: [bundledXlsxWriter, packagesRequired, builtInTreesModule, framesModule],
});

/**
 * The code caches (src/cli/code-cache.ts). First main.cjs's, one for every command, from `packets` on the sample
 * letter. Then on-demand.cjs's, one for each command that loads it: the program run on the sample letter as Word
 * saved it (parse, check, units: a letter that is not plain text is read by on-demand code, and without a cache the
 * whole file would be compiled for it, 30–50 ms), in a folder of its own on the sample letter (packets), then on its
 * workspace with some of the forms it wrote in the inbox as returned (track, summary, remind, adoption). Each writes
 * its cache when it ends, with every function it compiled. Not a PDF: PDFium's reader sets a V8 flag for a while,
 * and V8 would take such a cache only under it. Run without NODE_OPTIONS, for the same reason: a clerk's Node has
 * no V8 flags.
 */
const scratch = mkdtempSync(join(tmpdir(), 'gongwen-build-'));
try {
  const { NODE_OPTIONS, ...env } = process.env;
  const gongwen = (...args) => {
    const mode = typeof args.at(-1) === 'object' ? args.pop() : { GONGWEN_CODE_CACHE: 'make' };
    const run = spawnSync(process.execPath, ['bin/gongwen.cjs', ...args], { env: { ...env, ...mode }, encoding: 'utf8' });
    // track ends with 3 when units are late.
    if (run.status !== 0 && run.status !== 3) throw new Error(`gongwen ${args.join(' ')} failed while making the code cache:\n${run.stderr}`);
  };
  // The program's own cache first, from a run that reads and recognises a letter and writes its packets.
  gongwen('packets', 'fixtures/min-fu-xie-han-2024-8.txt', '-o', join(scratch, 'main'), { GONGWEN_CODE_CACHE: 'make-main' });
  for (const command of ['parse', 'check', 'units']) gongwen(command, 'fixtures/formats/min-fu-xie-han-2024-8.docx');
  const workspace = join(scratch, 'ws');
  gongwen('packets', 'fixtures/min-fu-xie-han-2024-8.txt', '-o', workspace);
  const { inbox, recipients } = JSON.parse(readFileSync(join(workspace, 'gongwen.json'), 'utf8'));
  recipients.slice(0, 5).forEach((recipient) => {
    copyFileSync(join(workspace, recipient.files.form), join(workspace, inbox, `${recipient.id}-意见反馈表.docx`));
  });
  for (const command of ['track', 'summary', 'remind']) gongwen(command, workspace, '--as-of', '2024-10-19');
  gongwen('adoption', workspace, '--draft');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
