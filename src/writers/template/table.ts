/**
 * The table a template repeats a list in, as rows of text: the .xlsx and .csv take their columns from it, so
 * an office's own template (`--templates`) changes the spreadsheets as it changes the .docx.
 */
import type { Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Orientation } from '../docx/layout.js';
import { cellText, pageOrientation } from '../docx/markdown.js';
import { fillTemplate, type TemplateData } from './fill.js';
import type { Template } from './load.js';
import { TemplateProblem } from './problem.js';
import { parseTemplate, withPlace } from './render.js';

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
    const root = parseTemplate(template);
    const tables = root.children.filter((node): node is Table => node.type === 'table');
    const placeholder = new RegExp(`\\{\\{\\s*${list}\\.([A-Za-z][A-Za-z0-9]*)\\s*\\}\\}`, 'u');
    const index = tables.findIndex((table) => table.children.some((row) => placeholder.test(toString(row))));
    if (index === -1) throw new TemplateProblem(`模板中没有按列表 ${list} 重复的表格行（如 {{${list}.name}}）`, root.position);
    const listRow = tables[index]!.children.findIndex((row) => placeholder.test(toString(row)));
    const fields = tables[index]!.children[listRow]!.children.map((cell) => placeholder.exec(toString(cell))?.[1] ?? null);
    const filled = fillTemplate(root, data);
    const table = filled.children.filter((node): node is Table => node.type === 'table')[index]!;
    const text = (cells: Table['children'][number]['children']): string[] => fields.map((_, column) => plain(cellText(cells[column]?.children ?? [])));
    return {
      title: plain(titleOf(filled)),
      orientation: pageOrientation(root),
      headers: text(table.children[0]!.children),
      fields,
      rows: table.children.slice(listRow, listRow + data.lists[list]!.length).map((row) => text(row.children)),
    };
  });
}

function titleOf(root: Root): string {
  const heading = root.children.find((node) => node.type === 'heading' && node.depth === 1);
  return heading ? toString(heading) : '';
}

function plain(text: string): string {
  return text.replace(LINE_BREAK_HINTS, '');
}
