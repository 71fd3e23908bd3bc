/**
 * Lists of units the text spells out, such as an attachment 名单: a group label ending with ：
 * (`1. 省直有关单位：`) followed by its units, a label and its units on one line, or a 名单 attachment
 * with one unit per line. Items keep their raw text, separator and position; the units module expands them.
 */
import type { UnitList } from '../../model/outline.js';
import { MappedText } from '../../text/mapped.js';
import type { Block, ParagraphBlock } from '../blocks.js';
import { RESPONSIBILITY_LABEL, outlineNumberOf } from '../patterns.js';
import type { Recognizer } from '../recognizer.js';
import { splitUnitText } from './units-text.js';

const MAX_UNIT_LENGTH = 40;

export const recognizeUnitLists: Recognizer = (regions, _sink, draft) => ({
  unitLists: regions.attachments.flatMap((region, i) => listsIn(region.blocks, region.index, draft.attachments[i]?.title ?? '')),
});

function listsIn(blocks: Block[], attachment: number | null, attachmentTitle: string): UnitList[] {
  const paragraphs = blocks.filter((block): block is ParagraphBlock => block.kind === 'paragraph');
  const lists: UnitList[] = [];
  let pendingGroup: string | null = null;
  const loose: ParagraphBlock[] = [];

  for (const block of paragraphs) {
    const text = withoutNumber(block.text);
    if (text.text.startsWith('（') || RESPONSIBILITY_LABEL.test(text.text)) {
      pendingGroup = null;
      continue;
    }
    const labelled = /^(.{2,40}?)[：:](.*)$/u.exec(text.text);
    if (labelled?.[1] && !labelled[2]) {
      pendingGroup = labelled[1];
      continue;
    }
    if (labelled?.[1] && labelled[2] && isUnitList(labelled[2])) {
      const offset = labelled[1].length + 1;
      lists.push(listOf(labelled[1], attachment, text.slice(offset)));
      pendingGroup = null;
      continue;
    }
    if (pendingGroup && isUnitList(text.text)) {
      lists.push(listOf(pendingGroup, attachment, text));
      pendingGroup = null;
      continue;
    }
    pendingGroup = null;
    if (text.length <= MAX_UNIT_LENGTH && isUnitList(text.text)) loose.push(block);
  }

  if (lists.length === 0 && /名单|名录|范围/u.test(attachmentTitle) && loose.length > 0) {
    const items = loose.map((block, index) => ({
      raw: block.text.text.replace(/[。.；;，,]$/u, ''),
      separator: index === loose.length - 1 ? '' : '；',
      ...block.text.start,
    }));
    lists.push({ group: attachmentTitle, attachment, items });
  }
  return lists;
}

function listOf(group: string, attachment: number | null, text: MappedText): UnitList {
  return { group, attachment, items: splitUnitText(text) };
}

function withoutNumber(text: MappedText): MappedText {
  const numbered = outlineNumberOf(text.text);
  return numbered ? text.slice(text.length - numbered.rest.length) : text;
}

/** Short items with no sentence in them: 省委组织部，省发改委、教育厅…工商联。 */
function isUnitList(text: string): boolean {
  const body = text.replace(/[。.]$/u, '');
  if (body.length === 0 || /[。！？：:]/u.test(body)) return false;
  const items = splitUnitText(MappedText.at(body, { line: 1, column: 1 }));
  return items.length > 0 && items.every((item) => item.raw.length <= MAX_UNIT_LENGTH);
}
