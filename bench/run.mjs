// Entry point for `pnpm --filter @nozle/bench bench`; benchmarks are added here as they are written.
console.log('no benchmarks yet');
