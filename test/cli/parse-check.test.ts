// The parse and check commands as a clerk runs them, including every kind of bad input.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE, gongwen } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('gongwen parse', () => {
  it('prints the outline as a tree with the elements a clerk checks', () => {
    const run = gongwen(['parse', SAMPLE]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('发文字号  闽扶协函〔2024〕8号');
    expect(run.stdout).toContain('反馈截止  2024-10-18');
    expect(run.stdout).toContain('任务4 强化数智赋能  〔两省区发展改革委、工业和信息化厅、农业农村厅〕');
    expect(run.stdout).not.toMatch(/\u001b\[/u);
  });

  it('prints exactly the outline JSON with --json, and nothing else', () => {
    const run = gongwen(['parse', SAMPLE, '--json']);
    expect(run.status).toBe(0);
    const outline = JSON.parse(run.stdout);
    expect(outline.schemaVersion).toBe(1);
    expect(outline.letter.docNumber.text).toBe('闽扶协函〔2024〕8号');
    expect(outline.tasks).toHaveLength(11);
    expect(run.stderr).toBe('');
  });

  it('writes the JSON to a file with -o', () => {
    const out = join(scratch, 'outline.json');
    const run = gongwen(['parse', SAMPLE, '-o', out]);
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).letter.deadline).toBe('2024-10-18');
  });
});

describe('gongwen check', () => {
  it('exits 0 on the sample letter and prints the summary line', () => {
    const run = gongwen(['check', SAMPLE]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('0 个错误');
  });

  it('reports each missing element at file:line:column and exits 1', () => {
    const letter = join(scratch, 'truncated.txt');
    writeFileSync(letter, readFileSync(SAMPLE, 'utf8').split('\n').slice(0, 10).join('\n'));
    const run = gongwen(['check', letter]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`${letter}:\\d+:\\d+  错误  未找到成文日期.*  missing-date`, 'u'));
    expect(run.stdout).toContain('未找到发文机关署名');
  });
});

describe('bad input ends with one Chinese line naming the file, exit 1, no stack trace', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    ['a missing file', () => join(scratch, 'nothing-here.txt'), /找不到文件 .*nothing-here\.txt/u],
    ['a folder', () => scratch, /是文件夹/u],
    ['an empty file', () => write('empty.txt', ''), /是空文件/u],
    ['a binary file', () => write('binary.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256))), /二进制文件/u],
    ['a .docx that is not a zip', () => write('fake.docx', '这不是 Word 文件'), /不是 Word/u],
    ['a truncated .docx', () => write('cut.docx', Buffer.from('PK\u0003\u0004garbage')), /损坏|不完整/u],
  ];
  for (const [name, make, message] of cases) {
    it(name, () => {
      const path = make();
      for (const command of ['parse', 'check']) {
        const run = gongwen([command, path]);
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(message);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).not.toMatch(/\n\s+at |Error:/u);
      }
    });
  }

  it('an unknown command or option gives a Chinese hint', () => {
    const run = gongwen(['parse']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('gongwen --help');
  });
});

describe('the program', () => {
  it('shows its version, the same as package.json', () => {
    const run = gongwen(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });

  it('lists its commands in Chinese with --help', () => {
    const run = gongwen(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('parse');
    expect(run.stdout).toContain('解析来函');
  });
});

function write(name: string, data: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, data);
  return path;
}

describe('colours', () => {
  it('are off with NO_COLOR even when colour is forced by the terminal', () => {
    const run = gongwen(['parse', SAMPLE], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(run.stdout).not.toMatch(/\u001b\[/u);
    const coloured = gongwen(['parse', SAMPLE], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(coloured.stdout).toMatch(/\u001b\[/u);
  });
});
