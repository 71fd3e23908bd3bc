/**
 * Each attachment's title (matched to its 附件说明 entry even when spacing and bracket widths differ),
 * its draft label (征求意见稿), and the tree of its outline levels 一、/（一）/1./（1）.
 */
import type { Attachment, AttachmentNote, Section } from '../../model/outline.js';
import { comparisonKey } from '../../text/normalize.js';
import type { ParagraphBlock } from '../blocks.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { outlineNumberOf } from '../patterns.js';
import type { Recognizer } from '../recognizer.js';
import { isParagraph, type AttachmentRegion } from '../regions.js';

const DRAFT_LABEL = /（((?:修订)?(?:征求意见稿|送审稿|讨论稿|草案|试行|暂行|代拟稿))）/u;

export const recognizeAttachments: Recognizer = (regions, sink, draft) => ({
  attachments: regions.attachments.map((region) => attachmentOf(region, draft.letter.attachmentNotes, sink)),
});

function attachmentOf(region: AttachmentRegion, notes: AttachmentNote[], sink: DiagnosticSink): Attachment {
  const title = region.title?.text.text ?? '';
  const at = region.heading.text.start;
  if (!title) sink.report('attachment-without-title', `附件${region.index}没有标题。`, at);

  const note = notes.find((entry) => entry.index === region.index);
  if (!note && notes.length > 0) {
    sink.report('attachment-not-noted', `附件${region.index}未列入附件说明。`, at);
  } else if (note && title && !sameTitle(note.title, title)) {
    sink.report('attachment-title-mismatch', `附件${region.index}的标题与附件说明不一致：“${title}”／“${note.title}”。`, at);
  }
  return {
    index: region.index,
    title: title || note?.title || '',
    draftLabel: DRAFT_LABEL.exec(title || note?.title || '')?.[1] ?? null,
    line: at.line,
    sections: sectionTree(region.blocks.filter(isParagraph)),
  };
}

function sameTitle(a: string, b: string): boolean {
  const left = comparisonKey(a);
  const right = comparisonKey(b);
  return left === right || left.includes(right) || right.includes(left);
}

/** The heading a numbered paragraph shows in the outline: short lines whole, long ones up to the first 。. */
export function headingOf(text: string): string {
  const stop = text.indexOf('。');
  return stop < 0 ? text : text.slice(0, stop);
}

function sectionTree(blocks: ParagraphBlock[]): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  for (const block of blocks) {
    const numbered = outlineNumberOf(block.text.text);
    if (!numbered) continue;
    const section: Section = {
      level: numbered.level,
      number: numbered.number,
      heading: headingOf(block.text.text),
      line: block.text.start.line,
      sections: [],
    };
    while ((stack.at(-1)?.level ?? 0) >= section.level) stack.pop();
    (stack.at(-1)?.sections ?? roots).push(section);
    stack.push(section);
  }
  return roots;
}
