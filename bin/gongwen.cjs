#!/usr/bin/env node
// The program is built into dist/: `npm run build` in a clone; `npm pack` builds it into the package (prepack).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', 'dist', 'main.cjs');
if (!existsSync(main)) {
  process.stderr.write(`gongwen：程序还没有构建（缺少 ${main}）。请在 gongwen 的文件夹中运行 npm run build，或重新安装 gongwen。\n`);
  process.exitCode = 1;
} else {
  require(main);
}
