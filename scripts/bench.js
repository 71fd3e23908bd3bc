// `npm run bench`: gongwen's speed as ratios against baselines measured in the same run (issues 7 and 16).
// Each side runs in turn, several times; medians are compared. Writes bench/results.json.
//
//   start-up   gongwen --version, gongwen parse <sample> --json, gongwen packets <sample>   vs  node -e 0
//   floor      in one node process: patch a ready form's document.xml, deflate its parts (level 6), write the file
//   generate   gongwen packets on a 330-recipient letter, per .docx  vs  the floor (and one pandoc run writing a .docx)
//   read       gongwen track over 330 returned forms, per form       vs  one pandoc run reading a .docx
//   summary    gongwen summary over the same 330 forms, each with 原文, 修改意见 and 理由 typed in
//   scale      parse --json, packets, track, summary, remind on letters of 1,000, 3,000 and 10,000 recipients: cost
//              per recipient at 10,000 against 1,000, packets per .docx against the floor measured just before each
//              packets run, peak RSS of each command (BENCH_BIG=0 skips them; BENCH_BIG_RUNS rounds, 1 by default)
//   layout     gongwen track over 30 replies as PDF, OFD, .doc, .eml, .zip, per file  vs  the same over 30 .docx forms;
//              and over one file of each, to part what a further file costs from what the first costs once
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
const BIG = process.env.BENCH_BIG !== '0';
const BIG_RUNS = Number(process.env.BENCH_BIG_RUNS ?? 1);
const FLOOR_DOCUMENTS = Number(process.env.BENCH_FLOOR_DOCUMENTS ?? 2000);

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

// Letters of 330, 1,000 and 10,000 recipients: the sample with a third list of county departments in attachment 2.
// The first 300 are real counties' departments; past them, made-up two-character county names.
const COUNTIES = ['鼓楼区', '台江区', '仓山区', '晋安区', '马尾区', '长乐区', '闽侯县', '连江县', '罗源县', '闽清县',
  '永泰县', '福清市', '思明区', '湖里区', '集美区', '海沧区', '同安区', '翔安区', '芗城区', '龙文区',
  '龙海区', '长泰区', '云霄县', '漳浦县', '诏安县', '东山县', '南靖县', '平和县', '华安县', '新罗区'];
const DEPARTMENTS = ['发改局', '教育局', '科技局', '工信局', '财政局', '人社局', '农业农村局', '商务局', '文旅局', '卫健局'];
const NAME_CHARACTERS = [...'安宁平和永定兴隆丰泰嘉禾昌盛广德怀远崇义清流宜章乐山柏林桃源松溪梅江青田'];
const madeUpCounties = NAME_CHARACTERS.flatMap((first) => NAME_CHARACTERS.filter((second) => second !== first).map((second) => `${first}${second}县`))
  .filter((county) => !COUNTIES.includes(county));
const countyDepartments = [...COUNTIES, ...madeUpCounties].flatMap((county) => DEPARTMENTS.map((department) => `${county}${department}`));
const sample = readFileSync(SAMPLE, 'utf8');
const sampleRecipients = 30;
/** Writes a letter to `recipients` units (the sample's 30 plus county departments) and returns its path. */
function letterTo(recipients) {
  const path = join(scratch, `letter-${recipients}.txt`);
  writeFileSync(
    path,
    sample
      .replace('有关设区市对口支援工作领导小组：', '有关设区市对口支援工作领导小组，有关县（区）部门：')
      .concat(`\n3. 有关县（区）部门:\n\n${countyDepartments.slice(0, recipients - sampleRecipients).join('，')}。\n`),
  );
  return path;
}

// 1. Start-up.
const startup = measure({
  node: { command: [process.execPath, ['-e', '0']] },
  version: { command: [process.execPath, [GONGWEN, '--version']] },
  parseJson: { command: [process.execPath, [GONGWEN, 'parse', SAMPLE, '--json']] },
  packets: { command: [process.execPath, [GONGWEN, 'packets', SAMPLE, '-o', join(scratch, 'ws-startup'), '--force']] },
}, RUNS);

/**
 * Returns every form the way a unit does: the first comment row filled in (原文, 修改意见, 理由), in nine
 * recipients out of ten; the tenth sends nothing, so that remind has someone to remind.
 */
