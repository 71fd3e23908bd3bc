/**
 * Which recipient a returned file comes from: the form's own properties first (they survive renaming and
 * re-saving), then the unit it names (反馈单位, 署名), its file name, its title — each through the alias
 * table, so 福建省科学技术厅 finds 省科技厅.
 */
import { basename, extname } from 'node:path';
import type { Recipient } from '../model/outline.js';
import type { ReturnedContent } from '../model/reply.js';
import type { UnitMatcher } from '../units/index.js';

export type Identification =
  | { kind: 'recipient'; recipient: Recipient; doubt: string | null }
  | { kind: 'unmatched'; reason: string };

export interface IdentifyContext {
  recipients: Recipient[];
  /** The recipients' matcher, built once for the whole inbox */
  matchUnit: UnitMatcher;
  docNumber: string | null;
  /** The recipients by id and by name (the first of a name), for the forms and letters we made. */
  byId: Map<string, Recipient>;
  byName: Map<string, Recipient>;
}

/** What identify needs, built once for the whole inbox. */
export function identifyContext(recipients: Recipient[], matchUnit: UnitMatcher, docNumber: string | null): IdentifyContext {
  const byId = new Map<string, Recipient>();
  const byName = new Map<string, Recipient>();
  for (const recipient of recipients) {
    if (!byId.has(recipient.id)) byId.set(recipient.id, recipient);
    if (!byName.has(recipient.name)) byName.set(recipient.name, recipient);
  }
  return { recipients, matchUnit, docNumber, byId, byName };
}

/** Words around a unit's name in the names people give files: 教育厅意见(1).docx, 反馈表-科技厅-盖章.pdf. */
const FILE_NAME_NOISE = /意见反馈表|反馈意见表|反馈意见|反馈表|意见建议|意见|复函|回函|回复|反馈|的|关于|对|扫描件|扫描|盖章版?|终稿|定稿|修改稿|副本|\(\d+\)|（\d+）|[-_—\s.·+]|\d+/gu;

export function identify(file: string, content: ReturnedContent | null, context: IdentifyContext): Identification {
  const { recipientId, recipientName, docNumber } = content?.properties ?? { recipientId: null, recipientName: null, docNumber: null };
  if (docNumber && context.docNumber && docNumber !== context.docNumber) {
    return { kind: 'unmatched', reason: `是另一份来函（${docNumber}）的${content?.kind === 'form' ? '反馈表' : '复函'}` };
  }
  // Our own documents name their recipient inside: the form by id, the reply letter by name.
  const own = (recipientId === null ? undefined : context.byId.get(recipientId))
    ?? (recipientName === null ? undefined : context.byName.get(recipientName));
  if (own) return { kind: 'recipient', recipient: own, doubt: null };
  const named = content?.namedUnit ? findUnit(content.namedUnit, context) : null;
  const fromName = findUnit(fileNameUnit(file), context);
  // The file's name says one unit and its words another: a person decides, neither gets it silently.
  if (named && fromName && named.recipient !== fromName.recipient) {
    return {
      kind: 'unmatched',
      reason: `文件名指向${fromName.recipient.name}，内容署名为“${content?.namedUnit}”（${named.recipient.name}），请人工核对后改名或归入`,
    };
  }
  const ways: Array<[string, string | null, ReturnType<UnitMatcher>]> = [
    ['署名或反馈单位', content?.namedUnit ?? null, named],
    ['文件名', fileNameUnit(file), fromName],
  ];
  if (content?.title) ways.push(['标题', content.title, findUnit(content.title, context)]);
  for (const [way, text, found] of ways) {
    if (found) {
      const doubt = found.certainty === 'uncertain' ? `按${way}“${text}”推断为${found.recipient.name}，请核对` : null;
      return { kind: 'recipient', recipient: found.recipient, doubt };
    }
  }
  return {
    kind: 'unmatched',
    reason: content?.namedUnit ? `“${content.namedUnit}”不在受文单位名单中` : '文件名和内容都没有写明是哪个单位',
  };
}

function fileNameUnit(file: string): string {
  return basename(file, extname(file)).replace(FILE_NAME_NOISE, '');
}

/**
 * The whole text as a unit name; else the longest recipient name or alias written inside it; else, for a
 * short name such as a place (`莆田市`), the one recipient whose name holds it, when only one does.
 */
function findUnit(text: string, context: IdentifyContext): ReturnType<UnitMatcher> {
  if (text.length < 2) return null;
  const whole = context.matchUnit(text);
  if (whole) return whole;
  let best: { recipient: Recipient; length: number } | null = null;
  for (const recipient of context.recipients) {
    for (const name of [recipient.name, ...recipient.aliases]) {
      if (name.length >= 3 && text.includes(name) && name.length > (best?.length ?? 0)) best = { recipient, length: name.length };
    }
  }
  if (best) return { recipient: best.recipient, certainty: 'alias' };
  const holders = context.recipients.filter((recipient) => [recipient.name, ...recipient.aliases].some((name) => name.includes(text)));
  return holders.length === 1 && holders[0] ? { recipient: holders[0], certainty: 'alias' } : null;
}
