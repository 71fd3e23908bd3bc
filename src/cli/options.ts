/** Options several commands share. */
import { Option } from 'commander';
import { loadAliasTable, type AliasTable } from '../units/index.js';

/** `--aliases <file>`: an office's own unit aliases, added to the bundled table. May be given more than once. */
export function aliasesOption(): Option {
  return new Option('--aliases <file>', '补充的单位别名表（JSON，格式见 templates/units/README.md），可多次指定')
    .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
}

export function aliasTableFrom(files: string[] | undefined): AliasTable {
  return loadAliasTable(files ?? []);
}
