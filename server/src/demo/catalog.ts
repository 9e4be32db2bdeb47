// What the demo project sells: the catalog the examples (examples/react-app, node-backend) and
// their end-to-end test are written against. Limits are small on purpose, so a person (or the
// test) reaches them in a few clicks.

/** The demo user the example backend signs in as. */
export const DEMO_CUSTOMER = { external_id: 'demo-user', email: 'demo@example.com', name: 'Demo User' } as const;

/** The metered action: one `message.sent` event is one message. */
export const DEMO_METER = { key: 'messages', name: 'Messages sent', event_name: 'message.sent', aggregation: 'count' } as const;

export const DEMO_FEATURES = [
  { key: 'export', name: 'Export notes', type: 'boolean' },
  { key: 'messages', name: 'Messages', type: 'metered', meter: DEMO_METER.key },
] as const;

// One group (`default`): free is its default plan (what every new customer holds), pro replaces it.
export const DEMO_PLANS = [
  {
    key: 'free',
    name: 'Free',
    default: true,
    base_price: 0,
    entitlements: [{ feature: 'messages', limit: 3, reset: 'month', overage: false }],
  },
  {
    key: 'pro',
    name: 'Pro',
    default: false,
    base_price: 2000,
    entitlements: [
      { feature: 'export', enabled: true },
      { feature: 'messages', limit: 5, reset: 'month', overage: false },
    ],
  },
] as const;

/** The plan the demo user starts on. */
export const DEMO_START_PLAN = 'free';
