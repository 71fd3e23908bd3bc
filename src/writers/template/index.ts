/** A template and its data → a .docx: parse (remark + GFM), fill the placeholders, lay out to GB/T 9704. */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { UserError } from '../../errors.js';
import { writeDocx } from '../docx/layout.js';
import { markdownToDocx } from '../docx/markdown.js';
import { fillTemplate, type TemplateData } from './fill.js';
import type { Template } from './load.js';
import { TemplateProblem } from './problem.js';

export { loadTemplates, type Template, type TemplateName, type Templates } from './load.js';
export type { TemplateData } from './fill.js';

/** The document a template describes, with the given custom document properties. */
export async function renderDocx(template: Template, data: TemplateData, properties: Record<string, string>): Promise<Uint8Array> {
  try {
    const root = unified().use(remarkParse).use(remarkGfm).parse(template.text);
    const parts = markdownToDocx(fillTemplate(root, data));
    return await writeDocx({ ...parts, properties });
  } catch (error) {
    if (!(error instanceof TemplateProblem)) throw error;
    const place = error.position ? `第 ${error.position.start.line} 行` : '';
    throw new UserError(`模板 ${template.path} ${place}有误：${error.message}。`);
  }
}
