// Closing the round (issue 15): the drafter fills 采纳情况 into the generated 意见汇总表.xlsx as a person would (some
// typed, one chosen from a drop-down, one left blank), then `gongwen adoption` writes the 征求意见采纳情况说明 and a
// 采纳情况反馈 per commenting unit. The letter is the sample letter with the clause 逾期未反馈的视为无意见 added to
// its body, as many letters have it (fixtures/shapes/bracket-2023-chinese-date.txt), so those units are counted.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoption, type Adoption } from '../../src/adoption/index.js';
import { parseLetter } from '../../src/outline/parse.js';
import { createPackets } from '../../src/packets/index.js';
import { createSummary } from '../../src/summary/index.js';
import { SAMPLE, gongwen } from '../support/cli.js';
import { convertWithLibreOffice, missingTools } from '../support/render.js';
import { decide } from '../support/summary-sheet.js';
import { dropSampleReplies, fillForm } from '../support/word.js';
import { readDocx, tableRows } from '../writers/ooxml.js';

const root = mkdtempSync(join(tmpdir(), 'gongwen-adoption-'));
const workspace = join(root, 'ws');
const inbox = join(workspace, '回收');
const sheetPath = join(workspace, '意见汇总表.xlsx');
const reportPath = join(workspace, '征求意见采纳情况说明.docx');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const form = (folder: string): Uint8Array => readFileSync(join(workspace, 'packets', folder, '意见反馈表.docx'));
const fingerprint = (): string[] =>
  readdirSync(inbox).sort().map((name) => `${name} ${createHash('sha256').update(readFileSync(join(inbox, name))).digest('hex')}`);
/** Text without the spaces and line ends layout puts in. */
const flat = (text: string): string => text.replace(/\s/gu, '');

/** The draft run's documents, read before the final run replaced them. */
const draftTexts = { report: '', note: '' };
let inboxBefore: string[];
let draft: Adoption;
let final: Adoption;
let undecidedRun: ReturnType<typeof gongwen>;
let finalRun: ReturnType<typeof gongwen>;

beforeAll(async () => {
  const letter = join(root, '来函.txt');
  const text = readFileSync(SAMPLE, 'utf8').replace('请于2024年10月18日前书面反馈我办。', '请于2024年10月18日前书面反馈我办，逾期未反馈的视为无意见。');
  writeFileSync(letter, text);
  await createPackets(await parseLetter(letter), workspace);
  dropSampleReplies(workspace);
  await createSummary(workspace, { asOf: '2024-10-19' });
  inboxBefore = fingerprint();

  // Five of six decided, the way a drafter fills a sheet: words typed with stray spaces, one chosen, one left blank.
  await decide(sheetPath,
    [
      ['地方法人银行', '已采纳 '],
      ['共建科技创新平台', '部分采纳', '已在第3条补充成果转化的表述，不单设中心'],
      ['资源共享平台互联互通', ' 不予采纳', '平台互联互通已在任务6“强化平台建设”中表述。'],
      ['挂职干部培训', '采纳'],
      ['融资担保机制', '采　纳'],
    ],
    { titleRow: true },
  );
  undecidedRun = gongwen(['adoption', workspace, '--as-of', '2024-10-19']);
  draft = await createAdoption(workspace, { asOf: '2024-10-19', draft: true });
  draftTexts.report = readDocx(readFileSync(reportPath)).text;
  draftTexts.note = readDocx(readFileSync(join(workspace, '采纳情况反馈', '04-省科技厅.docx'))).text;
  writeFileSync(join(workspace, '采纳情况反馈', '寄送记录.txt'), '10月21日已寄省科技厅');
  await decide(sheetPath, [['资金来源', '未采纳', '资金来源由年度协作计划另行明确']]);
  finalRun = gongwen(['adoption', workspace, '--as-of', '2024-10-19']);
  final = await createAdoption(workspace, { asOf: '2024-10-19' });
}, 240_000);

