/**
 * A letter's blocks → its outline: repair what PDF extraction broke, split the letter into regions once, run
 * the recognizers in order (each reads the regions and adds its part of the outline), then check the result.
 */
import { OUTLINE_SCHEMA_VERSION, type Letter, type Outline, type SourceInfo } from '../model/outline.js';
import type { Block } from './blocks.js';
import { checkOutline } from './checks.js';
import { DiagnosticSink } from './diagnostics.js';
import type { Draft, Recognizer } from './recognizer.js';
import { isParagraph, splitRegions } from './regions.js';
import { repairBlocks } from './repair.js';
import { recognizeAttachments } from './recognizers/attachments.js';
import { recognizeClosing } from './recognizers/closing.js';
import { recognizeContacts } from './recognizers/contacts.js';
import { recognizeDeadline } from './recognizers/deadline.js';
import { recognizeHead, recognizeMainRecipients, recognizeTitle } from './recognizers/header.js';
import { recognizeImprint } from './recognizers/imprint.js';
import { recognizeSilence } from './recognizers/silence.js';
import { recognizeTasks } from './recognizers/tasks.js';
import { recognizeUnitLists } from './recognizers/unit-lists.js';

/** In order: a recognizer may read what those before it found (the deadline reads the 成文日期). */
const RECOGNIZERS: Recognizer[] = [
  recognizeHead,
  recognizeTitle,
  recognizeMainRecipients,
  recognizeClosing,
  recognizeDeadline,
  recognizeContacts,
  recognizeSilence,
  recognizeImprint,
  recognizeAttachments,
  recognizeTasks,
  recognizeUnitLists,
];

export function recognizeOutline(blocks: Block[], source: SourceInfo): Outline {
  const sink = new DiagnosticSink();
  const repaired = repairBlocks(blocks);
  const regions = splitRegions(repaired);
  const draft: Draft = { letter: emptyLetter(), attachments: [], tasks: [], unitLists: [] };
  for (const recognize of RECOGNIZERS) {
    const part = recognize(regions, sink, draft);
    Object.assign(draft.letter, part.letter);
    draft.attachments.push(...(part.attachments ?? []));
    draft.tasks.push(...(part.tasks ?? []));
    draft.unitLists.push(...(part.unitLists ?? []));
  }
  const outline = { schemaVersion: OUTLINE_SCHEMA_VERSION as typeof OUTLINE_SCHEMA_VERSION, source, ...draft, recipients: [] };
  checkOutline(outline, { top: regions.top, end: regions.end, empty: !repaired.some(isParagraph) }, sink);
  return { ...outline, diagnostics: sink.diagnostics };
}

/** Every field, in the order the JSON shows them, before anything is found. */
function emptyLetter(): Letter {
  return {
    copyNumber: null, secrecy: null, urgency: null, issuer: null, docNumber: null, signers: [], title: null, kind: null,
    mainRecipients: [], mainRecipientRuns: [], attachmentNotes: [], signature: null, date: null, notes: null, deadline: null, contacts: [],
    replyTo: null, copyTo: [], printedBy: null, printedDate: null,
  };
}
