// gongwen as a command a clerk installs: messages without English placeholders, suggestions for the usual
// slips, `gongwen templates` for an office's own wording, and a package that works wherever it is installed.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLE, gongwen } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-install-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('messages for the usual slips', () => {
  it('names a missing argument in Chinese, never as an English <placeholder>', () => {
    const run = gongwen(['parse']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('缺少参数：来函文件');
    expect(run.stderr).not.toMatch(/<[a-z]+>/u);
  });

  it('names every argument, option value and usage word in Chinese in the help', () => {
    for (const command of ['parse', 'check', 'units', 'packets', 'track', 'remind', 'summary', 'adoption', 'templates']) {
      const help = gongwen([command, '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout, command).not.toMatch(/<[a-z-]+>|\[[a-z-]+\]/u);
    }
    expect(gongwen(['--help']).stdout).not.toMatch(/<[a-z-]+>|\[[a-z-]+\]/u);
  });

  it('suggests gongwen parse when a letter is given without a command', () => {
    const run = gongwen(['来函.txt']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('gongwen parse 来函.txt');
  });

  it('suggests the workspace when track is given its inbox', () => {
    const workspace = join(scratch, '征求意见');
    expect(gongwen(['packets', SAMPLE, '-o', workspace]).status).toBe(0);
    const run = gongwen(['track', join(workspace, '回收')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`请改用 ${workspace}`);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('gongwen templates <dir>', () => {
  const own = join(scratch, '本单位模板');
  let first: ReturnType<typeof gongwen>;
  beforeAll(() => {
    first = gongwen(['templates', own]);
  });

  it('copies every template, the wording and the alias table, and says how to use them', () => {
    expect(first.status).toBe(0);
    for (const file of ['feedback-form.md', 'summary.md', 'distribution-list.md', 'wording.json', 'README.md', 'aliases.json']) {
      expect(existsSync(join(own, file)), file).toBe(true);
    }
    expect(readFileSync(join(own, 'summary.md'), 'utf8')).toBe(readFileSync(join(ROOT, 'templates/summary.md'), 'utf8'));
    expect(first.stdout).toContain(`--templates ${own}`);
  });

  it('never overwrites a template the office has edited', () => {
    writeFileSync(join(own, 'reminder.md'), '# 本单位的催办通知\n');
    const again = gongwen(['templates', own]);
    expect(again.status).toBe(0);
    expect(readFileSync(join(own, 'reminder.md'), 'utf8')).toBe('# 本单位的催办通知\n');
    expect(again.stdout).toContain('已存在，未改动');
  });

  it('changes the .docx, .xlsx and .csv when the copied templates and wording are edited', async () => {
    const list = join(own, 'distribution-list.md');
    writeFileSync(list, readFileSync(list, 'utf8').replace('**签收**', '**签收人**'));
    const wording = JSON.parse(readFileSync(join(own, 'wording.json'), 'utf8'));
    wording.otherHonorific = '贵机关';
    wording.honorifics = { 厅: '贵厅' }; // the sample's issuer is an 办公室: no ending matches now
    writeFileSync(join(own, 'wording.json'), JSON.stringify(wording));
    const workspace = join(scratch, 'own-ws');
    expect(gongwen(['packets', SAMPLE, '-o', workspace, '--templates', own]).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(workspace, '分发清单.xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(2).values).toContain('签收人');
    expect(readFileSync(join(workspace, '分发清单.csv'), 'utf8').split('\r\n')[0]).toMatch(/,签收人$/u);
    const { readDocx } = await import('../writers/ooxml.js');
    expect(readDocx(readFileSync(join(workspace, '复函模板.docx'))).text).toContain('贵机关《');
  });
});

describe('the installed package', () => {
  it('is built when packed: prepack builds dist/, with its code caches, and docx is never installed', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.scripts.prepack).toMatch(/scripts\/build\.js/u);
    // docx 9.8+ depends on nanoid 6, which asks for Node 22: the build makes the frames of documents with it, and
    // dist/ carries those (src/writers/docx/frame.ts), so it is never installed.
    expect(Object.keys(manifest.dependencies)).not.toContain('docx');
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }));
    const files = packed.files.map((file: { path: string }) => file.path);
    for (const file of ['bin/gongwen.cjs', 'dist/start.cjs', 'dist/main.cjs', 'dist/main.cache', 'dist/on-demand.packets.cache', 'templates/wording.json', 'templates/units/aliases.json']) {
      expect(files).toContain(file);
    }
  });

  it('says in Chinese how to build it when dist/ is missing, without a stack trace', () => {
    const copy = join(scratch, 'unbuilt');
    mkdirSync(join(copy, 'bin'), { recursive: true });
    copyFileSync(join(ROOT, 'bin/gongwen.cjs'), join(copy, 'bin/gongwen.cjs'));
    let stderr = '';
    try {
      execFileSync(process.execPath, [join(copy, 'bin/gongwen.cjs'), '--version'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      stderr = String((error as { stderr: string }).stderr);
    }
    expect(stderr).toContain('程序还没有构建');
    expect(stderr).not.toMatch(/\n\s+at /u);
  });
});