function returnForms(workspace, manifest) {
  const inbox = join(workspace, manifest.inbox);
  for (const name of readdirSync(inbox)) rmSync(join(inbox, name), { recursive: true });
  manifest.recipients.forEach((recipient, index) => {
    if (index % 10 === 9) return;
    const parts = unzipSync(readFileSync(join(workspace, recipient.files.form)));
    const xml = strFromU8(parts['word/document.xml']);
    const lastTable = xml.lastIndexOf('<w:tbl>');
    const rowStart = xml.indexOf('<w:tr>', xml.indexOf('</w:tr>', lastTable));
    const rowEnd = xml.indexOf('</w:tr>', rowStart);
    const cells = xml.slice(rowStart, rowEnd).split('</w:tc>');
    const typed = ['“加强干部双向挂职”', `建议改为“加强干部双向挂职，每年不少于${index % 7 + 2}人”`, '便于考核落实'];
    typed.forEach((text, column) => {
      const cell = cells[column + 2];
      const paragraphEnd = cell.lastIndexOf('</w:p>');
      cells[column + 2] = `${cell.slice(0, paragraphEnd)}<w:r><w:t>${text}</w:t></w:r>${cell.slice(paragraphEnd)}`;
    });
    parts['word/document.xml'] = strToU8(`${xml.slice(0, rowStart)}${cells.join('</w:tc>')}${xml.slice(rowEnd)}`);
    writeFileSync(join(inbox, `${recipient.id}-反馈.docx`), zipSync(parts));
  });
  return readdirSync(inbox).length;
}

// 2. The floor: what writing one .docx costs at least. In one node process, a ready form is patched (its
// recipient's name replaced in document.xml), compressed with node:zlib at level 6 and written, N times. The parts
// that never change are compressed once, as any writer of many copies would (and gongwen does); the floor with
// every part compressed again for each document is measured too, for comparison.
const floorWorkspace = join(scratch, 'ws-floor');
execFileSync(process.execPath, [GONGWEN, 'packets', SAMPLE, '-o', floorWorkspace]);
const floorManifest = JSON.parse(readFileSync(join(floorWorkspace, 'gongwen.json'), 'utf8'));

/** Runs in a node process of its own (stringified): ms per document, writing `count` copies into `out`. */
function floorRun({ source, placeholder, out, count, everyPart, fflatePath }) {
  const { crc32, deflateRawSync } = require('node:zlib');
  const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
  const { unzipSync } = require(fflatePath);
  const parts = Object.entries(unzipSync(readFileSync(source)));
  const xml = Buffer.from(parts.find(([path]) => path === 'word/document.xml')[1]).toString('utf8');
  const entry = (path, data) => ({ name: Buffer.from(path), crc: crc32(data), size: data.length, compressed: deflateRawSync(data, { level: 6 }) });
  const fields = (entry) => {
    const bytes = Buffer.alloc(20);
    bytes.writeUInt16LE(0x0800, 0); bytes.writeUInt16LE(8, 2); bytes.writeUInt16LE(0, 4); bytes.writeUInt16LE(33, 6);
    bytes.writeUInt32LE(entry.crc, 8); bytes.writeUInt32LE(entry.compressed.length, 12); bytes.writeUInt32LE(entry.size, 16);
    return bytes;
  };
  const zip = (entries) => {
    const chunks = [];
    const directory = [];
    let at = 0;
    for (const entry of entries) {
      const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0]), fields(entry), Buffer.from([entry.name.length, entry.name.length >> 8, 0, 0]), entry.name]);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); fields(entry).copy(central, 8);
      central.writeUInt16LE(entry.name.length, 28); central.writeUInt32LE(at, 42);
      directory.push(central, entry.name);
      chunks.push(local, entry.compressed);
      at += local.length + entry.compressed.length;
    }
    const directoryBytes = Buffer.concat(directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directoryBytes.length, 12); end.writeUInt32LE(at, 16);
    return Buffer.concat([...chunks, directoryBytes, end]);
  };
  const ready = new Map(parts.map(([path, data]) => [path, entry(path, data)]));
  mkdirSync(out, { recursive: true });
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const document = Buffer.from(xml.replace(placeholder, `单位${i}`));
    const entries = parts.map(([path, data]) => (path === 'word/document.xml' ? entry(path, document) : everyPart ? entry(path, data) : ready.get(path)));
    writeFileSync(`${out}/${i}.docx`, zip(entries));
  }
  return Number(process.hrtime.bigint() - start) / 1e6 / count;
}
const floorOnce = (everyPart) => {
  const options = {
    source: join(floorWorkspace, floorManifest.recipients[0].files.form), placeholder: floorManifest.recipients[0].name,
    out: join(scratch, 'floor'), count: FLOOR_DOCUMENTS, everyPart, fflatePath: join(ROOT, 'node_modules', 'fflate'),
  };
  const ms = Number(execFileSync(process.execPath, ['-p', `(${floorRun})(${JSON.stringify(options)})`], { encoding: 'utf8' }).trim());
  rmSync(options.out, { recursive: true, force: true });
  return ms;
};
const floorSamples = [];
const floorEveryPartSamples = [];
for (let round = 0; round < HEAVY_RUNS; round++) {
  floorSamples.push(floorOnce(false));
  floorEveryPartSamples.push(floorOnce(true));
}
const floorMs = median(floorSamples);
const floorEveryPartMs = median(floorEveryPartSamples);

