/** The outline as a tree a clerk reads in the terminal (colours follow chalk, which honours NO_COLOR). */
import chalk from 'chalk';
import type { Outline, Section, Task } from '../../model/outline.js';

interface TreeNode {
  label: string;
  children?: TreeNode[];
}

export function renderOutlineTree(outline: Outline): string {
  const { letter } = outline;
  const missing = chalk.red('（未找到）');
  const field = (name: string, value: string | null | undefined): TreeNode => ({
    label: `${chalk.bold(name)}  ${value ? value : missing}`,
  });
  const tasksByLine = new Map(outline.tasks.map((task) => [task.line, task]));

  const nodes: TreeNode[] = [
    field('发文机关', letter.issuer),
    field('发文字号', letter.docNumber?.text),
    ...(letter.copyNumber ? [field('份号', letter.copyNumber)] : []),
    ...(letter.secrecy ? [field('密级', letter.secrecy)] : []),
    ...(letter.urgency ? [field('紧急程度', letter.urgency)] : []),
    ...(letter.signers.length > 0 ? [field('签发人', letter.signers.join('、'))] : []),
    field('文种', letter.kind),
    field('主送机关', letter.mainRecipients.join('；')),
    field('反馈截止', letter.deadline),
    ...(letter.silenceClause ? [field('逾期', letter.silenceClause)] : []),
    field('联系人', letter.contacts.map(contactText).join('；')),
    ...(letter.replyTo ? [field('反馈至', [letter.replyTo.unit, ...letter.replyTo.emails].filter(Boolean).join(' '))] : []),
    field('署名', letter.signature),
    field('成文日期', letter.date),
    ...(letter.notes ? [field('附注', letter.notes)] : []),
    ...(letter.copyTo.length > 0 ? [field('抄送', letter.copyTo.join('，'))] : []),
    ...(letter.printedBy ? [field('印发', `${letter.printedBy} ${letter.printedDate ?? ''}`)] : []),
    {
      label: chalk.bold(`附件说明（${letter.attachmentNotes.length}）`),
      children: letter.attachmentNotes.map((note) => ({ label: `${note.index}. ${note.title}` })),
    },
    ...outline.attachments.map((attachment) => ({
      label: chalk.bold(`附件${attachment.index}`) + `  ${attachment.title}`,
      children: attachment.sections.map((section) => sectionNode(section, tasksByLine)),
    })),
  ];
  const sectionLines = new Set(outline.attachments.flatMap((attachment) => sectionLinesOf(attachment.sections)));
  const otherTasks = outline.tasks.filter((task) => !sectionLines.has(task.line));
  if (otherTasks.length > 0) {
    nodes.push({
      label: chalk.bold(`任务（${otherTasks.length}）`),
      children: otherTasks.map((task) => ({ label: taskText(task) })),
    });
  }
  if (outline.recipients.length > 0) {
    nodes.push({
      label: chalk.bold(`受文单位（${outline.recipients.length}）`),
      children: outline.recipients.map((recipient) => ({
        label: `${chalk.dim(recipient.id)} ${recipient.name}${recipient.tasks.length > 0 ? chalk.dim(`  任务 ${recipient.tasks.join('、')}`) : ''}`,
      })),
    });
  }
  const counts = ['error', 'warning'].map((severity) => outline.diagnostics.filter((d) => d.severity === severity).length);
  nodes.push({ label: chalk.bold('检查') + `  ${counts[0]} 个错误，${counts[1]} 个警告（详见 gongwen check）` });

  const title = letter.title ? chalk.bold(letter.title) : chalk.red('（未找到标题）');
  return `${title}\n${renderChildren(nodes, '')}`;
}

function sectionNode(section: Section, tasksByLine: Map<number, Task>): TreeNode {
  const task = tasksByLine.get(section.line);
  return {
    label: task ? taskText(task) : section.heading,
    children: section.sections.map((child) => sectionNode(child, tasksByLine)),
  };
}

function sectionLinesOf(sections: Section[]): number[] {
  return sections.flatMap((section) => [section.line, ...sectionLinesOf(section.sections)]);
}

function taskText(task: Task): string {
  const units = task.responsibleUnits.map((unit) => unit.raw).join('、');
  const roles = units ? chalk.dim(`  〔${units}〕`) : chalk.yellow('  〔未写明责任单位〕');
  return `${chalk.green(`任务${task.number}`)} ${task.title}${roles}  ${chalk.dim(task.id)}`;
}

function contactText(contact: Outline['letter']['contacts'][number]): string {
  return [
    [contact.department, contact.name].filter(Boolean).join(' '),
    ...contact.phones.map((phone) => `电话 ${phone}`),
    ...contact.faxes.map((fax) => `传真 ${fax}`),
    ...contact.emails.map((email) => `邮箱 ${email}`),
  ].filter(Boolean).join(' ');
}

function renderChildren(nodes: TreeNode[], indent: string): string {
  return nodes
    .map((node, index) => {
      const last = index === nodes.length - 1;
      const line = `${indent}${last ? '└─ ' : '├─ '}${node.label}\n`;
      return line + renderChildren(node.children ?? [], indent + (last ? '   ' : '│  '));
    })
    .join('');
}
