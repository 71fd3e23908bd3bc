/** Findings of the units module, as positioned values (never thrown). */
import type { Diagnostic, Position, Severity } from '../model/outline.js';

export function finding(severity: Severity, rule: string, message: string, at: Position | null): Diagnostic {
  return { severity, rule, message, line: at?.line ?? null, column: at?.column ?? null };
}
