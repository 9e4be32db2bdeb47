// Waits that end early when the tracker gives up (shutdown timed out), so it can report at once.
// They reject with the signal's own reason (whatever the caller aborted with), as fetch does.
/* eslint-disable @typescript-eslint/prefer-promise-reject-errors */

/**
 * Waits `ms`, or rejects with `signal.reason` as soon as `signal` aborts. The timer is
 * unref'd: a pending retry does not keep a finished script alive.
 */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    timer.unref?.();
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles like `promise`, or rejects with `signal.reason` as soon as `signal` aborts, even when
 * what `promise` waits for ignores the signal (a custom `fetch` or `sleep`).
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

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
