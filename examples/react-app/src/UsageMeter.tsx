// Messages used this month against the plan's limit. The numbers come from the entitlement
// snapshot that Nozle pushes over the WebSocket, so the meter moves as usage is recorded,
// whoever recorded it.
import { useCan } from '@nozle/react';

export function UsageMeter() {
  const { loading, used, limit, reason } = useCan('messages');
  if (loading) return <p>Loading usage…</p>;
  const full = reason === 'limit_reached';
  return (
    <div className="meter" data-testid="usage-meter" data-used={used ?? 0} data-limit={limit ?? ''}>
      <label htmlFor="messages-meter">Messages this month</label>
      {typeof limit === 'number' && <progress id="messages-meter" value={used ?? 0} max={limit} />}
      <span data-testid="usage-text">
        {used ?? 0} / {limit ?? '∞'}
      </span>
      {full && (
        <p role="status" className="limit">
          Limit reached
        </p>
      )}
    </div>
  );
}
