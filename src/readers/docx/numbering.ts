/**
 * Word's automatic numbering, resolved into the text a person sees (`1.`, `（一）`, `一、`, `第一条`, `1.1`):
 * word/numbering.xml (abstract lists, their levels, the lists using them and their overrides) and the
 * paragraph styles of word/styles.xml (a style may carry a list, as `List Number` and numbered headings do;
 * styles inherit through basedOn). Counting follows Word: lists sharing an abstract list continue one
 * another unless a list restarts it with a start override; a level restarts when a level above it is used.
 */
import { attribute, readXml } from './xml.js';

interface Level {
  start: number;
  format: string;
  /** `w:numFmt w:format` of a custom format (`001, 002, 003`). */
  customFormat: string | null;
  text: string;
  /** 1-based level after which this one restarts; 0 never; null: after any level above it. */
  restart: number | null;
  /** Legal numbering: every number of the label in decimal. */
  legal: boolean;
  /** What follows the number: a tab, a space or nothing. */
  suffix: string;
  /** The paragraph style this level is linked to. */
  style: string | null;
}

interface AbstractList {
  levels: Map<number, Level>;
  /** `w:numStyleLink`: the levels are those of the list a numbering style carries. */
  styleLink: string | null;
}

interface List {
  abstractId: string;
  /** `w:lvlOverride`: a start override or a whole level redefined. */
  startOverrides: Map<number, number>;
  levels: Map<number, Level>;
}

interface Style {
  name: string;
  basedOn: string | null;
  numId: string | null;
  level: number | null;
}

export interface NumberingProperties {
  numId: string | null;
  level: number | null;
}

/** The paragraph styles of word/styles.xml, by their id. */
export class Styles {
  readonly #styles = new Map<string, Style>();

  constructor(xml: string | null) {
    if (xml === null) return;
    const styles = this.#styles;
    let current: Style | null = null;
    let skip = 0;
    readXml(xml, {
      open: (tag) => {
        if (skip > 0 || tag.name.endsWith('Change')) {
          skip += 1;
          return;
        }
        const value = attribute(tag, 'w:val');
        if (tag.name === 'w:style') {
          current = null;
          if (attribute(tag, 'w:type') === 'paragraph' || attribute(tag, 'w:type') === 'numbering') {
            current = { name: attribute(tag, 'w:styleId') ?? '', basedOn: null, numId: null, level: null };
            styles.set(current.name, current);
          }
        } else if (current && value !== null) {
          if (tag.name === 'w:name') current.name = displayName(value);
          else if (tag.name === 'w:basedOn') current.basedOn = value;
          else if (tag.name === 'w:numId') current.numId = value;
          else if (tag.name === 'w:ilvl') current.level = Number(value) || 0;
        }
      },
      close: () => {
        if (skip > 0) skip -= 1;
      },
    });
  }

  /** The name Word shows for a style id (`Heading 1`), or null when the file defines no such style. */
  name(styleId: string): string | null {
    return this.#styles.get(styleId)?.name ?? null;
  }

  /** The list a style carries, itself or through the styles it is based on. */
  numbering(styleId: string): NumberingProperties & { styleId: string } {
    const seen = new Set<string>();
    let numId: string | null = null;
    let level: number | null = null;
    for (let id: string | null = styleId; id !== null && !seen.has(id); ) {
      seen.add(id);
      const style = this.#styles.get(id);
      if (!style) break;
      numId ??= style.numId;
      level ??= style.level;
      id = style.basedOn;
    }
    return { numId, level, styleId };
  }
}

/** Counts the numbered paragraphs of one document, in order. */
export class Numbering {
  readonly #abstracts = new Map<string, AbstractList>();
  readonly #lists = new Map<string, List>();
  /** Per abstract list: the current number of each level, null when the level has not started. */
  readonly #counters = new Map<string, (number | null)[]>();
  readonly #listsSeen = new Set<string>();
  readonly #styles: Styles;

  constructor(xml: string | null, styles: Styles) {
    this.#styles = styles;
    if (xml !== null) this.#read(xml);
  }

