/**
 * The `gongwen` program: a thin layer over the library. Each command lives in ./commands and only wires
 * options to a library function and formats its result.
 */
import { existsSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { fileErrorMessage, isUserError } from '../errors.js';
import { registerParse } from './commands/parse.js';
import { registerCheck } from './commands/check.js';
import { registerUnits } from './commands/units.js';
import { registerTrack } from './commands/track.js';
import { registerPackets } from './commands/packets.js';
import { registerRemind } from './commands/remind.js';
import { registerSummary } from './commands/summary.js';
import { registerAdoption } from './commands/adoption.js';
import { registerTemplates } from './commands/templates.js';
import { VERSION } from '../version.js';
import { runningCommandIs } from './running-command.js';

/** The headings of commander's help, in Chinese. */
const HELP_TITLES: Record<string, string> = { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '通用选项：' };
/** The words commander puts in a usage line for what may follow a command, in Chinese. */
const USAGE_WORDS: Record<string, string> = { '[options]': '[选项]', '[command]': '[命令]' };
const usageInChinese = (usage: string): string => usage.replace(/\[(?:options|command)\]/gu, (word) => USAGE_WORDS[word] ?? word);

// https://no-color.org: any non-empty NO_COLOR turns colours off. chalk only looks at FORCE_COLOR, when it
// is first loaded (lazily, by the commands that print colours).
if (process.env['NO_COLOR']) process.env['FORCE_COLOR'] = '0';

// A reader that stops early (`gongwen parse … | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('gongwen')
  .description('公文征求意见函往返工具：解析来函、检查要素、生成反馈材料、跟踪回收、汇总意见')
  .version(VERSION, '-V, --version', '显示版本号')
  .helpOption('-h, --help', '显示帮助')
  .helpCommand('help [命令]', '显示某个命令的帮助')
  .showHelpAfterError('（用 gongwen --help 查看用法）')
  .configureHelp({ styleTitle: (title) => HELP_TITLES[title] ?? title, styleUsage: usageInChinese, styleSubcommandTerm: usageInChinese })
  .configureOutput({ outputError: (text, write) => write(inChinese(text)) })
  .exitOverride()
  .hook('preAction', (_, command) => runningCommandIs(command.name()));

registerParse(program);
registerCheck(program);
registerUnits(program);
registerPackets(program);
registerTrack(program);
registerRemind(program);
registerSummary(program);
registerAdoption(program);
registerTemplates(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.exitCode = exitCodeFor(error);
});

/** Commander's own messages, said in Chinese (arguments are named in Chinese), with what to type instead where that is clear. */
function inChinese(text: string): string {
  return text
    .replace(/^error: missing required argument '(.+)'/mu, 'gongwen：缺少参数：$1')
    .replace(/^error: unknown command '(.+)'/mu, (_, name: string) =>
      looksLikeFile(name) ? `gongwen：没有“${name}”这个命令。要解析这份来函，请用 gongwen parse ${name}` : `gongwen：没有“${name}”这个命令`,
    )
    .replace(/^error: unknown option '(.+)'/mu, 'gongwen：没有“$1”这个选项')
    .replace(/^error: option '(.+)' argument missing/mu, 'gongwen：选项 $1 后面缺少值')
    .replace(/^error: too many arguments(?: for '(.+)')?.*$/mu, 'gongwen：参数太多')
    .replace(/^error: (.*)$/mu, 'gongwen：$1')
    .replace(/^\(Did you mean (.+)\?\)$/mu, '（是不是要用 $1？）');
}

/** A word given in place of a command that names a file (来函.txt, a path): the clerk meant to parse it. */
function looksLikeFile(word: string): boolean {
  return /[./\\]/u.test(word) || existsSync(word);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    return error.exitCode;
  }
  if (isUserError(error)) {
    process.stderr.write(`gongwen：${error.message}\n`);
    return error.exitCode;
  }
  // A file operation no command expected to fail (a folder made read-only meanwhile): still one line, with the path.
  const fileError = fileErrorMessage(error);
  if (fileError) {
    process.stderr.write(`gongwen：${fileError}\n`);
    return 1;
  }
  const detail = error instanceof Error ? error.message : String(error);
  process.stderr.write(`gongwen：内部错误（${detail}）。请把这条信息和所用文件报告给维护人员。\n`);
  return 1;
}
