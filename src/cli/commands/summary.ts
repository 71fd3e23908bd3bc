/** `gongwen summary <workspace> [--as-of YYYY-MM-DD] [--templates dir]`: the 意见汇总表 as .docx and .xlsx. */
import type { Command } from 'commander';
import { asOfOption, templatesOption } from '../options.js';

export function registerSummary(program: Command): void {
  program
    .command('summary')
    .description('把各单位的意见按征求意见稿的顺序汇总成意见汇总表（.docx 和 .xlsx）')
    .argument('<工作目录>', 'gongwen packets 生成的工作目录')
    .addOption(asOfOption())
    .addOption(templatesOption())
    .action(async (workspace: string, options: { asOf?: string; templates?: string }) => {
      const { createSummary } = await import('../../summary/index.js');
      const summary = await createSummary(workspace, { asOf: options.asOf, templatesDir: options.templates });
      const { counts } = summary;
      process.stdout.write(
        `征求 ${counts.total} 家，反馈 ${counts.replied} 家，其中无意见 ${counts.noComment} 家，提出意见 ${summary.rows.length} 条。\n` +
          `已生成 ${summary.files.map((file) => `${workspace}/${file}`).join('、')}。\n`,
      );
      if (summary.leftOut.length > 0) {
        process.stdout.write(`以下文件含密级标识，未纳入汇总，请在涉密设备上处理：${summary.leftOut.join('、')}\n`);
      }
    });
}
