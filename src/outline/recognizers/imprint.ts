/** 版记: 抄送机关 and 印发机关和印发日期. */
import type { Letter } from '../../model/outline.js';
import { MappedText } from '../../text/mapped.js';
import { DATE, parseDate } from '../../text/dates.js';
import type { Recognizer } from '../recognizer.js';
import { splitRecipientText } from './units-text.js';

const COPY_TO = /^抄\s*送[：:]\s*(.*)$/u;
const PRINTED = new RegExp(`^(.{2,40}?)(${DATE.source})印发$`, 'u');

export const recognizeImprint: Recognizer = (regions) => {
  const letter: Pick<Letter, 'copyTo' | 'printedBy' | 'printedDate'> = { copyTo: [], printedBy: null, printedDate: null };
  for (const block of regions.trailer) {
    const text = block.text.text;
    const copyTo = COPY_TO.exec(text);
    if (copyTo?.[1] !== undefined) {
      letter.copyTo.push(...splitRecipientText(MappedText.at(copyTo[1], block.text.start)).map((item) => item.raw));
      continue;
    }
    const printed = PRINTED.exec(text);
    if (printed?.[1] && printed[2]) {
      letter.printedBy = printed[1];
      letter.printedDate = parseDate(printed[2]);
    }
  }
  return { letter };
};
