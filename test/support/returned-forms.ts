// Writes the filled feedback forms that fixtures/returned/ packs into mails and zips (see its README):
// `npx tsx test/support/returned-forms.ts <folder>`. Forms of the sample letter, filled as Word would.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLetter } from '../../src/outline/parse.js';
import { createPackets } from '../../src/packets/index.js';
import { SAMPLE } from './cli.js';
import { fillForm } from './word.js';

const out = process.argv[2];
if (!out) throw new Error('usage: returned-forms.ts <folder>');
const workspace = join(mkdtempSync(join(tmpdir(), 'gongwen-forms-')), 'ws');
await createPackets(await parseLetter(SAMPLE), workspace);
const form = (folder: string): Uint8Array => readFileSync(join(workspace, 'packets', folder, '意见反馈表.docx'));
const forms: Record<string, Uint8Array> = {
  // Saved as .doc by LibreOffice for the .doc fixture.
  '财政厅.docx': fillForm(form('07-省财政厅'), {
    comments: [['任务2 加大金融支持', '协调政策性银行', '建议补充“地方法人银行”', '与现行政策一致'], ['', '', '建议明确融资担保机制', '']],
  }),
  // Attached to a Foxmail mail.
  '科协.docx': fillForm(form('21-省科协'), { comments: [['任务5', '', '建议增加科普援宁项目', '发挥科协优势']] }),
  // Zipped together by a clerk collecting for 群团组织.
  '团省委.docx': fillForm(form('19-团省委'), { noComment: true }),
  '侨联.docx': fillForm(form('22-省侨联'), { comments: [['任务9', '', '建议将侨资企业纳入产业协作', ''], ['任务10', '', '建议增加侨界人才交流', '']] }),
  // Deep inside a zip inside a zip inside a mail (hostile).
  '残联.docx': fillForm(form('23-省残联'), { noComment: true }),
};
for (const [name, bytes] of Object.entries(forms)) writeFileSync(join(out, name), bytes);
