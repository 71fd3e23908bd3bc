/**
 * Text that remembers where each of its characters came from in the source letter, so a recognizer
 * working on repaired, normalised text can still report `file:line:column`.
 */
import type { Position } from '../model/outline.js';

export class MappedText {
  private constructor(
    readonly text: string,
    private readonly lines: Int32Array,
    private readonly columns: Int32Array,
  ) {}

  static empty(): MappedText {
    return new MappedText('', new Int32Array(0), new Int32Array(0));
  }

  /** Text whose characters stand in one source line from `start` on, one column each. */
  static at(text: string, start: Position): MappedText {
    const lines = new Int32Array(text.length);
    const columns = new Int32Array(text.length);
    let line = start.line;
    let column = start.column;
    for (let i = 0; i < text.length; i++) {
      lines[i] = line;
      columns[i] = column;
      if (text[i] === '\n') {
        line += 1;
        column = 1;
      } else {
        column += 1;
      }
    }
    return new MappedText(text, lines, columns);
  }

  static concat(parts: readonly MappedText[]): MappedText {
    const length = parts.reduce((sum, part) => sum + part.text.length, 0);
    const lines = new Int32Array(length);
    const columns = new Int32Array(length);
    let offset = 0;
    for (const part of parts) {
      lines.set(part.lines, offset);
      columns.set(part.columns, offset);
      offset += part.text.length;
    }
    return new MappedText(parts.map((part) => part.text).join(''), lines, columns);
  }

  get length(): number {
    return this.text.length;
  }

  /** The source position of the character at `offset` (the last character's when past the end). */
  positionAt(offset: number): Position {
    if (this.text.length === 0) return { line: 1, column: 1 };
    const index = Math.min(Math.max(offset, 0), this.text.length - 1);
    return { line: this.lines[index] ?? 1, column: this.columns[index] ?? 1 };
  }

  get start(): Position {
    return this.positionAt(0);
  }

  slice(start: number, end = this.text.length): MappedText {
    // Views, not copies: a MappedText never changes its positions once made.
    return new MappedText(this.text.slice(start, end), this.lines.subarray(start, end), this.columns.subarray(start, end));
  }

  trim(): MappedText {
    const match = /^\s*([\s\S]*?)\s*$/u.exec(this.text);
    if (!match || match[1] === undefined) return this;
    const start = this.text.length - this.text.trimStart().length;
    return this.slice(start, start + match[1].length);
  }

  /**
   * Replaces every match of `pattern` (which must be global) by `replacement(match)`. Replacement characters
   * take the source position of the matched characters, one for one, and of the match's last character past
   * that, so positions stay right when a replacement has the same length and near when it does not.
   */
  replace(pattern: RegExp, replacement: (match: RegExpExecArray) => string): MappedText {
    if (!pattern.global) throw new Error('MappedText.replace needs a global pattern');
    const parts: MappedText[] = [];
    let last = 0;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(this.text); match; match = pattern.exec(this.text)) {
      if (match[0].length === 0) {
        pattern.lastIndex += 1;
        continue;
      }
      const start = match.index;
      const end = start + match[0].length;
      const value = replacement(match);
      if (value === match[0]) continue;
      parts.push(this.slice(last, start));
      const lines = new Int32Array(value.length);
      const columns = new Int32Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const from = Math.min(start + i, end - 1);
        lines[i] = this.lines[from] ?? 1;
        columns[i] = this.columns[from] ?? 1;
      }
      parts.push(new MappedText(value, lines, columns));
      last = end;
    }
    if (parts.length === 0) return this;
    parts.push(this.slice(last));
    return MappedText.concat(parts);
  }
}
