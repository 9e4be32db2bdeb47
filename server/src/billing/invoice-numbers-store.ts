// The invoice number and the hosted page's token, given to an invoice when it is finalized.
//
// Without gaps: the number comes from the project's counter row in the finalizing transaction.
// The upsert locks that row until the transaction ends (as `select … for update` would), so
// finalizations in one project take numbers one at a time, and one that rolls back takes its
// increment back with it: the next finalization gets the same number.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';

/** `ACME-0007`: the project's prefix and the count, at least four digits. */
const formatInvoiceNumber = (prefix: string, n: number) => `${prefix}-${String(n).padStart(4, '0')}`;

/** The hosted page's capability: 192 random bits, URL-safe. */
const hostedToken = () => randomBytes(24).toString('base64url');

/** Numbers the invoice `id` of `projectId` (just finalized, in this transaction) and gives it its hosted page. */
export async function numberInvoice(db: Queryable, projectId: string, id: string): Promise<void> {
  const { rows } = await db.query<{ last_number: number; prefix: string }>(
    `insert into invoice_number_counters as c (project_id, last_number) values ($1, 1)
     on conflict (project_id) do update set last_number = c.last_number + 1
     returning last_number, (select invoice_number_prefix from projects where id = $1) as prefix`,
    [projectId],
  );
  const { last_number, prefix } = rows[0]!;
  await db.query('update invoices set number = $2, hosted_token = $3 where id = $1', [id, formatInvoiceNumber(prefix, Number(last_number)), hostedToken()]);
}
