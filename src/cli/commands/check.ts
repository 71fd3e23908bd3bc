/** `gongwen check <letter>`: every diagnostic, exit 1 when there are errors. */
import type { Command } from 'commander';
import { aliasTableFrom, aliasesOption, memberListFrom, recipientsOption } from '../options.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('检查来函：缺少的要素、无法识别的单位、未征求意见的责任单位')
    .argument('<来函文件>', '来函文件（.pdf、.txt、.md、.docx）')
    .addOption(aliasesOption())
    .addOption(recipientsOption())
    .action(async (letter: string, options: { aliases?: string[]; recipients?: string }) => {
      const { parseLetter } = await import('../../outline/parse.js');
      const members = await memberListFrom(options.recipients);
      const outline = await parseLetter(letter, { aliases: await aliasTableFrom(options.aliases), ...(members ? { members } : {}) });
      const { formatDiagnostic, sortDiagnostics, summarize } = await import('../views/diagnostics.js');
      const diagnostics = sortDiagnostics(outline.diagnostics);
      for (const diagnostic of diagnostics) process.stdout.write(`${formatDiagnostic(letter, diagnostic)}\n`);
      process.stdout.write(`${letter}：${summarize(diagnostics)}\n`);
      if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) process.exitCode = 1;
    });
}
