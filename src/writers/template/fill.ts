/**
 * Placeholders in a parsed template: `{{letter.title}}` is replaced by a value, in text only and exactly once
 * (never evaluated, never parsed as Markdown, so a value cannot add formatting, structure or placeholders).
 * A table row whose placeholders name a list (`{{task.number}}`) is repeated once per item of that list, and so
 * is a paragraph or heading of the document (with the layout comments right above it): a list of one item or
 * none prints a sentence or leaves it out, so that wording that depends on the data stays in the template.
 */
import type { Nodes, Root, RootContent, TableRow, Text } from 'mdast';
import { keepTogether } from '../docx/layout.js';
import { TemplateProblem } from './problem.js';

/** What a template can say: named values, and lists of items for repeated table rows. */
export interface TemplateData {
  values: Record<string, string>;
  lists: Record<string, Record<string, string>[]>;
}

/** The list item a repeated row is being filled with. */
interface Item {
  list: string;
  fields: Record<string, string>;
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/gu;
const NAME = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*$/u;

/**
 * A value as printed: one line of text, as a line break in it would change the template's lines (署名 / 日期),
 * with what must not be split at a line's end (〔2024〕8号, dates, phone numbers) joined.
 */
export function oneLine(value: string): string {
  return keepTogether(value.replace(/\s*[\r\n]+\s*/gu, ' '));
}

/** The template's tree with every placeholder filled; the tree given is not changed. */
export function fillTemplate(root: Root, data: TemplateData): Root {
  const filled = structuredClone(root);
  const children: RootContent[] = [];
  /** The layout comments (html) read since the last block: they belong to the next one. */
  let comments: RootContent[] = [];
  for (const node of filled.children) {
    if (node.type === 'html') {
      comments.push(node);
      continue;
    }
    const list = repeatedList(node, data);
    if (list === null) {
      fillNode(node, data, null);
      children.push(...comments, node);
    } else {
      // A paragraph repeated per item: each copy after its own layout comments; none when the list is empty.
      for (const fields of data.lists[list]!) {
        const copy = structuredClone(node);
        fillNode(copy, data, { list, fields });
        children.push(...structuredClone(comments), copy);
      }
    }
    comments = [];
  }
  filled.children = [...children, ...comments];
  return filled;
}

/** The list a top-level paragraph or heading names, which it is repeated for; null for any other block. */
function repeatedList(node: RootContent, data: TemplateData): string | null {
  return node.type === 'paragraph' || node.type === 'heading' ? listNamedIn(node, data) : null;
}

function fillNode(node: Nodes, data: TemplateData, item: Item | null): void {
  if (node.type === 'text') {
    if (/\{\{|\}\}/u.test(node.value.replace(PLACEHOLDER, ''))) {
      // e.g. {{a_b_}}: Markdown took part of it as formatting, so it is no longer one piece of text.
      throw new TemplateProblem('占位符不完整：{{ 和 }} 之间只能写英文名称和“.”', node.position);
    }
    node.value = node.value.replace(PLACEHOLDER, (_, inner: string) => oneLine(resolve(inner.trim(), data, item, node)));
  } else if (node.type === 'table') {
    node.children = node.children.flatMap((row) => fillRow(row, data, item));
  } else if ('children' in node) {
    for (const child of node.children) fillNode(child, data, item);
  }
}

/** A row naming a list becomes one filled row per item; any other row is filled as it is. */
function fillRow(row: TableRow, data: TemplateData, item: Item | null): TableRow[] {
  const list = listNamedIn(row, data);
  if (list === null) {
    fillNode(row, data, item);
    return [row];
  }
  return data.lists[list]!.map((fields) => {
    const copy = structuredClone(row);
    fillNode(copy, data, { list, fields });
    return copy;
  });
}

function listNamedIn(row: Nodes, data: TemplateData): string | null {
  const lists = new Set<string>();
  visitText(row, (text) => {
    for (const match of text.value.matchAll(PLACEHOLDER)) {
      const prefix = match[1]!.trim().split('.')[0]!;
      if (Object.hasOwn(data.lists, prefix)) lists.add(prefix);
    }
  });
  if (lists.size > 1) throw new TemplateProblem(`表格的一行或一段只能按一个列表重复，这里用了 ${[...lists].join('、')}`, row.position);
  return [...lists][0] ?? null;
}

function resolve(name: string, data: TemplateData, item: Item | null, node: Text): string {
  if (!NAME.test(name)) {
    throw new TemplateProblem(`占位符 {{${name}}} 写法有误：应为英文名称，用“.”分隔，如 {{letter.title}}`, node.position);
  }
  const [prefix, ...rest] = name.split('.');
  if (item !== null && prefix === item.list) {
    const field = rest.join('.');
    if (Object.hasOwn(item.fields, field)) return item.fields[field]!;
    throw unknown(name, Object.keys(item.fields).map((key) => `${item.list}.${key}`), node);
  }
  if (Object.hasOwn(data.values, name)) return data.values[name]!;
  if (Object.hasOwn(data.lists, prefix!)) {
    throw new TemplateProblem(`占位符 {{${name}}} 是列表中的一项，只能写在表格的一行或单独的一段里（这一行或这一段会按列表逐项重复）`, node.position);
  }
  throw unknown(name, Object.keys(data.values), node);
}

function unknown(name: string, known: string[], node: Text): TemplateProblem {
  return new TemplateProblem(`没有名为 {{${name}}} 的占位符。可用的有：${known.map((key) => `{{${key}}}`).join('、')}`, node.position);
}

function visitText(node: Nodes, visit: (text: Text) => void): void {
  if (node.type === 'text') visit(node);
  else if ('children' in node) for (const child of node.children) visitText(child, visit);
}
