/** Where recognizers and checks file what they could not settle: positioned messages, never exceptions. */
import type { Diagnostic, Position } from '../model/outline.js';
import { RULES, type RuleId } from '../model/rules.js';

export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  /** Files a message under its rule; the severity is the rule's (model/rules.ts). */
  report(rule: RuleId, message: string, at?: Position | null): void {
    this.diagnostics.push({ severity: RULES[rule].severity, message, line: at?.line ?? null, column: at?.column ?? null, rule });
  }
}
