/**
 * Splits the letter into its regions: the letter itself (版头 and 主体), each attachment (附件1 …), and the
 * 版记 lines (抄送, 印发) wherever they stand.
 */
import type { Block, ParagraphBlock } from '../blocks.js';
import { ATTACHMENT_HEADING } from '../patterns.js';

export interface AttachmentRegion {
  index: number;
  heading: ParagraphBlock;
  blocks: Block[];
}

export interface Regions {
  main: Block[];
  attachments: AttachmentRegion[];
  /** 版记 paragraphs: 抄送 and 印发 lines. */
  imprint: ParagraphBlock[];
}

const IMPRINT = /^(抄\s*送[：:]|.{2,40}\d{4}年\d{1,2}月\d{1,2}日印发$)/u;

export function splitRegions(blocks: Block[]): Regions {
  const regions: Regions = { main: [], attachments: [], imprint: [] };
  let current: Block[] = regions.main;
  for (const block of blocks) {
    if (block.kind === 'paragraph' && IMPRINT.test(block.text.text)) {
      regions.imprint.push(block);
      continue;
    }
    const heading = block.kind === 'paragraph' ? ATTACHMENT_HEADING.exec(block.text.text) : null;
    if (block.kind === 'paragraph' && heading && (regions.main.length > 0 || regions.attachments.length > 0)) {
      const index = heading[1] ? Number(heading[1]) : regions.attachments.length + 1;
      const region: AttachmentRegion = { index, heading: block, blocks: [] };
      regions.attachments.push(region);
      current = region.blocks;
      continue;
    }
    current.push(block);
  }
  return regions;
}
