/**
 * The command commander is running (packets, track, …), which code-cache.ts compiles the on-demand code with the
 * cache of. Kept apart from code-cache.ts so that main.ts can say it without loading node:crypto and node:vm at
 * start-up (`gongwen --version` loads neither).
 */
let running = 'none';

/** Says which command is running (main.ts, as commander starts its action). */
export function runningCommandIs(name: string): void {
  running = name;
}

export function runningCommand(): string {
  return running;
}
