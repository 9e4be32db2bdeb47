import { describe, expect, it } from 'vitest';
import { DAY_MS } from './periods.js';
import { trialNoticeAt } from './trial-notice.js';

const end = new Date('2026-04-15T12:00:00Z');
const days = (n: number) => new Date(end.getTime() + n * DAY_MS);

describe('trialNoticeAt', () => {
  it.each([
    { name: 'no trial: nothing to announce', trialEnd: null, sentFor: null, at: null },
    { name: 'three days before the end, not sent yet', trialEnd: end, sentFor: null, at: days(-3) },
    { name: 'sent for this end: not again', trialEnd: end, sentFor: end, at: null },
    { name: 'sent for a later end (the trial was moved earlier): not again', trialEnd: end, sentFor: days(2), at: null },
    { name: 'sent for an earlier end (the trial was moved later): again, three days before the new end', trialEnd: end, sentFor: days(-5), at: days(-3) },
  ])('$name', ({ trialEnd, sentFor, at }) => {
    expect(trialNoticeAt(trialEnd, sentFor)).toEqual(at);
  });
});
