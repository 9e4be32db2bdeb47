// Waits that end early when the tracker gives up (shutdown timed out), so it can report at once:
// the shared client's `sleep` and `abortable` (@nozle/openapi), and a signal per request.
export { abortable, sleep } from '@nozle/openapi';

/**
 * A signal for one request: aborts after `ms` (a `TimeoutError`, which the client reports as a
 * `NozleConnectionError`) or when `parent` aborts. Call `release` once the request settled, so
 * the long-lived `parent` keeps no listener and no timer is left behind.
 */
export function requestSignal(parent: AbortSignal, ms: number): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const onAbort = () => controller.abort(parent.reason);
  const timer = setTimeout(() => controller.abort(new DOMException(`No answer after ${ms} ms.`, 'TimeoutError')), ms);
  timer.unref?.();
  parent.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    release: () => {
      clearTimeout(timer);
      parent.removeEventListener('abort', onAbort);
    },
  };
}
