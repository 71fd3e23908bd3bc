/** 意见反馈表: one per recipient, its comment table pre-filled with the tasks the unit answers for. */
import type { Outline, Recipient } from '../model/outline.js';
import { documentProperties } from './properties.js';
import { directRenderer, loadTemplates, type DocxRenderer, type Templates } from './template/index.js';
import { letterValues, recipientValues, tasksOf } from './values.js';

/** The comment table has at least this many rows, and at least MIN_BLANK_ROWS empty ones after the tasks. */
const MIN_COMMENT_ROWS = 5;
const MIN_BLANK_ROWS = 3;

export async function feedbackForm(
  outline: Outline,
  recipient: Recipient,
  templates?: Templates,
  render: DocxRenderer = directRenderer(),
): Promise<Uint8Array> {
  const tasks = tasksOf(outline, recipient);
  const blanks = Math.max(MIN_BLANK_ROWS, MIN_COMMENT_ROWS - tasks.length);
  const data = {
    values: { ...letterValues(outline), ...recipientValues(outline, recipient) },
    lists: {
      task: tasks.map((task, index) => ({ index: String(index + 1), number: task.number, title: task.title })),
      blank: Array.from({ length: blanks }, (_, index) => ({ index: String(tasks.length + index + 1) })),
    },
  };
  const { 'feedback-form': template } = templates ?? (await loadTemplates());
  return render(template, data, documentProperties('feedback-form', outline, recipient));
}
