/** Opening a workspace written by `gongwen packets`: its manifest, checked before anything is trusted. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, WORKSPACE_SCHEMA_VERSION, type Manifest } from './model/workspace.js';
import { UserError } from './errors.js';

/** A workspace's own unit aliases, added to the bundled table by every command that reads the workspace. */
export const WORKSPACE_ALIASES_FILE = 'aliases.json';

export async function loadManifest(workspace: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(workspace, MANIFEST_FILE), 'utf8');
  } catch {
    throw new UserError(`${workspace} 不是 gongwen 工作目录（找不到 ${MANIFEST_FILE}）。请先运行 gongwen packets 生成。`);
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
