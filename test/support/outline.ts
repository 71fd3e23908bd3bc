// Comparing two outlines of the same letter read from different formats: every element, positions aside
// (a line of a PDF is not a line of the text file).
import type { Outline } from '../../src/model/outline.js';

const POSITION_KEYS = new Set(['line', 'column']);

function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !POSITION_KEYS.has(key)).map(([key, inner]) => [key, withoutPositions(inner)]));
  }
  return value;
}

/** What a clerk reads in an outline: the letter's elements, attachments, tasks with their units, unit lists, recipients. */
export function elementsOf(outline: Outline): unknown {
  const { letter, attachments, tasks, unitLists, recipients } = outline;
  return withoutPositions({ letter, attachments, tasks, unitLists, recipients });
}