  /**
   * The label of the next paragraph with these properties (its own `w:numPr` over its style's), with what
   * follows it; '' for a paragraph that is not numbered or a bullet (a bullet carries no number).
   */
  label(own: NumberingProperties, styleId: string | null): string {
    const fromStyle = styleId === null ? null : this.#styles.numbering(styleId);
    const numId = own.numId ?? fromStyle?.numId ?? null;
    if (numId === null || numId === '0') return '';
    const list = this.#lists.get(numId);
    if (!list) return '';
    const abstractId = this.#resolvedAbstract(list.abstractId);
    const abstract = this.#abstracts.get(abstractId);
    if (!abstract) return '';
    const levelOf = (index: number): Level | undefined => list.levels.get(index) ?? abstract.levels.get(index);
    const index = own.level ?? fromStyle?.level ?? this.#linkedLevel(abstract, styleId) ?? 0;
    const level = levelOf(index);
    if (!level || !isLevel(index)) return '';

    const counters = this.#counters.get(abstractId) ?? Array<number | null>(9).fill(null);
    this.#counters.set(abstractId, counters);
    if (!this.#listsSeen.has(numId)) {
      this.#listsSeen.add(numId);
      for (const [overridden, start] of list.startOverrides) {
        if (!isLevel(overridden)) continue;
        counters[overridden] = start - 1;
        for (let deeper = overridden + 1; deeper < counters.length; deeper++) counters[deeper] = null;
      }
    }
    const current = counters[index];
    counters[index] = current === null || current === undefined ? level.start : current + 1;
    for (let deeper = index + 1; deeper < counters.length; deeper++) {
      const restart = levelOf(deeper)?.restart ?? null;
      if (restart === null || (restart > 0 && index <= restart - 1)) counters[deeper] = null;
    }

    if (level.format === 'bullet') return '';
    const label = level.text.replace(/%([1-9])/gu, (_, digit: string) => {
      const referenced = Number(digit) - 1;
      const referencedLevel = levelOf(referenced);
      const value = counters[referenced] ?? referencedLevel?.start ?? 1;
      const format = level.legal ? 'decimal' : referencedLevel?.format ?? 'decimal';
      return formatNumber(value, format, referencedLevel?.customFormat ?? null);
    });
    return label === '' ? '' : label + level.suffix;
  }

  /** An abstract list that only links to a numbering style is that style's list's abstract list. */
  #resolvedAbstract(abstractId: string): string {
    const seen = new Set<string>();
    let id = abstractId;
    for (;;) {
      const link = this.#abstracts.get(id)?.styleLink ?? null;
      if (link === null || seen.has(id)) return id;
      seen.add(id);
      const numId = this.#styles.numbering(link).numId;
      const target = numId === null ? undefined : this.#lists.get(numId)?.abstractId;
      if (target === undefined) return id;
      id = target;
    }
  }

  /** The level whose `w:pStyle` is the paragraph's style (numbered headings), if any. */
  #linkedLevel(abstract: AbstractList, styleId: string | null): number | null {
    if (styleId === null) return null;
    for (const [index, level] of abstract.levels) if (level.style === styleId) return index;
    return null;
  }

  #read(xml: string): void {
    let abstract: AbstractList | null = null;
    let list: List | null = null;
    let level: Level | null = null;
    let overrideLevel: number | null = null;
    const choices: boolean[] = [];
    let skip = 0;
    const abstracts = this.#abstracts;
    const lists = this.#lists;
    readXml(xml, {
      open: (tag) => {
        if (skip > 0) {
          skip += 1;
          return;
        }
        // A newer format offered with an older fallback: the first choice is read, never both.
        if (tag.name === 'mc:AlternateContent') choices.push(false);
        if (tag.name === 'mc:Choice' || tag.name === 'mc:Fallback') {
          if (choices.at(-1)) {
            skip = 1;
            return;
          }
          choices[choices.length - 1] = true;
        }
        const value = attribute(tag, 'w:val');
        switch (tag.name) {
          case 'w:abstractNum':
            abstract = { levels: new Map(), styleLink: null };
            abstracts.set(attribute(tag, 'w:abstractNumId') ?? '', abstract);
            break;
          case 'w:num':
            list = { abstractId: '', startOverrides: new Map(), levels: new Map() };
            lists.set(attribute(tag, 'w:numId') ?? '', list);
            break;
          case 'w:abstractNumId':
            if (list && value !== null) list.abstractId = value;
            break;
          case 'w:lvlOverride':
            overrideLevel = Number(attribute(tag, 'w:ilvl')) || 0;
            break;
          case 'w:startOverride':
            if (list && overrideLevel !== null) list.startOverrides.set(overrideLevel, Number(value) || 0);
            break;
          case 'w:numStyleLink':
            if (abstract && value !== null) abstract.styleLink = value;
            break;
          case 'w:lvl': {
            level = { start: 1, format: 'decimal', customFormat: null, text: '', restart: null, legal: false, suffix: ' ', style: null };
            const index = Number(attribute(tag, 'w:ilvl')) || 0;
            if (list && overrideLevel !== null) list.levels.set(overrideLevel, level);
            else if (abstract) abstract.levels.set(index, level);
            break;
          }
          case 'w:start':
            if (level) level.start = Number(value) || 0;
            break;
          case 'w:numFmt':
            if (level && value !== null) {
              level.format = value;
              level.customFormat = attribute(tag, 'w:format');
            }
            break;
          case 'w:lvlText':
            if (level) level.text = value ?? '';
            break;
          case 'w:lvlRestart':
            if (level) level.restart = Number(value) || 0;
            break;
          case 'w:isLgl':
            if (level) level.legal = value === null || /^(1|true|on)$/u.test(value);
            break;
          case 'w:suff':
            if (level) level.suffix = value === 'nothing' ? '' : ' ';
            break;
          case 'w:pStyle':
            if (level && value !== null) level.style = value;
            break;
        }
      },
      close: (tag) => {
        if (skip > 0) {
          skip -= 1;
          return;
        }
        if (tag.name === 'mc:AlternateContent') choices.pop();
        else if (tag.name === 'w:abstractNum') abstract = null;
        else if (tag.name === 'w:num') list = null;
        else if (tag.name === 'w:lvl') level = null;
        else if (tag.name === 'w:lvlOverride') overrideLevel = null;
      },
    });
  }
}

