// A webhook endpoint's signing secret, checked once: `whsec_` and the base64 of the HMAC key.
import { Webhook } from 'standardwebhooks';

/** @throws TypeError when `secret` is given and is not a `whsec_…` secret */
export function resolveWebhookSecret(secret: unknown, name: string): string | undefined {
  if (secret === undefined) return undefined;
  if (typeof secret !== 'string' || !/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret)) {
    throw new TypeError(`Nozle: \`${name}\` must be a webhook signing secret ("whsec_" and base64).`);
  }
  return secret;
}

/** The library's verifier for `secret`, made once per secret. */
export function verifierFor(secret: string, cache: Map<string, Webhook>): Webhook {
  let verifier = cache.get(secret);
  if (verifier === undefined) {
    verifier = new Webhook(secret);
    cache.set(secret, verifier);
  }
  return verifier;
}
