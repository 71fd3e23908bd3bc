// One letter, whatever format it arrives in, gives the same outline: every field a clerk relies on is
// compared with the outline of the text it was made from, not counted. Word, PDF and .doc were made by
// LibreOffice (fixtures/formats/README.md); the OFD is laid out as 数科 and 福昕 export one (test/support/ofd.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Outline } from '../../src/model/outline.js';
import { parseLetter } from '../../src/outline/parse.js';
import { fixture } from '../support/cli.js';
import { letterAsOfd } from '../support/ofd.js';

/** Each converted letter and the text it was made from (fixtures/formats/README.md). */
const LETTERS: Record<string, string> = {
  'min-fu-xie-han-2024-8': 'min-fu-xie-han-2024-8.txt',
  '04-mep-2016-biaozhun-shisanwu-guihua-zqyj': 'public/04-mep-2016-biaozhun-shisanwu-guihua-zqyj.txt',
  '05-huzhou-jtj-2021-chuzuche-banfa-gkzqyj-tongzhi': 'public/05-huzhou-jtj-2021-chuzuche-banfa-gkzqyj-tongzhi.txt',
  '11-sichuan-fgw-2022-liutong-tixi-shishifangan': 'public/11-sichuan-fgw-2022-liutong-tixi-shishifangan.txt',
  'hehecat-multi-attachment': 'peers/hehecat-multi-attachment.txt',
  'chaosong-yinfa': 'shapes/chaosong-yinfa.txt',
  'bracket-2023-chinese-date': 'shapes/bracket-2023-chinese-date.txt',
};
const FORMATS = ['docx', 'pdf', 'doc', 'ofd'];
const scratch = mkdtempSync(join(tmpdir(), 'gongwen-formats-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function converted(base: string, text: string, format: string): string {
  if (format !== 'ofd') return fixture(`formats/${base}.${format}`);
  const path = join(scratch, `${base}.ofd`);
  writeFileSync(path, letterAsOfd(readFileSync(fixture(text), 'utf8'), { split: 'run' }));
  return path;
}

/** The fields of an outline a clerk relies on, without where they stand in the file. */
function fields(outline: Outline): Record<string, unknown> {
  const { letter } = outline;
  return {
    issuer: letter.issuer, docNumber: letter.docNumber?.text ?? null, title: letter.title, kind: letter.kind,
    mainRecipients: letter.mainRecipients, deadline: letter.deadline, contacts: letter.contacts,
    attachmentNotes: letter.attachmentNotes.map((note) => note.title), signature: letter.signature, date: letter.date, copyTo: letter.copyTo,
    attachments: outline.attachments.map((attachment) => attachment.title),
    tasks: outline.tasks.map((task) => ({ number: task.number, title: task.title, text: task.text, units: task.responsibleUnits.map((unit) => unit.raw) })),
    recipients: outline.recipients.map((recipient) => recipient.name),
  };
}

describe.each(Object.entries(LETTERS))('%s', (base, text) => {
  it.each(FORMATS)('reads the same outline from its .%s as from its text', async (format) => {
    const expected = fields(await parseLetter(fixture(text)));
    const actual = fields(await parseLetter(converted(base, text, format)));
    for (const [name, value] of Object.entries(expected)) expect.soft(actual[name], name).toEqual(value);
  });
});
