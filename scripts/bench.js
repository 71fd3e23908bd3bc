// `npm run bench`: gongwen's speed as ratios against baselines measured in the same run (issue 7).
// Each side runs in turn, several times; medians are compared. Writes bench/results.json.
//
//   start-up   gongwen --version, gongwen parse <sample> --json   vs  node -e 0
//   generate   gongwen packets on a 330-recipient letter, per .docx  vs  one pandoc run writing a one-table .docx
//   read       gongwen track over 330 returned forms, per form       vs  one pandoc run reading a .docx
//   layout     gongwen track over 30 replies as PDF, then as OFD, per file  vs  the same over 30 .docx forms
//
// pandoc comes from Debian's packages; without it the pandoc ratios are skipped and the bench says so.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GONGWEN = join(ROOT, 'bin', 'gongwen.cjs');
const SAMPLE = join(ROOT, 'fixtures', 'min-fu-xie-han-2024-8.txt');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const HEAVY_RUNS = Number(process.env.BENCH_HEAVY_RUNS ?? 3);

execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.js')], { stdio: 'inherit' });
const scratch = mkdtempSync(join(tmpdir(), 'gongwen-bench-'));
const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
const hasTime = existsSync('/usr/bin/time');

/** Milliseconds of one run of a command (and its peak RSS in MB when /usr/bin/time is there). */
function run(command, args) {
  const start = process.hrtime.bigint();
  const result = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 3) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  const rssKb = hasTime ? Number(result.stderr.trim().split('\n').at(-1)) : NaN;
  return { ms, rssMb: rssKb / 1024 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs each side in turn, `times` rounds, and returns the median of each. */
function measure(sides, times) {
  const samples = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
  const rss = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
  for (let round = 0; round < times; round++) {
    for (const [name, side] of Object.entries(sides)) {
      side.before?.();
      const { ms, rssMb } = run(...side.command);
      samples[name].push(ms);
      rss[name].push(rssMb);
    }
  }
  return Object.fromEntries(Object.keys(sides).map((name) => [name, { ms: median(samples[name]), rssMb: Math.max(...rss[name]) }]));
}

// A 330-recipient letter: the sample with a third list of 300 county departments in attachment 2.
const COUNTIES = ['鼓楼区', '台江区', '仓山区', '晋安区', '马尾区', '长乐区', '闽侯县', '连江县', '罗源县', '闽清县',
  '永泰县', '福清市', '思明区', '湖里区', '集美区', '海沧区', '同安区', '翔安区', '芗城区', '龙文区',
  '龙海区', '长泰区', '云霄县', '漳浦县', '诏安县', '东山县', '南靖县', '平和县', '华安县', '新罗区'];
const DEPARTMENTS = ['发改局', '教育局', '科技局', '工信局', '财政局', '人社局', '农业农村局', '商务局', '文旅局', '卫健局'];
const counties = COUNTIES.flatMap((county) => DEPARTMENTS.map((department) => `${county}${department}`));
const sample = readFileSync(SAMPLE, 'utf8');
const bigLetter = join(scratch, 'letter-330.txt');
writeFileSync(
  bigLetter,
  sample
    .replace('有关设区市对口支援工作领导小组：', '有关设区市对口支援工作领导小组，有关县（区）部门：')
    .concat(`\n3. 有关县（区）部门:\n\n${counties.join('，')}。\n`),
);

// 1. Start-up.
const startup = measure({
  node: { command: [process.execPath, ['-e', '0']] },
  version: { command: [process.execPath, [GONGWEN, '--version']] },
  parseJson: { command: [process.execPath, [GONGWEN, 'parse', SAMPLE, '--json']] },
}, RUNS);

// 2. Generation: packets on the 330-recipient letter (two .docx per recipient, plus the list and the template).
const workspace = join(scratch, 'ws');
const generation = measure({
  packets: { command: [process.execPath, [GONGWEN, 'packets', bigLetter, '-o', workspace, '--force']] },
  ...(hasPandoc ? { pandocWrite: { command: ['pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join(scratch, 'table.docx'), join(ROOT, 'fixtures', 'shapes', 'tongzhi-task-table.md')]] } } : {}),
}, HEAVY_RUNS);
const manifest = JSON.parse(readFileSync(join(workspace, 'gongwen.json'), 'utf8'));
const docxWritten = Object.keys(manifest.hashes).filter((path) => path.endsWith('.docx')).length;

// 3. Reading: every recipient returns its form with one comment typed in.
const inbox = join(workspace, manifest.inbox);
for (const recipient of manifest.recipients) {
  const parts = unzipSync(readFileSync(join(workspace, recipient.files.form)));
  const xml = strFromU8(parts['word/document.xml']);
  const lastTable = xml.lastIndexOf('<w:tbl>');
  const rowEnd = xml.indexOf('</w:tr>', xml.indexOf('</w:tr>', lastTable) + 1);
  const cellEnd = xml.lastIndexOf('</w:p>', rowEnd);
  parts['word/document.xml'] = strToU8(`${xml.slice(0, cellEnd)}<w:r><w:t>建议修改</w:t></w:r>${xml.slice(cellEnd)}`);
  writeFileSync(join(inbox, `${recipient.id}-反馈.docx`), zipSync(parts));
}
const returned = readdirSync(inbox).length;
const reading = measure({
  track: { command: [process.execPath, [GONGWEN, 'track', workspace, '--json', '--as-of', '2024-10-17']] },
  ...(hasPandoc ? { pandocRead: { command: ['pandoc', ['-f', 'docx', '-t', 'plain', join(inbox, readdirSync(inbox)[0])]] } } : {}),
}, HEAVY_RUNS);

// 4. Replies in the other formats: the sample letter's 30 recipients each send a 复函 as PDF (LibreOffice), as
// OFD (iOFD), a form saved as .doc, a mail with comments in its body, a zip of two forms; the cost of one file
// against the cost of one .docx form read by the same track.
const layoutWorkspace = join(scratch, 'ws-layout');
execFileSync(process.execPath, [GONGWEN, 'packets', SAMPLE, '-o', layoutWorkspace]);
const layoutManifest = JSON.parse(readFileSync(join(layoutWorkspace, 'gongwen.json'), 'utf8'));
const layoutInbox = join(layoutWorkspace, layoutManifest.inbox);
const fillInbox = (kind) => {
  for (const name of readdirSync(layoutInbox)) rmSync(join(layoutInbox, name));
  layoutManifest.recipients.forEach((recipient, index) => {
    const source = kind === 'docx' ? join(inbox, readdirSync(inbox)[index]) : join(ROOT, 'fixtures', OTHER_FORMATS[kind]);
    writeFileSync(join(layoutInbox, `${recipient.id}-复函.${kind}`), readFileSync(source));
  });
};
const OTHER_FORMATS = {
  pdf: 'pdf/fuhan-keji.pdf', ofd: 'ofd/pifu-iofd.ofd', doc: 'returned/财政厅意见反馈表.doc',
  eml: 'returned/妇联意见-Outlook.eml', zip: 'returned/群团组织反馈意见.zip',
};
const trackLayout = [process.execPath, [GONGWEN, 'track', layoutWorkspace, '--json', '--as-of', '2024-10-17']];
const layoutFiles = layoutManifest.recipients.length;
const layout = measure({
  docx: { command: trackLayout, before: () => fillInbox('docx') },
  pdf: { command: trackLayout, before: () => fillInbox('pdf') },
  ofd: { command: trackLayout, before: () => fillInbox('ofd') },
  doc: { command: trackLayout, before: () => fillInbox('doc') },
  eml: { command: trackLayout, before: () => fillInbox('eml') },
  zip: { command: trackLayout, before: () => fillInbox('zip') },
}, HEAVY_RUNS);

const ratio = (a, b) => (b ? Math.round((a / b) * 100) / 100 : null);
const results = {
  machine: { node: process.version, pandoc: hasPandoc, runs: RUNS, heavyRuns: HEAVY_RUNS },
  startup: {
    nodeMs: startup.node.ms, versionMs: startup.version.ms, parseJsonMs: startup.parseJson.ms,
    versionRatio: ratio(startup.version.ms, startup.node.ms), parseJsonRatio: ratio(startup.parseJson.ms, startup.node.ms),
    targets: { versionRatio: 1.3, parseJsonRatio: 1.8 },
  },
  generation: {
    recipients: manifest.recipients.length, docxWritten, packetsMs: generation.packets.ms, perDocxMs: generation.packets.ms / docxWritten,
    pandocWriteMs: generation.pandocWrite?.ms ?? null,
    perDocxRatio: hasPandoc ? ratio(generation.packets.ms / docxWritten, generation.pandocWrite.ms) : null,
    peakRssMb: generation.packets.rssMb, targets: { perDocxRatio: 0.1, peakRssMb: 300 },
  },
  reading: {
    forms: returned, trackMs: reading.track.ms, perFormMs: reading.track.ms / returned,
    pandocReadMs: reading.pandocRead?.ms ?? null,
    perFormRatio: hasPandoc ? ratio(reading.track.ms / returned, reading.pandocRead.ms) : null,
    peakRssMb: reading.track.rssMb, targets: { perFormRatio: 0.1, peakRssMb: 300 },
  },
  layout: {
    files: layoutFiles,
    perDocxMs: layout.docx.ms / layoutFiles,
    ...Object.fromEntries(Object.keys(OTHER_FORMATS).flatMap((kind) => [[`${kind}Ms`, layout[kind].ms / layoutFiles], [`${kind}Ratio`, ratio(layout[kind].ms, layout.docx.ms)]])),
    peakRssMb: Math.max(...Object.keys(OTHER_FORMATS).map((kind) => layout[kind].rssMb)),
  },
};
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
rmSync(scratch, { recursive: true, force: true });

const f = (ms) => `${ms.toFixed(1)} ms`;
const verdict = (value, target) => (value === null ? '（无 pandoc，跳过）' : value <= target ? '达标' : '未达标');
console.log(`
启动      node -e 0 ${f(startup.node.ms)}；--version ${f(startup.version.ms)}（${results.startup.versionRatio}×，目标 ≤1.3×，${verdict(results.startup.versionRatio, 1.3)}）；parse --json ${f(startup.parseJson.ms)}（${results.startup.parseJsonRatio}×，目标 ≤1.8×，${verdict(results.startup.parseJsonRatio, 1.8)}）
生成      ${results.generation.recipients} 个单位，${docxWritten} 个 .docx，共 ${f(generation.packets.ms)}，每个 ${f(results.generation.perDocxMs)}${hasPandoc ? `；pandoc 写一个 ${f(generation.pandocWrite.ms)}（${results.generation.perDocxRatio}×，目标 ≤0.1×，${verdict(results.generation.perDocxRatio, 0.1)}）` : '；未安装 pandoc，跳过比值'}；峰值内存 ${results.generation.peakRssMb.toFixed(0)} MB
读取      ${returned} 份反馈表，共 ${f(reading.track.ms)}，每份 ${f(results.reading.perFormMs)}${hasPandoc ? `；pandoc 读一个 ${f(reading.pandocRead.ms)}（${results.reading.perFormRatio}×，目标 ≤0.1×，${verdict(results.reading.perFormRatio, 0.1)}）` : '；未安装 pandoc，跳过比值'}；峰值内存 ${results.reading.peakRssMb.toFixed(0)} MB
其他格式  ${layoutFiles} 份回复，每份 .docx 反馈表 ${f(results.layout.perDocxMs)}；${Object.keys(OTHER_FORMATS).map((kind) => `${kind.toUpperCase()} ${f(results.layout[`${kind}Ms`])}（${results.layout[`${kind}Ratio`]}×）`).join('、')}（track 全程）；峰值内存 ${results.layout.peakRssMb.toFixed(0)} MB
结果已写入 bench/results.json`);