/** Word's lists have nine levels, 0 to 8. */
function isLevel(index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index <= 8;
}

const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const LEGAL_TRADITIONAL_DIGITS = ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'];
const HEAVENLY_STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const EARTHLY_BRANCHES = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥'];

/** A number in one of Word's number formats (`w:numFmt`). */
export function formatNumber(value: number, format: string, customFormat: string | null = null): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return value < 10 ? `0${value}` : String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(value).replace(/\d/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
    case 'upperLetter':
    case 'lowerLetter': {
      // Word repeats the letter past Z (AA, BBB); past 780 it is a made-up file: the number is shown.
      if (value < 1 || value > 780) return String(value);
      const letter = String.fromCharCode(0x41 + ((value - 1) % 26)).repeat(Math.floor((value - 1) / 26) + 1);
      return format === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'upperRoman':
    case 'lowerRoman': {
      const roman = toRoman(value);
      return format === 'upperRoman' ? roman : roman.toLowerCase();
    }
    case 'chineseCounting':
      return value >= 100 ? digitByDigit(value) : counting(value, 'chinese');
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
    case 'taiwaneseCounting':
      return counting(value, 'chinese');
    case 'japaneseCounting':
      return counting(value, 'japanese');
    case 'chineseLegalSimplified':
      return counting(value, 'legal', LEGAL_DIGITS);
    case 'ideographLegalTraditional':
      return counting(value, 'legal', LEGAL_TRADITIONAL_DIGITS);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return digitByDigit(value);
    case 'ideographTraditional':
      return value >= 1 && value <= 10 ? (HEAVENLY_STEMS[value - 1] ?? String(value)) : String(value);
    case 'ideographZodiac':
      return value >= 1 && value <= 12 ? (EARTHLY_BRANCHES[value - 1] ?? String(value)) : String(value);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      if (value >= 1 && value <= 20) return String.fromCodePoint(0x2460 + value - 1);
      if (value >= 21 && value <= 35) return String.fromCodePoint(0x3251 + value - 21);
      if (value >= 36 && value <= 50) return String.fromCodePoint(0x32b1 + value - 36);
      return String(value);
    case 'decimalEnclosedParen':
      return value >= 1 && value <= 20 ? String.fromCodePoint(0x2474 + value - 1) : `(${value})`;
    case 'decimalEnclosedFullstop':
      return value >= 1 && value <= 20 ? String.fromCodePoint(0x2488 + value - 1) : `${value}.`;
    case 'custom': {
      // Word's custom formats are the first items of the sequence: `001, 002, 003` pads with zeros.
      const first = /^(0+)1\b/u.exec(customFormat ?? '');
      return first ? String(value).padStart((first[1]?.length ?? 0) + 1, '0') : String(value);
    }
    default:
      return String(value);
  }
}

/**
 * Counting numerals below 10 000. Chinese: 十一, 一百一十, 一百〇一 (〇 for skipped places, 一 left out only
 * before a leading 十). Japanese: 百一, 千十 (no zero, no 一 before a unit). Legal (大写): 壹拾贰, 壹佰零壹.
 */
function counting(value: number, style: 'chinese' | 'japanese' | 'legal', digits = CHINESE_DIGITS): string {
  if (value <= 0 || value >= 10000) return String(value);
  const units = style === 'legal' ? ['仟', '佰', '拾', ''] : ['千', '百', '十', ''];
  const places = [Math.floor(value / 1000) % 10, Math.floor(value / 100) % 10, Math.floor(value / 10) % 10, value % 10];
  let text = '';
  let pendingZero = false;
  places.forEach((digit, position) => {
    if (digit === 0) {
      if (text !== '') pendingZero = true;
      return;
    }
    if (pendingZero && style !== 'japanese') text += digits[0];
    pendingZero = false;
    const unit = units[position] ?? '';
    const omitOne = digit === 1 && unit !== '' && (style === 'japanese' || (style === 'chinese' && unit === '十' && text === ''));
    text += (omitOne ? '' : digits[digit] ?? '') + unit;
  });
  return text;
}

function digitByDigit(value: number): string {
  return String(value).replace(/\d/gu, (digit) => CHINESE_DIGITS[Number(digit)] ?? digit);
}

function toRoman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const numerals: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = value;
  let roman = '';
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      roman += numeral;
      rest -= amount;
    }
  }
  return roman;
}

/** Word writes built-in style names in lower case (`heading 1`) and shows them capitalised. */
function displayName(name: string): string {
  return /^[a-z0-9 ]+$/u.test(name) ? name.replace(/\b[a-z]/gu, (letter) => letter.toUpperCase()) : name;
}
