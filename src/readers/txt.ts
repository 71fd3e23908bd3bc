/**
 * Plain-text reader (.txt, and text extracted from PDFs): every non-blank line becomes a paragraph of the
 * mdast tree, positioned at its first character. Nothing is interpreted as Markdown: a line `2. …` stays
 * text. Joining lines that PDF extraction cut apart is a later pass (outline/repair), for every format.
 */
import type { Paragraph, Root } from 'mdast';

export function readPlainText(text: string): Root {
  const children: Paragraph[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const content = line.trimEnd();
    const indent = content.length - content.trimStart().length;
    if (content.trim() === '') return;
    const start = { line: index + 1, column: indent + 1 };
    const end = { line: index + 1, column: content.length + 1 };
    children.push({
      type: 'paragraph',
      children: [{ type: 'text', value: content.slice(indent), position: { start, end } }],
      position: { start, end },
    });
  });
  return { type: 'root', children };
}
