/**
 * The table a template repeats a list in, as rows of text: the .xlsx and .csv take their columns from it, so
 * an office's own template (`--templates`) changes the spreadsheets as it changes the .docx.
 */
import type { Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Orientation } from '../docx/layout.js';
import { cellText, pageOrientation } from '../docx/markdown.js';
import { fillTemplate, oneLine, type TemplateData } from './fill.js';
import type { Template } from './load.js';
import { HAS_MARK, MARKS, MAX_MARKS, markAt } from './marks.js';
import { TemplateProblem } from './problem.js';
import { withPlace } from './render.js';

export interface TemplateTable {
  /** The document's title: its first `#` heading, filled. */
  title: string;
  orientation: Orientation;
  /** The heading row's cells. */
  headers: string[];
  /** The field of the list each column shows (`{{unit.name}}` → name), null for a column without one. */
  fields: (string | null)[];
  /** One row per item of the list, as the .docx prints it. */
  rows: string[][];
}

/** Characters that only steer line breaks in the .docx (zero-width space, word joiner). */
const LINE_BREAK_HINTS = /[\u200b\u2060]/gu;

export function templateTable(template: Template, data: TemplateData, list: string): TemplateTable {
  return withPlace(template, () => {
    const root = template.tree;
    const tables = root.children.filter((node): node is Table => node.type === 'table');
    const placeholder = new RegExp(`\\{\\{\\s*${list}\\.([A-Za-z][A-Za-z0-9]*)\\s*\\}\\}`, 'u');
    const index = tables.findIndex((table) => table.children.some((row) => placeholder.test(toString(row))));
    if (index === -1) throw new TemplateProblem(`模板中没有按列表 ${list} 重复的表格行（如 {{${list}.name}}）`, root.position);
    const listRow = tables[index]!.children.findIndex((row) => placeholder.test(toString(row)));
    const fields = tables[index]!.children[listRow]!.children.map((cell) => placeholder.exec(toString(cell))?.[1] ?? null);
    const items = data.lists[list]!;
    const marked = markedItems(data, list);
    const filled = fillTemplate(root, marked === null ? data : { ...data, lists: { ...data.lists, [list]: [marked.item] } });
    const table = filled.children.filter((node): node is Table => node.type === 'table')[index]!;
    const text = (cells: Table['children'][number]['children']): string[] => fields.map((_, column) => cellText(cells[column]?.children ?? []));
    // Filled once with a mark for each field, the marks then replaced by each item's values: a list of 10,000
    // items is not filled (and cloned) 10,000 times. The text is the same, a value being put in as it is.
    const rows =
      marked === null
        ? table.children.slice(listRow, listRow + items.length).map((row) => text(row.children))
        : filledRows(text(table.children[listRow]!.children), items, marked.fields);
    return {
      title: plain(titleOf(filled)),
      orientation: pageOrientation(root),
      headers: text(table.children[0]!.children).map(plain),
      fields,
      rows: rows.map((row) => row.map(plain)),
    };
  });
}

/** The marked row's cells with each item's values in place of the marks. */
function filledRows(marked: string[], items: Record<string, string>[], fields: Map<string, string>): string[][] {
  return items.map((item) => marked.map((cell) => cell.replace(MARKS, (mark) => oneLine(item[fields.get(mark)!]!))));
}

/** An item of the list with a mark (a private-use character) for each field; null when the data holds such characters, or items unlike the first. */
function markedItems(data: TemplateData, list: string): { item: Record<string, string>; fields: Map<string, string> } | null {
  const items = data.lists[list]!;
  if (items.length < 2) return null;
  const keys = Object.keys(items[0]!);
  const texts = [...Object.values(data.values), ...Object.values(data.lists).flatMap((each) => each.flatMap(Object.values))];
  if (keys.length > MAX_MARKS || texts.some((value) => HAS_MARK.test(value))) return null;
  if (!items.every((item) => Object.keys(item).join('\n') === keys.join('\n'))) return null;
  const item = Object.fromEntries(keys.map((key, index) => [key, markAt(index)]));
  return { item, fields: new Map(keys.map((key) => [item[key]!, key])) };
}

function titleOf(root: Root): string {
  const heading = root.children.find((node) => node.type === 'heading' && node.depth === 1);
  return heading ? toString(heading) : '';
}

function plain(text: string): string {
  return text.replace(LINE_BREAK_HINTS, '');
}
