// Documents rendered as a clerk prints them: LibreOffice converts them to PDF (one soffice run for all, each
// run costs seconds), with the repository's font aliases, so that a machine without 仿宋_GB2312 and 方正小标宋简体
// prints them in a serif font as the README tells a clerk to set up (fixtures/fonts/fonts.conf).
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixture } from './cli.js';

export const FONTS_CONF = fixture('fonts/fonts.conf');

/** The rendering tools not installed here, of soffice, pdftotext, pdffonts and pdfinfo. */
export function missingTools(tools: string[]): string[] {
  return tools.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
}

/** Converts `names` (.docx files in `dir`) to `<name>.pdf` beside them. */
export function renderPdf(dir: string, names: string[], timeout = 180_000): void {
  convertWithLibreOffice(dir, 'pdf', names.map((name) => `${name}.docx`), { timeout });
}

/**
 * Converts `files` (in `dir`) with LibreOffice to `filter` (`pdf`, `csv:…`, `xlsx:…`), into `outdir` (`dir` when not
 * given): one soffice run, with a profile of its own in `dir` and the repository's font aliases.
 */
export function convertWithLibreOffice(dir: string, filter: string, files: string[], options: { outdir?: string; timeout?: number } = {}): void {
  const profile = pathToFileURL(join(dir, 'profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', options.outdir ?? dir, ...files], {
    cwd: dir,
    stdio: 'ignore',
    timeout: options.timeout ?? 180_000,
    env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
  });
}

/** The fonts a PDF embeds, by the family part of their names (NotoSerifCJKjp-Regular → NotoSerifCJK). */
export function embeddedFonts(pdf: string): string[] {
  const listing = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  return listing
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/u)[0] ?? '')
    .filter((name) => name !== '');
}
