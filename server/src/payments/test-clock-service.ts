// A project's sandbox test clock, as the API shows and moves it.
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import { invalidParam } from '../http/errors.js';
import type { ProjectClocks } from '../project-clocks.js';
import type { Payments } from './payments.js';
import { moveTestClock } from './sandbox/test-clock.js';

type Schemas = components['schemas'];

const sandboxOnly = () => invalidParam('test_clock', 'The test clock exists only in sandbox mode (no STRIPE_SECRET_KEY).', 'sandbox_only');

export function testClock(payments: Payments, clocks: ProjectClocks, projectId: string): Schemas['TestClock'] {
  if (!payments.sandbox || !clocks.adjustable) throw sandboxOnly();
  return { object: 'test_clock', now: unixSeconds(clocks.clockFor(projectId).now()), offset_seconds: Math.round(clocks.offsetMs(projectId) / 1000) };
}

/**
 * Moves the project's clock `to` an instant or by `seconds`, at most ten years past the
 * server's time, and runs what fell due on the way. Never back: a target at or before now
 * leaves the clock as it is (a retried `to` is harmless).
 */
export async function advanceTestClock(
  payments: Payments,
  clocks: ProjectClocks,
  projectId: string,
  params: Schemas['TestClockAdvanceParams'],
): Promise<Schemas['TestClock']> {
  if (!payments.sandbox || !clocks.adjustable) throw sandboxOnly();
  const now = clocks.clockFor(projectId).now();
  const target = params.to !== undefined ? new Date(params.to * 1000) : new Date(now.getTime() + (params.seconds ?? 0) * 1000);
  const latest = clocks.latestAllowed();
  if (target.getTime() > latest.getTime()) {
    throw invalidParam(
      params.to !== undefined ? 'to' : 'seconds',
      `A test clock goes at most ten years past the server's time: to ${unixSeconds(latest)} (${latest.toISOString()}) at the latest.`,
      'parameter_out_of_range',
    );
  }
  await moveTestClock(payments, clocks, projectId, target);
  return testClock(payments, clocks, projectId);
}
