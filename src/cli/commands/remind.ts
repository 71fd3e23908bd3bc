/** `gongwen remind <workspace> [--as-of YYYY-MM-DD] [--templates dir]`: 催办通知 for each outstanding unit. */
import type { Command } from 'commander';
import { reminderFolder } from '../../model/workspace.js';
import { asOfOption, templatesOption } from '../options.js';

export function registerRemind(program: Command): void {
  program
    .command('remind')
    .description('为尚未反馈（或文件无法读取）的单位生成催办通知和催报名单，放在工作目录的 催办/ 下')
    .argument('<工作目录>', 'gongwen packets 生成的工作目录')
    .addOption(asOfOption())
    .addOption(templatesOption())
    .option('--force', '同一日期的催办通知已存在时重新生成并覆盖（其中手工修改的内容会丢失）')
    .action(async (workspace: string, options: { asOf?: string; templates?: string; force?: boolean }) => {
      const { createReminders } = await import('../../remind/index.js');
      const reminders = await createReminders(workspace, { asOf: options.asOf, templatesDir: options.templates, force: options.force ?? false });
      if (reminders.outstanding.length === 0) {
        process.stdout.write(`截至 ${reminders.asOf}，所有单位均已反馈，无需催办。\n`);
        return;
      }
      process.stdout.write(
        `截至 ${reminders.asOf}，${reminders.outstanding.length} 个单位需要催办：${reminders.outstanding.map((line) => line.recipient.name).join('、')}。\n` +
          `已生成 ${reminders.outstanding.length} 份催办通知和催报名单，在 ${workspace}/${reminderFolder(reminders.asOf)}/。\n`,
      );
      if (reminders.replaced.length > 0) process.stdout.write(`已覆盖同一日期原有的 ${reminders.replaced.length} 个文件（--force）。\n`);
      if (reminders.stale.length > 0) {
        process.stdout.write(`以下原有的催办通知所属单位现已反馈，未删除，请勿再发送：${reminders.stale.join('、')}\n`);
      }
    });
}
