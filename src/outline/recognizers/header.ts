/**
 * 版头 and the head of 主体: 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人, 标题 with its 文种, and
 * 主送机关. Reads the blocks before the first paragraph of the body.
 */
import type { DocNumber, Letter, Position } from '../../model/outline.js';
import type { Block, ParagraphBlock } from '../blocks.js';
import { DATE } from '../../text/dates.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { COPY_NUMBER, DOCUMENT_KINDS, ORGANISATION_NAME, SECRECY, URGENCY } from '../patterns.js';
import { splitUnitText } from './units-text.js';

/** 闽扶协函〔2024〕8号, 环发[2007]163號, 某政办发（2025）12号, 【】 too. */
const DOC_NUMBER = /([\u4e00-\u9fff]{1,16}?)\s*[〔\[［【（]\s*((?:19|20)\d{2})\s*[〕\]］】）]\s*第?\s*(\d{1,5})\s*[号號]/u;
const SIGNERS = /签\s*发\s*人[：:]\s*(.+)$/u;
const LETTERHEAD = /^(.{2,40}?)(文件|公函)$/u;
/** The last word of a 主送 line names a kind of office (单位, 厅, 政府 …), perhaps with a bracketed （局）. */
const RECIPIENT_ENDING = /(单位|部门|机关|机构|成员|厅|局|委|政府|组|会|院|校|司|处|部|室|队|所|中心|办|团|行|社|区|县|市|省|州|盟|旗|兵团|公司|企业)(（[^）]*）)?$/u;
/** How far down the letter the 主送 line may stand. */
const HEADER_SPAN = 16;

export interface HeaderResult {
  letter: Pick<Letter, 'copyNumber' | 'secrecy' | 'urgency' | 'issuer' | 'docNumber' | 'signers' | 'title' | 'kind' | 'mainRecipients'>;
  /** Index in `main` of the first block after the header (the body starts here). */
  bodyStart: number;
}

export function recognizeHeader(main: Block[], sink: DiagnosticSink): HeaderResult {
  const letter: HeaderResult['letter'] = {
    copyNumber: null, secrecy: null, urgency: null, issuer: null, docNumber: null,
    signers: [], title: null, kind: null, mainRecipients: [],
  };
  const recipientIndex = findMainRecipientLine(main);
  const headerEnd = recipientIndex ?? firstProseIndex(main);
  const titleParts: ParagraphBlock[][] = [[]];

  for (const block of main.slice(0, headerEnd)) {
    if (block.kind !== 'paragraph') continue;
    const text = block.text.text;
    if (classifyHeaderLine(text, letter)) {
      if ((titleParts.at(-1)?.length ?? 0) > 0) titleParts.push([]);
      continue;
    }
    titleParts.at(-1)?.push(block);
  }

  const title = chooseTitle(titleParts);
  if (title) {
    letter.title = title.text;
    letter.kind = kindOf(title.text);
    if (!letter.kind) sink.warning('unknown-kind', `标题没有以文种（函、通知、意见等）结尾：${title.text}`, title.at);
  }

  if (recipientIndex !== undefined) {
    const block = main[recipientIndex] as ParagraphBlock;
    const list = block.text.slice(0, block.text.length - 1);
    letter.mainRecipients = splitUnitText(list)
      .reduce<string[][]>((groups, item) => {
        groups.at(-1)?.push(item.raw);
        if (item.separator !== '、') groups.push([]);
        return groups;
      }, [[]])
      .filter((group) => group.length > 0)
      .map((group) => group.join('、'));
  }

  const top = main[0]?.kind === 'paragraph' ? main[0].text.start : { line: 1, column: 1 };
  if (!letter.title) sink.error('missing-title', '未找到公文标题（如“关于……的函”）。', top);
  if (!letter.docNumber) sink.error('missing-doc-number', '未找到发文字号（如“×××函〔2024〕8号”）。', top);
  if (letter.mainRecipients.length === 0) {
    sink.error('missing-main-recipients', '未找到主送机关（正文前以“：”结尾的一行）。', top);
  }
  return { letter, bodyStart: recipientIndex === undefined ? headerEnd : recipientIndex + 1 };
}