/** parse --json, packets, track, summary and remind on a letter to `recipients` units, `times` rounds. */
function scale(recipients, times, extraGeneration = {}, extraReading = {}) {
  console.error(`测量 ${recipients} 个单位的来函……`);
  const letter = letterTo(recipients);
  const workspace = join(scratch, `ws-${recipients}`);
  // The floor again just before each packets run: one floor sample varies up to 3× on a shared machine.
  const floorBeside = [];
  const generation = measure({
    parseJson: { command: [process.execPath, [GONGWEN, 'parse', letter, '--json']] },
    packets: { command: [process.execPath, [GONGWEN, 'packets', letter, '-o', workspace, '--force']], before: () => floorBeside.push(floorOnce(false)) },
    ...extraGeneration,
  }, times);
  const manifest = JSON.parse(readFileSync(join(workspace, 'gongwen.json'), 'utf8'));
  if (manifest.recipients.length !== recipients) throw new Error(`letter-${recipients}: parse found ${manifest.recipients.length} recipients`);
  const docxWritten = Object.keys(manifest.hashes).filter((path) => path.endsWith('.docx')).length;
  const returned = returnForms(workspace, manifest);
  const asOf = ['--as-of', '2024-10-19'];
  const reading = measure({
    track: { command: [process.execPath, [GONGWEN, 'track', workspace, '--json', ...asOf]] },
    summary: { command: [process.execPath, [GONGWEN, 'summary', workspace, ...asOf]] },
    remind: { command: [process.execPath, [GONGWEN, 'remind', workspace, '--force', ...asOf]] },
    ...extraReading(workspace, manifest),
  }, times);
  const commands = { ...generation, ...reading };
  const row = {
    recipients, docxWritten, returned,
    ...Object.fromEntries(['parseJson', 'packets', 'track', 'summary', 'remind'].map((name) => [name, {
      ms: commands[name].ms, perRecipientMs: commands[name].ms / recipients, peakRssMb: commands[name].rssMb,
    }])),
    perDocxMs: commands.packets.ms / docxWritten,
    floorPerDocxMs: median(floorBeside),
    perDocxFloorRatio: ratio(commands.packets.ms / docxWritten, median(floorBeside)),
  };
  return { row, commands, workspace, manifest };
}
const ratio = (a, b) => (b ? Math.round((a / b) * 100) / 100 : null);

