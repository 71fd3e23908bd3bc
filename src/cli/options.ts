/** Options several commands share. */
import { Option } from 'commander';
import { UserError } from '../errors.js';
import type { AliasTable, MemberList } from '../units/index.js';

/** `--aliases <file>`: an office's own unit aliases, added to the bundled table. May be given more than once. */
export function aliasesOption(): Option {
  return new Option('--aliases <文件>', '补充的单位别名表（JSON，格式见 templates/units/README.md），可多次指定')
    .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
}

/** `--templates <dir>`: an office's own wording; templates the folder lacks come from gongwen's. */
export function templatesOption(): Option {
  return new Option('--templates <文件夹>', '使用本单位的模板文件夹（其中没有的模板用自带的）');
}

/** `--as-of YYYY-MM-DD`: the day to judge lateness by (today when absent); a bad date is a one-line error. */
export function asOfOption(): Option {
  return new Option('--as-of <日期>', '按哪一天判断是否逾期（YYYY-MM-DD，默认今天）').argParser((value: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/u.test(value) || Number.isNaN(Date.parse(value))) {
      throw new UserError(`--as-of 的日期格式应为 YYYY-MM-DD，例如 2024-10-19（收到的是“${value}”）。`);
    }
    return value;
  });
}

export async function aliasTableFrom(files: string[] | undefined): Promise<AliasTable> {
  const { loadAliasTable } = await import('../units/index.js');
  return loadAliasTable(files ?? []);
}

/** `--recipients <名单文件>`: the members of a group the letter names without listing (省直有关单位). */
export function recipientsOption(): Option {
  return new Option('--recipients <名单文件>', '来函未列名单的统称（如“省直有关单位”）的成员单位：.txt 每行一个，或 .xlsx/.csv 的第一列');
}

/** The member file named, or null. */
export async function memberListFrom(file: string | undefined): Promise<MemberList | null> {
  if (file === undefined) return null;
  const { readMemberFile } = await import('../units/member-file.js');
  return readMemberFile(file);
}
