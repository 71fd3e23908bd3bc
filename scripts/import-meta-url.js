// Injected into dist/main.cjs by scripts/build.js: a CommonJS file's own URL, where ES modules say import.meta.url.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
