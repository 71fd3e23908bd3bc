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
      const { UNPLACED_SHEET, createSummary } = await import('../../summary/index.js');
      const summary = await createSummary(workspace, { asOf: options.asOf, templatesDir: options.templates });
      const { counts } = summary;
      process.stdout.write(
        `征求 ${counts.total} 家，反馈 ${counts.replied} 家，其中无意见 ${counts.noComment} 家，提出意见 ${summary.rows.length} 条。\n` +
          `已生成 ${summary.files.map((file) => `${workspace}/${file}`).join('、')}。\n`,
      );
      if (counts.notItemised.length > 0) {
        process.stdout.write(`注意：${counts.notItemised.join('、')}的反馈已收到，但意见未能逐条识别，须人工录入意见汇总表；录入前汇总表不完整。\n`);
      }
      if (summary.restored > 0) process.stdout.write(`原表中已填写的 ${summary.restored} 条意见的采纳情况、说明等内容已保留。\n`);
      if (summary.unplaced > 0) {
        const superseded = summary.superseded > 0 ? `（其中 ${summary.superseded} 条所在的反馈已被该单位新的反馈取代）` : '';
        process.stdout.write(`原表中有 ${summary.unplaced} 行对应不到现在的意见${superseded}，已原样保留在工作表“${UNPLACED_SHEET}”中，请核对。\n`);
      }
      if (summary.leftOut.length > 0) {
        process.stdout.write(`以下文件含密级标识，未纳入汇总，请在涉密设备上处理：${summary.leftOut.join('、')}\n`);
      }
    });
}
