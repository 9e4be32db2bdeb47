// Smoke test of the built server as a user meets it: start, read the printed keys, create and
// list a customer with curl's equivalent, stop with SIGTERM. Embedded database, then Postgres.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../server/package.json', import.meta.url));
const pg = require('pg');
const POSTGRES = process.env.SMOKE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function startServer(env) {
  const child = spawn(process.execPath, ['server/dist/main.js'], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const waitFor = (pattern) =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const match = output.match(pattern);
        if (match) return (clearInterval(poll), resolve(match[1]));
        if (child.exitCode !== null || Date.now() - started > 60_000) (clearInterval(poll), reject(new Error(`no ${pattern} in:\n${output}`)));
      }, 50);
    });
  return { child, exited, waitFor, output: () => output };
}

async function exercise(url, secretKey) {
  const headers = { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' };
  const created = await fetch(`${url}/v1/customers`, { method: 'POST', headers, body: JSON.stringify({ external_id: 'smoke', email: 'smoke@example.com' }) });
  if (created.status !== 200) throw new Error(`create answered ${created.status}: ${await created.text()}`);
  const customer = await created.json();
  const listed = await (await fetch(`${url}/v1/customers`, { headers })).json();
  if (listed.data?.[0]?.id !== customer.id) throw new Error(`list did not show ${customer.id}: ${JSON.stringify(listed)}`);
  return customer.id;
}

async function stop(server) {
  server.child.kill('SIGTERM');
  const code = await server.exited;
  if (code !== 0) throw new Error(`server exited ${code} on SIGTERM:\n${server.output()}`);
}

// Embedded defaults: the demo project's printed key works.
{
  const server = startServer({});
  const url = await server.waitFor(/Nozle is running at (http:\/\/\S+)/);
  const key = await server.waitFor(/Secret key:\s+(sk_\w+)/);
  const id = await exercise(url, key);
  await stop(server);
  console.log(`embedded: demo key created and listed ${id}; stopped cleanly`);
}

// Postgres: a project made with the CLI, then the server on the same database.
{
  const schema = `nozle_smoke_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const url = new URL(POSTGRES);
  url.searchParams.set('options', `-c search_path=${schema}`);
  try {
    const env = { ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' };
    const printed = execFileSync(process.execPath, ['server/bin/nozle.js', 'project', 'create', '--name', 'smoke', '--json'], { env }).toString();
    const { secretKey, projectId } = JSON.parse(printed);
    const server = startServer({ DATABASE_URL: url.toString(), NOZLE_DEMO: 'false' });
    const base = await server.waitFor(/Nozle is running at (http:\/\/\S+)/);
    const id = await exercise(base, secretKey);
    await stop(server);
    console.log(`postgres: CLI project ${projectId} created and listed ${id}; stopped cleanly`);
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
