// The reason a returned file cannot be read, as track gives it; a test fails if the file is read after all.
import { expect } from 'vitest';
import { ReturnedProblem, readReturnedFile } from '../../src/tracking/returned.js';

export async function readingProblem(path: string): Promise<string> {
  try {
    await readReturnedFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ReturnedProblem);
    return (error as Error).message;
  }
  throw new Error(`${path} was read`);
}
