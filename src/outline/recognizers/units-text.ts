/**
 * Splitting a written list of units at 、，； (never inside brackets: 县〔区〕, 县（区）, 厦门〔宁夏〕大学),
 * keeping each item's separator and position for the units module, which expands and resolves them.
 */
import type { MappedText } from '../../text/mapped.js';
import { eitherScript } from '../../text/traditional.js';

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

/**
 * Administrative classes a 主送 or 抄送 line enumerates as one item: 各省、自治区、直辖市人民政府, 各县、区,
 * 市直各委、办、局, 中央、省驻岳单位, 保护区、开发区、风景区管委会, 各市、特区、区人民政府.
 */
const CLASS = '(?:省|自治区|直辖市|计划单列市|市|州|县|区|特区|林区|盟|旗|乡|镇|委|办|局|中央|保护区|开发区|风景区)';
const BARE_CLASS = eitherScript(new RegExp(`(?:^各?|各)${CLASS}$`, 'u'));
const STARTS_WITH_CLASS = eitherScript(new RegExp(`^${CLASS}`, 'u'));

/**
 * The items of a 主送 or 抄送 line as written: split at 、，； outside brackets, except between the classes
 * of an enumeration (各省、自治区、直辖市人民政府 stays one item).
 */
export function splitRecipientText(text: MappedText): SplitItem[] {
  const items: SplitItem[] = [];
  for (const item of splitUnitText(text)) {
    const previous = items.at(-1);
    if (previous?.separator === '、' && BARE_CLASS.test(previous.raw.split('、').at(-1) ?? '') && STARTS_WITH_CLASS.test(item.raw)) {
      items[items.length - 1] = { ...previous, raw: `${previous.raw}、${item.raw}`, separator: item.separator };
    } else {
      items.push(item);
    }
  }
  return items;
}
