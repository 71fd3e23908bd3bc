/**
 * What every recognizer is: a function of the letter's regions, a message sink and the outline recognised so
 * far (read-only: the deadline needs the 成文日期 found before it), returning its own part of the outline.
 */
import type { Attachment, Letter, Task, UnitList } from '../model/outline.js';
import type { DiagnosticSink } from './diagnostics.js';
import type { Regions } from './regions.js';

/** The outline while the recognizers run, before the units module resolves recipients. */
export interface Draft {
  letter: Letter;
  attachments: Attachment[];
  tasks: Task[];
  unitLists: UnitList[];
}

/** A recognizer's contribution: the letter fields it decides, or the lists it finds. */
export interface Part {
  letter?: Partial<Letter>;
  attachments?: Attachment[];
  tasks?: Task[];
  unitLists?: UnitList[];
}

export type Recognizer = (regions: Regions, sink: DiagnosticSink, draft: Readonly<Draft>) => Part;
