// The SDK's default console output: one line per problem, `[nozle] <scope>: <what happened>
// (<status> <code>, request <id>)`, instead of an error object dumped over many lines.
import { NozleError } from '@nozle/openapi';

export type LogScope = 'track' | 'local';

/** `console.warn` writing each call as one line under `[nozle] <scope>:`. Looked up at each call, so a spy installed later applies. */
export function consoleLine(scope: LogScope): (message: string, ...details: unknown[]) => void {
  return (message, ...details) => console.warn(logLine(scope, message, details));
}

export function logLine(scope: LogScope, message: string, details: readonly unknown[] = []): string {
  const text = message.replace(/^Nozle: /, '');
  const extra = details.map(describe).filter((part) => part !== '');
  const line = extra.length === 0 ? text : `${text} (${extra.join('; ')})`;
  return `[nozle] ${scope}: ${line.replace(/\s*\n\s*/g, ' ')}`;
}

/** What a log detail adds that the message does not already say. */
function describe(detail: unknown): string {
  if (detail instanceof NozleError) {
    const parts = [detail.status === undefined ? detail.type : `${detail.status} ${detail.code ?? detail.type}`];
    if (detail.requestId !== undefined) parts.push(`request ${detail.requestId}`);
    // A connection error's message is the reason (refused, timed out): the one thing to say.
    if (detail.status === undefined) parts.push(detail.message);
    return parts.join(', ');
  }
  if (detail instanceof Error) return `${detail.name}: ${detail.message}`;
  if (detail === undefined) return '';
  return typeof detail === 'string' ? detail : safeJson(detail);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
