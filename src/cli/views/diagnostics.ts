/**
 * The one reporter: every command prints diagnostics through here, as
 * `file:line:column  severity  message  rule-id` (the rule table is model/rules.ts), in the order of the letter.
 */
import chalk from 'chalk';
import type { Diagnostic, Severity } from '../../model/outline.js';

const LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const COLOUR: Record<Severity, (text: string) => string> = { error: chalk.red, warning: chalk.yellow, info: chalk.cyan };

export function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
  const where = diagnostic.line === null ? file : `${file}:${diagnostic.line}:${diagnostic.column ?? 1}`;
  return `${where}  ${COLOUR[diagnostic.severity](LABEL[diagnostic.severity])}  ${diagnostic.message}  ${chalk.dim(diagnostic.rule)}`;
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Severity): number => diagnostics.filter((d) => d.severity === severity).length;
  return `${count('error')} 个错误，${count('warning')} 个警告，${count('info')} 条提示`;
}
