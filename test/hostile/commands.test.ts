// Every command with bad arguments: the right exit code, one Chinese line, never a stack trace.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE, gongwen } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-args-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const aFile = join(scratch, 'a-file.txt');
writeFileSync(aFile, 'x');
const missing = join(scratch, 'missing');

const cases: Array<[string[], RegExp]> = [
  [[], /用法|Usage|gongwen/u],
  [['frobnicate'], /没有“frobnicate”这个命令/u],
  [['parse'], /缺少参数/u],
  [['parse', missing], /找不到文件/u],
  [['parse', SAMPLE, '--bogus'], /没有“--bogus”这个选项/u],
  [['check', scratch], /是文件夹/u],
  [['units', SAMPLE, '--aliases', missing], /missing/u],
  [['packets', SAMPLE], /请用 -o 指定工作目录/u],
  [['packets', missing, '-o', join(scratch, 'ws')], /找不到文件/u],
  [['packets', SAMPLE, '-o', aFile], /a-file\.txt/u],
  [['track'], /缺少参数/u],
  [['track', scratch], /不是 gongwen 工作目录/u],
  [['track', missing, '--as-of', 'tomorrow'], /YYYY-MM-DD/u],
  [['remind'], /缺少参数/u],
  [['remind', scratch], /不是 gongwen 工作目录/u],
  [['summary', scratch], /不是 gongwen 工作目录/u],
  [['summary', missing, '--as-of', '2024-02-30x'], /YYYY-MM-DD/u],
];

describe('commands with bad arguments', () => {
  for (const [args, message] of cases) {
    it(`gongwen ${args.join(' ')}`.replace(scratch, '…'), () => {
      const run = gongwen(args);
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at |Error:|内部错误/u);
    });
  }
});
