import { VERSION as SHARED_VERSION } from '@nozle/openapi';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { VERSION } from './version.js';

describe('VERSION', () => {
  it('is the one version of the published packages, and this package.json says it too', () => {
    expect(VERSION).toBe(SHARED_VERSION);
    expect(pkg.version).toBe(VERSION);
  });
});
