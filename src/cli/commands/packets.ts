/** `gongwen packets <letter> -o <workspace> [--force] [--templates <dir>]` */
import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LAYOUT } from '../../model/workspace.js';
import { aliasTableFrom, aliasesOption, memberListFrom, recipientsOption, templatesOption } from '../options.js';

interface PacketsCommandOptions {
  output?: string;
  aliases?: string[];
  force?: boolean;
  templates?: string;
  recipients?: string;
}

export function registerPackets(program: Command): void {
  program
    .command('packets')
    .description('为每个受文单位生成意见反馈表和复函，以及分发清单和复函模板')
    .argument('<来函文件>', '来函文件（.txt、.md、.docx、.pdf）')
    .option('-o, --output <工作目录>', '工作目录（新建的文件夹）')
    .option('--force', '工作目录已存在时重新生成（回收文件夹中的文件不会被改动）')
    .addOption(templatesOption())
    .addOption(aliasesOption())
    .addOption(recipientsOption())
    .action(async (letter: string, options: PacketsCommandOptions) => {
      if (!options.output) throw new UserError('请用 -o 指定工作目录，例如：gongwen packets 来函.txt -o 征求意见');
      const { parseLetter } = await import('../../outline/parse.js');
      // The member list given, or the one the workspace kept from an earlier run.
      const { memberFileText } = await import('../../units/member-file.js');
      const kept = join(options.output, LAYOUT.members);
      const members = await memberListFrom(options.recipients ?? (existsSync(kept) ? kept : undefined));
      const outline = await parseLetter(letter, { aliases: await aliasTableFrom(options.aliases), ...(members ? { members } : {}) });
      const { createPackets } = await import('../../packets/index.js');
      const manifest = await createPackets(outline, options.output, {
        force: options.force ?? false,
        ...(options.templates ? { templatesDir: options.templates } : {}),
        ...(members && options.recipients ? { memberList: memberFileText(members) } : {}),
        ...(process.stderr.isTTY ? { onProgress: showProgress } : {}),
      });
      const errors = outline.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
      if (errors > 0) process.stderr.write(`注意：来函有 ${errors} 处错误，生成的材料中可能有空白，可用 gongwen check ${letter} 查看。\n`);
      process.stdout.write(
        `已在 ${options.output} 生成 ${manifest.recipients.length} 个单位的意见反馈表和复函，以及分发清单和复函模板。\n` +
          `各单位回复的文件请放入 ${options.output}/${LAYOUT.inbox}/。\n`,
      );
    });
}

/** One line on the terminal, rewritten in place, cleared at the end. */
function showProgress(done: number, total: number): void {
  process.stderr.write(done < total ? `\r正在生成 ${done}/${total}…` : '\r\x1b[2K');
}
