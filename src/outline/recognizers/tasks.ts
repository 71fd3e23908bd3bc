/**
 * The draft's numbered tasks (重点任务) and the units that answer for them: numbered paragraphs that carry
 * a roles clause (（责任单位：…）, 牵头单位/配合单位), a clause standing as its own paragraph after its task,
 * and rows of a task table (序号 / 任务 / 牵头单位 / 配合单位 / 完成时限).
 */
import type { Responsibility, ResponsibleUnit, Task } from '../../model/outline.js';
import type { MappedText } from '../../text/mapped.js';
import type { Block, TableBlock } from '../blocks.js';
import { parseDate } from '../../text/dates.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { RESPONSIBILITY_LABEL, outlineNumberOf, type OutlineLevel } from '../patterns.js';
import { headingOf } from './attachments.js';
import { splitUnitText } from './units-text.js';

interface Clause {
  role: Responsibility;
  units: MappedText;
}

interface Item {
  level: OutlineLevel;
  number: string;
  text: MappedText;
  path: string[];
  clauses: Clause[];
  /** Where the task's own words end (before an inline roles clause). */
  bodyEnd: number;
  parent: Item | null;
  children: Item[];
}

const ROLE_OF: Record<string, Responsibility> = {
  责任单位: '责任单位', 责任部门: '责任单位', 责任主体: '责任单位',
  牵头单位: '牵头单位', 牵头部门: '牵头单位', 主办单位: '牵头单位',
  配合单位: '配合单位', 配合部门: '配合单位', 参与单位: '配合单位', 协办单位: '配合单位',
};
const LABEL_WITH_COLON = new RegExp(`${RESPONSIBILITY_LABEL.source}\\s*[：:]`, 'gu');
const STANDALONE_CLAUSE = new RegExp(`^（?${RESPONSIBILITY_LABEL.source}\\s*[：:]`, 'u');

export function recognizeTasks(blocks: Block[], attachment: number | null, sink: DiagnosticSink): Task[] {
  const items = numberedItems(blocks);
  const taskLevels = new Set(items.filter((item) => item.clauses.length > 0).map((item) => item.level));
  const tasks: Task[] = items
    .filter((item) => taskLevels.has(item.level))
    .map((item) => taskOf(item, attachment));
  for (const block of blocks) {
    if (block.kind === 'table') tasks.push(...tableTasks(block, attachment));
  }
  for (const task of tasks) {
    if (task.responsibleUnits.length === 0) {
      sink.warning('task-without-units', `任务${task.number}“${task.title}”未写明责任单位。`, { line: task.line, column: 1 });
    }
  }
  return tasks;
}

function numberedItems(blocks: Block[]): Item[] {
  const items: Item[] = [];
  const stack: Item[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    const text = block.text.text;
    if (STANDALONE_CLAUSE.test(text)) {
      const owner = ownerOfStandaloneClause(stack.at(-1), items);
      owner?.clauses.push(...clausesIn(block.text, 0));
      continue;
    }
    const numbered = outlineNumberOf(text);
    if (!numbered) continue;
    while ((stack.at(-1)?.level ?? 0) >= numbered.level) stack.pop();
    const clauseStart = firstClauseStart(text);
    const parent = stack.at(-1) ?? null;
    const item: Item = {
      level: numbered.level,
      number: numbered.number,
      text: block.text,
      path: stack.map((ancestor) => headingOf(ancestor.text.text)),
      clauses: clauseStart < 0 ? [] : clausesIn(block.text, clauseStart),
      bodyEnd: clauseStart < 0 ? text.length : clauseStart,
      parent,
      children: [],
    };
    parent?.children.push(item);
    items.push(item);
    stack.push(item);
  }
  return items;
}

/**
 * A clause on its own line belongs to the item just above it; but when that item is one of several
 * sub-points and no item of its level has carried a clause so far, the clause closes the whole parent item.
 */
function ownerOfStandaloneClause(last: Item | undefined, items: Item[]): Item | undefined {
  const parent = last?.parent;
  const levelHasClauses = items.some((item) => item.level === last?.level && item.clauses.length > 0);
  if (last && parent && parent.children.length > 1 && !levelHasClauses) return parent;
  return last;
}

