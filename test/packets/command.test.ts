// `gongwen packets` on the real sample letter, through the command (parser and units included).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { registerPackets } from '../../src/cli/commands/packets.js';
import type { Manifest } from '../../src/model/workspace.js';
import { readDocx, tableRows } from '../writers/ooxml.js';
import { SAMPLE } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-packets-command-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function packets(...args: string[]): Promise<string> {
  const program = new Command('gongwen').exitOverride();
  registerPackets(program);
  const output: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => output.push(String(chunk)) > 0);
  try {
    await program.parseAsync(['packets', ...args], { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return output.join('');
}

describe('gongwen packets on 闽扶协函〔2024〕8号', () => {
  const workspace = join(scratch, '征求意见');

  it('makes 30 packets and says where to put the replies', async () => {
    const said = await packets(SAMPLE, '-o', workspace);
    expect(said).toContain('生成 30 个单位的意见反馈表和复函');
    expect(said).toContain(`${workspace}/回收/`);
    const manifest = JSON.parse(readFileSync(join(workspace, 'gongwen.json'), 'utf8')) as Manifest;
    expect(manifest.recipients).toHaveLength(30);
    const science = manifest.recipients.find((recipient) => recipient.name === '省科技厅')!;
    const form = readDocx(readFileSync(join(workspace, science.files.form)));
    expect(tableRows(form.document, 1)[1]!.slice(0, 2)).toEqual(['1', '3.深化科技创新']);
    expect(form.properties['gongwen.recipientId']).toBe(science.id);
  });

  it('refuses to run again without --force', async () => {
    await expect(packets(SAMPLE, '-o', workspace)).rejects.toThrow(/已存在，未作任何改动/u);
  });

  it('asks for -o when it is missing', async () => {
    await expect(packets(SAMPLE)).rejects.toThrow(/请用 -o 指定工作目录/u);
    expect(existsSync(join(scratch, 'gongwen.json'))).toBe(false);
  });
});
