/** `gongwen track <workspace> [--as-of YYYY-MM-DD] [--json]`: who has replied; exit 3 while any is outstanding. */
import type { Command } from 'commander';
import { asOfOption } from '../options.js';

export function registerTrack(program: Command): void {
  program
    .command('track')
    .description('跟踪回收：各单位是否已反馈、无意见、逾期，哪些文件无法读取或无法识别')
    .argument('<工作目录>', 'gongwen packets 生成的工作目录')
    .addOption(asOfOption())
    .option('--json', '以 JSON 输出（供脚本使用）')
    .action(async (workspace: string, options: { asOf?: string; json?: boolean }) => {
      const { trackExitCode, trackWorkspace } = await import('../../tracking/index.js');
      const { report } = await trackWorkspace(workspace, { asOf: options.asOf });
      const { renderReport } = await import('../views/track-report.js');
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
      process.exitCode = trackExitCode(report);
    });
}
