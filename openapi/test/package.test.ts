// What SDK users download: the published tarball holds the contract and the built client,
// not the HTML reference (the server builds and serves that one).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface PackResult {
  files: { path: string; size: number }[];
  unpackedSize: number;
}

describe('the @nozle/openapi tarball', () => {
  it('ships the contract and the client, and no HTML', () => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: path.resolve(import.meta.dirname, '..'), encoding: 'utf8' });
    const [pack] = JSON.parse(output) as PackResult[];
    const files = pack!.files.map((file) => file.path);
    expect(files).toContain('nozle.yaml');
    expect(files).toContain('package.json');
    expect(files.filter((file) => file.endsWith('.html'))).toEqual([]);
  });
});