describe('while a comment is undecided', () => {
  it('lists it, writes nothing and exits 3 (as track does while replies are outstanding)', () => {
    expect(undecidedRun.status).toBe(3);
    expect(undecidedRun.stdout).toContain('以下意见尚未确定采纳情况');
    expect(undecidedRun.stdout).toMatch(/省科技厅：第三部分“保障措施”中，建议明确科技协作项目的资金来源。（未填写）/u);
    expect(undecidedRun.stdout).toContain('未生成文书');
    expect(draft.undecided.map((comment) => comment.unit)).toEqual(['省科技厅']);
  });

  it('with --draft writes the documents anyway, marked 草稿 with the comment still open', () => {
    expect(draft.files).toContain('征求意见采纳情况说明.docx');
    expect(draftTexts.report).toMatch(/草稿：尚有1条意见未确定采纳情况（意见汇总表序号5）/u);
    expect(draftTexts.report).toContain('尚未确定1条');
    expect(draftTexts.note).toContain('草稿：尚有1条意见未确定采纳情况');
  });
});

describe('the 征求意见采纳情况说明', () => {
  it('is written once every comment is decided, and the command exits 0', () => {
    expect(finalRun.status).toBe(0);
    expect(finalRun.stdout).toContain('意见 6 条：采纳 3 条，部分采纳 1 条，不采纳 2 条。');
    expect(final.files[0]).toBe('征求意见采纳情况说明.docx');
  });

  it('gives every count, computed from the workspace and the sheet', () => {
    expect(final.counts).toMatchObject({ total: 30, replied: 5, noComment: 1, comments: 6, decided: { adopted: 3, partly: 1, rejected: 2 }, undecided: 0 });
    const text = readDocx(readFileSync(reportPath)).text;
    expect(text).toContain('就《关于深入学习贯彻习近平总书记重要指示精神高质量推进闽宁协作工作的实施意见（2024—2026年）（征求意见稿）》征求30家单位意见');
    expect(text).toContain('共有5家单位书面反馈，其中无意见1家，提出修改意见3家、共6条');
    expect(text).toContain('采纳3条，部分采纳1条，不采纳2条');
    expect(text).not.toContain('草稿');
  });

  it('counts the units silent past the deadline as having no comment, quoting the letter', () => {
    expect(final.silenceClause).toBe('逾期未反馈的视为无意见');
    expect(final.counts.deemedNoComment).toHaveLength(24);
    expect(final.counts.deemedNoComment).toContain('省人社厅');
    const text = readDocx(readFileSync(reportPath)).text;
    expect(text).toContain(`24家单位逾期未反馈（${final.counts.deemedNoComment.join('、')}）。`);
    expect(final.counts.deemedNoComment).not.toContain('省发改委');
    expect(text).toContain('来函已明确“逾期未反馈的视为无意见”，按无意见计。');
    // A unit whose file cannot be read has answered, in a way: it is not deemed, it is named.
    expect(text).toContain('1家单位尚未反馈或发来的文件无法读取：省发改委。');
    expect(text).not.toContain('来函未写明');
  });

  it('has a paragraph per clause that drew comments, in the draft\'s order', () => {
    const paragraphs = readDocx(readFileSync(reportPath)).text.split('\n').filter((line) => /^（[一二三四五六七八九十]+）关于/u.test(line));
    expect(paragraphs).toEqual([
      '（一）关于“任务2 加大金融支持”。省财政厅提出意见1条，采纳1条。',
      '（二）关于“任务3 深化科技创新”。省科技厅提出意见1条，部分采纳1条。',
      '（三）关于“任务4 强化数智赋能”。省科技厅提出意见1条，不采纳1条。',
      '（四）关于“任务8 深化人才交流”。省委组织部提出意见1条，采纳1条。',
      '（五）关于“三、保障措施”。省科技厅提出意见1条，不采纳1条。',
      '（六）关于“未指明条目”。省财政厅提出意见1条，采纳1条。',
    ]);
  });

  it('gives each comment not adopted (or partly) with its unit and the reason from 说明', () => {
    const lines = readDocx(readFileSync(reportPath)).text.split('\n').filter((line) => /^\d+\.省/u.test(line));
    expect(lines).toEqual([
      '1.省科技厅提出：“第3条‘深化科技创新’中，建议将‘共建科技创新平台’修改为‘共建科技创新平台和成果转化中心’，以便承接科技成果在宁夏落地转化”（任务3 深化科技创新）。部分采纳，理由：已在第3条补充成果转化的表述，不单设中心。',
      '2.省科技厅提出：“任务4‘强化数智赋能’，建议增加‘推动两地科技资源共享平台互联互通’的表述”（任务4 强化数智赋能）。不采纳，理由：平台互联互通已在任务6“强化平台建设”中表述。',
      '3.省科技厅提出：“第三部分‘保障措施’中，建议明确科技协作项目的资金来源”（三、保障措施）。不采纳，理由：资金来源由年度协作计划另行明确。',
    ]);
  });
});

