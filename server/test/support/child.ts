// Runs the server's entry points (src/main.ts, src/cli.ts) as real child processes via tsx.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

// import.meta.dirname, not new URL(): under jsdom, URL is jsdom's class, which node:url refuses.
const SERVER_ROOT = path.resolve(import.meta.dirname, '../..');

export interface Child {
  process: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in stdout+stderr. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

/** The environment without the settings a test must choose itself. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'NOZLE_DATA_DIR', 'REDIS_URL', 'PORT', 'HOST', 'NOZLE_DEMO', 'NODE_OPTIONS']) delete env[name];
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

export function runEntry(entry: 'main' | 'cli', args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--conditions=@nozle/source', '--import', 'tsx', `src/${entry}.ts`, ...args], {
    cwd: SERVER_ROOT,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const check of waiters) check();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  return {
    process: child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${pattern}; output so far:\n${text}`));
        }, timeoutMs);
        const check = () => {
          const match = text.match(pattern);
          if (!match) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(match);
        };
        waiters.add(check);
        check();
        void exited.then(() => setTimeout(() => waiters.has(check) && reject(new Error(`exited before ${pattern}:\n${text}`)), 50));
      });
    },
  };
}

/** A server process of src/main.ts once it listens; `secretKey` when it made the demo project (the first on an empty database). */
interface RunningMain {
  server: Child;
  url: string;
  secretKey?: string;
}

/** Starts src/main.ts on a port of its own, kept in `started` so the test can kill what is left. */
export async function startMain(env: Record<string, string>, started: Child[]): Promise<RunningMain> {
  const server = runEntry('main', [], { PORT: '0', ...env });
  started.push(server);
  const [, url] = (await server.waitFor(/Nozle is running at (http:\/\/\S+)/)) as [string, string];
  const key = server.output().match(/Secret key:\s+(sk_\w+)/)?.[1];
  return { server, url, ...(key ? { secretKey: key } : {}) };
}

/** SIGKILL to each of these still running. */
export function killAll(children: Child[]): void {
  for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
}
