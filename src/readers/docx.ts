/**
 * Word reader (.docx): mammoth → HTML → hast → mdast. Tables are kept as mdast tables, automatic
 * numbering as ordered lists. A file that is not a Word document gives a UserError naming it.
 * Diagnostics on a Word letter give the paragraph number where a text letter gives its line.
 */
import type { Node, Parent, Root } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { UserError } from '../errors.js';

export async function readDocx(bytes: Uint8Array, displayPath: string): Promise<Root> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new UserError(`无法读取 ${displayPath}：这不是 Word（.docx）文件。`);
  }
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch {
    throw new UserError(`无法读取 ${displayPath}：Word 文件已损坏或不完整。`);
  }
  const mdast = toMdast(fromHtml(html, { fragment: true }));
  if (mdast.type !== 'root') return { type: 'root', children: [] };
  // Positions in mammoth's HTML mean nothing to a clerk: drop them, so that paragraphs are numbered instead.
  dropPositions(mdast);
  return mdast;
}

function dropPositions(node: Node): void {
  delete node.position;
  if ('children' in node) for (const child of (node as Parent).children) dropPositions(child);
}
