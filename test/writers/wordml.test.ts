// gongwen writes its paragraphs and tables itself (wordml.ts) into frames the docx library made (frame.ts): every
// part of every kind of document it makes is the very bytes the docx library gives for the same layout, on real
// letters and on text that tests the escaping (markup characters, control characters, a lone surrogate).
import { describe, expect, it } from 'vitest';
import type { DecidedComment } from '../../src/model/adoption.js';
import type { Outline, Recipient } from '../../src/model/outline.js';
import { parseLetter } from '../../src/outline/parse.js';
import { adoptionNoteDocx, adoptionReportDocx } from '../../src/writers/adoption.js';
import { layoutDocx } from '../../src/writers/docx/layout.js';
import { markdownToDocx } from '../../src/writers/docx/markdown.js';
import { distributionDocx } from '../../src/writers/distribution.js';
import { feedbackForm } from '../../src/writers/feedback-form.js';
import { reminderListDocx, reminderNotice } from '../../src/writers/reminder.js';
import { replyLetter, replyTemplate } from '../../src/writers/reply-letter.js';
import { summaryDocx } from '../../src/writers/summary-table.js';
import { fillTemplate } from '../../src/writers/template/fill.js';
import { directRenderer, loadTemplates, type DocxRenderer } from '../../src/writers/template/index.js';
import { letterValues } from '../../src/writers/values.js';
import { fixture } from '../support/cli.js';
import { docxLibraryParts } from '../support/docx-library.js';
import { sampleOutline } from './sample-outline.js';

const templates = await loadTemplates();
const DATE = new Date('2024-10-09T08:00:00Z');
const AS_OF = '2024-10-19';
const decoder = new TextDecoder();

/** Lays out what it is given both ways and compares them part by part; then renders it as gongwen does. */
function comparingRenderer(): DocxRenderer & { compared: string[] } {
  const direct = directRenderer(DATE);
  const compared: string[] = [];
  const render: DocxRenderer = async (template, data, properties) => {
    const { measured: _, ...document } = markdownToDocx(fillTemplate(template.tree, data));
    const spec = { ...document, properties, date: DATE };
    const ours = layoutDocx(spec);
    const library = docxLibraryParts(spec);
    expect([...ours.keys()], template.path).toEqual([...library.keys()]);
    for (const [path, bytes] of library) expectSameText(decoder.decode(ours.get(path)), decoder.decode(bytes), `${template.path}: ${path}`);
    compared.push(template.path);
    return direct(template, data, properties);
  };
  return Object.assign(render, { compared });
}

/** Equal texts; where they differ, the failure shows the two around the first difference, not whole parts. */
function expectSameText(actual: string, expected: string, label: string): void {
  if (actual === expected) return;
  let at = 0;
  while (actual[at] === expected[at]) at++;
  const around = (text: string): string => text.slice(Math.max(0, at - 200), at + 200);
  expect(around(actual), `${label}, at character ${at}`).toBe(around(expected));
}

const letters = async (): Promise<Outline[]> => [
  sampleOutline(),
  ...(await Promise.all(
    ['public/08-govcn-guohan-2018-144-zhijiao-lianxihuiyi.txt', 'peers/hehecat-multi-attachment.txt', 'shapes/chaosong-yinfa.txt'].map((path) => parseLetter(fixture(path))),
  )),
];

/** Names that test the writing of text: markup characters, white space, a bell, a lone surrogate, Latin, astral. */
function oddUnits(outline: Outline): Recipient[] {
  const template = outline.recipients.find((recipient) => recipient.tasks.length > 0)!;
  const names = ['团省委', 'A', '国家金融监督管理总局福建监管局普惠金融处', 'R&D <中心> "甲" \'乙\'', '　省妇联　', '省□联', '省\t侨联', '省\u0007残联', '省\uD800联', '𠀀𠀁研究院'];
  return names.map((name, index) => ({ ...template, id: `odd-${index}`, name }));
}

