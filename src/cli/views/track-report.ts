/** The track report as a table a clerk reads at a glance, with the counts and what needs attention. */
import chalk from 'chalk';
import type { RecipientStatus, TrackReport } from '../../model/reply.js';
import { renderTable } from '../table.js';

const STATUS: Record<RecipientStatus, { label: string; colour: (text: string) => string }> = {
  commented: { label: '已反馈', colour: chalk.green },
  'no-comment': { label: '无意见', colour: chalk.green },
  missing: { label: '未反馈', colour: chalk.yellow },
  overdue: { label: '逾期未反馈', colour: chalk.red },
  unreadable: { label: '文件无法读取', colour: chalk.red },
};

export function renderReport(report: TrackReport): string {
  const rows = [['序号', '单位', '状态', '意见', '文件'], ...report.recipients.map((line, index) => [
    String(index + 1).padStart(2, '0'),
    line.name,
    STATUS[line.status].label,
    line.status === 'commented' ? (line.comments > 0 ? `${line.comments} 条` : '见文件') : '',
    line.files.join('，'),
  ])];
  const table = renderTable(rows, (row, column, text) => {
    const line = report.recipients[row - 1];
    if (row === 0) return chalk.bold(text);
    return column === 2 && line ? STATUS[line.status].colour(text) : text;
  });
  const count = (...statuses: RecipientStatus[]): number => report.recipients.filter((line) => statuses.includes(line.status)).length;
  const total = report.recipients.length;
  const lines = [
    `截止日期 ${report.deadline ?? '（来函未写明）'}，统计日期 ${report.asOf}`,
    table,
    '',
    chalk.bold(`已反馈 ${count('commented', 'no-comment')}/${total}，其中无意见 ${count('no-comment')}；未反馈 ${count('missing')}，逾期未反馈 ${count('overdue')}，文件无法读取 ${count('unreadable')}`),
  ];
  const problems = report.recipients.flatMap((line) => line.problems.map((problem) => `  ${line.name}：${problem}`));
  if (problems.length > 0) lines.push('', chalk.bold('需要留意：'), ...problems);
  if (report.secret.length > 0) {
    lines.push('', chalk.red.bold('含密级标识的文件（请在涉密设备上处理，不纳入汇总）：'), ...report.secret.map((entry) => `  ${entry.file}（${entry.marks.join('、')}）`));
  }
  if (report.unmatched.length > 0) lines.push('', chalk.bold('无法对应到受文单位的文件：'), ...report.unmatched.map((entry) => `  ${entry.file}：${entry.reason}`));
  if (report.ignored.length > 0) lines.push('', chalk.dim(`已忽略 ${report.ignored.length} 个临时或隐藏文件`));
  return `${lines.join('\n')}\n`;
}
