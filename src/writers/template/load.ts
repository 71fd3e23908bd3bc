/**
 * The wording of every document lives in Markdown templates (templates/*.md, described in templates/README.md).
 * An office may keep its own versions in a folder (`--templates <dir>`); a file it does not have comes from
 * gongwen's own templates.
 */
import { constants, existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { UserError } from '../../errors.js';
import { decodeText } from '../../readers/decode.js';
import { BUILT_IN_TREES } from './built-in-trees.js';

export const TEMPLATE_NAMES = ['feedback-form', 'reply-letter', 'reply-template', 'distribution-list', 'reminder', 'reminder-list', 'summary', 'adoption-report', 'adoption-note'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface Template {
  name: TemplateName;
  /** Where it was read from, for messages about it. */
  path: string;
  text: string;
  /** Its Markdown as a tree (parse.ts); filling a template fills a copy, so the tree is never changed. */
  tree: Root;
}

/**
 * Wording the documents print that is not a whole template (templates/wording.json, described in
 * templates/README.md): the honorific for the issuer, what a 催办通知 says of each unit, the summary's
 * placeholders, how many comment rows a feedback form has.
 */
export interface Wording {
  /** 称呼: the issuer's name ending → how a reply addresses it (办公室 → 贵办); the longest ending wins. */
  honorifics: Record<string, string>;
  /** 称呼 when no ending matches. */
  otherHonorific: string;
  /** 催办通知: what it says of a unit after 截至某日，; `{{file}}` is the file that could not be read. */
  reminderReasons: { missing: string; overdue: string; unreadable: string; unconfirmed: string };
  /** 意见汇总表: the 条目 of a comment that names none; the 尚未反馈的单位 when every unit replied; the 采纳情况 a drafter chooses from. */
  summary: { unplacedClause: string; noneMissing: string; adoptionChoices: string[] };
  /** 意见反馈表: rows of its comment table, at least; empty rows after the unit's tasks, at least. */
  feedbackForm: { minimumRows: number; minimumBlankRows: number };
}

export type Templates = Record<TemplateName, Template> & { wording: Wording };

/** The wording file, beside the Markdown templates; an office's copy may give only some of its entries. */
export const WORDING_FILE = 'wording.json';

/** gongwen's own templates, from `dir` when given and holding that file. */
export async function loadTemplates(dir?: string): Promise<Templates> {
  if (dir !== undefined && !(await isDirectory(dir))) {
    throw new UserError(`找不到模板文件夹 ${dir}。请检查 --templates 后面的路径。`);
  }
  const entries = await Promise.all(
    TEMPLATE_NAMES.map(async (name) => {
      const own = dir === undefined ? null : join(dir, `${name}.md`);
      const path = own !== null && existsSync(own) ? own : join(builtInTemplatesDir(), `${name}.md`);
      return [name, await templateOf(name, path, await readTemplate(path))] as const;
    }),
  );
  return { ...(Object.fromEntries(entries) as Record<TemplateName, Template>), wording: await loadWording(dir) };
}

/** A template read from `path`: its tree is the one parsed when gongwen was built, or parsed now. */
export async function templateOf(name: TemplateName, path: string, text: string): Promise<Template> {
  const tree = BUILT_IN_TREES.get(text) ?? (await import('./parse.js')).parseTemplateText(text);
  return { name, path, text, tree };
}

async function loadWording(dir: string | undefined): Promise<Wording> {
  const builtIn = (await readWording(join(builtInTemplatesDir(), WORDING_FILE))) as unknown as Wording;
  const own = dir === undefined ? null : join(dir, WORDING_FILE);
  if (own === null || !existsSync(own)) return builtIn;
  const office = await readWording(own);
  const merged: Record<string, unknown> = { ...builtIn };
  for (const [key, value] of Object.entries(office)) {
    const base = merged[key];
    if (!Object.hasOwn(builtIn, key)) throw new UserError(`${own} 中的“${key}”不是可以改的措辞。可改的有：${Object.keys(builtIn).join('、')}。`);
    if (typeof value !== typeof base || Array.isArray(value)) throw new UserError(`${own} 中“${key}”的写法与自带的 ${WORDING_FILE} 不同，请照它的格式写。`);
    // 称呼 replaces the whole table (an office lists the endings it uses); other groups replace entry by entry.
    merged[key] = typeof value === 'object' && key !== 'honorifics' ? { ...(base as object), ...(value as object) } : value;
  }
  return merged as unknown as Wording;
}

async function readWording(path: string): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeText(await readFile(path)).text);
  } catch {
    throw new UserError(`无法读取措辞表 ${path}（不是有效的 JSON）。`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UserError(`措辞表 ${path} 应是一个 JSON 对象。`);
  return parsed as Record<string, unknown>;
}

/** What `gongwen templates <dir>` copies: every template, the wording, their README and the alias table. */
const COPIED_FILES = [...TEMPLATE_NAMES.map((name) => `${name}.md`), WORDING_FILE, 'README.md'];
const ALIAS_TABLE = join('units', 'aliases.json');

/** Copies the built-in templates and alias table into `dir` for an office to edit; a file already there is kept. */
export async function copyBuiltInTemplates(dir: string): Promise<{ copied: string[]; kept: string[] }> {
  const info = await stat(dir).catch(() => null);
  if (info !== null && !info.isDirectory()) throw new UserError(`${dir} 已存在，但不是文件夹。请换一个文件夹。`);
  const source = builtInTemplatesDir();
  const files: Array<[string, string]> = [...COPIED_FILES.map((file): [string, string] => [join(source, file), file]), [join(source, ALIAS_TABLE), 'aliases.json']];
  const result = { copied: [] as string[], kept: [] as string[] };
  try {
    await mkdir(dir, { recursive: true });
    for (const [from, name] of files) {
      const target = join(dir, name);
      if (existsSync(target)) {
        result.kept.push(name);
        continue;
      }
      await copyFile(from, target, constants.COPYFILE_EXCL);
      result.copied.push(name);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`无法写入 ${dir}（没有写入权限或磁盘已满）。`);
  }
  return result;
}

/** A template file's text, decoded as every text file gongwen reads (the build reads gongwen's own this way too). */
export async function readTemplate(path: string): Promise<string> {
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
