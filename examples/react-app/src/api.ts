// Calls to this app's own backend (examples/node-backend). Nozle itself is reached through
// @nozle/react, with the publishable key and a customer token the backend signed.

export interface Session {
  customer: string;
  nozle: { baseUrl: string; publishableKey: string };
  token: string;
}

export interface PlanSummary {
  key: string;
  name: string;
  base_price: number;
  currency: string;
  interval: 'month' | 'year';
  entitlements: Array<{ feature: string; enabled?: boolean; limit?: number | null; reset?: string }>;
}

export interface Message {
  id: number;
  text: string;
  sentAt: string;
}

/** The backend's refusal: `{ error: { code, message } }` with its HTTP status. */
class BackendError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) throw new BackendError(res.status, body?.error?.code ?? 'error', body?.error?.message ?? `The backend answered ${res.status}.`);
  return body as T;
}

export const getSession = () => call<Session>('/api/session');
export const getCustomerToken = () => call<{ token: string }>('/api/nozle-token').then((body) => body.token);
export const getPlans = () => call<{ plans: PlanSummary[]; features: Record<string, string> }>('/api/plans');
export const getMessages = () => call<{ messages: Message[] }>('/api/messages').then((body) => body.messages);
export const sendMessage = (text: string) =>
  call<{ message: Message }>('/api/messages', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }) });
