/**
 * The draft's numbered tasks (重点任务) and the units that answer for them: numbered paragraphs that carry
 * a roles clause (（责任单位：…）, [牵头单位:…;责任单位:…], （商务部负责）, （甲牵头，乙配合）), clauses standing
 * as their own paragraphs after their task (牵头单位：… / 责任单位：… on separate lines), and rows of a task
 * table (序号 / 任务 / 牵头单位 / 配合单位 / 完成时限). Each task gets a stable id and a printed number.
 */
import type { Responsibility, ResponsibleUnit, Task } from '../../model/outline.js';
import type { MappedText } from '../../text/mapped.js';
import type { Block, TableBlock } from '../blocks.js';
import { parseDate } from '../../text/dates.js';
import { eitherScript, simplifiedOf } from '../../text/traditional.js';
import { RESPONSIBILITY_LABEL, outlineNumberOf, type OutlineLevel } from '../patterns.js';
import type { Recognizer } from '../recognizer.js';
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
  /** The outline numbers from the top down to this item: 二, 一, 1. */
  numbers: string[];
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

export const recognizeTasks: Recognizer = (regions) => {
  const tasks = [
    ...tasksIn([...regions.body, ...regions.tail], null),
    ...regions.attachments.flatMap((region) => tasksIn(region.blocks, region.index)),
  ];
  labelTasks(tasks);
  return { tasks };
};

