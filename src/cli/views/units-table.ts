/** The recipients as a table, then the unit findings a clerk must check. */
import chalk from 'chalk';
import type { Outline } from '../../model/outline.js';
import { renderTable } from '../table.js';
import { formatDiagnostic, sortDiagnostics } from './diagnostics.js';

export function renderUnits(letter: string, outline: Outline): string {
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
  let text = `${renderTable(rows, (row, _column, cell) => (row === 0 ? chalk.bold(cell) : cell))}\n`;
  text += `\n共 ${outline.recipients.length} 个受文单位，其中 ${outline.recipients.filter((r) => r.tasks.length === 0).length} 个不负责具体任务。\n`;
  const findings = sortDiagnostics(outline.diagnostics.filter((d) => /^(unit|recipient)-/u.test(d.rule) && d.severity !== 'info'));
  if (findings.length > 0) text += `\n${chalk.bold('需要核对：')}\n${findings.map((d) => formatDiagnostic(letter, d)).join('\n')}\n`;
  return text;
}
