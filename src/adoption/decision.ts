/**
 * The 采纳情况 cell as a decision: typed or chosen from the drop-down, with the words offices use
 * (已采纳, 予以采纳, 不予采纳, 未采纳, 暂不采纳, 部分采纳) and stray spaces or a final 。 tolerated.
 * Anything else is no decision: the comment stays on the list of work remaining, never guessed.
 */
import type { Decision } from '../model/adoption.js';

/** Tried in order: 部分 before the plain word, the negations before 采纳 (不予采纳 holds 采纳). */
const WORDS: Array<[RegExp, Decision]> = [
  [/^(?:已|予以|拟)?部分(?:采纳|采用|吸收)$/u, 'partly'],
  [/^(?:不予|不|未|暂不|未予|拟不)(?:采纳|采用|吸收)$/u, 'rejected'],
  [/^(?:已|予以|拟|全部|已经)?(?:采纳|采用|吸收)$/u, 'adopted'],
];

/** White space of any width (全角空格 too) and closing punctuation a person may add. */
const NOISE = /[\s\u3000。．.；;，,！!]/gu;

export function decisionOf(cell: string): Decision | null {
  const word = cell.replace(NOISE, '');
  return WORDS.find(([pattern]) => pattern.test(word))?.[1] ?? null;
}