function decided(outline: Outline): DecidedComment[] {
  const decisions = ['adopted', 'partly', 'rejected', null] as const;
  return outline.recipients.slice(0, 6).map((recipient, index) => ({
    row: index + 3,
    index: String(index + 1),
    clause: index === 5 ? '（未指明条目）' : `任务${index + 1}`,
    original: '支持两省区农业科研院所联合攻关。',
    suggestion: index % 2 === 0 ? '建议增加“推动成果转化”' : '第一，明确牵头单位；\n第二，R&D 投入 <不低于> 3%。',
    reason: '',
    unit: recipient.name,
    recipientId: recipient.id,
    decision: decisions[index % decisions.length]!,
    decisionText: '',
    note: index % 3 === 0 ? '已与起草组商定' : '',
  }));
}

describe('documents gongwen writes itself', () => {
  it('are part for part what the docx library writes: forms, replies and reminders of real letters and odd names', async () => {
    const render = comparingRenderer();
    for (const outline of await letters()) {
      const units = [...outline.recipients, ...oddUnits(outline)];
      const withUnits = { ...outline, recipients: units };
      for (const recipient of units) {
        await feedbackForm(withUnits, recipient, templates, render);
        await replyLetter(withUnits, recipient, templates, render);
      }
      const line = { recipient: units[0]!, number: '01', status: '未反馈', reason: 'missing' as const, file: '', note: '' };
      await reminderNotice(withUnits, line, AS_OF, templates, render);
      await replyTemplate(outline, templates, render);
    }
    expect(new Set(render.compared.map((path) => path.replace(/.*\//u, '')))).toEqual(new Set(['feedback-form.md', 'reply-letter.md', 'reminder.md', 'reply-template.md']));
  });

  it('are part for part what the docx library writes without a title or any property of their own', () => {
    const values = letterValues(sampleOutline(), templates.wording);
    const { measured: _, ...document } = markdownToDocx(fillTemplate(templates['reply-template'].tree, { values, lists: {} }));
    const spec = { ...document, title: '', properties: {}, date: DATE };
    const ours = layoutDocx(spec);
    for (const [path, bytes] of docxLibraryParts(spec)) expectSameText(decoder.decode(ours.get(path)), decoder.decode(bytes), path);
    expect(decoder.decode(ours.get('docProps/core.xml'))).not.toContain('<dc:title>');
  });

  it('are part for part what the docx library writes: the long tables, landscape, and the adoption documents', async () => {
    const render = comparingRenderer();
    for (const outline of await letters()) {
      await distributionDocx(outline, templates, render);
      const rows = outline.recipients.map((recipient, index) => ({
        clause: `任务${index + 1}`,
        original: index % 2 ? '' : '原文 0591-87654321',
        suggestion: '建议“增加” <条款> & 说明\n第二行',
        reason: index % 3 ? '便于落地' : '',
        unit: recipient.name,
        adoption: index % 4 ? '' : '部分采纳',
        note: '',
      }));
      await summaryDocx(outline, rows, { total: outline.recipients.length, replied: 2, noComment: 1, missing: [outline.recipients[0]!.name], notItemised: [] }, AS_OF, templates, render);
      const lines = outline.recipients.map((recipient, index) => ({ recipient, number: String(index + 1), status: '未反馈', reason: 'missing' as const, file: '', note: '' }));
      await reminderListDocx(outline, lines, { total: outline.recipients.length, replied: 0 }, AS_OF, templates, render);
      const comments = decided(outline);
      const counts = {
        total: outline.recipients.length,
        replied: 6,
        noComment: 1,
        deemedNoComment: [outline.recipients[0]!.name],
        pending: [],
        comments: comments.length,
        decided: { adopted: 2, partly: 1, rejected: 1 },
        undecided: 2,
      };
      for (const draft of [false, true]) {
        await adoptionReportDocx(outline, { comments, counts, silenceClause: '逾期视为无意见', asOf: AS_OF, draft, unlisted: draft ? ['省外办'] : [] }, templates, render);
        await adoptionNoteDocx(outline, outline.recipients[0]!, comments.slice(0, 2), AS_OF, draft, templates, render);
      }
    }
    const kinds = new Set(render.compared.map((path) => path.replace(/.*\//u, '')));
    expect(kinds).toEqual(new Set(['distribution-list.md', 'summary.md', 'reminder-list.md', 'adoption-report.md', 'adoption-note.md']));
  });
});
