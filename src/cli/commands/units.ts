/** `gongwen units <letter> [--json]`: every recipient with its group, aliases and the tasks it answers for. */
import chalk from 'chalk';
import type { Command } from 'commander';
import { aliasTableFrom, aliasesOption } from '../options.js';
import { formatDiagnostic, sortDiagnostics } from '../report.js';
import { renderTable } from '../table.js';

export function registerUnits(program: Command): void {
  program
    .command('units')
    .description('列出受文单位：所属类别、别名、须负责的任务，以及无法对应的责任单位')
    .argument('<letter>', '来函文件（.pdf、.txt、.md、.docx）')
    .option('--json', '以 JSON 输出（供脚本使用）')
    .addOption(aliasesOption())
    .action(async (letter: string, options: { json?: boolean; aliases?: string[] }) => {
      const { parseLetter } = await import('../../outline/parse.js');
      const outline = await parseLetter(letter, { aliases: await aliasTableFrom(options.aliases) });
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ recipients: outline.recipients, tasks: outline.tasks.map(({ number, title, recipients }) => ({ number, title, recipients })) }, null, 2)}\n`);
        return;
      }
      const rows = [
        ['编号', '受文单位', '所属类别', '负责的任务', '别名'],
        ...outline.recipients.map((recipient) => [
          recipient.id,
          recipient.name,
          recipient.group ?? '',
          recipient.tasks.length > 0 ? recipient.tasks.join('、') : '（无）',
          recipient.aliases.join('、'),
        ]),
      ];
      process.stdout.write(`${renderTable(rows, (row, _column, text) => (row === 0 ? chalk.bold(text) : text))}\n`);
      process.stdout.write(`\n共 ${outline.recipients.length} 个受文单位，其中 ${outline.recipients.filter((r) => r.tasks.length === 0).length} 个不负责具体任务。\n`);
      const findings = sortDiagnostics(outline.diagnostics.filter((d) => /^(unit|recipient)-/u.test(d.rule) && d.severity !== 'info'));
      if (findings.length > 0) {
        process.stdout.write(`\n${chalk.bold('需要核对：')}\n${findings.map((d) => formatDiagnostic(letter, d)).join('\n')}\n`);
      }
    });
}
