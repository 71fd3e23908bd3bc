/** Writing files so that a reader never sees half a file: temp file in the same folder, then rename. */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from './errors.js';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件夹不存在' : '没有写入权限或磁盘已满';
    throw new UserError(`无法写入 ${path}（${reason}）。`);
  }
}
