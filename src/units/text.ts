/** Unit names compared as text: one bracket style, no spaces or quotes, half-width letters and digits. */

/** What normalising changes after NFKC: white space and quotes go, every bracket becomes （ or ）. */
const UNIT_TEXT_CHANGES = /[\s"'“”‘’《》(（〔［\[【)）〕］\]】]/gu;
const OPENING = new Set('(（〔［[【');
const CLOSING = new Set(')）〕］]】');

/** Texts already normalised: the same names are compared again and again while a letter is read. */
const normalized = new Map<string, string>();
const MAX_NORMALIZED = 10_000;

/** 厦门〔宁夏〕大学, 厦门[宁夏]大学 and 厦门（宁夏）大学 all become 厦门（宁夏）大学. */
export function normalizeUnitText(text: string): string {
  let result = normalized.get(text);
  if (result === undefined) {
    result = text.normalize('NFKC').replace(UNIT_TEXT_CHANGES, (char) => (OPENING.has(char) ? '（' : CLOSING.has(char) ? '）' : ''));
    if (normalized.size >= MAX_NORMALIZED) normalized.clear();
    normalized.set(text, result);
  }
  return result;
}

/** A group's name as a list heading or a main recipient writes it: 省直有关单位：, …名单. */
export function groupKey(text: string): string {
  return normalizeUnitText(text).replace(/[：:。.]+$/u, '').replace(/名单$/u, '');
}

/** The first bracket group: 环境保护厅（局） → before 环境保护厅, inside 局, after ''. */
export function firstBracket(text: string): { before: string; inside: string; after: string } | null {
  const match = /^([^（）]*)（([^（）]+)）(.*)$/u.exec(text);
  if (!match) return null;
  return { before: match[1] ?? '', inside: match[2] ?? '', after: match[3] ?? '' };
}

/**
 * The names a bracket offers as alternatives, each word in the bracket replacing as many characters
 * before it: 环境保护厅（局） → 环境保护厅, 环境保护局; 水利（水务）局 → 水利局, 水务局;
 * 县（市、区）人民政府 → 县人民政府, 市人民政府, 区人民政府. A name without brackets is its own only variant.
 */
export function bracketVariants(text: string): string[] {
  const bracket = firstBracket(text);
  if (!bracket) return [text];
  const { before, inside, after } = bracket;
  const replaced = inside.split('、').filter(Boolean).map((word) => before.slice(0, Math.max(0, before.length - word.length)) + word + after);
  return [...new Set([before + after, ...replaced])];
}

/** The longest of the words that the text starts with, or null. */
export function longestPrefix(text: string, words: readonly string[]): string | null {
  let best: string | null = null;
  for (const word of words) if (text.startsWith(word) && word.length > (best?.length ?? 0)) best = word;
  return best;
}
