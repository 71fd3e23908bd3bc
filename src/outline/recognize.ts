/**
 * The recognizers in order, over one letter's blocks: regions, header, closing, body, attachments, tasks,
 * unit lists, 版记. Each adds to the outline and files its doubts in the diagnostic sink.
 */
import { OUTLINE_SCHEMA_VERSION, type Letter, type Outline, type SourceInfo } from '../model/outline.js';
import type { Block, ParagraphBlock } from './blocks.js';
import { DiagnosticSink } from './diagnostics.js';
import { repairBlocks } from './repair.js';
import { recognizeAttachment, reportMissingAttachments } from './recognizers/attachments.js';
import { recognizeContacts, recognizeDeadline } from './recognizers/body.js';
import { recognizeClosing } from './recognizers/closing.js';
import { recognizeHeader } from './recognizers/header.js';
import { recognizeImprint } from './recognizers/imprint.js';
import { splitRegions } from './recognizers/regions.js';
import { recognizeTasks } from './recognizers/tasks.js';
import { recognizeSilenceClause } from './recognizers/silence.js';
import { recognizeUnitLists } from './recognizers/unit-lists.js';

export function recognizeOutline(letterBlocks: Block[], source: SourceInfo): Outline {
  const sink = new DiagnosticSink();
  const blocks = repairBlocks(letterBlocks);
  if (!blocks.some((block) => block.kind === 'paragraph')) {
    sink.error('empty-letter', '来函中没有可识别的文字。');
  }
  const regions = splitRegions(blocks);
  const header = recognizeHeader(regions.main, sink);
  const closing = recognizeClosing(regions.main, header.bodyStart, sink);
  const body = regions.main.slice(header.bodyStart, closing.bodyEnd);
  const year = closing.letter.date ? Number(closing.letter.date.slice(0, 4)) : (header.letter.docNumber?.year ?? null);
  const deadline = recognizeDeadline(body, year, sink);
  const contacts = recognizeContacts([...body, ...regions.main.slice(closing.bodyEnd)]);
  const imprint = recognizeImprint(regions.imprint);

  const letter: Letter = {
    ...header.letter,
    issuer: header.letter.issuer ?? closing.letter.signature,
    ...closing.letter,
    deadline,
    silenceClause: recognizeSilenceClause([...body, ...regions.main.slice(closing.bodyEnd)]),
    contacts,
    ...imprint,
  };
  const end = lastPosition(regions.main);
  if (!deadline) sink.warning('missing-deadline', '未找到反馈截止日期（如“请于2024年10月18日前反馈”）。', end);
  if (contacts.length === 0) sink.warning('missing-contact', '未找到联系人或联系电话。', end);

  const attachments = regions.attachments.map((region) => recognizeAttachment(region, letter.attachmentNotes, sink));
  reportMissingAttachments(letter.attachmentNotes, attachments, sink, end);

  const tasks = [
    ...recognizeTasks([...body, ...regions.main.slice(closing.closingEnd)], null, sink),
    ...regions.attachments.flatMap((region) => recognizeTasks(withoutTitle(region.blocks), region.index, sink)),
  ];
  numberDuplicateTasks(tasks);
  const unitLists = regions.attachments.flatMap((region, i) =>
    recognizeUnitLists(withoutTitle(region.blocks), region.index, attachments[i]?.title ?? ''),
  );

  return {
    schemaVersion: OUTLINE_SCHEMA_VERSION,
    source,
    letter,
    attachments,
    tasks,
    unitLists,
    recipients: [],
    diagnostics: sink.diagnostics,
  };
}

/** The blocks of an attachment after its title line. */
function withoutTitle(blocks: Block[]): Block[] {
  const title = blocks.findIndex((block) => block.kind === 'paragraph');
  return title < 0 ? blocks : blocks.filter((_, index) => index !== title);
}

/**
 * Numbering that restarts gives the same number twice: qualify it by its heading (一.1) when it restarts
 * under each heading, and by its attachment (1（附件2）) when two attachments number their own tasks.
 */
function numberDuplicateTasks(tasks: Outline['tasks']): void {
  const duplicated = (key: (task: Outline['tasks'][number]) => string): Set<string> => {
    const counts = new Map<string, number>();
    for (const task of tasks) counts.set(key(task), (counts.get(key(task)) ?? 0) + 1);
    return new Set([...counts].filter(([, count]) => count > 1).map(([value]) => value));
  };
  const inOneAttachment = (task: Outline['tasks'][number]): string => `${task.attachment}/${task.number}`;
  const restarted = duplicated(inOneAttachment);
  for (const task of tasks) {
    const parentNumber = /^（?([〇零一二三四五六七八九十百两\d]+)/u.exec(task.path.at(-1) ?? '')?.[1];
    if (restarted.has(inOneAttachment(task)) && parentNumber) task.number = `${parentNumber}.${task.number}`;
  }
  const acrossAttachments = duplicated((task) => task.number);
  for (const task of tasks) {
    if (acrossAttachments.has(task.number) && task.attachment !== null) task.number = `${task.number}（附件${task.attachment}）`;
  }
}

function lastPosition(blocks: Block[]): { line: number; column: number } {
  const last = [...blocks].reverse().find((block): block is ParagraphBlock => block.kind === 'paragraph');
  return last ? last.text.start : { line: 1, column: 1 };
}
