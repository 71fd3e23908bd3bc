/** A letter on disk → its outline: read, recognise, then resolve its units (recipients, task coverage). */
import type { Outline } from '../model/outline.js';
import { readLetter } from '../readers/index.js';
import { loadAliasTable, resolveUnits, type AliasTable } from '../units/index.js';
import { blocksOf } from './blocks.js';
import { recognizeOutline } from './recognize.js';

export interface ParseOptions {
  /** The alias table to resolve units with; the bundled one when absent. */
  aliases?: AliasTable;
}

export async function parseLetter(path: string, options: ParseOptions = {}): Promise<Outline> {
  const { root, source } = await readLetter(path);
  const outline = recognizeOutline(blocksOf(root), source);
  const units = resolveUnits(outline, options.aliases ?? loadAliasTable());
  return {
    ...outline,
    tasks: units.tasks,
    recipients: units.recipients,
    diagnostics: [...outline.diagnostics, ...units.diagnostics],
  };
}
