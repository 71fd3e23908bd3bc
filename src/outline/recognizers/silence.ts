/**
 * 逾期视为无意见: whether the letter says that a unit not replying by the deadline is taken to have no comment
 * (逾期视为无意见, 逾期未反馈的视为无意见, 如逾期未反馈，视为同意). The adoption report counts such units as
 * having no comment only when the letter says so; the clause is kept as written, to be quoted.
 */
import type { Letter } from '../../model/outline.js';
import type { Block } from '../blocks.js';
import type { Recognizer } from '../recognizer.js';

/** From 逾期 (or 未按时, 超过期限) to 视为无意见 (or 同意, 无异议) within one clause of a sentence. */
const SILENCE = /(?:逾期|未按时|未按期|超过期限|超出期限|过期)[^。；;！!]{0,16}?视为(?:无意见|无异议|没有意见|同意|认可)/u;

export const recognizeSilence: Recognizer = (regions) => ({
  letter: { silenceClause: silenceClauseIn([...regions.body, ...regions.attachmentNote, ...regions.closing.notes, ...regions.tail]) },
});

function silenceClauseIn(body: Block[]): NonNullable<Letter['silenceClause']> | null {
  for (const block of body) {
    if (block.kind !== 'paragraph') continue;
    const found = SILENCE.exec(block.text.text);
    if (found) return found[0];
  }
  return null;
}
