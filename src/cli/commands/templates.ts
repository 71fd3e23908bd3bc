/** `gongwen templates <dir>`: the built-in templates and alias table copied to a folder an office edits. */
import type { Command } from 'commander';

export function registerTemplates(program: Command): void {
  program
    .command('templates')
    .description('把自带的模板和单位别名表复制到一个文件夹，供本单位修改措辞（已有的文件不会被覆盖）')
    .argument('<文件夹>', '存放本单位模板的文件夹')
    .action(async (dir: string) => {
      const { copyBuiltInTemplates } = await import('../../writers/template/load.js');
      const { copied, kept } = await copyBuiltInTemplates(dir);
      if (copied.length > 0) process.stdout.write(`已复制到 ${dir}：${copied.join('、')}。\n`);
      if (kept.length > 0) process.stdout.write(`以下文件已存在，未改动：${kept.join('、')}。\n`);
      process.stdout.write(
        `改好后这样使用：gongwen packets 来函.txt -o 征求意见 --templates ${dir} --aliases ${dir}/aliases.json\n` +
          `（remind、summary 也用 --templates ${dir}；写法见 ${dir}/README.md）\n`,
      );
    });
}