/** Records a header element other than the title; returns false when the line may be part of the title. */
function classifyHeaderLine(text: string, letter: HeaderResult['letter']): boolean {
  const copy = COPY_NUMBER.exec(text);
  if (copy?.[1]) {
    letter.copyNumber = copy[1];
    return true;
  }
  const secrecy = SECRECY.exec(text);
  if (secrecy) {
    letter.secrecy = secrecy[0];
    const urgency = URGENCY.exec(text.slice(secrecy[0].length));
    if (urgency?.[1]) letter.urgency = urgency[1];
    return true;
  }
  const urgency = URGENCY.exec(text);
  if (urgency?.[1] && text.length <= 4) {
    letter.urgency = urgency[1];
    return true;
  }
  const number = parseDocNumber(text);
  if (number) {
    letter.docNumber = number;
    const signers = SIGNERS.exec(text);
    if (signers?.[1]) letter.signers = splitNames(signers[1]);
    return true;
  }
  const signers = SIGNERS.exec(text);
  if (signers?.[1]) {
    letter.signers = splitNames(signers[1]);
    return true;
  }
  if (/[：:【】]/u.test(text) || new RegExp(`^${DATE.source}`, 'u').test(text)) return true;
  if (!text.includes('关于') && !kindOf(text)) {
    const letterhead = LETTERHEAD.exec(text);
    if (letterhead?.[1]) {
      letter.issuer ??= letterhead[1];
      return true;
    }
    if (ORGANISATION_NAME.test(text)) {
      letter.issuer ??= text;
      return true;
    }
  }
  return false;
}

export function parseDocNumber(text: string): DocNumber | null {
  const match = DOC_NUMBER.exec(text);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  const agency = match[1];
  const year = Number(match[2]);
  const serial = Number(match[3]);
  return { text: `${agency}〔${year}〕${serial}号`, agency, year, serial };
}

/** The title is the run of lines that holds 关于 or ends with a 文种; a repeated line counts once. */
function chooseTitle(runs: ParagraphBlock[][]): { text: string; at: Position } | null {
  const run = runs.find((blocks) => blocks.some((block) => /关于|關於/u.test(block.text.text) || kindOf(block.text.text)));
  const first = run?.[0];
  if (!run || !first) return null;
  const lines = run.map((block) => block.text.text).filter((text, index, all) => text !== all[index - 1]);
  return { text: lines.join(''), at: first.text.start };
}

export function kindOf(title: string): string | null {
  const bare = title.replace(/[（(][^（）()]*[）)]$/u, '');
  return DOCUMENT_KINDS.find((kind) => bare.endsWith(kind)) ?? null;
}

/** The 主送 line: near the top, ends with ：, and is a list of units rather than a sentence or a label. */
function findMainRecipientLine(main: Block[]): number | undefined {
  const limit = Math.min(main.length, HEADER_SPAN);
  for (let i = 0; i < limit; i++) {
    const block = main[i];
    if (block?.kind !== 'paragraph') continue;
    const text = block.text.text;
    if (text.includes('。')) return undefined;
    if (!/[：:]$/u.test(text) || text.length < 3) continue;
    if (/^(附件|联系人|签发人|发布日期|时间|地点|来源)/u.test(text) || text.includes('关于')) continue;
    if (!RECIPIENT_ENDING.test(text.slice(0, -1))) continue;
    return i;
  }
  return undefined;
}

function firstProseIndex(main: Block[]): number {
  const index = main.findIndex((block) => block.kind === 'paragraph' && block.text.text.includes('。'));
  return index < 0 ? Math.min(main.length, HEADER_SPAN) : index;
}

function splitNames(text: string): string[] {
  return text.split(/[、，,\s]+/u).filter((name) => name.length > 0);
}
