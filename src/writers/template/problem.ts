/** A mistake in a template (an unknown placeholder, a directive with a bad value), at its place in the file. */
import type { Nodes } from 'mdast';

export class TemplateProblem extends Error {
  constructor(
    message: string,
    readonly position: Nodes['position'],
  ) {
    super(message);
    this.name = 'TemplateProblem';
  }
}
