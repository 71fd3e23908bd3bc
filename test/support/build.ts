// The CLI tests run the built program (bin/gongwen.cjs → dist/), as a clerk does: build it once first.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' });
}
