/**
 * The wording of every document lives in Markdown templates (templates/*.md, described in templates/README.md).
 * An office may keep its own versions in a folder (`--templates <dir>`); a file it does not have comes from
 * gongwen's own templates.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../errors.js';
import { decodeText } from '../../readers/decode.js';

export const TEMPLATE_NAMES = ['feedback-form', 'reply-letter', 'reply-template', 'distribution-list', 'reminder', 'reminder-list', 'summary', 'adoption-report', 'adoption-note'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface Template {
  name: TemplateName;
  /** Where it was read from, for messages about it. */
  path: string;
  text: string;
}

export type Templates = Record<TemplateName, Template>;

/** gongwen's own templates, from `dir` when given and holding that file. */
export async function loadTemplates(dir?: string): Promise<Templates> {
  if (dir !== undefined && !(await isDirectory(dir))) {
    throw new UserError(`找不到模板文件夹 ${dir}。请检查 --templates 后面的路径。`);
  }
  const entries = await Promise.all(
    TEMPLATE_NAMES.map(async (name) => {
      const own = dir === undefined ? null : join(dir, `${name}.md`);
      const path = own !== null && existsSync(own) ? own : join(builtInTemplatesDir(), `${name}.md`);
      return [name, { name, path, text: await readTemplate(path) }] as const;
    }),
  );
  return Object.fromEntries(entries) as Templates;
}

async function readTemplate(path: string): Promise<string> {
  try {
    return decodeText(await readFile(path)).text;
  } catch {
    throw new UserError(`无法读取模板 ${path}（没有读取权限，或它是文件夹）。`);
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

/** templates/ of the installed package: found upwards from this module (src/… when run from source, dist/ when built). */
function builtInTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, `${TEMPLATE_NAMES[0]}.md`))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('gongwen 的模板文件夹 templates/ 不见了，请重新安装 gongwen');
    dir = parent;
  }
}
