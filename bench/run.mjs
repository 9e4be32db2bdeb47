// Entry point for `pnpm --filter @nozle/bench bench`: every benchmark in turn, each in its own
// process so one bench's servers and heap do not weigh on the next.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = ['check.mjs', 'events.mjs', 'track.mjs', 'realtime.mjs', 'scheduler.mjs'];

let failed = 0;
for (const bench of BENCHES) {
  console.log(`\n== ${bench}`);
  const { status, error } = spawnSync(process.execPath, [fileURLToPath(new URL(bench, import.meta.url))], { stdio: 'inherit' });
  if (error || status !== 0) {
    failed += 1;
    console.error(`${bench} failed${error ? `: ${error.message}` : ` (exit ${status})`}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
