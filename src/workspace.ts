/** Opening a workspace written by `gongwen packets`: its manifest, checked before anything is trusted. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MANIFEST_FILE, WORKSPACE_SCHEMA_VERSION, type Manifest } from './model/workspace.js';
import { UserError } from './errors.js';

/** A workspace's own unit aliases, added to the bundled table by every command that reads the workspace. */
export const WORKSPACE_ALIASES_FILE = 'aliases.json';

export async function loadManifest(workspace: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(workspace, MANIFEST_FILE), 'utf8');
  } catch {
    const enclosing = enclosingWorkspace(workspace);
    throw new UserError(
      enclosing === null
        ? `${workspace} 不是 gongwen 工作目录（找不到 ${MANIFEST_FILE}）。请先运行 gongwen packets 生成。`
        : `${workspace} 不是 gongwen 工作目录，而是工作目录 ${enclosing} 中的文件夹。请改用 ${enclosing}。`,
    );
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new UserError(`${join(workspace, MANIFEST_FILE)} 已损坏（不是有效的 JSON）。`);
  }
  if (manifest?.schemaVersion !== WORKSPACE_SCHEMA_VERSION || !Array.isArray(manifest.recipients) || !manifest.outline) {
    throw new UserError(`${join(workspace, MANIFEST_FILE)} 的格式不对（版本 ${String(manifest?.schemaVersion)}），请用本版本 gongwen 重新生成工作目录。`);
  }
  return manifest;
}

/** The workspace a folder lies in (回收/, packets/04-省科技厅/), as the clerk wrote its path, or null. */
function enclosingWorkspace(folder: string): string | null {
  let dir = dirname(folder);
  for (let depth = 0; depth < 3 && dir !== dirname(dir); depth++, dir = dirname(dir)) {
    if (existsSync(join(dir, MANIFEST_FILE))) return dir;
  }
  return null;
}
