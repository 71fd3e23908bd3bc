/** `gongwen parse <letter> [--json] [-o outline.json]` */
import type { Command } from 'commander';
import { aliasTableFrom, aliasesOption } from '../options.js';
import { writeFileAtomic } from '../../files.js';

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('解析来函，显示其结构（要素、附件、任务、受文单位）')
    .argument('<来函文件>', '来函文件（.pdf、.txt、.md、.docx）')
    .addOption(aliasesOption())
    .option('--json', '以 JSON 输出结构（供脚本使用）')
    .option('-o, --output <文件>', '把 JSON 结构写入文件')
    .action(async (letter: string, options: { json?: boolean; output?: string; aliases?: string[] }) => {
      const { parseLetter } = await import('../../outline/parse.js');
      const outline = await parseLetter(letter, { aliases: await aliasTableFrom(options.aliases) });
      const json = `${JSON.stringify(outline, null, 2)}\n`;
      if (options.output) {
        await writeFileAtomic(options.output, json);
        if (!options.json) process.stderr.write(`已写入 ${options.output}\n`);
      }
      if (options.json) process.stdout.write(json);
      else if (!options.output) process.stdout.write((await import('../views/outline-tree.js')).renderOutlineTree(outline));
    });
}
