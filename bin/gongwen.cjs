#!/usr/bin/env node
// The program is built into dist/: `npm run build` in a clone; `npm pack` builds it into the package (prepack).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

// dist/start.cjs runs dist/main.cjs, the program, through its code cache.
const start = join(__dirname, '..', 'dist', 'start.cjs');
if (!existsSync(start)) {
  process.stderr.write(`gongwen：程序还没有构建（缺少 ${start}）。请在 gongwen 的文件夹中运行 npm run build，或重新安装 gongwen。\n`);
  process.exitCode = 1;
} else {
  require(start);
}
