/**
 * What a returned file says, from its blocks whatever its format (as `outline/` does for letters): who it
 * names as its sender, its comments itemised with their parts, or that it has none. A reply whose comments
 * cannot be itemised says so (`itemised: false`), so that nobody counts them as zero.
 */
import type { SourceDocument } from '../model/document.js';
import type { ReturnedContent } from '../model/reply.js';
import { DOCUMENT_PROPERTY } from '../model/workspace.js';
import { replyBlocks } from './blocks.js';
import { commentTable, itemise } from './comments.js';
import { labelled, replyFrame } from './frame.js';
import { CHECKED_MARKS, NO_COMMENT, SECRECY_MARKS, SUPERSEDING } from './patterns.js';

const TICKED_NO_COMMENT = new RegExp(`[${CHECKED_MARKS}]\\s*无(?:修改)?意见`, 'u');
const UNTICKED_NO_COMMENT = /[□☐]\s*无(?:修改)?意见/gu;

export function recognizeReply(document: SourceDocument): ReturnedContent {
  const properties = {
    docNumber: document.properties[DOCUMENT_PROPERTY.docNumber] ?? null,
    recipientId: document.properties[DOCUMENT_PROPERTY.recipientId] ?? null,
    recipientName: document.properties[DOCUMENT_PROPERTY.recipientName] ?? null,
  };
  const blocks = replyBlocks(document);
  if (document.scanned || blocks.length === 0) {
    return {
      kind: 'opaque', properties, namedUnit: null, title: null, comments: [], noComment: false, contentRead: false,
      itemised: false, flags: [], date: null, versionMark: null, secrecyMarks: [],
    };
  }
  const text = blocks.map((block) => (block.kind === 'paragraph' ? block.text : block.rows.flat().join('\n'))).join('\n');
  const frame = replyFrame(blocks);
  const found = itemise(frame, blocks);
  const comments = found ?? [];
  const isForm = properties.recipientId !== null || (commentTable(blocks) !== null && labelled(blocks, '反馈单位') !== null);
  const ticked = TICKED_NO_COMMENT.test(text);
  const table = commentTable(blocks);
  const saysNone = ticked || (isForm
    ? (table?.rows ?? []).some((row) => NO_COMMENT.test(row[table?.columns.suggestion ?? -1] ?? ''))
    : NO_COMMENT.test(bodyText(frame.body).replace(UNTICKED_NO_COMMENT, '')));
  const flags: string[] = [];
  if (ticked && comments.length > 0) flags.push('勾选了“无意见”，又填写了意见，请与对方核对');
  return {
    kind: isForm ? 'form' : 'letter',
    properties,
    namedUnit: frame.namedUnit,
    title: isForm ? (blocks.find((block) => block.kind === 'paragraph')?.text ?? null) : frame.title,
    comments,
    noComment: comments.length === 0 && saysNone,
    contentRead: true,
    // A form's table read with no rows is itemised (nothing written); a letter with words but no item is not.
    itemised: found !== null || saysNone,
    flags,
    date: frame.date,
    versionMark: SUPERSEDING.exec(`${frame.title ?? ''}\n${text.slice(0, 400)}`)?.[1] ?? null,
    secrecyMarks: [...new Set([...text.matchAll(SECRECY_MARKS)].map((match) => match[1]?.replace(/\s/gu, '') ?? ''))],
  };
}

function bodyText(body: ReturnType<typeof replyFrame>['body']): string {
  return body.map((block) => (block.kind === 'paragraph' ? block.text : block.rows.flat().join('\n'))).join('\n');
}
