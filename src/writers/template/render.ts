/** A template and its data → a .docx laid out from scratch: fill the placeholders of its tree, lay out to GB/T 9704. */
import { UserError } from '../../errors.js';
import { layoutDocx } from '../docx/layout.js';
import { markdownToDocx } from '../docx/markdown.js';
import { packDocx, sharedZipEntry, type DocxParts } from '../docx/package.js';
import { fillTemplate, type TemplateData } from './fill.js';
import type { Template } from './load.js';
import { TemplateProblem } from './problem.js';

/**
 * Makes the .docx a template describes for some data, with the given custom document properties; one that lays
 * documents out can give their parts unzipped too (`parts`), for a renderer that rewrites one of them (rows.ts).
 */
export type DocxRenderer = ((template: Template, data: TemplateData, properties: Record<string, string>) => Promise<Uint8Array>) & {
  parts?: (template: Template, data: TemplateData, properties: Record<string, string>) => Promise<DocxParts>;
};

/** Lays out every document from scratch, dated `date` (docProps/core.xml). */
export function directRenderer(date = new Date()): DocxRenderer {
  const parts = (template: Template, data: TemplateData, properties: Record<string, string>): Promise<DocxParts> => renderParts(template, data, properties, date);
  const render = async (template: Template, data: TemplateData, properties: Record<string, string>): Promise<Uint8Array> =>
    packDocx([...(await parts(template, data, properties))].map(([path, bytes]) => sharedZipEntry(path, bytes)));
  return Object.assign(render, { parts });
}

/** The document's parts. */
export async function renderParts(template: Template, data: TemplateData, properties: Record<string, string>, date: Date): Promise<DocxParts> {
  const { measured: _, ...document } = withPlace(template, () => markdownToDocx(fillTemplate(template.tree, data)));
  return layoutDocx({ ...document, properties, date });
}

/** Runs `make`, turning a mistake in the template into a message naming the template's file and line. */
export function withPlace<T>(template: Template, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof TemplateProblem)) throw error;
    const place = error.position ? `第 ${error.position.start.line} 行` : '';
    throw new UserError(`模板 ${template.path} ${place}有误：${error.message}。`);
  }
}
