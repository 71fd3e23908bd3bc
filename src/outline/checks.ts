/**
 * Checks on the finished outline, apart from recognition: the elements a letter must have (GB/T 9704 and,
 * for a 征求意见函, a deadline and a contact), attachments the 附件说明 lists but the letter lacks, and tasks
 * without responsible units. The unit coverage checks run in the units module, on the resolved outline.
 */
import type { Outline, Position } from '../model/outline.js';
import type { DiagnosticSink } from './diagnostics.js';

/** Where the letter starts and where its main part ends: where a missing element is reported. */
export interface Anchors {
  top: Position;
  end: Position;
  /** The letter has no paragraph at all. */
  empty: boolean;
}

/** 公告 and 通告 are addressed to the public: they have no 主送机关. */
const PUBLIC_KINDS = new Set(['公告', '通告']);

export function checkOutline(outline: Omit<Outline, 'diagnostics'>, anchors: Anchors, sink: DiagnosticSink): void {
  const { letter } = outline;
  const { top, end } = anchors;
  if (anchors.empty) sink.report('empty-letter', '来函中没有可识别的文字。');
  if (!letter.title) sink.report('missing-title', '未找到公文标题（如“关于……的函”）。', top);
  if (!letter.docNumber) sink.report('missing-doc-number', '未找到发文字号（如“×××函〔2024〕8号”）。', top);
  if (letter.mainRecipients.length === 0 && !PUBLIC_KINDS.has(letter.kind ?? '')) {
    sink.report('missing-main-recipients', '未找到主送机关（正文前以“：”结尾的一行）。', top);
  }
  if (!letter.date) sink.report('missing-date', '未找到成文日期（如“2024年10月14日”）。', end);
  if (!letter.signature) sink.report('missing-signature', '未找到发文机关署名（成文日期上方的机关名称）。', end);
  if (!letter.deadline) sink.report('missing-deadline', '未找到反馈截止日期（如“请于2024年10月18日前反馈”）。', end);
  if (letter.contacts.length === 0) sink.report('missing-contact', '未找到联系人或联系电话。', end);
  for (const note of letter.attachmentNotes) {
    if (!outline.attachments.some((attachment) => attachment.index === note.index)) {
      sink.report('attachment-missing', `附件说明列有附件${note.index}“${note.title}”，但正文后未找到该附件。`, end);
    }
  }
  for (const task of outline.tasks) {
    if (task.responsibleUnits.length === 0) {
      sink.report('task-without-units', `任务${task.number}“${task.title}”未写明责任单位。`, { line: task.line, column: 1 });
    }
  }
}
