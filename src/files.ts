/** Writing files so that a reader never sees half a file: temp file in the same folder, then rename. */
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from './errors.js';

/** Temp files this process has made: with the process id, a name no other writer uses at the same time. */
let temps = 0;

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${++temps}.tmp`);
  try {
    // 'wx': never write through a file that happens to be there (a leftover, or a link someone placed).
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件夹不存在' : '没有写入权限或磁盘已满';
    throw new UserError(`无法写入 ${path}（${reason}）。`);
  }
}
