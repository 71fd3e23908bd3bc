// The same letter in other bytes gives the same outline, and says what it detected.
import { describe, expect, it } from 'vitest';
import type { Outline } from '../../src/model/outline.js';
import { parseLetter } from '../../src/outline/parse.js';
import { SAMPLE, fixture } from '../support/cli.js';

/** What a clerk relies on: the number, the deadline, the tasks with their units, the recipients. */
function essentials(outline: Outline) {
  return {
    docNumber: outline.letter.docNumber,
    title: outline.letter.title,
    deadline: outline.letter.deadline,
    date: outline.letter.date,
    contacts: outline.letter.contacts,
    tasks: outline.tasks.map((task) => [task.number, task.title, task.responsibleUnits.map((unit) => unit.raw), task.recipients]),
    recipients: outline.recipients.map((recipient) => [recipient.id, recipient.name, recipient.tasks]),
  };
}

describe('the sample letter in other encodings and formats', async () => {
  const expected = essentials(await parseLetter(SAMPLE));
  const cases: Array<[string, string, string]> = [
    ['GB18030', 'encodings/min-fu-xie-han-2024-8.gb18030.txt', 'gb18030'],
    ['UTF-16 LE with BOM', 'encodings/min-fu-xie-han-2024-8.utf16le-bom.txt', 'utf-16le'],
    ['UTF-16 BE with BOM', 'encodings/min-fu-xie-han-2024-8.utf16be-bom.txt', 'utf-16be'],
    ['UTF-8 with BOM', 'encodings/min-fu-xie-han-2024-8.utf8-bom.txt', 'utf-8-bom'],
    ['CRLF line ends', 'encodings/min-fu-xie-han-2024-8.crlf.txt', 'utf-8'],
    ['a .docx made by pandoc', 'encodings/min-fu-xie-han-2024-8.pandoc.docx', 'docx'],
  ];
  for (const [name, path, encoding] of cases) {
    it(`${name} gives the same outline`, async () => {
      const outline = await parseLetter(fixture(path));
      expect(outline.source.encoding).toBe(encoding);
      expect(essentials(outline)).toEqual(expected);
    });
  }

  it('keeps line numbers right with CRLF line ends', async () => {
    const outline = await parseLetter(fixture('encodings/min-fu-xie-han-2024-8.crlf.txt'));
    expect(outline.tasks.find((task) => task.number === '4')?.responsibleUnits[0]).toMatchObject({ line: 49, column: 7 });
  });
});
