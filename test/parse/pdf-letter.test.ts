// A letter that arrives as a PDF: its text layer is laid out again from glyph positions, then parsed.
import { describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/outline/parse.js';
import { fixture } from '../support/cli.js';

describe('the sample letter as a PDF', () => {
  it('gives the same elements as the text extracted from it', async () => {
    const outline = await parseLetter(fixture('pdf/min-fu-xie-han-2024-8.pdf'));
    expect(outline.source).toMatchObject({ format: 'pdf', encoding: 'pdf' });
    expect(outline.letter.docNumber?.text).toBe('闽扶协函〔2024〕8号');
    expect(outline.letter.deadline).toBe('2024-10-18');
    expect(outline.letter.date).toBe('2024-10-14');
    expect(outline.letter.contacts[0]?.phones).toEqual(['18960838088']);
    expect(outline.tasks.map((task) => task.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(outline.tasks.find((task) => task.number === '3')?.responsibleUnits.map((unit) => unit.raw)).toEqual([
      '两省区科技厅', '农业农村厅', '厦门〔宁夏〕大学', '农科院',
    ]);
  });

  it('joins list lines wrapped by the page, so attachment 2 still lists 24 + 5 units', async () => {
    const outline = await parseLetter(fixture('pdf/min-fu-xie-han-2024-8.pdf'));
    expect(outline.unitLists.map((list) => [list.group, list.items.length])).toEqual([
      ['省直有关单位', 24],
      ['有关设区市对口支援工作领导小组', 5],
    ]);
  });
});
