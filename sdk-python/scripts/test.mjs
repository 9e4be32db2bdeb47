// Runs the Python SDK's unittest suite (against a real server it starts from server/dist) when a
// Python 3.11+ is installed, so `pnpm test` keeps working on a machine with only Node and npm:
// without Python it says so and skips. CI runs the suite in a step of its own, and sets
// NOZLE_PYTHON_TESTS=done so that its run of the README's test command does not repeat it.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

if (process.env.NOZLE_PYTHON_TESTS === 'done') {
  console.log('sdk-python: the Python SDK tests already ran (NOZLE_PYTHON_TESTS=done); skipping.');
  process.exit(0);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const candidates = process.platform === 'win32' ? ['python', 'py'] : ['python3', 'python'];
const isRecent = (command) => spawnSync(command, ['-c', 'import sys; sys.exit(sys.version_info < (3, 11))'], { stdio: 'ignore' }).status === 0;
const python = candidates.find(isRecent);

if (python === undefined) {
  console.log('sdk-python: no Python 3.11+ found (python3); skipping the Python SDK tests.');
  process.exit(0);
}

console.log(`sdk-python: ${python} -m unittest discover -s sdk-python/tests`);
const run = spawnSync(python, ['-m', 'unittest', 'discover', '-s', 'sdk-python/tests'], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
