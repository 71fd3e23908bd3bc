/** 复函: the reply a unit completes and sends back, in 信函格式 — with its name (复函.docx) or without (复函模板.docx). */
import type { Outline, Recipient } from '../model/outline.js';
import { documentProperties } from './properties.js';
import { directRenderer, loadTemplates, type DocxRenderer, type Templates } from './template/index.js';
import { letterValues, recipientValues } from './values.js';

export async function replyLetter(
  outline: Outline,
  recipient: Recipient,
  templates?: Templates,
  render: DocxRenderer = directRenderer(),
): Promise<Uint8Array> {
  const all = templates ?? (await loadTemplates());
  const data = { values: { ...letterValues(outline, all.wording), ...recipientValues(outline, recipient) }, lists: {} };
  return render(all['reply-letter'], data, documentProperties('reply-letter', outline, recipient));
}

/** The same reply for any unit: the unit fills in its own name. */
export async function replyTemplate(outline: Outline, templates?: Templates, render: DocxRenderer = directRenderer()): Promise<Uint8Array> {
  const all = templates ?? (await loadTemplates());
  return render(all['reply-template'], { values: letterValues(outline, all.wording), lists: {} }, documentProperties('reply-template', outline, null));
}
