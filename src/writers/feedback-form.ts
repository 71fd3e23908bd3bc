/** 意见反馈表: one per recipient, its comment table pre-filled with the tasks the unit answers for. */
import type { Outline, Recipient } from '../model/outline.js';
import { documentProperties } from './properties.js';
import { directRenderer, loadTemplates, type DocxRenderer, type Templates } from './template/index.js';
import { letterValues, recipientValues, tasksOf } from './values.js';

export async function feedbackForm(
  outline: Outline,
  recipient: Recipient,
  templates?: Templates,
  render: DocxRenderer = directRenderer(),
): Promise<Uint8Array> {
  const all = templates ?? (await loadTemplates());
  const tasks = tasksOf(outline, recipient);
  // The comment table has at least minimumRows rows, and at least minimumBlankRows empty ones after the tasks.
  const { minimumRows, minimumBlankRows } = all.wording.feedbackForm;
  const blanks = Math.max(minimumBlankRows, minimumRows - tasks.length);
  const data = {
    values: { ...letterValues(outline, all.wording), ...recipientValues(outline, recipient) },
    lists: {
      task: tasks.map((task, index) => ({ index: String(index + 1), number: task.number, title: task.title })),
      blank: Array.from({ length: blanks }, (_, index) => ({ index: String(tasks.length + index + 1) })),
    },
  };
  return render(all['feedback-form'], data, documentProperties('feedback-form', outline, recipient));
}
