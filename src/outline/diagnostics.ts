/** Where recognizers file what they could not settle: positioned messages, never exceptions. */
import type { Diagnostic, Position, Severity } from '../model/outline.js';

export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  error(rule: string, message: string, at?: Position): void {
    this.add('error', rule, message, at);
  }

  warning(rule: string, message: string, at?: Position): void {
    this.add('warning', rule, message, at);
  }

  info(rule: string, message: string, at?: Position): void {
    this.add('info', rule, message, at);
  }

  private add(severity: Severity, rule: string, message: string, at?: Position): void {
    this.diagnostics.push({ severity, message, line: at?.line ?? null, column: at?.column ?? null, rule });
  }
}
