// The first run, as a newcomer clicks through it: the demo stack on free ports, the example app
// in a real browser, an upgrade paid on the sandbox checkout page (while a second tab of the app
// must unlock from the WebSocket push alone), and the metered feature used up to its limit. A
// screenshot of each step goes to e2e/output/.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../src/stack.js';
import { launchChromium } from './browser.js';

const OUTPUT = path.join(import.meta.dirname, 'output');

let demo: RunningDemo;
let browser: Browser;
let page: Page;
let shot = 0;

async function screenshot(name: string, of: Page = page): Promise<void> {
  shot += 1;
  await of.screenshot({ path: path.join(OUTPUT, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
}

/** The usage meter's numbers, as the page shows them. */
async function meter(): Promise<{ used: number; limit: number }> {
  const el = page.getByTestId('usage-meter');
  return { used: Number(await el.getAttribute('data-used')), limit: Number(await el.getAttribute('data-limit')) };
}

/** Sends one message from the app's form and waits for the meter to count it. */
async function sendMessage(text: string): Promise<void> {
  const before = await meter();
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
  const sent = page.waitForResponse((res) => res.url().endsWith('/api/messages') && res.request().method() === 'POST');
  await page.getByRole('button', { name: 'Send message' }).click();
  expect((await sent).status()).toBe(201);
  await eventually(meter).toEqual({ used: before.used + 1, limit: before.limit });
}

/** Waits for a value that arrives asynchronously (a pushed snapshot, a page load); no timing is asserted. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });

/** A mark on a page's window: a navigation (a reload) would wipe it. */
const MARKER = '__nozleE2eNoReload';
const setMarker = (on: Page) =>
  on.evaluate((name) => {
    (window as unknown as Record<string, unknown>)[name] = true;
  }, MARKER);
const markerPresent = (on: Page = page) => on.evaluate((name) => (window as unknown as Record<string, unknown>)[name] === true, MARKER);

beforeAll(async () => {
  rmSync(OUTPUT, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  demo = await startDemo({ env: { PORT: '0', LOG_LEVEL: 'silent' }, appPort: 0 });
  if (!demo.app.built) throw new Error(`Build the React app first (pnpm --filter @nozle/example-react-app build); looked in ${demo.app.dir}.`);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[browser] ${message.text()}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) console.error(`[browser] ${res.request().method()} ${res.url()} answered ${res.status()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('the first run of the example app', () => {
  it("gates export on the free plan, explains the limit and offers the upgrade, tells a canceled checkout, upgrades keeping the month's count, welcomes once, and stops messages at the limit", async () => {
    // 1. Open the app: the entitlements arrive over the WebSocket.
    await page.goto(demo.appUrl);
    await eventually(() => page.getByTestId('connection').getAttribute('data-status')).toBe('open');
    await eventually(() => page.getByTestId('current-plan').textContent()).toBe('free');
    await eventually(meter).toEqual({ used: 0, limit: 3 });
    await page.getByRole('heading', { name: 'Pricing' }).waitFor();
    await page.getByTestId('plan-pro').getByText('$20 / month').waitFor();
    await screenshot('opened');

    // 2. The gated feature shows its fallback.
    await page.getByTestId('export-locked').waitFor();
    expect(await page.getByTestId('export-unlocked').count()).toBe(0);
    await screenshot('export-gated');

    // Messages sent on free count towards the month whatever the plan becomes. Free holds 3:
    // at the limit the app says why Send is off and offers the upgrade.
    const FREE_MESSAGES = 3;
    for (let i = 1; i <= FREE_MESSAGES; i++) await sendMessage(`On free, number ${i}`);
    await eventually(meter).toEqual({ used: FREE_MESSAGES, limit: 3 });
    const limitNotice = page.getByTestId('limit-notice');
    await limitNotice.getByText('Send is off: you have sent the 3 messages the free plan includes this month.').waitFor();
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('A fourth on free');
    const send = page.getByRole('button', { name: 'Send message' });
    expect(await send.isDisabled()).toBe(true);
    expect(await send.getAttribute('aria-describedby')).toBe(await limitNotice.getAttribute('id'));
    await screenshot('limit-reached-on-free');

    // The offer leads to checkout; canceling there brings the customer back, told so, still on free.
    await limitNotice.getByRole('button', { name: 'Upgrade to Pro for more messages' }).click();
    await page.waitForURL(/\/sandbox\/checkout\//);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForURL((url) => url.origin === new URL(demo.appUrl).origin);
    await page.getByTestId('checkout-canceled').getByText('Checkout canceled: nothing was charged, and you are still on free.').waitFor();
    await eventually(() => page.evaluate(() => window.location.search)).toBe('');
    expect(await page.getByTestId('current-plan').textContent()).toBe('free');
    await screenshot('checkout-canceled');

    // A second tab stays on the app through the payment: it must unlock from the push alone.
    const watcher = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await watcher.goto(demo.appUrl);
    await eventually(() => watcher.getByTestId('connection').getAttribute('data-status')).toBe('open');
    await watcher.getByTestId('export-locked').waitFor();
    await setMarker(watcher);

    // 3. Upgrade: <Checkout plan="pro"> asks Nozle for a checkout session and goes to its url.
    const sessionResponse = page.waitForResponse((res) => res.url().endsWith('/v1/checkout/sessions') && res.request().method() === 'POST');
    await page.getByRole('button', { name: 'Upgrade to Pro to export' }).click();
    const session = await sessionResponse;
    // On success the page leaves at once and the body is gone; a failure stays to be read.
    if (session.status() !== 200) throw new Error(`POST /v1/checkout/sessions answered ${session.status()}: ${await session.text()}`);
    await page.waitForURL(/\/sandbox\/checkout\//);
    await screenshot('sandbox-checkout');

    // 4. Pay with the prefilled test card; the sandbox sends the browser back to the app.
    await eventually(() => page.getByLabel('Card number').inputValue()).toMatch(/4242 ?4242 ?4242 ?4242/);
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL((url) => url.origin === new URL(demo.appUrl).origin);
    await setMarker(page);

    // 5. The feature unlocks in the tab that stayed, from the pushed snapshot (no reload), and
    //    in the tab that came back.
    await watcher.getByTestId('export-unlocked').waitFor();
    expect(await watcher.getByTestId('export-locked').count()).toBe(0);
    expect(await markerPresent(watcher)).toBe(true);
    await screenshot('export-unlocked-live-in-other-tab', watcher);
    await watcher.close();
    await page.getByTestId('export-unlocked').waitFor();
    // Welcomed once: the success marker is read, then taken off the URL (a reload says nothing).
    await page.getByRole('status').filter({ hasText: 'Welcome to Pro! Export is unlocked.' }).waitFor();
    await eventually(() => page.evaluate(() => window.location.search)).toBe('');
    // Pro replaced free (one plan in the group), and the month's count came along.
    await eventually(() => page.getByTestId('current-plan').textContent()).toBe('pro');
    await eventually(meter).toEqual({ used: FREE_MESSAGES, limit: 5 });
    expect(await page.getByTestId('export-locked').count()).toBe(0);
    expect(await markerPresent()).toBe(true);
    await screenshot('export-unlocked');

    // 6. Send messages up to the pro limit; the meter follows each one live.
    const start = await meter();
    expect(start).toEqual({ used: FREE_MESSAGES, limit: 5 });
    for (let used = start.used; used < start.limit; used++) {
      await sendMessage(`Hello number ${used + 1}`);
      if (used === start.used) await screenshot('first-message-on-pro');
    }

    // 7. At the limit: the UI says so and disables sending, and the backend refuses the call.
    //    Pro is the top plan: the notice says when the count starts again, and offers nothing.
    await page.getByRole('status').filter({ hasText: 'Limit reached' }).waitFor();
    await limitNotice.getByText('Send is off: you have sent the 5 messages the pro plan includes this month.', { exact: false }).waitFor();
    expect(await limitNotice.textContent()).toMatch(/The count starts again on \w+ \d+\./);
    expect(await limitNotice.getByRole('button').count()).toBe(0);
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('One more');
    expect(await page.getByRole('button', { name: 'Send message' }).isDisabled()).toBe(true);
    const refused = await page.evaluate(async () => {
      const res = await fetch('/api/messages', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'One more' }) });
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    });
    expect(refused.status).toBe(402);
    expect(refused.body.error.code).toBe('limit_reached');
    expect(await page.getByRole('list', { name: 'Sent messages' }).getByRole('listitem').count()).toBe(start.limit);
    expect(await markerPresent()).toBe(true);
    await screenshot('limit-reached');

    // A reload (the URL no longer says checkout=success) does not welcome again.
    await page.reload();
    await page.getByTestId('export-unlocked').waitFor();
    expect(await page.getByText('Welcome to Pro!').count()).toBe(0);
    expect(await page.getByTestId('checkout-canceled').count()).toBe(0);

    // 8. Manage billing opens the sandbox portal.
    await page.getByRole('button', { name: 'Manage billing' }).click();
    await page.waitForURL(/\/sandbox\/portal\//);
    await screenshot('billing-portal');
  });
});
