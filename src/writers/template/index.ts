/**
 * Templates → .docx: `directRenderer` lays each document out from scratch, `preparedRenderer` patches a prepared
 * one, `rowsRenderer` writes a long table's rows as XML.
 */
export { loadTemplates, templateOf, type Template, type TemplateName, type Templates } from './load.js';
export type { TemplateData } from './fill.js';
export { directRenderer, type DocxRenderer } from './render.js';
export { preparedRenderer } from './prepared.js';
export { rowsRenderer } from './rows.js';