describe('the 采纳情况反馈 to each unit that commented', () => {
  it('is one document per unit, numbered as in packets/, beside a file the clerk keeps there', () => {
    expect(readdirSync(join(workspace, '采纳情况反馈')).sort()).toEqual(['01-省委组织部.docx', '04-省科技厅.docx', '07-省财政厅.docx', '寄送记录.txt']);
    expect(readFileSync(join(workspace, '采纳情况反馈', '寄送记录.txt'), 'utf8')).toBe('10月21日已寄省科技厅');
  });

  it('tells the unit what became of each of its comments, and why', () => {
    const note = readDocx(readFileSync(join(workspace, '采纳情况反馈', '04-省科技厅.docx')));
    expect(note.text).toContain('省科技厅：');
    expect(note.text).toContain('提出的3条修改意见收悉');
    expect(note.text).toContain('经认真研究，部分采纳1条、不采纳2条。');
    const rows = tableRows(note.document, 0);
    expect(rows[0]).toEqual(['序号', '条目', '修改意见', '采纳情况', '说明']);
    expect(rows.slice(1).map((row) => [row[1], row[3], row[4]])).toEqual([
      ['任务3 深化科技创新', '部分采纳', '已在第3条补充成果转化的表述，不单设中心'],
      ['任务4 强化数智赋能', '不采纳', '平台互联互通已在任务6“强化平台建设”中表述。'],
      ['三、保障措施', '不采纳', '资金来源由年度协作计划另行明确'],
    ]);
    expect(note.properties['gongwen.document']).toBe('adoption-note');
    expect(note.properties['gongwen.recipientId']).toBeUndefined();
  });

  it('quotes a comment as the unit wrote it, without the mark that kept it from running as a formula', () => {
    const rows = tableRows(readDocx(readFileSync(join(workspace, '采纳情况反馈', '07-省财政厅.docx'))).document, 0);
    expect(rows.slice(1).map((row) => [row[2], row[3]])).toEqual([
      ['=HYPERLINK("http://x")建议补充地方法人银行', '采纳'],
      ['建议明确融资担保机制', '采纳'],
    ]);
  });
});

