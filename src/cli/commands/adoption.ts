/**
 * `gongwen adoption <workspace> [--draft] [--as-of YYYY-MM-DD] [--templates dir]`: the 征求意见采纳情况说明 and a
 * 采纳情况反馈 per commenting unit, from the 采纳情况 filled into the 意见汇总表; exit 3 while comments are undecided.
 */
import type { Command } from 'commander';
import { asOfOption, templatesOption } from '../options.js';

export function registerAdoption(program: Command): void {
  program
    .command('adoption')
    .description('按意见汇总表中填写的采纳情况，生成征求意见采纳情况说明和给各单位的采纳情况反馈')
    .argument('<工作目录>', 'gongwen packets 生成的工作目录（已运行 gongwen summary，并在意见汇总表.xlsx 中填好采纳情况）')
    .option('--draft', '仍有意见未确定采纳情况时也生成文书，标明“草稿”')
    .addOption(asOfOption())
    .addOption(templatesOption())
    .action(async (workspace: string, options: { draft?: boolean; asOf?: string; templates?: string }) => {
      const { adoptionExitCode, createAdoption } = await import('../../adoption/index.js');
      const adoption = await createAdoption(workspace, { draft: options.draft, asOf: options.asOf, templatesDir: options.templates });
      const { counts } = adoption;
      const lines = [
        `征求 ${counts.total} 家，反馈 ${counts.replied} 家，其中无意见 ${counts.noComment} 家` +
          (counts.deemedNoComment.length > 0 ? `；逾期未反馈 ${counts.deemedNoComment.length} 家，按来函视为无意见` : '') +
          (counts.pending.length > 0 ? `；尚未反馈 ${counts.pending.length} 家` : '') +
          `。意见 ${counts.comments} 条：采纳 ${counts.decided.adopted} 条，部分采纳 ${counts.decided.partly} 条，不采纳 ${counts.decided.rejected} 条` +
          (counts.undecided > 0 ? `，尚未确定 ${counts.undecided} 条` : '') +
          '。',
      ];
      if (adoption.undecided.length > 0) {
        lines.push('以下意见尚未确定采纳情况（请在意见汇总表.xlsx 的“采纳情况”列填写 采纳、部分采纳 或 不采纳）：');
        for (const comment of adoption.undecided) {
          const written = comment.decisionText === '' ? '未填写' : `填的是“${comment.decisionText}”，无法识别`;
          lines.push(`  第 ${comment.row} 行（序号 ${comment.index || '无'}）${comment.unit}：${shorten(comment.suggestion)}（${written}）`);
        }
      }
      if (adoption.missingFromSheet.length > 0) {
        lines.push(`以下单位的意见不在意见汇总表中，请重新运行 gongwen summary（已填写的采纳情况会保留）：${adoption.missingFromSheet.join('、')}`);
      }
      if (adoption.unexplained.length > 0) {
        lines.push(`以下不采纳或部分采纳的意见没有填写说明，文书中留出横线待补：第 ${adoption.unexplained.map((comment) => comment.row).join('、')} 行`);
      }
      if (adoption.unknownUnits.length > 0) {
        lines.push(`提出单位不在受文单位中，未生成采纳情况反馈：${adoption.unknownUnits.join('、')}`);
      }
      if (adoption.secret.length > 0) {
        lines.push(`以下单位发来的文件含密级标识，其意见未纳入，请在涉密设备上处理：${adoption.secret.join('、')}`);
      }
      if (adoption.files.length > 0) {
        const notes = adoption.files.length - 1;
        lines.push(
          `已生成 ${workspace}/${adoption.files[0]}` + (notes > 0 ? `，以及 ${notes} 份采纳情况反馈（${workspace}/${adoption.files[1]!.split('/')[0]}/）` : '') +
            (counts.undecided > 0 ? '，均标明“草稿”' : '') +
            '。',
        );
      } else {
        lines.push('未生成文书。填好采纳情况后再运行；要先看草稿，加 --draft。');
      }
      if (adoption.stale.length > 0) {
        lines.push(`以下采纳情况反馈是上次生成的，该单位在意见汇总表中已没有意见，请勿发出（可删除）：${adoption.stale.join('、')}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      process.exitCode = adoptionExitCode(adoption);
    });
}

/** A comment as one short line of the terminal. */
function shorten(text: string): string {
  const characters = [...text.replace(/\s+/gu, ' ')];
  return characters.length > 30 ? `${characters.slice(0, 30).join('')}…` : characters.join('');
}
