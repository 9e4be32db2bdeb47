// SQL for the payment tables: customer and price mappings, hosted sessions, received events.
import type { Queryable } from '../db/database.js';
import type { ProviderName } from './provider.js';

export async function findProviderCustomer(db: Queryable, customerId: string, provider: ProviderName): Promise<string | undefined> {
  const { rows } = await db.query<{ provider_customer_id: string }>(
    'select provider_customer_id from payment_customers where customer_id = $1 and provider = $2',
    [customerId, provider],
  );
  return rows[0]?.provider_customer_id;
}

export async function saveProviderCustomer(
  db: Queryable,
  projectId: string,
  customerId: string,
  provider: ProviderName,
  providerId: string,
  now: Date,
): Promise<void> {
  await db.query(
    `insert into payment_customers (project_id, customer_id, provider, provider_customer_id, created_at) values ($1, $2, $3, $4, $5)
     on conflict do nothing`,
    [projectId, customerId, provider, providerId, now],
  );
}

export async function customerForProviderId(
  db: Queryable,
  provider: ProviderName,
  providerId: string,
): Promise<{ projectId: string; customerId: string } | undefined> {
  const { rows } = await db.query<{ project_id: string; customer_id: string }>(
    'select project_id, customer_id from payment_customers where provider = $1 and provider_customer_id = $2',
    [provider, providerId],
  );
  return rows[0] && { projectId: rows[0].project_id, customerId: rows[0].customer_id };
}

export async function findProviderPrice(db: Queryable, planId: string, version: number, provider: ProviderName): Promise<string | undefined> {
  const { rows } = await db.query<{ provider_price_id: string }>(
    'select provider_price_id from payment_prices where plan_id = $1 and plan_version = $2 and provider = $3',
    [planId, version, provider],
  );
  return rows[0]?.provider_price_id;
}

export async function saveProviderPrice(
  db: Queryable,
  projectId: string,
  planId: string,
  version: number,
  provider: ProviderName,
  priceId: string,
  now: Date,
): Promise<void> {
  await db.query(
    `insert into payment_prices (project_id, plan_id, plan_version, provider, provider_price_id, created_at) values ($1, $2, $3, $4, $5, $6)
     on conflict do nothing`,
    [projectId, planId, version, provider, priceId, now],
  );
}

export async function planForProviderPrice(
  db: Queryable,
  provider: ProviderName,
  priceId: string,
): Promise<{ projectId: string; planId: string; version: number } | undefined> {
  const { rows } = await db.query<{ project_id: string; plan_id: string; plan_version: number }>(
    'select project_id, plan_id, plan_version from payment_prices where provider = $1 and provider_price_id = $2',
    [provider, priceId],
  );
  return rows[0] && { projectId: rows[0].project_id, planId: rows[0].plan_id, version: rows[0].plan_version };
}

export interface HostedSessionRow {
  id: string;
  project_id: string;
  kind: 'checkout' | 'portal';
  customer_id: string;
  plan_id: string | null;
  plan_version: number | null;
  provider: ProviderName;
  provider_session_id: string;
  url: string;
  success_url: string | null;
  cancel_url: string | null;
  return_url: string | null;
  trial_days: number | null;
  /** Seats a checkout sells (1 for a plan not per seat, and for a portal). */
  quantity: number;
  status: 'open' | 'complete' | 'expired';
  created_at: Date;
  expires_at: Date;
  /** A checkout's discount (one or the other), or whether the buyer may type a code. */
  coupon_id: string | null;
  promotion_code_id: string | null;
  allow_promotion_codes: boolean;
  /** When its completion's discount and customer details were recorded (once). */
  completion_recorded_at: Date | null;
}

export type NewHostedSession = Omit<HostedSessionRow, 'status' | 'completion_recorded_at'>;

export async function insertHostedSession(db: Queryable, session: NewHostedSession): Promise<HostedSessionRow> {
  await db.query(
    `insert into checkout_sessions (id, project_id, kind, customer_id, plan_id, plan_version, provider, provider_session_id, url,
       success_url, cancel_url, return_url, trial_days, status, created_at, expires_at, quantity, coupon_id, promotion_code_id, allow_promotion_codes)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'open', $14, $15, $16, $17, $18, $19)`,
    [
      session.id,
      session.project_id,
      session.kind,
      session.customer_id,
      session.plan_id,
      session.plan_version,
      session.provider,
      session.provider_session_id,
      session.url,
      session.success_url,
      session.cancel_url,
      session.return_url,
      session.trial_days,
      session.created_at,
      session.expires_at,
      session.quantity,
      session.coupon_id,
      session.promotion_code_id,
      session.allow_promotion_codes,
    ],
  );
  return { ...session, status: 'open', completion_recorded_at: null };
}

export async function findHostedSession(
  db: Queryable,
  where: { id: string } | { provider: ProviderName; providerId: string },
): Promise<HostedSessionRow | undefined> {
  const { rows } =
    'id' in where
      ? await db.query<HostedSessionRow>('select * from checkout_sessions where id = $1', [where.id])
      : await db.query<HostedSessionRow>('select * from checkout_sessions where provider = $1 and provider_session_id = $2', [
          where.provider,
          where.providerId,
        ]);
  return rows[0];
}

/** Marks the open checkout session `where` names complete; answers it, or undefined when none was open. */
export async function completeHostedSession(
  db: Queryable,
  where: { id: string } | { provider: ProviderName; providerId: string },
): Promise<HostedSessionRow | undefined> {
  const { rows } =
    'id' in where
      ? await db.query<HostedSessionRow>(
          "update checkout_sessions set status = 'complete' where id = $1 and kind = 'checkout' and status = 'open' returning *",
          [where.id],
        )
      : await db.query<HostedSessionRow>(
          "update checkout_sessions set status = 'complete' where provider = $1 and provider_session_id = $2 and kind = 'checkout' and status = 'open' returning *",
          [where.provider, where.providerId],
        );
  return rows[0];
}

/** The promotion code the buyer typed on the sandbox's checkout page, kept on its session. */
export async function setSessionPromotionCode(db: Queryable, id: string, promotionCodeId: string): Promise<void> {
  await db.query('update checkout_sessions set promotion_code_id = $2 where id = $1', [id, promotionCodeId]);
}

/**
 * Claims the recording of a completed checkout's discount and customer details: the session
 * once (the first to ask; its row's update waits for any other), undefined for every repeat.
 */
export async function claimCompletionRecord(
  db: Queryable,
  provider: ProviderName,
  providerSessionId: string,
  now: Date,
): Promise<HostedSessionRow | undefined> {
  const { rows } = await db.query<HostedSessionRow>(
    `update checkout_sessions set completion_recorded_at = $3
     where provider = $1 and provider_session_id = $2 and kind = 'checkout' and completion_recorded_at is null returning *`,
    [provider, providerSessionId, now],
  );
  return rows[0];
}

/** Whether the customer's project has Stripe Tax tax what Nozle sends to Stripe (`automatic_tax`). */
export async function automaticTaxForCustomer(db: Queryable, customerId: string): Promise<boolean> {
  const { rows } = await db.query<{ automatic_tax: boolean }>(
    'select p.automatic_tax from customers c join projects p on p.id = c.project_id where c.id = $1',
    [customerId],
  );
  return rows[0]?.automatic_tax ?? false;
}