function tasksIn(blocks: Block[], attachment: number | null): Task[] {
  const scope = attachment === null ? 'letter' : `a${attachment}`;
  const items = numberedItems(blocks);
  // A task is a numbered item at a level that carries roles, among siblings that carry them: the headings of
  // other parts numbered alike (一、重大意义 …) are not tasks.
  const withClauses = items.filter((item) => item.clauses.length > 0);
  const taskLevels = new Set(withClauses.map((item) => item.level));
  const taskParents = new Set(withClauses.map((item) => item.parent));
  const tasks: Task[] = items
    .filter((item) => taskLevels.has(item.level) && taskParents.has(item.parent))
    .map((item) => taskOf(item, attachment, `${scope}:${item.numbers.join('.')}`));
  let tableIndex = 0;
  for (const block of blocks) {
    if (block.kind !== 'table') continue;
    tableIndex += 1;
    tasks.push(...tableTasks(block, attachment, `${scope}:表${tableIndex}`));
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
    if (!numbered) {
      // A paragraph under a numbered item that names its duties in brackets: they belong to the item.
      const last = stack.at(-1);
      if (last) last.clauses.push(...[...text.matchAll(DUTY_PHRASE)].flatMap((duty) => dutyClauses(block.text, duty)));
      continue;
    }
    while ((stack.at(-1)?.level ?? 0) >= numbered.level) stack.pop();
    const found = clausesOf(block.text);
    const parent = stack.at(-1) ?? null;
    const item: Item = {
      level: numbered.level,
      number: numbered.number,
      text: block.text,
      path: stack.map((ancestor) => headingOf(ancestor.text.text)),
      numbers: [...stack.map((ancestor) => ancestor.number), numbered.number],
      clauses: found?.clauses ?? [],
      bodyEnd: found?.start ?? text.length,
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

const OPENING_CLAUSE = new RegExp(`[（〔\\[［【]\\s*${RESPONSIBILITY_LABEL.source}\\s*[：:]`, 'u');
/**
 * （商务部负责）, （市发改委牵头负责）, （农业农村部指导）, （市发改委牵头，财政局、自然资源局配合）,
 * （市政府办公室牵头，市级各有关部门按职责分工负责）, in either script (（…牽頭，…負責）): duty brackets, at the end
 * of a paragraph, after each of its measures, or in the paragraphs under it, perhaps with a remark after the units
 * (（税务总局、财政部负责，排在第一位的部门为牵头部门）). A bracket that is a sentence (（具体事项由市商务局负责）,
 * （…的负责）, （由市商务局牵头，…）) is not a list of units.
 */
const DUTY_PHRASE = eitherScript(
  /（((?:(?![由的])[^（）。；]){2,60}?)牵头[，、；]((?:(?![由的])[^（）。；]){2,80}?)(?:按照?职责分工)?(配合|参与|负责)）|（((?:(?![由的])[^（）。；]){2,80}?)(?:按照?职责分工|分别)?(?:牵头)?(?:负责|指导)(?:，[^（）。；]{1,40})?）/gu,
);
const LEADS_ALONE = eitherScript(/牵头负责/u);
const JOINTLY = eitherScript(/会同/u);

/**
 * The roles clauses a numbered paragraph carries, and where the task's own words end: before a labelled
 * clause, or before a duty bracket that closes the paragraph (brackets inside it stay in the text).
 */
function clausesOf(text: MappedText): { start: number; clauses: Clause[] } | null {
  const labelled = OPENING_CLAUSE.exec(text.text);
  if (labelled) return { start: labelled.index, clauses: clausesIn(text, labelled.index) };
  const duties = [...text.text.matchAll(DUTY_PHRASE)];
  const last = duties.at(-1);
  if (!last) return null;
  const ends = /^[。；]?$/u.test(text.text.slice(last.index + last[0].length));
  return { start: ends ? last.index : text.length, clauses: duties.flatMap((duty) => dutyClauses(text, duty)) };
}

function dutyClauses(text: MappedText, duty: RegExpExecArray | RegExpMatchArray): Clause[] {
  const index = duty.index ?? 0;
  const at = (group: number): MappedText => {
    const value = duty[group] ?? '';
    const offset = index + duty[0].indexOf(value);
    return text.slice(offset, offset + value.length);
  };
  if (duty[4] === undefined) {
    const others: Responsibility = /配合|参与/u.test(duty[3] ?? '') ? '配合单位' : '责任单位';
    return [{ role: '牵头单位', units: at(1) }, { role: others, units: at(2) }];
  }
  const units = at(4);
  // 国家发展改革委会同有关部门负责: the first leads, the others join.
  const jointly = JOINTLY.exec(units.text)?.index ?? -1;
  if (jointly > 0) return [{ role: '牵头单位', units: units.slice(0, jointly) }, { role: '配合单位', units: units.slice(jointly + 2) }];
  return [{ role: LEADS_ALONE.test(duty[0]) ? '牵头单位' : '责任单位', units }];
}

/** Every `label：units` in the text from `start`, up to the bracket that closes the clause. */
/**
 * Every `label：units` in the text from `start`, up to the bracket that closes the clause; the units end at
 * the clause's first sentence and without its verb (〔责任单位:省发展改革委、商务厅按职责分工负责。具体任务…〕).
 */
function clausesIn(text: MappedText, start: number): Clause[] {
  const end = closingBracket(text.text, start);
  const clauseText = text.slice(start, end);
  const labels = [...clauseText.text.matchAll(LABEL_WITH_COLON)];
  return labels.map((label, i) => {
    const from = label.index + label[0].length;
    const to = labels[i + 1]?.index ?? clauseText.length;
    const units = clauseText.text.slice(from, to).replace(/。[\s\S]*$/u, '').replace(CLAUSE_VERB, '');
    return { role: ROLE_OF[simplifiedOf(label[1] ?? '')] ?? '责任单位', units: clauseText.slice(from, from + units.length) };
  });
}

const CLAUSE_VERB = /(?:按照?职责分工|分别)?负责$/u;
const BRACKET_PAIRS: Record<string, string> = { '（': '）', '〔': '〕', '[': ']', '［': '］', '【': '】' };

function closingBracket(text: string, start: number): number {
  const open = text[start] ?? '';
  const close = BRACKET_PAIRS[open];
  if (!close) {
    const last = text.lastIndexOf('）');
    return last > start && !text.slice(start, last).includes('（') ? last : text.length;
  }
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === open) depth += 1;
    if (text[i] === close) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return text.length;
}

function taskOf(item: Item, attachment: number | null, id: string): Task {
  const numbered = outlineNumberOf(item.text.text);
  const prefixLength = item.text.text.length - (numbered?.rest.length ?? item.text.text.length);
  const body = item.text.text.slice(prefixLength, item.bodyEnd).trim();
  return {
    id,
    number: item.number,
    title: headingOf(body).replace(/[；;，,]$/u, ''),
    path: item.path,
    text: body,
    deadline: null,
    responsibleUnits: onceEach(item.clauses.flatMap((clause) => unitsOf(clause.units, clause.role))),
    recipients: [],
    attachment,
    line: item.text.start.line,
  };
}

/** A unit named in several duty brackets of one task is listed once, where it is first named, in its first role. */
function onceEach(units: ResponsibleUnit[]): ResponsibleUnit[] {
  return units.filter((unit, index) => units.findIndex((other) => other.raw === unit.raw) === index);
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

function tableTasks(table: TableBlock, attachment: number | null, idPrefix: string): Task[] {
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
        id: `${idPrefix}.${written || String(index + 1)}`,
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


/**
 * The printed numbers. Numbering that restarts gives the same number twice: qualify it by its heading (一.1)
 * when it restarts under each heading, and by its attachment (1（附件2）) when two attachments number their
 * own tasks. Ids that would still collide (a letter numbering two items alike) get ~2, ~3.
 */
function labelTasks(tasks: Task[]): void {
  const duplicated = (key: (task: Task) => string): Set<string> => {
    const counts = new Map<string, number>();
    for (const task of tasks) counts.set(key(task), (counts.get(key(task)) ?? 0) + 1);
    return new Set([...counts].filter(([, count]) => count > 1).map(([value]) => value));
  };
  const inOneAttachment = (task: Task): string => `${task.attachment}/${task.number}`;
  const restarted = duplicated(inOneAttachment);
  for (const task of tasks) {
    const parentNumber = /^（?([〇零一二三四五六七八九十百两\d]+)/u.exec(task.path.at(-1) ?? '')?.[1];
    if (restarted.has(inOneAttachment(task)) && parentNumber) task.number = `${parentNumber}.${task.number}`;
  }
  const acrossAttachments = duplicated((task) => task.number);
  for (const task of tasks) {
    if (acrossAttachments.has(task.number) && task.attachment !== null) task.number = `${task.number}（附件${task.attachment}）`;
  }
  const seen = new Map<string, number>();
  for (const task of tasks) {
    const count = (seen.get(task.id) ?? 0) + 1;
    seen.set(task.id, count);
    if (count > 1) task.id = `${task.id}~${count}`;
  }
}
