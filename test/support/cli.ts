import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SAMPLE = `${ROOT}fixtures/min-fu-xie-han-2024-8.txt`;

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `gongwen` program as a clerk would, without colours. */
export function gongwen(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const result = spawnSync(process.execPath, [`${ROOT}bin/gongwen.cjs`, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function fixture(path: string): string {
  return `${ROOT}fixtures/${path}`;
}
