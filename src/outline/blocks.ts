/**
 * A document's blocks as the recognizers read them: paragraphs (one per line, since a line break in a 公文
 * separates elements) and tables, every character keeping its source position, the text normalised.
 * A cell merged down from the row above repeats its text (as a person reads the table), and a cell spanning
 * columns is followed by empty ones, so that columns stay aligned with the header.
 */
import type { DocumentBlock, ParagraphBlock as SourceParagraph, SourceDocument, TableBlock as SourceTable } from '../model/document.js';
import { MappedText } from '../text/mapped.js';
import { normalizeText } from '../text/normalize.js';

export interface ParagraphBlock {
  kind: 'paragraph';
  text: MappedText;
}

export interface TableBlock {
  kind: 'table';
  /** rows[0] is the header row. */
  rows: MappedText[][];
}

export type Block = ParagraphBlock | TableBlock;

export function blocksOf(document: SourceDocument): Block[] {
  const blocks: Block[] = [];
  for (const block of document.blocks) pushBlock(block, blocks);
  return blocks;
}

function pushBlock(block: DocumentBlock, blocks: Block[]): void {
  if (block.kind === 'table') {
    blocks.push(tableBlock(block));
    return;
  }
  const text = mapped(block);
  let start = 0;
  for (let i = 0; i <= text.text.length; i++) {
    if (i === text.text.length || text.text[i] === '\n') {
      const line = normalizeText(text.slice(start, i));
      if (line.length > 0) blocks.push({ kind: 'paragraph', text: line });
      start = i + 1;
    }
  }
}

function tableBlock(table: SourceTable): TableBlock {
  const rows: MappedText[][] = [];
  table.rows.forEach((cells, rowIndex) => {
    const row: MappedText[] = [];
    for (const cell of cells) {
      const above = rows[rowIndex - 1]?.[row.length];
      const text = cell.mergedAbove && above ? above : cellText(cell.paragraphs);
      row.push(text);
      for (let span = 1; span < cell.columnSpan; span++) row.push(MappedText.empty());
    }
    rows.push(row);
  });
  return { kind: 'table', rows };
}

/** A cell's paragraphs on one line, as a table cell reads. */
function cellText(paragraphs: SourceParagraph[]): MappedText {
  const parts = paragraphs.map((paragraph, index) =>
    index === 0 ? mapped(paragraph) : MappedText.concat([MappedText.at(' ', paragraph.runs[0]?.start ?? { line: 1, column: 1 }), mapped(paragraph)]),
  );
  return normalizeText(MappedText.concat(parts).replace(/\n/gu, () => ' '));
}

function mapped(paragraph: SourceParagraph): MappedText {
  return MappedText.concat(paragraph.runs.map((run) => MappedText.at(run.text, run.start)));
}