// 3. The 330-recipient letter, with pandoc writing and reading one .docx beside it.
const at330 = scale(330, HEAVY_RUNS,
  hasPandoc ? { pandocWrite: { command: ['pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join(scratch, 'table.docx'), join(ROOT, 'fixtures', 'shapes', 'tongzhi-task-table.md')]] } } : {},
  (workspace, manifest) => (hasPandoc ? { pandocRead: { command: ['pandoc', ['-f', 'docx', '-t', 'plain', join(workspace, manifest.inbox, readdirSync(join(workspace, manifest.inbox))[0])]] } } : {}));
const inbox = join(at330.workspace, at330.manifest.inbox);

// 4. Scale: 1,000 and 10,000 recipients.
const BIG_LETTERS = [1000, 3000, 10000];
const big = BIG ? BIG_LETTERS.map((recipients) => {
  const { row } = scale(recipients, BIG_RUNS, {}, () => ({}));
  rmSync(join(scratch, `ws-${recipients}`), { recursive: true, force: true });
  return row;
}) : [];

// 4. Replies in the other formats: the sample letter's 30 recipients each send a 复函 as PDF (LibreOffice), as
// OFD (iOFD), a form saved as .doc, a mail with comments in its body, a zip of two forms; the cost of one file
// against the cost of one .docx form read by the same track.
const layoutWorkspace = join(scratch, 'ws-layout');
execFileSync(process.execPath, [GONGWEN, 'packets', SAMPLE, '-o', layoutWorkspace]);
const layoutManifest = JSON.parse(readFileSync(join(layoutWorkspace, 'gongwen.json'), 'utf8'));
const layoutInbox = join(layoutWorkspace, layoutManifest.inbox);
const fillInbox = (kind, count = layoutManifest.recipients.length) => {
  for (const name of readdirSync(layoutInbox)) rmSync(join(layoutInbox, name));
  layoutManifest.recipients.slice(0, count).forEach((recipient, index) => {
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
// Each format also with one file in the inbox: what a further file costs, apart from what the first costs once
// (loading the reader's library: PDFium's WebAssembly, for one).
const layout = measure(Object.fromEntries(['docx', ...Object.keys(OTHER_FORMATS)].flatMap((kind) => [
  [kind, { command: trackLayout, before: () => fillInbox(kind) }],
  [`${kind}One`, { command: trackLayout, before: () => fillInbox(kind, 1) }],
])), HEAVY_RUNS);
/** Milliseconds of each file after the first, and what the first costs beyond that. */
const furtherMs = (kind) => (layout[kind].ms - layout[`${kind}One`].ms) / (layoutFiles - 1);
const onceMs = (kind) => layout[`${kind}One`].ms - furtherMs(kind);

const COMMANDS = ['parseJson', 'packets', 'track', 'summary', 'remind'];
const LABELS = { parseJson: 'parse --json', packets: 'packets', track: 'track', summary: 'summary', remind: 'remind' };
const generation = at330.commands;
const row330 = at330.row;
const [row1000, , row10000] = big;
const linearity = row10000
  ? Object.fromEntries(COMMANDS.map((name) => [name, ratio(row10000[name].perRecipientMs, row1000[name].perRecipientMs)]))
  : null;
// The same without start-up and other fixed costs: ms per added recipient from 1,000 to 10,000, against 330 to 1,000.
const marginal = (from, to, name) => (to[name].ms - from[name].ms) / (to.recipients - from.recipients);
const marginalCost = row10000
  ? Object.fromEntries(COMMANDS.map((name) => [name, {
    from330To1000Ms: marginal(row330, row1000, name), from1000To10000Ms: marginal(row1000, row10000, name),
    ratio: ratio(marginal(row1000, row10000, name), marginal(row330, row1000, name)),
  }]))
  : null;
const TARGETS = { versionRatio: 1.3, parseJsonRatio: 1.8, packetsRatio: 4, perDocxFloorRatio: 2, linearity: 1.5, peakRssMb: 300 };
const results = {
  machine: { node: process.version, pandoc: hasPandoc, runs: RUNS, heavyRuns: HEAVY_RUNS, bigRuns: BIG ? BIG_RUNS : 0 },
  startup: {
    nodeMs: startup.node.ms, versionMs: startup.version.ms, parseJsonMs: startup.parseJson.ms, packetsMs: startup.packets.ms,
    versionRatio: ratio(startup.version.ms, startup.node.ms), parseJsonRatio: ratio(startup.parseJson.ms, startup.node.ms),
    packetsRatio: ratio(startup.packets.ms, startup.node.ms), packetsPeakRssMb: startup.packets.rssMb,
    targets: { versionRatio: TARGETS.versionRatio, parseJsonRatio: TARGETS.parseJsonRatio, packetsRatio: TARGETS.packetsRatio },
  },
  floor: { documents: FLOOR_DOCUMENTS, perDocxMs: floorMs, samples: floorSamples, everyPartCompressedPerDocxMs: floorEveryPartMs },
  generation: {
    recipients: row330.recipients, docxWritten: row330.docxWritten, packetsMs: row330.packets.ms, perDocxMs: row330.perDocxMs,
    perDocxFloorRatio: row330.perDocxFloorRatio,
    pandocWriteMs: generation.pandocWrite?.ms ?? null,
    perDocxPandocRatio: hasPandoc ? ratio(row330.perDocxMs, generation.pandocWrite.ms) : null,
    peakRssMb: row330.packets.peakRssMb, targets: { perDocxFloorRatio: TARGETS.perDocxFloorRatio, peakRssMb: TARGETS.peakRssMb },
  },
  reading: {
    forms: row330.returned, trackMs: row330.track.ms, perFormMs: row330.track.ms / row330.returned,
    pandocReadMs: generation.pandocRead?.ms ?? null,
    perFormPandocRatio: hasPandoc ? ratio(row330.track.ms / row330.returned, generation.pandocRead.ms) : null,
    summaryMs: row330.summary.ms, summaryPerFormMs: row330.summary.ms / row330.returned,
    peakRssMb: row330.track.peakRssMb, summaryPeakRssMb: row330.summary.peakRssMb,
  },
  scale: {
    letters: [row330, ...big],
    linearity,
    marginalCost,
    targets: { linearity: TARGETS.linearity, perDocxFloorRatio: TARGETS.perDocxFloorRatio, peakRssMbAt10000: TARGETS.peakRssMb },
  },
  layout: {
    files: layoutFiles,
    perDocxMs: layout.docx.ms / layoutFiles,
    furtherDocxMs: furtherMs('docx'),
    ...Object.fromEntries(Object.keys(OTHER_FORMATS).flatMap((kind) => [
      [`${kind}Ms`, layout[kind].ms / layoutFiles], [`${kind}Ratio`, ratio(layout[kind].ms, layout.docx.ms)],
      [`${kind}FurtherMs`, furtherMs(kind)], [`${kind}FurtherRatio`, ratio(furtherMs(kind), furtherMs('docx'))],
      [`${kind}OnceBeyondDocxMs`, onceMs(kind) - onceMs('docx')],
    ])),
    peakRssMb: Math.max(...Object.keys(OTHER_FORMATS).map((kind) => layout[kind].rssMb)),
  },
};

// Which targets are met.
const met = (value, target) => value !== null && value <= target;
const targets = [
  ['--version ≤ 1.3× node -e 0', met(results.startup.versionRatio, TARGETS.versionRatio)],
  ['parse --json（示例来函）≤ 1.8× node -e 0', met(results.startup.parseJsonRatio, TARGETS.parseJsonRatio)],
  ['packets（示例来函）≤ 4× node -e 0', met(results.startup.packetsRatio, TARGETS.packetsRatio)],
  ...results.scale.letters.map((row) => [`packets 每个 .docx ≤ 2× 下限（${row.recipients} 个单位）`, met(row.perDocxFloorRatio, TARGETS.perDocxFloorRatio)]),
  ...(linearity ? COMMANDS.map((name) => [`${LABELS[name]} 每单位耗时 10,000 ≤ 1.5× 1,000`, met(linearity[name], TARGETS.linearity)]) : []),
  ...(row10000 ? COMMANDS.map((name) => [`${LABELS[name]} 峰值内存 ≤ 300 MB（10,000 个单位）`, met(row10000[name].peakRssMb, TARGETS.peakRssMb)]) : []),
];
results.targets = Object.fromEntries(targets);
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
rmSync(scratch, { recursive: true, force: true });

const f = (ms) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`);
const mb = (value) => (Number.isNaN(value) ? '—' : `${value.toFixed(0)} MB`);
const verdict = (value, target) => (value === null ? '（无 pandoc，跳过）' : value <= target ? '达标' : '未达标');
const scaleTable = results.scale.letters.flatMap((row) => [
  `${String(row.recipients).padStart(6)} 个单位（${row.docxWritten} 个 .docx，${row.returned} 份反馈表）`,
  ...COMMANDS.map((name) => `  ${LABELS[name].padEnd(14)} 共 ${f(row[name].ms).padStart(9)}  每单位 ${row[name].perRecipientMs.toFixed(2).padStart(6)} ms  峰值内存 ${mb(row[name].peakRssMb)}`),
  `  packets 每个 .docx ${f(row.perDocxMs)}，是紧挨着测得的下限（${row.floorPerDocxMs.toFixed(2)} ms）的 ${row.perDocxFloorRatio}×`,
]);
console.log(`
启动      node -e 0 ${f(startup.node.ms)}；--version ${f(startup.version.ms)}（${results.startup.versionRatio}×，目标 ≤1.3×，${verdict(results.startup.versionRatio, 1.3)}）；parse --json ${f(startup.parseJson.ms)}（${results.startup.parseJsonRatio}×，目标 ≤1.8×，${verdict(results.startup.parseJsonRatio, 1.8)}）；packets ${f(startup.packets.ms)}（${results.startup.packetsRatio}×，目标 ≤4×，${verdict(results.startup.packetsRatio, 4)}）
下限      同一进程中改写现成反馈表的 document.xml、压缩（zlib level 6）、写文件，每个 .docx ${floorMs.toFixed(2)} ms（${FLOOR_DOCUMENTS} 个；其余部件每次也重新压缩时 ${floorEveryPartMs.toFixed(2)} ms）
生成      ${row330.recipients} 个单位，${row330.docxWritten} 个 .docx，共 ${f(row330.packets.ms)}，每个 ${f(row330.perDocxMs)}（下限的 ${row330.perDocxFloorRatio}×，目标 ≤2×，${verdict(row330.perDocxFloorRatio, 2)}）${hasPandoc ? `；pandoc 写一个 ${f(generation.pandocWrite.ms)}（${results.generation.perDocxPandocRatio}×）` : '；未安装 pandoc，跳过 pandoc 比值'}；峰值内存 ${mb(row330.packets.peakRssMb)}
读取      ${row330.returned} 份反馈表（填了原文、修改意见、理由），track 共 ${f(row330.track.ms)}，每份 ${f(results.reading.perFormMs)}${hasPandoc ? `；pandoc 读一个 ${f(generation.pandocRead.ms)}（${results.reading.perFormPandocRatio}×）` : '；未安装 pandoc，跳过 pandoc 比值'}；summary 共 ${f(row330.summary.ms)}；峰值内存 track ${mb(row330.track.peakRssMb)}，summary ${mb(row330.summary.peakRssMb)}
规模（每十个单位有一个不反馈，供 remind 催办）${BIG ? '' : '：BENCH_BIG=0，跳过 1,000、3,000 和 10,000 个单位'}
${scaleTable.join('\n')}
${linearity ? `每单位耗时 10,000 ÷ 1,000：${COMMANDS.map((name) => `${LABELS[name]} ${linearity[name]}×`).join('，')}（目标 ≤1.5×）
除去启动等固定开销，每增加一个单位（330→1,000 与 1,000→10,000）：${COMMANDS.map((name) => `${LABELS[name]} ${marginalCost[name].from330To1000Ms.toFixed(2)}→${marginalCost[name].from1000To10000Ms.toFixed(2)} ms（${marginalCost[name].ratio}×）`).join('，')}` : ''}
其他格式  ${layoutFiles} 份回复，每份 .docx 反馈表 ${f(results.layout.perDocxMs)}；${Object.keys(OTHER_FORMATS).map((kind) => `${kind.toUpperCase()} ${f(results.layout[`${kind}Ms`])}（${results.layout[`${kind}Ratio`]}×）`).join('、')}（track 全程）；峰值内存 ${mb(results.layout.peakRssMb)}
          除去第一份：每多一份 .docx ${f(results.layout.furtherDocxMs)}；${Object.keys(OTHER_FORMATS).map((kind) => `${kind.toUpperCase()} ${f(results.layout[`${kind}FurtherMs`])}（${results.layout[`${kind}FurtherRatio`]}×，第一份另多 ${f(results.layout[`${kind}OnceBeyondDocxMs`])}）`).join('、')}
目标
${targets.map(([label, ok]) => `  ${ok ? '达标  ' : '未达标'}  ${label}`).join('\n')}
结果已写入 bench/results.json`);
