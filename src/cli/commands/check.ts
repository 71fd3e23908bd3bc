/** `gongwen check <letter>`: every diagnostic, exit 1 when there are errors. */
import type { Command } from 'commander';
import { aliasTableFrom, aliasesOption } from '../options.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('检查来函：缺少的要素、无法识别的单位、未征求意见的责任单位')
    .argument('<来函文件>', '来函文件（.pdf、.txt、.md、.docx）')
    .addOption(aliasesOption())
    .action(async (letter: string, options: { aliases?: string[] }) => {
      const { parseLetter } = await import('../../outline/parse.js');
      const outline = await parseLetter(letter, { aliases: await aliasTableFrom(options.aliases) });
      const { formatDiagnostic, sortDiagnostics, summarize } = await import('../views/diagnostics.js');
      const diagnostics = sortDiagnostics(outline.diagnostics);
      for (const diagnostic of diagnostics) process.stdout.write(`${formatDiagnostic(letter, diagnostic)}\n`);
      process.stdout.write(`${letter}：${summarize(diagnostics)}\n`);
      if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) process.exitCode = 1;
    });
}
