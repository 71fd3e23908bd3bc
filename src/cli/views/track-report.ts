/** The track report as a table a clerk reads at a glance, with the counts and what needs attention. */
import chalk from 'chalk';
import { RECIPIENT_STATUSES, hasReplied, type RecipientStatus, type TrackReport } from '../../model/reply.js';
import { LAYOUT } from '../../model/workspace.js';
import { renderTable } from '../table.js';

/** Replied in green; outstanding in yellow before the deadline, red after it or when the file cannot be read. */
const COLOUR: Record<RecipientStatus, (text: string) => string> = {
  commented: chalk.green,
  'no-comment': chalk.green,
  unconfirmed: chalk.yellow,
  missing: chalk.yellow,
  overdue: chalk.red,
  unreadable: chalk.red,
};
const label = (status: RecipientStatus): string => RECIPIENT_STATUSES[status].label;

export function renderReport(report: TrackReport): string {
  const rows = [['序号', '单位', '状态', '意见', '文件'], ...report.recipients.map((line, index) => [
    String(index + 1).padStart(2, '0'),
    line.name,
    label(line.status),
    line.status === 'commented' ? (line.comments > 0 ? `${line.comments} 条` : '见文件') : '',
    line.files.join('，'),
  ])];
  const table = renderTable(rows, (row, column, text) => {
    const line = report.recipients[row - 1];
    if (row === 0) return chalk.bold(text);
    return column === 2 && line ? COLOUR[line.status](text) : text;
  });
  const count = (...statuses: RecipientStatus[]): number => report.recipients.filter((line) => statuses.includes(line.status)).length;
  const total = report.recipients.length;
  const lines = [
    `截止日期 ${report.deadline ?? '（来函未写明）'}，统计日期 ${report.asOf}`,
    table,
    '',
    chalk.bold(`已反馈 ${report.recipients.filter((line) => hasReplied(line.status)).length}/${total}，其中${label('no-comment')} ${count('no-comment')}；${label('missing')} ${count('missing')}，${label('overdue')} ${count('overdue')}，${label('unreadable')} ${count('unreadable')}` +
      (count('unconfirmed') > 0 ? `，${label('unconfirmed')} ${count('unconfirmed')}` : '')),
  ];
  const problems = report.recipients.flatMap((line) => line.problems.map((problem) => `  ${line.name}：${problem}`));
  if (problems.length > 0) lines.push('', chalk.bold('需要留意：'), ...problems);
  if (report.secret.length > 0) {
    lines.push('', chalk.red.bold('含密级标识的文件（请在涉密设备上处理，不纳入汇总）：'), ...report.secret.map((entry) => `  ${entry.file}（${entry.marks.join('、')}）`));
  }
  if (report.unmatched.length > 0) lines.push('', chalk.bold('无法对应到受文单位的文件：'), ...report.unmatched.map((entry) => `  ${entry.file}：${entry.reason}`));
  if (report.packets.length > 0) {
    lines.push(
      '', chalk.red.bold(`${LAYOUT.packets}/ 中有 ${report.packets.length} 个文件与清单（${LAYOUT.manifest}）记录的不一致，分发前请核对，或用 gongwen packets --force 重新生成：`),
      ...report.packets.map((entry) => `  ${entry.file}：${entry.problem}`),
    );
  }
  if (report.leftOut.length > 0) {
    lines.push('', chalk.red.bold(`有 ${report.leftOut.length} 个文件未读取（超出限制）：`), ...report.leftOut.map((entry) => `  ${entry.file}：${entry.reason}`));
  }
  if (report.ignored.length > 0) lines.push('', chalk.dim(`已忽略 ${report.ignored.length} 个临时或隐藏文件`));
  return `${lines.join('\n')}\n`;
}
