/**
 * Why a file could not be read, in words for the clerk (no path: the caller names the file, as a letter's
 * UserError or as a returned file's problem). Every reader throws only this for a bad file.
 */
export class ReadProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadProblem';
  }
}
