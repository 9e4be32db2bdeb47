// Ctrl-C on `pnpm start`: the demo process (the built dist/main.js that `start` execs) stops
// everything and exits 0 with nothing on stderr, so neither pnpm nor npx reports a failure.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = path.join(import.meta.dirname, '..', 'dist', 'main.js');

describe('stopping the demo', () => {
  it('exits 0 on SIGINT, saying only that it stops', async () => {
    // The embedded database in memory, whatever this shell points at.
    const { DATABASE_URL: _postgres, NOZLE_DATA_DIR: _folder, ...env } = process.env;
    const child = spawn(process.execPath, [MAIN], { env: { ...env, PORT: '0', APP_PORT: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    await expect.poll(() => stdout, { timeout: 60_000 }).toContain('Ctrl-C to stop.');
    child.kill('SIGINT');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(stdout.slice(stdout.indexOf('Ctrl-C to stop.'))).toBe('Ctrl-C to stop.\n\nStopping…\n');
    expect(stderr).toBe('');
  });
});