describe('the workspace', () => {
  it('keeps the inbox as it was, and leaves the secret reply out, naming it', () => {
    expect(fingerprint()).toEqual(inboxBefore);
    expect(final.secret).toEqual(['省司法厅']);
    expect(final.missingFromSheet).toEqual([]);
  });

  it('says so when a reply came after the summary, and exits 3', () => {
    const later = join(root, 'later');
    rmSync(later, { recursive: true, force: true });
    execFileSync('cp', ['-r', workspace, later]);
    writeFileSync(join(later, '回收', '卫健委.docx'), fillForm(form('12-省卫健委'), { comments: [['任务8', '', '建议增加医疗人才交流', '']] }));
    const run = gongwen(['adoption', later, '--as-of', '2024-10-19']);
    expect(run.status).toBe(3);
    expect(run.stdout).toContain('以下单位的意见不在意见汇总表中，请重新运行 gongwen summary（已填写的采纳情况会保留）：省卫健委');
    expect(gongwen(['adoption', later, '--as-of', '2024-10-19', '--draft']).status).toBe(3);
    expect(readDocx(readFileSync(join(later, '征求意见采纳情况说明.docx'))).text).toContain('草稿：省卫健委的意见尚未列入意见汇总表');
  });

  it('takes a row deleted from the sheet for a comment not summarised, and leaves that unit\'s earlier 采纳情况反馈, warning not to send it', async () => {
    const merged = join(root, 'merged');
    execFileSync('cp', ['-r', workspace, merged]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(merged, '意见汇总表.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    let row = 1;
    while (!String(sheet.getRow(row).values).includes('挂职干部培训')) row++;
    sheet.spliceRows(row, 1);
    writeFileSync(join(merged, '意见汇总表.xlsx'), new Uint8Array(await workbook.xlsx.writeBuffer()));
    const run = gongwen(['adoption', merged, '--as-of', '2024-10-19', '--draft']);
    expect(run.status).toBe(3);
    expect(run.stdout).toContain('意见 5 条');
    expect(run.stdout).toContain('以下单位的意见不在意见汇总表中，请重新运行 gongwen summary（已填写的采纳情况会保留）：省委组织部');
    expect(run.stdout).toContain('请勿发出（可删除）：采纳情况反馈/01-省委组织部.docx');
    expect(readdirSync(join(merged, '采纳情况反馈'))).toContain('01-省委组织部.docx');
  });
});

describe('a sheet the command cannot use', () => {
  /** A workspace with the manifest and an empty inbox, and the given 意见汇总表.xlsx (none when null). */
  function bare(name: string, sheet: Uint8Array | null): string {
    const dir = join(root, name);
    mkdirSync(join(dir, '回收'), { recursive: true });
    copyFileSync(join(workspace, 'gongwen.json'), join(dir, 'gongwen.json'));
    if (sheet) writeFileSync(join(dir, '意见汇总表.xlsx'), sheet);
    return dir;
  }

  it('is named in one Chinese line with what to do, exit 1, never a stack trace', async () => {
    const headless = new ExcelJS.Workbook();
    headless.addWorksheet('意见汇总表').addRow(['序号', '意见', '单位']);
    const cases: Array<[string, RegExp]> = [
      [bare('no-sheet', null), /找不到 .*意见汇总表\.xlsx。请先运行 gongwen summary/u],
      [bare('broken', readFileSync(reportPath).subarray(0, 500)), /无法读取 .*意见汇总表\.xlsx（文件已损坏，或不是 \.xlsx 格式）/u],
      [bare('no-header', new Uint8Array(await headless.xlsx.writeBuffer())), /找不到意见汇总表的表头（修改意见、提出单位、采纳情况）/u],
      [join(root, 'not-a-workspace'), /不是 gongwen 工作目录/u],
    ];
    for (const [dir, message] of cases) {
      const run = gongwen(['adoption', dir]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at |Error:|内部错误/u);
    }
  });
});

describe.skipIf(missingTools(['soffice', 'pdftotext']).length > 0)('rendered by LibreOffice', () => {
  const pages: Record<string, string> = {};
  beforeAll(() => {
    const dir = join(root, 'pdf');
    copyFileSync(reportPath, join(root, 'report.docx'));
    copyFileSync(join(workspace, '采纳情况反馈', '04-省科技厅.docx'), join(root, 'note.docx'));
    convertWithLibreOffice(root, 'pdf', ['report.docx', 'note.docx'], { outdir: dir });
    for (const name of ['report', 'note']) pages[name] = execFileSync('pdftotext', [join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' });
  }, 200_000);

  it('shows the counts, the reasons and the signature on the printed pages', () => {
    const report = flat(pages.report!);
    expect(report).toContain('征求意见采纳情况的说明');
    expect(report).toContain('共有5家单位书面反馈，其中无意见1家');
    expect(report).toContain('采纳3条，部分采纳1条，不采纳2条');
    expect(report).toContain('理由：资金来源由年度协作计划另行明确');
    expect(report).toMatch(/福建省东西部扶贫协作工作办公室2024年10月19日—\d+—$/u);
  });

  it('prints the unit\'s table with each decision whole in its cell', () => {
    const note = flat(pages.note!);
    expect(note).toContain('省科技厅：');
    expect(pages.note!).toMatch(/部分采纳/u);
    expect(note).toContain('特此函告。');
  });
});
