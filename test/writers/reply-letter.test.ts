// 复函 and 复函模板: the reply a unit completes, read back from its XML.
import { describe, expect, it } from 'vitest';
import { replyLetter, replyTemplate } from '../../src/writers/reply-letter.js';
import { readDocx, textOf } from './ooxml.js';
import { recipientNamed, sampleOutline } from './sample-outline.js';

const outline = sampleOutline();
const reply = readDocx(await replyLetter(outline, recipientNamed(outline, '省科技厅')));
const headerText = (parts: Record<string, string>): string =>
  Object.entries(parts)
    .filter(([name]) => /word\/header\d+\.xml$/u.test(name))
    .map(([, xml]) => textOf(xml))
    .join('');

describe('复函 of 省科技厅', () => {
  it('is addressed to the issuer and cites the letter by title and number (inner 《》 become 〈〉)', () => {
    const lines = reply.text.split('\n');
    expect(lines).toContain('福建省东西部扶贫协作工作办公室：');
    expect(reply.text).toContain(
      '贵办《福建省东西部扶贫协作工作办公室关于征求〈关于深入学习贯彻习近平总书记重要指示精神高质量推进闽宁协作工作的实施意见（2024—2026年）（征求意见稿）〉意见建议的函》（闽扶协函〔2024〕8号）收悉。经研究，',
    );
  });

  it('is titled as the unit’s reply on the draft in its full name, without the 语病 关于对《…》', () => {
    expect(reply.text).toContain('福建省科学技术厅关于《关于深入学习贯彻习近平总书记重要指示精神高质量推进闽宁协作工作的实施意见（2024—2026年）（征求意见稿）》修改意见的复函');
    expect(reply.text).not.toContain('关于对');
  });

  it('ends 特此函复 with the unit’s full name (from the alias table) over a date line', () => {
    const lines = reply.text.split('\n');
    const closing = lines.indexOf('特此函复。');
    expect(closing).toBeGreaterThan(0);
    expect(lines.slice(closing + 1, closing + 3)).toEqual(['福建省科学技术厅', '　　　　年　　月　　日']);
  });

  it('signs with the name the letter uses when the alias table gives no full name', async () => {
    const team = readDocx(await replyLetter(outline, recipientNamed(outline, '省第十三批援宁工作队')));
    expect(headerText(team.parts)).toBe('省第十三批援宁工作队');
    expect(team.text).toContain('省第十三批援宁工作队关于《');
  });

  it('keeps 特此函复 on the page of the 署名, and the 署名 with its date (no page holds only a signature)', () => {
    const paragraphs = [...reply.document.matchAll(/<w:p>[\s\S]*?<\/w:p>/gu)].map(([paragraph]) => paragraph);
    const closing = paragraphs.findIndex((paragraph) => paragraph.includes('特此函复'));
    expect(paragraphs[closing]).toContain('<w:keepNext/>');
    expect(paragraphs[closing + 1]).toContain('<w:keepNext/>');
  });

  it('leaves a place for the comments, without words the tracker would read as 无意见', () => {
    expect(reply.text).toContain('（请逐条填写修改意见，编号用“一、”“二、”……）');
    expect(reply.text).not.toMatch(/无(?:修改|不同|其他)?意见|没有(?:修改|不同)?意见/u);
  });

  it('carries the unit’s full name as its letterhead', () => {
    expect(headerText(reply.parts)).toBe('福建省科学技术厅');
  });

  it('says which letter it answers, but has no recipient id (the tracker reads that as a feedback form)', () => {
    expect(reply.properties['gongwen.docNumber']).toBe('闽扶协函〔2024〕8号');
    expect(reply.properties['gongwen.document']).toBe('reply-letter');
    expect(reply.properties['gongwen.recipientName']).toBe('省科技厅');
    expect(reply.properties).not.toHaveProperty('gongwen.recipientId');
  });
});

describe('复函模板', () => {
  it('names no unit', async () => {
    const template = readDocx(await replyTemplate(outline));
    expect(template.text).toContain('（闽扶协函〔2024〕8号）收悉');
    for (const recipient of outline.recipients) expect(template.text).not.toContain(recipient.name);
    expect(headerText(template.parts)).toBe('（单位名称）');
    expect(template.properties['gongwen.document']).toBe('reply-template');
  });
});
