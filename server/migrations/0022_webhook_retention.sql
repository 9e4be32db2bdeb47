-- Retention: settled webhook events older than the window (NOZLE_WEBHOOKS_RETENTION_DAYS) are
-- deleted oldest first, in small batches, by the delivery work of every instance.
create index webhook_events_created on webhook_events (created_at) where dispatched;
