/**
 * Splitting a written list of units at 、，； (never inside brackets: 县〔区〕, 县（区）, 厦门〔宁夏〕大学),
 * keeping each item's separator and position for the units module, which expands and resolves them.
 */
import type { MappedText } from '../../text/mapped.js';

export interface SplitItem {
  raw: string;
  separator: string;
  line: number;
  column: number;
}

const SEPARATORS = new Set(['、', '，', '；', ',', ';']);
const OPENING = new Set(['（', '〔', '《', '【', '[', '(']);
const CLOSING = new Set(['）', '〕', '》', '】', ']', ')']);

export function splitUnitText(text: MappedText): SplitItem[] {
  const items: SplitItem[] = [];
  const source = text.text;
  let depth = 0;
  let start = 0;
  const flush = (end: number, separator: string): void => {
    const raw = source.slice(start, end);
    const trimmed = raw.replace(/^[\s。.]+|[\s。.]+$/gu, '').replace(/^(和|及|以及)/u, '');
    if (trimmed) {
      const offset = start + raw.indexOf(trimmed[0] ?? '');
      const at = text.positionAt(Math.max(offset, start));
      items.push({ raw: trimmed, separator: normalizeSeparator(separator), line: at.line, column: at.column });
    }
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i] ?? '';
    if (OPENING.has(char)) depth += 1;
    else if (CLOSING.has(char) && depth > 0) depth -= 1;
    else if (depth === 0 && SEPARATORS.has(char)) {
      flush(i, char);
      start = i + 1;
    }
  }
  flush(source.length, '');
  const last = items.at(-1);
  if (last) last.separator = '';
  return items;
}

function normalizeSeparator(separator: string): string {
  if (separator === ',') return '，';
  if (separator === ';') return '；';
  return separator;
}
