// Who is signed in. The example has no login, so everyone is the demo user; a real app reads
// its own session here. The browser never chooses the customer: a token names one, and this
// server picks it.
import type { Request } from 'express';

export type CurrentUser = (req: Request) => string;

export const always =
  (customer: string): CurrentUser =>
  () =>
    customer;