/** Offset of the （ that opens the first roles clause, or -1. */
function firstClauseStart(text: string): number {
  const match = new RegExp(`（\\s*${RESPONSIBILITY_LABEL.source}\\s*[：:]`, 'u').exec(text);
  return match ? match.index : -1;
}

/** Every `label：units` in the text from `start`, up to the bracket that closes the clause. */
function clausesIn(text: MappedText, start: number): Clause[] {
  const end = closingBracket(text.text, start);
  const clauseText = text.slice(start, end);
  const labels = [...clauseText.text.matchAll(LABEL_WITH_COLON)];
  return labels.map((label, i) => {
    const from = label.index + label[0].length;
    const to = labels[i + 1]?.index ?? clauseText.length;
    return { role: ROLE_OF[label[1] ?? ''] ?? '责任单位', units: clauseText.slice(from, to) };
  });
}

function closingBracket(text: string, start: number): number {
  if (text[start] !== '（') {
    const close = text.lastIndexOf('）');
    return close > start && !text.slice(start, close).includes('（') ? close : text.length;
  }
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '（') depth += 1;
    if (text[i] === '）') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return text.length;
}

function taskOf(item: Item, attachment: number | null): Task {
  const numbered = outlineNumberOf(item.text.text);
  const prefixLength = item.text.text.length - (numbered?.rest.length ?? item.text.text.length);
  const body = item.text.text.slice(prefixLength, item.bodyEnd).trim();
  return {
    number: item.number,
    title: headingOf(body).replace(/[；;，,]$/u, ''),
    path: item.path,
    text: body,
    deadline: null,
    responsibleUnits: item.clauses.flatMap((clause) => unitsOf(clause.units, clause.role)),
    recipients: [],
    attachment,
    line: item.text.start.line,
  };
}

function unitsOf(text: MappedText, role: Responsibility): ResponsibleUnit[] {
  return splitUnitText(text).map((item) => ({
    raw: item.raw, name: item.raw, scope: null, role, line: item.line, column: item.column, separator: item.separator,
  }));
}

const COLUMN_PATTERNS = {
  number: /^(序号|编号|序)$/u,
  task: /(任务|工作内容|事项|内容|措施)/u,
  lead: /(牵头|责任|主责|主办)/u,
  support: /(配合|参与|协办|协助)/u,
  deadline: /(时限|时间|进度|节点|期限)/u,
} as const;

function tableTasks(table: TableBlock, attachment: number | null): Task[] {
  // A Word table without a marked header row reaches mdast with an empty first row: the header is the
  // first row with words in it.
  const headerIndex = table.rows.findIndex((row) => row.some((cell) => cell.text !== ''));
  const header = table.rows[headerIndex];
  const rows = table.rows.slice(headerIndex + 1);
  if (!header) return [];
  const column = (pattern: RegExp, except: number[] = []): number =>
    header.findIndex((cell, index) => !except.includes(index) && pattern.test(cell.text));
  const number = column(COLUMN_PATTERNS.number);
  const lead = column(COLUMN_PATTERNS.lead);
  const support = column(COLUMN_PATTERNS.support, [lead]);
  const task = column(COLUMN_PATTERNS.task, [number, lead, support]);
  const deadline = column(COLUMN_PATTERNS.deadline, [number, lead, support, task]);
  if (task < 0 || (lead < 0 && support < 0)) return [];
  const role: Responsibility = /牵头|主办/u.test(header[lead]?.text ?? '') ? '牵头单位' : '责任单位';
  return rows
    .filter((row) => (row[task]?.text ?? '') !== '')
    .map((row, index) => {
      const body = row[task] as MappedText;
      const written = row[number]?.text.replace(/[.．、]$/u, '') ?? '';
      return {
        number: written || String(index + 1),
        title: headingOf(body.text),
        path: [],
        text: body.text,
        deadline: row[deadline] ? (parseDate(row[deadline].text) ?? (row[deadline].text || null)) : null,
        responsibleUnits: [
          ...(row[lead] ? unitsOf(row[lead], role) : []),
          ...(row[support] ? unitsOf(row[support], '配合单位') : []),
        ],
        recipients: [],
        attachment,
        line: body.start.line,
      };
    });
}

