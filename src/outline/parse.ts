/** A letter on disk → its outline: read, recognise, then resolve its units (recipients, task coverage). */
import type { Outline } from '../model/outline.js';
import { readLetter } from '../readers/index.js';
import { loadAliasTable, resolveUnits, type AliasTable, type MemberList } from '../units/index.js';
import { blocksOf } from './blocks.js';
import { recognizeOutline } from './recognize.js';

export interface ParseOptions {
  /** The alias table to resolve units with; the bundled one when absent. */
  aliases?: AliasTable;
  /** Members of the groups the letter names without listing them (--recipients 名单.txt). */
  members?: MemberList;
}

export async function parseLetter(path: string, options: ParseOptions = {}): Promise<Outline> {
  const { document, source } = await readLetter(path);
  const outline = recognizeOutline(blocksOf(document), source);
  const units = resolveUnits(outline, options.aliases ?? loadAliasTable(), options.members ?? null);
  return {
    ...outline,
    tasks: units.tasks,
    recipients: units.recipients,
    diagnostics: [...outline.diagnostics, ...units.diagnostics],
  };
}
