/** A letter on disk → its outline: read, recognise, resolve units. */
import type { Outline } from '../model/outline.js';
import { readLetter } from '../readers/index.js';
import { recognizeOutline } from './recognize.js';

export async function parseLetter(path: string): Promise<Outline> {
  const { root, source } = await readLetter(path);
  return recognizeOutline(root, source);
}
