/** `gongwen units <letter> [--json]`: every recipient with its group, aliases and the tasks it answers for. */
import type { Command } from 'commander';
import { aliasTableFrom, aliasesOption, memberListFrom, recipientsOption } from '../options.js';

export function registerUnits(program: Command): void {
  program
    .command('units')
    .description('列出受文单位：所属类别、别名、须负责的任务，以及无法对应的责任单位')
    .argument('<来函文件>', '来函文件（.pdf、.txt、.md、.docx）')
    .option('--json', '以 JSON 输出（供脚本使用）')
    .addOption(aliasesOption())
    .addOption(recipientsOption())
    .action(async (letter: string, options: { json?: boolean; aliases?: string[]; recipients?: string }) => {
      const { parseLetter } = await import('../../outline/parse.js');
      const members = await memberListFrom(options.recipients);
      const outline = await parseLetter(letter, { aliases: await aliasTableFrom(options.aliases), ...(members ? { members } : {}) });
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ recipients: outline.recipients, tasks: outline.tasks.map(({ number, title, recipients }) => ({ number, title, recipients })) }, null, 2)}\n`);
        return;
      }
      const { renderUnits } = await import('../views/units-table.js');
      process.stdout.write(renderUnits(letter, outline));
    });
}
