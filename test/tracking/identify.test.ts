// Who sent a reply, when the file says it only in part: a short place name, or a name and a 署名 that disagree.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Outline } from '../../src/model/outline.js';
import type { ReturnedContent } from '../../src/model/reply.js';
import { parseLetter } from '../../src/outline/parse.js';
import { identify, identifyContext, type IdentifyContext } from '../../src/tracking/identify.js';
import { loadAliasTable, unitMatcher } from '../../src/units/index.js';
import { SAMPLE } from '../support/cli.js';

let context: IdentifyContext;
beforeAll(async () => {
  const outline: Outline = await parseLetter(SAMPLE);
  context = identifyContext(outline.recipients, unitMatcher(outline.recipients, loadAliasTable()), outline.letter.docNumber?.text ?? null);
});

const signed = (namedUnit: string): ReturnedContent => ({
  kind: 'letter', properties: { docNumber: null, recipientId: null, recipientName: null }, namedUnit, title: null, comments: [],
  noComment: true, contentRead: true, itemised: true, flags: [], date: null, versionMark: null, secrecyMarks: [],
});

describe('who sent a reply', () => {
  it('takes a short place name that names one recipient only', () => {
    const found = identify('回收/莆田市反馈意见.docx', null, context);
    expect(found).toMatchObject({ kind: 'recipient', recipient: { name: '莆田市对口支援工作领导小组' } });
  });

  it('gives a file whose name says one unit and whose 署名 another to neither, and says why', () => {
    const found = identify('回收/教育厅意见.docx', signed('福建省科学技术厅'), context);
    expect(found.kind).toBe('unmatched');
    expect(found.kind === 'unmatched' && found.reason).toMatch(/文件名指向省教育厅.*福建省科学技术厅/u);
  });

  it('agrees when both say the same unit', () => {
    expect(identify('回收/科技厅意见.docx', signed('福建省科学技术厅'), context)).toMatchObject({ kind: 'recipient', recipient: { name: '省科技厅' } });
  });
});
