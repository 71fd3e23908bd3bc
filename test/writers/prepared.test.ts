// The fast path (a prepared package patched per unit) gives the very bytes of laying each document out from
// scratch: on every recipient of real letters, and on unit names that test the patching's edges.
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Outline, Recipient } from '../../src/model/outline.js';
import { parseLetter } from '../../src/outline/parse.js';
import { feedbackForm } from '../../src/writers/feedback-form.js';
import { reminderNotice } from '../../src/writers/reminder.js';
import { replyLetter } from '../../src/writers/reply-letter.js';
import { directRenderer, loadTemplates, preparedRenderer, type DocxRenderer } from '../../src/writers/template/index.js';
import { fixture } from '../support/cli.js';
import { readDocx } from './ooxml.js';
import { sampleOutline } from './sample-outline.js';

const templates = await loadTemplates();
const DATE = new Date('2024-10-09T08:00:00Z');

type Writer = (outline: Outline, recipient: Recipient, render: DocxRenderer) => Promise<Uint8Array>;
const WRITERS: Record<string, Writer> = {
  意见反馈表: (outline, recipient, render) => feedbackForm(outline, recipient, templates, render),
  复函: (outline, recipient, render) => replyLetter(outline, recipient, templates, render),
  催办通知: (outline, recipient, render) =>
    reminderNotice(outline, { recipient, number: '01', status: '未反馈', reason: 'missing', file: '', note: '' }, '2024-10-17', templates, render),
};

/**
 * Each writer's documents for every recipient, both ways; a difference is reported by part, readably.
 * Returns how many documents were patched rather than laid out whole, so a test knows the fast path ran.
 */
async function expectSameBytes(outline: Outline, recipients = outline.recipients): Promise<number> {
  let patched = 0;
  for (const [kind, write] of Object.entries(WRITERS)) {
    const prepared = preparedRenderer(DATE);
    const direct = directRenderer(DATE);
    for (const recipient of recipients) {
      const fast = await write(outline, recipient, prepared);
      const slow = await write(outline, recipient, direct);
      if (Buffer.compare(fast, slow) !== 0) {
        const [fastParts, slowParts] = [unzipSync(fast), unzipSync(slow)];
        for (const path of Object.keys(slowParts)) {
          expect(strFromU8(fastParts[path] ?? new Uint8Array()), `${kind} of ${recipient.name}: ${path}`).toBe(strFromU8(slowParts[path]!));
        }
        expect.fail(`${kind} of ${recipient.name}: same parts, different bytes`);
      }
    }
    patched += prepared.counts.patched;
  }
  return patched;
}

describe('documents patched from a prepared package', () => {
  it('are byte for byte those laid out from scratch, for all 30 units of the sample letter', async () => {
    const outline = sampleOutline();
    // Laid out once per shape (tasks or none; the size of the 复函's letterhead), patched for the rest.
    expect(await expectSameBytes(outline)).toBe(3 * outline.recipients.length);
  });

  it('are byte for byte the same on letters of other shapes', async () => {
    for (const path of ['public/08-govcn-guohan-2018-144-zhijiao-lianxihuiyi.txt', 'peers/hehecat-multi-attachment.txt', 'shapes/chaosong-yinfa.txt']) {
      const outline = await parseLetter(fixture(path));
      expect(outline.recipients.length, path).toBeGreaterThan(0);
      expect(await expectSameBytes(outline), path).toBe(3 * outline.recipients.length);
    }
  });

  it('are byte for byte the same for names that are short, long, Latin, escaped or unusual', async () => {
    const outline = sampleOutline();
    const template = outline.recipients.find((recipient) => recipient.tasks.length > 0)!;
    const names = [
      '团省委', '省委', 'A', 'AB', '国家金融监督管理总局福建监管局普惠金融处', 'R&D <中心> "甲" \'乙\'',
      '　省妇联　', '省□联', '省\t侨联', 'Fujian 省侨联', '省\u0007残联', '省\uE000联', '省\uD800联', '𠀀𠀁研究院',
    ];
    const units: Recipient[] = names.map((name, index) => ({ ...template, id: `edge-${index}`, name }));
    const noTasks: Recipient = { ...template, id: 'edge-none', name: '省无任务厅', tasks: [] };
    const patched = await expectSameBytes({ ...outline, recipients: [...units, noTasks] }, [...units, noTasks]);
    // Only the two names holding characters the marks are made of (the private-use mark, a lone surrogate) are
    // laid out whole; the bell character is dropped either way.
    expect(patched).toBe(3 * (units.length + 1) - 2 * 3);
  });

  it('lay out the 30 复函 of the sample letter twice, once per size of the letterhead, whatever each name’s width', async () => {
    // Eight widths of names; the 署名 is centred over the date by a tab stop, so only the letterhead's size
    // (小初, or smaller for the two names too long for it) tells one layout from another.
    const outline = sampleOutline();
    const render = preparedRenderer(DATE);
    for (const recipient of outline.recipients) await replyLetter(outline, recipient, templates, render);
    expect(render.counts).toEqual({ packages: 2, patched: 30, direct: 0 });
  });

  it('still say each unit’s own name, tasks and recipient id', async () => {
    const outline = sampleOutline();
    const render = preparedRenderer(DATE);
    for (const recipient of outline.recipients) {
      const form = readDocx(await feedbackForm(outline, recipient, templates, render));
      expect(form.properties['gongwen.recipientId']).toBe(recipient.id);
      expect(form.text).toContain(recipient.name);
      for (const task of outline.tasks.filter((each) => recipient.tasks.includes(each.number))) expect(form.text).toContain(task.title);
    }
  });
});
