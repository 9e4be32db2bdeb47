// This file is generated from nozle.yaml by scripts/generate.mjs. Do not edit.
// Run `pnpm --filter @nozle/openapi generate` after changing the spec.
/* eslint-disable */
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness probe
         * @description Answers `200` while the process is up, without touching the database.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness probe
         * @description Answers `200` when the database is reachable and migrations are done, `503` otherwise
         *     (also while the server is shutting down).
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/project": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve the key's project
         * @description Any key may call it, so an SDK can check the key it was given at start-up. It tells the
         *     project's id, name and invoice settings (what its invoices show anyone they are sent to),
         *     nothing about customers.
         */
        get: operations["getProject"];
        put?: never;
        /**
         * Update the project's settings
         * @description Changes the project's name or its invoice settings: the seller's details printed on every
         *     invoice document (the PDF and the hosted page) and the prefix of its invoice numbers. A
         *     field left out keeps its value; `null` clears it. A new `number_prefix` applies to the
         *     invoices finalized from then on; the count goes on (`NEW-0008` after `OLD-0007`) and the
         *     numbers already given stay as they are.
         */
        post: operations["updateProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers
         * @description Lists the project's customers, newest first.
         */
        get: operations["listCustomers"];
        put?: never;
        /** Create a customer */
        post: operations["createCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        /** Retrieve a customer */
        get: operations["retrieveCustomer"];
        put?: never;
        /**
         * Update a customer
         * @description Updates the fields you pass and leaves the others as they are. `metadata` is merged
         *     key by key; set a key to `""` to remove it, or pass `metadata: null` to clear it all.
         */
        post: operations["updateCustomer"];
        /**
         * Delete a customer
         * @description Deletes the customer. It no longer appears in lists or lookups, and its
         *     `external_id` becomes free for a new customer.
         */
        delete: operations["deleteCustomer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api_keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description Lists the project's keys, newest first. A key's secret value is never listed.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key
         * @description Creates a key. Its full value is in `secret`, in this response only.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api_keys/{key}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The API key's id (`key_…`). */
                key: components["parameters"]["ApiKeyId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an API key
         * @description Revokes the key at once: requests made with it answer `401` from then on. Revoking a
         *     revoked key changes nothing. The project's last active secret key cannot be revoked
         *     (create another first).
         */
        post: operations["revokeApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/features": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List features */
        get: operations["listFeatures"];
        put?: never;
        /**
         * Create a feature
         * @description A feature is something a customer may use: `boolean` (on or off), `metered` (a number
         *     of uses per period, limited by plans and grants) or `config` (a value, such as
         *     `{ "seats": 5 }` or a model tier). Its `key` is what your code checks and cannot change.
         */
        post: operations["createFeature"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/features/{feature}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The feature's id (`feat_…`) or key. */
                feature: components["parameters"]["FeatureRef"];
            };
            cookie?: never;
        };
        /** Retrieve a feature */
        get: operations["retrieveFeature"];
        put?: never;
        /**
         * Update a feature
         * @description Changes the name or metadata. The key and type are fixed once created.
         */
        post: operations["updateFeature"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List plans
         * @description Lists plans, newest first, each at its current version.
         */
        get: operations["listPlans"];
        put?: never;
        /** Create a plan */
        post: operations["createPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/{plan}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The plan's id (`plan_…`) or key. */
                plan: components["parameters"]["PlanRef"];
            };
            cookie?: never;
        };
        /** Retrieve a plan */
        get: operations["retrievePlan"];
        put?: never;
        /**
         * Update a plan
         * @description Changes the fields you pass. When the current version has subscribers or buyers, the
         *     change makes a new version and they stay on theirs until you migrate them
         *     (`POST /v1/plans/{plan}/migrate`); otherwise the current version is changed in place.
         *     `entitlements`, when passed, replaces the whole list.
         */
        post: operations["updatePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/{plan}/migrate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The plan's id (`plan_…`) or key. */
                plan: components["parameters"]["PlanRef"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move subscribers to another version
         * @description Moves the subscriptions on `from_version` (every older version when absent) to
         *     `to_version` (the current one when absent) and recomputes their customers'
         *     entitlements.
         */
        post: operations["migratePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List subscriptions */
        get: operations["listSubscriptions"];
        put?: never;
        /**
         * Create a subscription
         * @description Subscribes a customer to a recurring plan that you bill yourself (or that is free).
         *     It starts `trialing` when the plan (or `trial_days`) gives a trial, `active` otherwise.
         *
         *     A customer holds at most one live (`trialing`, `active`, `past_due`) subscription per plan
         *     group, however many requests race. For a customer who already holds another plan of the
         *     plan's group, this is a **change of that subscription**, not a second one: the answer is
         *     that subscription (its own `id`), moved to the plan now (an upgrade: the plan costs more per
         *     month, its base price normalised over its interval; prorated on the period's invoice, or at
         *     the provider for one it bills) or carrying a `scheduled_change` for the period's end (a
         *     downgrade), as `effective` says or, by default, as that rule says; `trial_days` does not
         *     apply to a change. When what it holds is the group's **default** plan, a new subscription
         *     replaces it (the default one is canceled now; the new one starts its own cycle and trial,
         *     and usage counted this period is kept). An add-on (`Plan.add_on`) stacks with the group's
         *     plan: any number of them, each at most once.
         *
         *     Both answer `200` (as every creation in this API does); tell a change by the `id`. The
         *     plan the customer already holds is a `409` (`resource_already_exists`, param `plan`), as is
         *     a second live subscription in a group made any other way; a checkout for a plan the
         *     customer already holds is refused when the session is created.
         */
        post: operations["createSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{subscription}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription's id (`sub_…`). */
                subscription: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        /** Retrieve a subscription */
        get: operations["retrieveSubscription"];
        put?: never;
        /**
         * Update a subscription
         * @description Changes its status (e.g. `past_due` when your own billing fails, back to `active` when
         *     it is paid), `cancel_at_period_end`, or moves it to another plan (at that plan's current
         *     version). A move to another plan of its group follows the same rule as a subscription
         *     created for it: an upgrade now (prorated), a downgrade as a `scheduled_change` at the
         *     period's end, unless `effective` says otherwise; a move to a plan of another group, or to
         *     or from an add-on, is made now. Naming the plan it holds takes a scheduled change back.
         */
        post: operations["updateSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{subscription}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription's id (`sub_…`). */
                subscription: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a subscription
         * @description Cancels now (access ends at once), or with `at_period_end` at the end of the current
         *     period (access continues until then). A subscription Nozle bills itself, canceled now,
         *     gets its final invoice for the period cut short when the billing job next runs (see
         *     `Invoice`).
         */
        post: operations["cancelSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{subscription}/scheduled_change": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription's id (`sub_…`). */
                subscription: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take back a scheduled plan change
         * @description Cancels the subscription's `scheduled_change` (a downgrade waiting for the period's end):
         *     the subscription stays on its plan and renews on it. For a subscription billed by Stripe
         *     or the sandbox, the change is taken back there (Stripe: its subscription schedule is
         *     released). With no change scheduled, the subscription is answered as it is.
         */
        delete: operations["cancelScheduledChange"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List one-time purchases */
        get: operations["listPurchases"];
        put?: never;
        /**
         * Record a one-time purchase
         * @description Gives the plan's entitlements for life, or until `expires_at`.
         */
        post: operations["createPurchase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchases/{purchase}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The purchase's id (`pur_…`). */
                purchase: components["parameters"]["PurchaseId"];
            };
            cookie?: never;
        };
        /** Retrieve a purchase */
        get: operations["retrievePurchase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchases/{purchase}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The purchase's id (`pur_…`). */
                purchase: components["parameters"]["PurchaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a purchase refunded
         * @description Access from the purchase ends at once. Refunding twice changes nothing.
         */
        post: operations["refundPurchase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        /**
         * List a customer's grants and revokes
         * @description The audit trail of manual grants and revokes, newest first. Entries are never changed or removed.
         */
        get: operations["listGrants"];
        put?: never;
        /**
         * Grant or revoke a feature
         * @description A manual grant gives a feature (beating what plans give); a revoke takes it away
         *     (beating everything). For one feature the latest active entry decides. Use
         *     `starts_at`/`ends_at` for a window; without `ends_at` it lasts until replaced.
         */
        post: operations["createGrant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer}/entitlements": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        /**
         * A customer's entitlements
         * @description Every feature of the project for this customer, as one snapshot with a `version` that
         *     grows with every change.
         */
        get: operations["getEntitlements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * May this customer use this feature?
         * @description Answers from cache. `allowed` with `reason: null`, or not allowed with the reason:
         *     `no_access` (nothing gives it), `revoked` (a manual revoke), `limit_reached` (a metered
         *     feature without room for `quantity`), `not_found` (no feature with this key),
         *     `customer_not_found` (no customer with this id or external_id: an answer, not a 404,
         *     with `customer` as sent and `version: 0`). Nothing is recorded: checking does not use up
         *     a metered feature.
         *
         *     With `customer_data`, a customer seen for the first time is created, with `customer` as
         *     its `external_id` and these details, exactly as `POST /v1/customers` creates one (each
         *     group's default plan applies at once), and the answer is about it. Concurrent checks
         *     of one new customer create it once. An existing customer is not changed, and an id
         *     (`cus_…`) that does not exist is never created (`customer_not_found`).
         *
         *     The SDKs may also answer `reason: unavailable` themselves, when the server cannot be
         *     reached in time (their failure mode); this server never sends it.
         */
        post: operations["check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record usage events
         * @description Takes a batch of 1 to 1000 events. Each event carries an `id` you choose: an id this
         *     project has seen before is a no-op, reported as `duplicate`, so a retried batch is
         *     counted once. Each event is checked on its own: invalid ones are `rejected` with the
         *     reason and the valid ones in the batch are still recorded. The answer comes only after
         *     the accepted events are committed.
         *
         *     Timestamps (Unix seconds, fractions allowed; now when absent) may be at most 5 minutes
         *     in the future and at most `NOZLE_EVENT_MAX_AGE_DAYS` (35 by default) in the past;
         *     others are rejected (`timestamp_in_future`, `timestamp_too_old`).
         *
         *     Idempotent by event id: ids make retries safe, so this endpoint ignores
         *     `Idempotency-Key` (and stores no response for one).
         *
         *     An event for a customer that does not exist is rejected (`customer_not_found`), unless
         *     it carries `customer_data`: then the customer is created first, with `customer` as its
         *     `external_id`, as `POST /v1/customers` creates one (each group's default plan
         *     applies), once however many events or concurrent batches name it; the first event's
         *     details are used. An id (`cus_…`) that does not exist is never created.
         */
        post: operations["ingestEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List meters */
        get: operations["listMeters"];
        put?: never;
        /**
         * Create a meter
         * @description A meter turns events into usage: the events named `event_name` (and matching `filters`)
         *     are aggregated per customer and period. Tie a metered feature to it (`meter` on the
         *     feature) and the feature's `used` follows it.
         */
        post: operations["createMeter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meters/{meter}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The meter's id (`mtr_…`) or key. */
                meter: components["parameters"]["MeterRef"];
            };
            cookie?: never;
        };
        /** Retrieve a meter */
        get: operations["retrieveMeter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        /**
         * A customer's usage per meter and period
         * @description The usage counters kept as events arrive: one per meter and period (the usage period of
         *     each metered feature tied to the meter, and the calendar month in UTC). By default the
         *     periods that contain now; `period=all` lists past ones too, newest first.
         */
        get: operations["getCustomerUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/usage/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Usage over a time range, grouped
         * @description For dashboards: a meter's aggregate over `[start, end)`, optionally for one customer,
         *     grouped by UTC day or by the value of an event property. Reads the events themselves,
         *     so keep ranges reasonable; `can()` never does this.
         */
        post: operations["queryUsage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/realtime": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Realtime entitlements (WebSocket)
         * @description A WebSocket endpoint: open it with `Upgrade: websocket`. The browser's first message is
         *     `{ "type": "hello", "key": "pk_…", "token": "<customer token>", "version": <the version it holds, or 0> }`.
         *     The server answers `{ "type": "snapshot", "now": <its time, Unix ms>, "snapshot": <Entitlements> }` when it has a
         *     newer version (`now` is the project's time when sent, so a client can flip to the
         *     snapshot's `upcoming` at `valid_until` on the server's clock, not its own), or `{ "type": "ready", "version": N }` when the client is current, and
         *     then sends every newer snapshot as it happens. A customer token is minted by your
         *     backend with its secret key (`nozle.customerToken(customer, { expiresIn })`) and names
         *     one customer: it cannot read another. Close codes: 4400 bad hello, 4401 invalid key
         *     or token, 4403 key revoked while connected, 4404 no such customer, 4408 no hello in time, 4409 token expired (mint a new
         *     one and reconnect), 4429 too slow (reconnect to resync), 1001 server going away.
         *     See docs/realtime.md. A plain HTTP request here answers `426`.
         */
        get: operations["realtime"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{subscription}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription's id (`sub_…`). */
                subscription: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a subscription
         * @description Undoes a cancel at period end, or resumes a `paused` subscription (a new period starts
         *     now). A subscription paid through Stripe or the sandbox is resumed there first.
         */
        post: operations["resumeSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/checkout/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a checkout
         * @description Makes a hosted checkout page for a plan: a subscription for a recurring plan (with the
         *     plan's trial unless `trial_days` says otherwise), a one-time payment for a `one_time`
         *     plan. Send the customer to `url`. The customer is created at the payment provider on
         *     first use. With Stripe configured the page is Stripe Checkout; otherwise it is the
         *     sandbox's own page (test card `4242 4242 4242 4242` pays, `4000 0000 0000 0002` is
         *     declined, `4000 0000 0000 0341` pays now but declines every later charge). Access
         *     starts when the payment is confirmed (the webhook, or the sandbox page), not before.
         *
         *     A plan of a group the customer already holds (see Plan `group`): when the held plan is
         *     billed by Nozle (a free default, say), the paid subscription replaces it once the payment
         *     succeeds, with the month's usage carried over (`used` is kept). When it is billed by the
         *     provider, no second subscription is made: the session is a change of that subscription
         *     (an upgrade now, prorated and invoiced at once; a downgrade at the period's end), and it
         *     comes back already `complete`, its `url` the `success_url`.
         *
         *     A discount: `coupon` or `promotion_code` is checked now and applied to the subscription
         *     the checkout starts, or `allow_promotion_codes` lets the buyer type a code on the page.
         *     In Stripe mode Nozle's coupon and promotion code are made in Stripe on first use; the
         *     discount Stripe applied is recorded on the subscription (and counted) once the checkout
         *     completes. With the project's `automatic_tax` enabled, Stripe Checkout collects the
         *     billing address and tax ids and Stripe Tax taxes the subscription; the address and tax
         *     ids entered are kept on the customer.
         *
         *     With a publishable key, send the customer token in `Nozle-Customer-Token`: the session
         *     is for that customer only.
         */
        post: operations["createCheckoutSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the billing portal
         * @description Makes a billing portal page where the customer manages subscriptions and payment
         *     details (Stripe's customer portal, or the sandbox's). With a publishable key, send the
         *     customer token in `Nozle-Customer-Token`.
         */
        post: operations["createPortalSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a Stripe webhook
         * @description Point your Stripe webhook endpoint here. The signature (`Stripe-Signature`) is checked
         *     on the raw body with `STRIPE_WEBHOOK_SECRET`; a bad one is a `400` and nothing is kept.
         *     A good event is stored once per id (a redelivery is a no-op), then processed: the
         *     object it names is read again from Stripe, so an event that arrives late or twice
         *     never puts back an older state. A failed processing is kept and retried with backoff
         *     (see `GET /v1/payment_events`). Answers `200` once the event is stored. Idempotent by
         *     the provider's event id, so it ignores `Idempotency-Key`.
         */
        post: operations["receiveStripeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payment_events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payment events
         * @description The events the payment provider sent about this project's customers, newest first, with
         *     how their processing went. A `failed` event is retried with backoff until it succeeds.
         */
        get: operations["listPaymentEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reconciliations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List reconciliation runs
         * @description Runs that looked at this project, newest first, with what each changed.
         */
        get: operations["listReconciliations"];
        put?: never;
        /**
         * Reconcile with the payment provider now
         * @description Compares every subscription and one-time payment the provider holds for this project's
         *     customers with Nozle's, corrects what drifted, recomputes the entitlements of the
         *     customers it changed and answers with what it changed. The same job runs on a schedule
         *     (`NOZLE_RECONCILE_CRON`, daily by default) on one instance at a time. A `409` means a
         *     run is already going. Running it again is harmless (it finds nothing left to change);
         *     a retry with the same `Idempotency-Key` replays the first run's answer instead of
         *     starting another.
         */
        post: operations["runReconciliation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test_clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The project's test clock
         * @description What time it is for the caller's project (sandbox mode only). Each project has its own
         *     clock: the server's time, moved ahead as far as that project's advances took it.
         */
        get: operations["retrieveTestClock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test_clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the project's test clock forward
         * @description Sandbox mode only. Moves the caller's project's time forward (never back: a target at
         *     or before its time changes nothing), then runs everything of that project that fell due
         *     on the way, in order: trial ends, renewals with their payments (paid, or failed and
         *     retried), cancellations at period end, invoices of ended periods. Each step goes through
         *     the same path a Stripe webhook does, and recomputes and pushes the customers'
         *     entitlements. The clock is the project's, as Stripe's test clocks are: no other
         *     project's time, subscriptions, snapshots or invoices move. It goes at most ten years
         *     (315360000 seconds) past the server's time: a move beyond is refused with a 400 naming
         *     `to` or `seconds`, and changes nothing. A retry with the same `Idempotency-Key` replays
         *     the first move's answer and moves nothing again (moving it `to` an instant is safe to
         *     repeat too).
         */
        post: operations["advanceTestClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List coupons
         * @description The project's coupons that are not deleted, newest first.
         */
        get: operations["listCoupons"];
        put?: never;
        /**
         * Create a coupon
         * @description A discount, as Stripe's coupon: `percent_off` (0 < p ≤ 100), or `amount_off` in `currency`
         *     (with further currencies in `currency_options`), for `duration` `once` (the first invoice
         *     it reaches), `repeating` (`duration_in_months` months from when it is applied) or
         *     `forever`. `max_redemptions` and `redeem_by` limit how often and until when it may be
         *     applied; `applies_to.plans` limits it to those plans' lines. In a Stripe project the
         *     Stripe coupon (same `id`) is made the first time Stripe needs it.
         */
        post: operations["createCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons/{coupon}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The coupon's id. */
                coupon: string;
            };
            cookie?: never;
        };
        /** Retrieve a coupon */
        get: operations["retrieveCoupon"];
        put?: never;
        post?: never;
        /**
         * Delete a coupon
         * @description It can no longer be applied (nor its promotion codes redeemed); discounts already applied
         *     keep going until they end, as at Stripe.
         */
        delete: operations["deleteCoupon"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/promotion_codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List promotion codes
         * @description The project's promotion codes, newest first; `code`, `coupon` or `active` narrow the list.
         */
        get: operations["listPromotionCodes"];
        put?: never;
        /**
         * Create a promotion code
         * @description A code a customer types (at checkout, or that your backend passes as `promotion_code`) to
         *     get `coupon`, with limits of its own: `max_redemptions`, `expires_at`, and
         *     `restrictions` (`first_time_transaction`: only a customer with no invoice or purchase
         *     yet, once; `minimum_amount` in `minimum_amount_currency`: only when the plan's price is at
         *     least that). `code` is unique among the project's active codes, compared without case.
         */
        post: operations["createPromotionCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/promotion_codes/{promotion_code}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The promotion code's id (`promo_…`). */
                promotion_code: string;
            };
            cookie?: never;
        };
        /** Retrieve a promotion code */
        get: operations["retrievePromotionCode"];
        put?: never;
        /**
         * Update a promotion code
         * @description Deactivates it (`active` false, so it can no longer be redeemed) or activates it again, and changes its metadata.
         */
        post: operations["updatePromotionCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List invoices
         * @description Lists invoices, newest first. An invoice is built for each subscription and billing
         *     period once the period has ended; see [Invoice](#tag/Billing) for how its lines are made.
         */
        get: operations["listInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{invoice}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invoice's id (`in_…`). */
                invoice: components["parameters"]["InvoiceId"];
            };
            cookie?: never;
        };
        /** Retrieve an invoice */
        get: operations["retrieveInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{invoice}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invoice's id (`in_…`). */
                invoice: components["parameters"]["InvoiceId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay an invoice
         * @description Pays an `open` or `uncollectible` invoice Nozle collects itself, as Stripe's pay: it
         *     becomes `paid`. With `paid_out_of_band: true` the payment made outside Nozle (a bank
         *     transfer, a cheque) is recorded. Otherwise the customer's saved payment method is charged
         *     through the payment provider (Stripe when configured, else the sandbox; the customer must
         *     have a customer there, e.g. from a checkout): the invoice's lines are sent to the
         *     provider, which charges its default payment method (the invoice then records the
         *     `provider` and `provider_invoice_id`); a refused charge answers 402 (`card_declined`)
         *     and sends `invoice.payment_failed` (the attempt is kept: the 402 is an answer, not a failed
         *     request), and the invoice stays `open`: the provider does not retry it on its own, call
         *     again to charge it again. Without a customer at a provider: 400
         *     (`no_payment_method`). Any other status is refused with a 400 (`invoice_not_payable`), as is
         *     an invoice already sent to a payment provider (it is collected there). A `past_due`
         *     subscription with nothing left overdue becomes `active` again.
         */
        post: operations["payInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{invoice}/void": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invoice's id (`in_…`). */
                invoice: components["parameters"]["InvoiceId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Void an invoice
         * @description Voids an `open` or `uncollectible` invoice (a mistake: nothing is owed). Final: a void invoice
         *     cannot be paid. A `draft`, `paid` or `void` invoice is refused with a 400
         *     (`invoice_not_voidable`), as is one sent to a payment provider. A void invoice counts no revenue.
         */
        post: operations["voidInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{invoice}/mark_uncollectible": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invoice's id (`in_…`). */
                invoice: components["parameters"]["InvoiceId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark an invoice uncollectible
         * @description Marks an `open` invoice `uncollectible` (a bad debt): it can still be paid or voided later.
         *     Any other status is refused with a 400 (`invoice_not_open`), as is an invoice sent to a
         *     payment provider. An uncollectible invoice counts no revenue until it is paid.
         */
        post: operations["markInvoiceUncollectible"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{invoice}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invoice's id (`in_…`). */
                invoice: components["parameters"]["InvoiceId"];
            };
            cookie?: never;
        };
        /**
         * Download an invoice as a PDF
         * @description The invoice as a PDF document (`application/pdf`), rendered on request from the invoice as
         *     it is now: the seller's details from the project's `invoice_settings`, the customer (name,
         *     email, external id), the invoice `number`, its dates (created, period, due date), its
         *     status (a `draft` is marked DRAFT and has no number yet; `void` and `uncollectible` are
         *     stamped as such), every line with what explains it (the tiers of a tiered price, the free
         *     units, a minimum or maximum adjustment, the period of a proration, the grant a credit drew
         *     on), the subtotal, the credits, the total and what is due or paid, to the cent. The
         *     hosted page (`hosted_invoice_url`) shows the same. Fonts ship with the server (DejaVu
         *     Sans), so any Latin, Greek or Cyrillic name prints.
         */
        get: operations["retrieveInvoicePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer}/upcoming_invoice": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        /**
         * Preview the upcoming invoice
         * @description What the invoice of the current billing period would be if the period ended now: the
         *     base fee and the usage so far, rated by the same rules as a real invoice. Nothing is
         *     stored. Answers `404` when the customer has no live subscription (or not `subscription`).
         */
        get: operations["retrieveUpcomingInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer}/credits": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        /**
         * A customer's credit balances and grants
         * @description The balance per currency (what is left of the grants that have not expired) and every
         *     grant, newest first, with what remains of it.
         */
        get: operations["listCredits"];
        put?: never;
        /**
         * Grant prepaid credit
         * @description Adds prepaid credit in one currency, in whole minor units. When an invoice in that
         *     currency is drafted, its usage lines draw on the customer's grants (earliest expiring
         *     first; expired grants are not used) before anything is billed, shown as `credit` lines.
         */
        post: operations["createCreditGrant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cost_models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List cost models
         * @description The project's cost models, newest first.
         */
        get: operations["listCostModels"];
        put?: never;
        /**
         * Create a cost model
         * @description What one unit of a meter costs you, from `effective_from` until `effective_to` (whole
         *     UTC days). With `property` and `value` it prices only the usage whose events carry that
         *     value (e.g. `model` = `gpt-4o`); such a model beats one without them for that usage. The
         *     meter must `sum` or `count` (those roll up by day). All cost models of one meter name
         *     the same property (or none), and models for the same meter, property value and currency
         *     may not overlap in time (`409`).
         */
        post: operations["createCostModel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/margin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Revenue, cost and margin
         * @description For the window `[start, end)` (whole UTC days): revenue from the finalized invoices
         *     (`open` or `paid`) whose period ended in the window, net of credit, plus what the payment
         *     provider charged outside Nozle's own invoices (Stripe `invoice.paid`, one-time payments,
         *     sandbox charges; each counted once by its provider id, in the currency charged, on the
         *     day it was charged, less refunds of one-time payments), and cost from the
         *     daily usage rollups times the cost models in effect each day; grouped by customer,
         *     plan, meter or the value of one event property. Plus the project's active
         *     subscriptions, MRR and churn. See MarginReport for the rounding.
         */
        get: operations["retrieveMargin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tax_rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tax rates
         * @description The project's tax rates, newest first; `active` filters on whether they are archived.
         */
        get: operations["listTaxRates"];
        put?: never;
        /**
         * Create a tax rate
         * @description A tax rate, as Stripe's: a percentage, inclusive (already inside the prices, as VAT often
         *     is) or exclusive (added on top, as US sales tax), for a country and optionally a state or
         *     region. On an invoice Nozle bills itself, every active rate matching the customer's
         *     address applies (a country rate and a state rate stack), unless the subscription names its
         *     own `default_tax_rates`. `percentage` and `inclusive` are fixed once created (as at
         *     Stripe): archive the rate (`active: false`) and create another to change them.
         */
        post: operations["createTaxRate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer}/credits/auto_top_up": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        /**
         * A customer's auto top-up settings
         * @description The customer's auto top-up of each currency that has one, with its last top-up.
         */
        get: operations["listAutoTopUps"];
        put?: never;
        /**
         * Set a customer's auto top-up in a currency
         * @description When the customer's balance in `currency` falls below `threshold`, Nozle buys `amount` of
         *     credit by charging the customer's saved payment method (at the provider a checkout saved
         *     it with): once per crossing. The crossing is seen wherever the balance is recomputed (an
         *     invoice drawing on grants, a grant expiring, a refund taking credit back) and recorded in
         *     that change's transaction; the charge is made by a job just after, once, with the top-up's
         *     id as the idempotency key at the provider. A paid top-up grants `amount` (never expiring,
         *     `credits.granted`) and sends `credits.auto_top_up.succeeded`; a declined card, or no saved
         *     payment method, sends `credits.auto_top_up.failed` with the reason and is not tried again:
         *     the next top-up waits for the next crossing, once the balance is back at or above
         *     `threshold` (a grant by hand, say). Setting it (again) arms it: a balance already below
         *     the threshold buys a pack at once (unless one is being charged).
         */
        post: operations["setAutoTopUp"];
        /**
         * Remove a customer's auto top-up in a currency
         * @description No more top-ups in that currency; one already being charged settles as it would have. Its past top-ups stay on their grants.
         */
        delete: operations["deleteAutoTopUp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tax_rates/{tax_rate}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The tax rate's id (`txr_…`). */
                tax_rate: components["parameters"]["TaxRateId"];
            };
            cookie?: never;
        };
        /** Retrieve a tax rate */
        get: operations["retrieveTaxRate"];
        put?: never;
        /**
         * Update a tax rate
         * @description Changes its `display_name`, `description` or `active` (archiving it: it no longer matches
         *     new invoices by address, while a subscription that names it keeps it, as at Stripe).
         *     `percentage` and `inclusive` cannot change (a 400).
         */
        post: operations["updateTaxRate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook_endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints
         * @description The project's webhook endpoints, newest first. A secret is never listed.
         */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Create a webhook endpoint
         * @description Registers a URL that receives the project's events (`enabled_events`, or every event).
         *     The endpoint's signing secret (`whsec_…`) is in `secret`, in this response only: keep it
         *     to verify deliveries (`nozle.webhooks.verify`). The URL must be `https:` to a public
         *     address; `http:` and private, loopback or reserved addresses are refused with a 400
         *     (`url_refused`) unless the server allows private addresses (`NOZLE_WEBHOOKS_ALLOW_PRIVATE`,
         *     on in sandbox mode), and a name that resolves to such an address is refused at delivery.
         */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook_endpoints/{endpoint}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id (`we_…`). */
                endpoint: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        /** Retrieve a webhook endpoint */
        get: operations["retrieveWebhookEndpoint"];
        put?: never;
        /**
         * Update a webhook endpoint
         * @description Changes the URL (checked as at creation), the description, the events it receives, or its status (a `disabled` endpoint receives nothing until enabled again).
         */
        post: operations["updateWebhookEndpoint"];
        /**
         * Delete a webhook endpoint
         * @description The endpoint receives nothing more; its past deliveries stay listed on their events.
         */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook_endpoints/{endpoint}/roll_secret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id (`we_…`). */
                endpoint: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Roll a webhook endpoint's secret
         * @description Makes a new signing secret, shown in this response only. The old one keeps signing
         *     beside it for `expires_in` seconds (a day by default): every delivery meanwhile carries
         *     both signatures in `webhook-signature`, so receivers verifying with either keep working
         *     while they are switched over.
         */
        post: operations["rollWebhookEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook_events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook events
         * @description The events the project's changes raised, newest first, each with its deliveries (one
         *     per endpoint that wanted it) and every attempt of each: when, the receiver's status,
         *     how long it took and the start of its answer.
         */
        get: operations["listWebhookEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook_events/{event}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook event's id (`whe_…`). */
                event: components["parameters"]["WebhookEventId"];
            };
            cookie?: never;
        };
        /** Retrieve a webhook event */
        get: operations["retrieveWebhookEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook_events/{event}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook event's id (`whe_…`). */
                event: components["parameters"]["WebhookEventId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resend a webhook event
         * @description Sends the event to the endpoint again now (its next attempt; a failed delivery is pending again), or for the first time to an endpoint made after it.
         */
        post: operations["resendWebhookEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List alerts
         * @description The project's alerts, newest first.
         */
        get: operations["listAlerts"];
        put?: never;
        /**
         * Create an alert
         * @description A threshold to be told about, evaluated in the transaction of each change it watches
         *     (never by polling): `usage` on a metered feature (`percent` of the customer's limit, or
         *     an `amount` of units used), `credit_balance` (a currency's prepaid balance below
         *     `amount`), or `spend` (the customer's upcoming invoice in a currency reaching `amount`).
         *     It applies to one `customer`, to every customer holding `plan`, or, with neither, to
         *     every customer of the project. A usage or spend alert fires once per period
         *     (`usage.threshold_reached`, `spend.threshold_reached`); a credit balance alert once per
         *     crossing, armed again when the balance is back at or above `amount` (`credits.low`).
         *     Each customer's entitlement snapshot lists the alerts it has reached (`alerts`), so a
         *     browser shows them as they happen.
         *
         *     A parameter that does not fit the type is a 400 naming it: an unknown or non-metered
         *     `feature`, both or neither of `percent` and `amount` for `usage`, a missing `currency`,
         *     an unknown `customer` or `plan`.
         */
        post: operations["createAlert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{alert}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The alert's id (`alr_…`). */
                alert: components["parameters"]["AlertId"];
            };
            cookie?: never;
        };
        /** Retrieve an alert */
        get: operations["retrieveAlert"];
        put?: never;
        /**
         * Update an alert
         * @description Changes its threshold (`percent` or `amount`, the one it has), `enabled`, `description`
         *     or `metadata`. A new threshold starts afresh: the alert may fire again in the current
         *     period. What it watches (`type`, `feature`, `currency`, `customer`, `plan`) stays: make
         *     another alert for something else. Snapshots show the change from their next version.
         */
        post: operations["updateAlert"];
        /**
         * Delete an alert
         * @description The alert fires no more; the events it raised stay listed.
         */
        delete: operations["deleteAlert"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List reservations
         * @description The project's reservations, newest first: a customer's with `customer`, and only those in
         *     one state with `status` (`held` lists the holds that count now; `expired` those held past
         *     `expires_at`, which hold nothing).
         */
        get: operations["listReservations"];
        put?: never;
        /**
         * Reserve units of a metered feature, or prepaid credit
         * @description Holds `quantity` units of a metered `feature` for the customer if they fit: the
         *     customer's `limit − used − reserved` (every reservation held and not expired) must be at
         *     least `quantity`, decided under the customer's lock, so concurrent reserves on any number
         *     of instances never hold more than the limit (an unlimited feature, or one with `overage`,
         *     always fits). The hold counts at once in the customer's snapshot (`reserved`, and
         *     `remaining` and `POST /v1/check` count it) until it is committed, released or expires at
         *     `expires_at` (`expires_in` seconds from now, 300 by default): an expired reservation
         *     releases itself, no job needed, and the snapshot's `valid_until` is at most the next
         *     expiry, so clients see `remaining` come back.
         *
         *     A reserve that does not fit is a 409 whose `code` is the check's reason: `limit_reached`
         *     (`param: quantity`), `no_access` or `revoked` (`param: feature`); nothing is held. The
         *     check answers 200 with `allowed: false` because it only asks; a reserve asks to change
         *     the customer's state, and the state refuses it. An unknown `customer` or `feature`, a
         *     feature that is not metered, or one whose meter does not `sum` a property (a
         *     reservation's quantity is recorded as one event's value) is a 400 naming it.
         *
         *     A reservation of prepaid credit names `currency` instead of `feature`: it holds
         *     `quantity` whole minor units of the customer's credit balance in that currency if what is
         *     left after the other credit holds covers it (a 409 `insufficient_credits`, `param:
         *     quantity`, otherwise). While held, the snapshot's `credits` balance (what `POST
         *     /v1/check`'s `credits` requirement reads) is the grants' balance less the holds; a commit
         *     draws the amount from the grants at once (earliest expiring first, as invoices draw them),
         *     exactly once, and a grant that expired meanwhile and left too little is a 409
         *     `insufficient_credits` that keeps the hold. Give exactly one of `feature` and `currency`.
         *
         *     Commit the actual amount with `POST /v1/reservations/{reservation}/commit`, or free it
         *     with `/release`.
         */
        post: operations["createReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations/{reservation}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation's id (`rsv_…`). */
                reservation: components["parameters"]["ReservationId"];
            };
            cookie?: never;
        };
        /**
         * Retrieve a reservation
         * @description A `held` reservation past its `expires_at` reads `expired`.
         */
        get: operations["retrieveReservation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations/{reservation}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation's id (`rsv_…`). */
                reservation: components["parameters"]["ReservationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Commit a reservation as usage
         * @description Records `quantity` (the amount actually used, at most the reserved `quantity`; the
         *     reserved amount when absent) as one usage event whose `id` is the reservation's id, on
         *     the feature's meter (its `event_name`, the amount in its `property`), through the same
         *     ingestion as `POST /v1/events`: counters, snapshots, invoices and alerts see it. The hold
         *     is gone in the same transaction. A commit of 0 records nothing and frees the hold.
         *
         *     Exactly once: a second commit answers the committed reservation again, recording
         *     nothing (the first commit's quantity stands). A reservation released or expired cannot
         *     be committed: a 409 (`reservation_released`, `reservation_expired`). More than the
         *     reserved quantity is a 400 naming `quantity`: reserve the most you may use.
         */
        post: operations["commitReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations/{reservation}/release": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation's id (`rsv_…`). */
                reservation: components["parameters"]["ReservationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release a reservation
         * @description Frees the hold without recording usage. Releasing again, or releasing an expired
         *     reservation, answers it as it is; a committed one cannot be released (409
         *     `reservation_committed`).
         */
        post: operations["releaseReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "customer.entitlements.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer's entitlements changed
         * @description `data` is the new snapshot (`GET /v1/customers/{customer}/entitlements`); its `version` orders them.
         */
        post: operations["customerEntitlementsUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "grant.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A feature was granted or revoked by hand */
        post: operations["grantCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "usage.threshold_reached": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer's usage of a metered feature reached an alert's threshold
         * @description Once per alert, customer and usage period (`period_start`), in the transaction of the usage (or limit change) that crossed it.
         */
        post: operations["usageThresholdReachedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "credits.low": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer's prepaid credit balance fell below an alert's amount
         * @description Once per crossing; the alert is armed again when the balance is back at or above the amount (a top-up).
         */
        post: operations["creditsLowWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "credits.depleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer's prepaid credit in a currency ran out
         * @description When a balance reaches 0 from above (drawn by an invoice, taken back by a refund, or expired); no alert is needed.
         */
        post: operations["creditsDepletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "spend.threshold_reached": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer's upcoming invoice reached a spend alert's amount
         * @description Once per alert, customer and billing period, in the transaction of the usage (or plan change) that made the upcoming invoice reach it.
         */
        post: operations["spendThresholdReachedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A subscription was created */
        post: operations["subscriptionCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A subscription changed (plan, status, period, cancellation) */
        post: operations["subscriptionUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.canceled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A subscription was canceled */
        post: operations["subscriptionCanceledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "invoice.finalized": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An invoice was finalized */
        post: operations["invoiceFinalizedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "invoice.paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An invoice was paid */
        post: operations["invoicePaidWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "invoice.voided": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An invoice was voided */
        post: operations["invoiceVoidedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "checkout.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A checkout session completed
         * @description `data` is the session (`status: complete`), once per session however often the provider reports it. A checkout to another plan of a group whose plan a provider already bills changes that subscription and is answered `complete` at once: it sends this too.
         */
        post: operations["checkoutCompletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "invoice.payment_failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payment attempt of an invoice failed
         * @description Once per failed attempt: a charge through `POST /v1/invoices/{invoice}/pay` that was declined (the 402), or a charge the provider made on its own (a renewal, a retry). `data` names the invoice, the subscription, the attempt and when the provider tries again.
         */
        post: operations["invoicePaymentFailedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.trial_will_end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A trialing subscription's trial ends in three days
         * @description Three days before `trial_end` (as Stripe sends it); at once for a trial that starts, or is moved, with less than three days left. Once per trial end: a trial moved later sends it again for the new end. `data` is the subscription.
         */
        post: operations["subscriptionTrialWillEndWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "credits.granted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Prepaid credit was granted
         * @description A grant by hand (`POST /v1/customers/{customer}/credits`) or by a purchase of a plan with credits. `data` is the credit grant.
         */
        post: operations["creditsGrantedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "credits.auto_top_up.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An auto top-up was paid and its credit granted
         * @description Once per top-up, after its charge succeeded; its grant's `credits.granted` goes out with it. `data` is the top-up.
         */
        post: operations["creditsAutoTopUpSucceededWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "credits.auto_top_up.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An auto top-up could not be charged
         * @description Once per top-up (a declined card, no saved payment method); it is not tried again, the next waits for the next crossing. `data` is the top-up, with `failure`.
         */
        post: operations["creditsAutoTopUpFailedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @description The body of every failed request.
         * @example {
         *       "error": {
         *         "type": "invalid_request_error",
         *         "code": "parameter_invalid",
         *         "message": "email must match format \"email\"",
         *         "param": "email",
         *         "request_id": "req_5f3kq2b8Xw1mL0pZ"
         *       }
         *     }
         */
        Error: {
            error: {
                /**
                 * @description The broad kind of error.
                 * @enum {string}
                 */
                type: "invalid_request_error" | "authentication_error" | "permission_error" | "idempotency_error" | "rate_limit_error" | "card_error" | "api_error";
                /**
                 * @description A machine-readable code, e.g. `parameter_missing`, `parameter_invalid`,
                 *     `parameter_unknown`, `resource_missing`, `resource_already_exists`,
                 *     `invalid_json`, `api_key_missing`, `api_key_invalid`, `secret_key_required`,
                 *     `idempotency_key_in_use`, `idempotency_key_reused`, `route_not_found`.
                 */
                code: string;
                /** @description A human-readable explanation. */
                message: string;
                /** @description The parameter the error is about, in bracket notation for nested fields. */
                param?: string | null;
                /** @description The id of the failed request. */
                request_id: string;
            };
        };
        HealthStatus: {
            /** @enum {string} */
            status: "ok" | "unavailable";
            /** @description Each dependency's state. */
            checks?: {
                [key: string]: "ok" | "unavailable" | "not_configured";
            };
        };
        /**
         * @description Up to 50 keys of your own, each up to 40 characters, with string values up to 500
         *     characters.
         */
        Metadata: {
            [key: string]: string;
        };
        /**
         * @description The customer's details, to create it on first sight when it does not exist yet (like
         *     Autumn's `customer_data`). Used only when the customer is created; an existing
         *     customer is not changed (`POST /v1/customers/{customer}` does that).
         * @example {
         *       "email": "ada@example.com",
         *       "name": "Ada Lovelace"
         *     }
         */
        CustomerData: {
            /** Format: email */
            email?: string;
            name?: string;
            metadata?: components["schemas"]["Metadata"];
        };
        /** @description Keys to set; a key set to `""` is removed; `null` clears all metadata. */
        MetadataUpdate: {
            [key: string]: string;
        } | null;
        /** @description Your own id for the customer, e.g. your user or organisation id. */
        ExternalId: string;
        /**
         * @example {
         *       "id": "proj_azZumK6ORqAwI0yMXviV",
         *       "object": "project",
         *       "name": "Acme Notes",
         *       "created": 1767603600,
         *       "invoice_settings": {
         *         "business_name": "Acme Notes Ltd",
         *         "address": "1 Market Street\nLondon EC1A 1AA\nUnited Kingdom",
         *         "email": "billing@acme.example",
         *         "tax_id": "GB123456789",
         *         "number_prefix": "ACME"
         *       },
         *       "automatic_tax": {
         *         "enabled": false
         *       }
         *     }
         */
        Project: {
            id: string;
            /** @constant */
            object: "project";
            name: string;
            created: components["schemas"]["Timestamp"];
            invoice_settings: components["schemas"]["InvoiceSettings"];
            automatic_tax: components["schemas"]["AutomaticTax"];
        };
        /**
         * @description What the project's invoice documents (the PDF and the hosted page) show of the seller, and
         *     how its invoices are numbered: `{number_prefix}-{n}`, n counting from 1 per project (at least
         *     four digits: `ACME-0001`), given when an invoice is finalized, without gaps.
         */
        InvoiceSettings: {
            /** @description The seller's name on invoices; the project's `name` when `null`. */
            business_name: string | null;
            /** @description The seller's postal address, one line per line of text. */
            address: string | null;
            /** @description Where customers write about their invoices. */
            email: string | null;
            /** @description The seller's tax or VAT id, printed as given. */
            tax_id: string | null;
            number_prefix: components["schemas"]["InvoiceNumberPrefix"];
        };
        /** @description Letters, digits and dashes; `INV` until set. */
        InvoiceNumberPrefix: string;
        /**
         * @example {
         *       "invoice_settings": {
         *         "business_name": "Acme Notes Ltd",
         *         "email": "billing@acme.example",
         *         "tax_id": "GB123456789",
         *         "number_prefix": "ACME"
         *       }
         *     }
         */
        ProjectUpdateParams: {
            name?: string;
            /** @description The settings to change; a field left out keeps its value, `null` clears it. */
            invoice_settings?: {
                business_name?: string | null;
                address?: string | null;
                /** Format: email */
                email?: string | null;
                tax_id?: string | null;
                number_prefix?: components["schemas"]["InvoiceNumberPrefix"];
            };
            automatic_tax?: components["schemas"]["AutomaticTax"];
        };
        /** @description Time as Unix seconds. */
        Timestamp: number;
        /** @description Time as Unix seconds, in a request; from 1970-01-01 to 2100-01-01 (`4102444800`). */
        TimestampInput: number;
        /**
         * @example {
         *       "id": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "object": "customer",
         *       "external_id": "user_1234",
         *       "email": "ada@example.com",
         *       "name": "Ada Lovelace",
         *       "address": {
         *         "line1": "12 St James's Square",
         *         "line2": null,
         *         "city": "London",
         *         "state": null,
         *         "postal_code": "SW1Y 4JH",
         *         "country": "GB"
         *       },
         *       "tax_ids": [
         *         {
         *           "type": "gb_vat",
         *           "value": "GB123456789"
         *         }
         *       ],
         *       "tax_exempt": "none",
         *       "metadata": {
         *         "company": "Analytical Engines"
         *       },
         *       "created": 1774017130
         *     }
         */
        Customer: {
            /** @description The customer's own discount (applied to its subscriptions without one); present when it has one. */
            discount?: components["schemas"]["Discount"] | null;
            /** @example cus_8fJ2kQ0pX3vN7bLm */
            id: string;
            /** @constant */
            object: "customer";
            /** @description Your own id for the customer, unique within the project. */
            external_id: string | null;
            email: string | null;
            name: string | null;
            /**
             * @description The customer's billing address. Its `country` (and `state`) pick the tax rates of the
             *     invoices Nozle bills itself; with Stripe Tax on, checkout collects it and Nozle keeps it.
             */
            address: components["schemas"]["Address"] | null;
            tax_ids: components["schemas"]["CustomerTaxIds"];
            tax_exempt: components["schemas"]["TaxExempt"];
            metadata: components["schemas"]["Metadata"];
            created: components["schemas"]["Timestamp"];
        };
        /**
         * @example {
         *       "external_id": "user_1234",
         *       "email": "ada@example.com",
         *       "name": "Ada Lovelace",
         *       "metadata": {
         *         "company": "Analytical Engines"
         *       }
         *     }
         */
        CustomerCreateParams: {
            external_id?: components["schemas"]["ExternalId"];
            /** Format: email */
            email?: string;
            name?: string;
            address?: components["schemas"]["AddressParams"];
            tax_ids?: components["schemas"]["CustomerTaxIds"];
            tax_exempt?: components["schemas"]["TaxExempt"];
            /**
             * @description A coupon (its id) to give the customer: its discount applies to the customer's
             *     subscriptions Nozle bills that have none of their own. Refused (400 naming `coupon`)
             *     when deleted, past `redeem_by` or at `max_redemptions`.
             */
            coupon?: string;
            /**
             * @description A promotion code (its `promo_…` id or the `code` the customer typed) whose coupon to
             *     give the customer, as `coupon`. Refused (400 naming `promotion_code`) as `coupon` is,
             *     and when inactive, expired, at its own `max_redemptions`, for another customer, or
             *     with `first_time_transaction` for a customer who has been invoiced or bought before.
             */
            promotion_code?: string;
            metadata?: components["schemas"]["Metadata"];
        };
        /**
         * @example {
         *       "email": "ada@analytical-engines.example",
         *       "metadata": {
         *         "company": "Analytical Engines",
         *         "referrer": ""
         *       }
         *     }
         */
        CustomerUpdateParams: {
            external_id?: components["schemas"]["ExternalId"];
            /** Format: email */
            email?: string | null;
            name?: string | null;
            /** @description The new address (it replaces the one held), or `null` to clear it. */
            address?: components["schemas"]["AddressParams"] | null;
            tax_ids?: components["schemas"]["CustomerTaxIds"];
            tax_exempt?: components["schemas"]["TaxExempt"];
            /**
             * @description A coupon (its id) to give the customer: replaces the customer's discount; an empty
             *     string removes it. Its subscriptions Nozle bills that have no discount of their own
             *     get it. Refused (400 naming `coupon`) when deleted, past `redeem_by` or at
             *     `max_redemptions`.
             */
            coupon?: string;
            /**
             * @description A promotion code (its `promo_…` id or the `code` the customer typed) whose coupon to
             *     give the customer, as `coupon` (an empty string removes the discount). Refused (400
             *     naming `promotion_code`) as `coupon` is, and when inactive, expired, at its own
             *     `max_redemptions`, for another customer, or with `first_time_transaction` for a
             *     customer who has been invoiced or bought before.
             */
            promotion_code?: string;
            metadata?: components["schemas"]["MetadataUpdate"];
        };
        /**
         * @example {
         *       "id": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "object": "customer",
         *       "deleted": true
         *     }
         */
        DeletedCustomer: {
            id: string;
            /** @constant */
            object: "customer";
            /** @constant */
            deleted: true;
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *           "object": "customer",
         *           "external_id": "user_1234",
         *           "email": "ada@example.com",
         *           "name": "Ada Lovelace",
         *           "address": {
         *             "line1": "12 St James's Square",
         *             "line2": null,
         *             "city": "London",
         *             "state": null,
         *             "postal_code": "SW1Y 4JH",
         *             "country": "GB"
         *           },
         *           "tax_ids": [
         *             {
         *               "type": "gb_vat",
         *               "value": "GB123456789"
         *             }
         *           ],
         *           "tax_exempt": "none",
         *           "metadata": {
         *             "company": "Analytical Engines"
         *           },
         *           "created": 1774017130
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/customers"
         *     }
         */
        CustomerList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Customer"][];
            /** @description Whether more objects follow this page. */
            has_more: boolean;
            /** @description The path of this list. */
            url: string;
        };
        /**
         * @description `secret` (`sk_…`, full access) or `publishable` (`pk_…`, client endpoints only).
         * @enum {string}
         */
        ApiKeyType: "secret" | "publishable";
        /**
         * @example {
         *       "id": "key_DNGhpKnF09Ecp3Tf9eTS",
         *       "object": "api_key",
         *       "type": "secret",
         *       "name": "Default secret key",
         *       "redacted": "sk_…Xq7c",
         *       "created": 1767603600,
         *       "last_used": 1778580840,
         *       "revoked": null
         *     }
         */
        ApiKey: {
            id: string;
            /** @constant */
            object: "api_key";
            type: components["schemas"]["ApiKeyType"];
            name: string | null;
            /** @description The key's prefix and last four characters, e.g. `sk_…a1B2`. */
            redacted: string;
            created: components["schemas"]["Timestamp"];
            /** @description When the key last authenticated a request (to the minute), or `null`. */
            last_used: components["schemas"]["Timestamp"] | null;
            /** @description When the key was revoked, or `null` while it is active. */
            revoked: components["schemas"]["Timestamp"] | null;
        };
        /**
         * @example {
         *       "id": "key_RfcfIf5QWHTO9vBqcGuq",
         *       "object": "api_key",
         *       "type": "secret",
         *       "name": "Production backend",
         *       "redacted": "sk_…EZle",
         *       "created": 1778533663,
         *       "last_used": null,
         *       "revoked": null,
         *       "secret": "sk_aIS6bZYyWJo5087zNfplVjQwWknn45CW4Ea9EZle"
         *     }
         */
        ApiKeyWithSecret: components["schemas"]["ApiKey"] & {
            /** @description The full key. Shown in this response only; store it now. */
            secret: string;
        };
        /**
         * @example {
         *       "type": "secret",
         *       "name": "Production backend"
         *     }
         */
        ApiKeyCreateParams: {
            type: components["schemas"]["ApiKeyType"];
            name?: string;
        };
        /**
         * @description What the alert watches: `usage` of a metered feature (`feature`, with `percent` of the
         *     limit or an `amount` of units), `credit_balance` (the prepaid balance in `currency`
         *     below `amount`), `spend` (the upcoming invoice in `currency` at or above `amount`).
         * @enum {string}
         */
        AlertType: "usage" | "credit_balance" | "spend";
        /**
         * @example {
         *       "id": "alr_6tY2kP9qW3mZ8xB1cV4n",
         *       "object": "alert",
         *       "type": "usage",
         *       "customer": null,
         *       "plan": "pro",
         *       "feature": "messages",
         *       "percent": 80,
         *       "amount": null,
         *       "currency": null,
         *       "enabled": true,
         *       "description": "80% of the messages of the month",
         *       "metadata": {},
         *       "created": 1778533663
         *     }
         */
        Alert: {
            id: string;
            /** @constant */
            object: "alert";
            type: components["schemas"]["AlertType"];
            /** @description The one customer (its `cus_…` id) it applies to; `null` with `plan`, or for every customer. */
            customer: string | null;
            /** @description The plan (its key) whose customers it applies to (a live subscription or purchase of it); `null` when it applies to one customer or every one. */
            plan: string | null;
            /** @description `usage`: the metered feature's key. */
            feature: string | null;
            /** @description `usage`: the threshold as a percentage of the customer's limit (none is reached while the limit is unlimited or 0). */
            percent: number | null;
            /**
             * @description `usage`: units used in the period; `credit_balance`: the balance it warns below, and
             *     `spend`: the upcoming invoice's total it warns at, both in whole minor units.
             */
            amount: number | null;
            /** @description `credit_balance` and `spend`: the currency. */
            currency: string | null;
            /** @description A disabled alert neither fires nor shows in snapshots. */
            enabled: boolean;
            description: string | null;
            metadata: components["schemas"]["Metadata"];
            created: components["schemas"]["Timestamp"];
        };
        /**
         * @example {
         *       "type": "usage",
         *       "plan": "pro",
         *       "feature": "messages",
         *       "percent": 80,
         *       "description": "80% of the messages of the month"
         *     }
         */
        AlertCreateParams: {
            type: components["schemas"]["AlertType"];
            /** @description The customer's id or external_id, for an alert of that customer only. */
            customer?: string;
            /** @description A plan's id or key, for an alert of every customer holding it (with neither `customer` nor `plan`, every customer of the project). */
            plan?: string;
            /** @description `usage` only: a metered feature's id or key. */
            feature?: string;
            /** @description `usage` only, instead of `amount`: a percentage of the limit (above 100 for features with overage). */
            percent?: number;
            /** @description `usage`: units (up to 10^15), instead of `percent`; `credit_balance` and `spend`: whole minor units (up to 10^12). */
            amount?: number;
            currency?: components["schemas"]["Currency"];
            /** @default true */
            enabled?: boolean;
            description?: string;
            metadata?: components["schemas"]["Metadata"];
        };
        /**
         * @example {
         *       "percent": 90
         *     }
         */
        AlertUpdateParams: {
            /** @description A new percentage (an alert made with `percent` only). */
            percent?: number;
            /** @description A new amount (an alert made with `amount` only). */
            amount?: number;
            enabled?: boolean;
            description?: string | null;
            metadata?: components["schemas"]["MetadataUpdate"];
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "alr_6tY2kP9qW3mZ8xB1cV4n",
         *           "object": "alert",
         *           "type": "usage",
         *           "customer": null,
         *           "plan": "pro",
         *           "feature": "messages",
         *           "percent": 80,
         *           "amount": null,
         *           "currency": null,
         *           "enabled": true,
         *           "description": "80% of the messages of the month",
         *           "metadata": {},
         *           "created": 1778533663
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/alerts"
         *     }
         */
        AlertList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Alert"][];
            has_more: boolean;
            url: string;
        };
        /**
         * @example {
         *       "id": "alr_6tY2kP9qW3mZ8xB1cV4n",
         *       "object": "alert",
         *       "deleted": true
         *     }
         */
        DeletedAlert: {
            id: string;
            /** @constant */
            object: "alert";
            /** @constant */
            deleted: true;
        };
        /**
         * @description An alert the customer has reached and is still at: a usage or spend alert fired in the
         *     current period (and still reached: a raised limit takes it away), a credit balance alert
         *     whose balance is still below its amount.
         * @example {
         *       "alert": "alr_6tY2kP9qW3mZ8xB1cV4n",
         *       "type": "usage",
         *       "feature": "messages",
         *       "percent": 80,
         *       "threshold": 800,
         *       "value": 803,
         *       "reached_at": 1778533663,
         *       "period_start": 1777507392,
         *       "period_end": 1780099392
         *     }
         */
        ReachedAlert: {
            /** @description The alert's id (`alr_…`). */
            alert: string;
            type: components["schemas"]["AlertType"];
            /** @description `usage`: the feature's key. */
            feature?: string;
            /** @description `credit_balance` and `spend`: the currency. */
            currency?: string;
            /** @description `usage`: the alert's percentage of the limit, `null` for an amount. */
            percent?: number | null;
            /** @description What was reached, in the units of `value` (for `percent`, that percentage of the limit then). */
            threshold: number;
            /** @description The value that reached it, when it fired (units used, the balance, the upcoming invoice's total). */
            value: number;
            reached_at: components["schemas"]["Timestamp"];
            /** @description The usage or billing period it fired in; `null` for `credit_balance`. */
            period_start: components["schemas"]["Timestamp"] | null;
            /** @description When that period ends (a client drops the alert then); `null` if never, and for `credit_balance`. */
            period_end: components["schemas"]["Timestamp"] | null;
        };
        /**
         * @example {
         *       "alert": {
         *         "id": "alr_6tY2kP9qW3mZ8xB1cV4n",
         *         "object": "alert",
         *         "type": "usage",
         *         "customer": null,
         *         "plan": "pro",
         *         "feature": "messages",
         *         "percent": 80,
         *         "amount": null,
         *         "currency": null,
         *         "enabled": true,
         *         "description": "80% of the messages of the month",
         *         "metadata": {},
         *         "created": 1778533663
         *       },
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "external_id": "user_1234",
         *       "feature": "messages",
         *       "percent": 80,
         *       "limit": 1000,
         *       "threshold": 800,
         *       "value": 803,
         *       "period_start": 1777507392,
         *       "period_end": 1780099392
         *     }
         */
        UsageThresholdReached: {
            alert: components["schemas"]["Alert"];
            /** @description The customer's id. */
            customer: string;
            external_id: string | null;
            feature: string;
            /** @description The alert's percentage of the limit; `null` for an amount. */
            percent: number | null;
            /** @description The customer's limit of the feature then; `null` = unlimited. */
            limit: number | null;
            /** @description The units that reach the alert (its percentage of `limit`, rounded up, or its amount). */
            threshold: number;
            /** @description The units used in the period, which reached it. */
            value: number;
            period_start: components["schemas"]["Timestamp"];
            /** @description When the usage period ends; `null` when it never resets. */
            period_end: components["schemas"]["Timestamp"] | null;
        };
        /**
         * @example {
         *       "alert": {
         *         "id": "alr_2mQ8vX1kP7zT4bN9cW3e",
         *         "object": "alert",
         *         "type": "credit_balance",
         *         "customer": null,
         *         "plan": null,
         *         "feature": null,
         *         "percent": null,
         *         "amount": 500,
         *         "currency": "usd",
         *         "enabled": true,
         *         "description": null,
         *         "metadata": {},
         *         "created": 1778533663
         *       },
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "external_id": "user_1234",
         *       "currency": "usd",
         *       "threshold": 500,
         *       "value": 320
         *     }
         */
        CreditsLow: {
            alert: components["schemas"]["Alert"];
            customer: string;
            external_id: string | null;
            currency: string;
            /** @description The alert's amount, in whole minor units. */
            threshold: number;
            /** @description The balance now, below it. */
            value: number;
        };
        /**
         * @example {
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "external_id": "user_1234",
         *       "currency": "usd",
         *       "previous_balance": 320
         *     }
         */
        CreditsDepleted: {
            customer: string;
            external_id: string | null;
            currency: string;
            /** @description The balance before it reached 0, in whole minor units. */
            previous_balance: number;
        };
        /**
         * @example {
         *       "alert": {
         *         "id": "alr_9kW3pZ7qT1mX5vB2nC8j",
         *         "object": "alert",
         *         "type": "spend",
         *         "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *         "plan": null,
         *         "feature": null,
         *         "percent": null,
         *         "amount": 10000,
         *         "currency": "usd",
         *         "enabled": true,
         *         "description": null,
         *         "metadata": {},
         *         "created": 1778533663
         *       },
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "external_id": "user_1234",
         *       "currency": "usd",
         *       "threshold": 10000,
         *       "value": 10250,
         *       "subscription": "sub_7EGteCBU1Gn4uGzIpSDp",
         *       "period_start": 1777507392,
         *       "period_end": 1780099392
         *     }
         */
        SpendThresholdReached: {
            alert: components["schemas"]["Alert"];
            customer: string;
            external_id: string | null;
            currency: string;
            /** @description The alert's amount, in whole minor units. */
            threshold: number;
            /** @description The upcoming invoice's total (`GET /v1/customers/{customer}/upcoming_invoice`) that reached it. */
            value: number;
            /** @description The subscription whose period the invoice is for. */
            subscription: string;
            period_start: components["schemas"]["Timestamp"];
            period_end: components["schemas"]["Timestamp"];
        };
        /** @description The body of every webhook delivery. */
        WebhookPayloadBase: {
            id: string;
            /** @constant */
            object: "event";
            type: components["schemas"]["WebhookEventType"];
            created: components["schemas"]["Timestamp"];
            data: {
                [key: string]: unknown;
            };
        };
        /**
         * @description What happened. `customer.entitlements.updated`: what a customer may use changed (any
         *     cause: a subscription, a grant, a purchase, time passing, a limit reached); `data` is the
         *     new snapshot, its `version` orders them. `grant.created`: a feature granted or revoked by
         *     hand; `data` is the grant. `subscription.created`, `subscription.updated` (its plan, status,
         *     period or cancellation changed) and `subscription.canceled`: `data` is the subscription.
         *     `invoice.finalized`, `invoice.paid` and `invoice.voided`: `data` is the invoice.
         *     `checkout.completed`: a checkout session was paid for (or, for a plan of a group whose plan
         *     a provider already bills, answered `complete` as a change of that subscription); `data` is
         *     the session, once per session. `invoice.payment_failed`: a payment attempt failed (a
         *     charge through `POST /v1/invoices/{invoice}/pay`, a provider's renewal or retry); `data`
         *     is an `InvoicePaymentFailure`. `subscription.trial_will_end`: a trialing subscription's
         *     trial ends in three days (at once when less is left), once per trial end; `data` is the
         *     subscription. `credits.granted`: prepaid credit was granted (by hand, by a purchase, by a
         *     subscription's period or an auto top-up); `data` is the credit grant.
         *     `credits.auto_top_up.succeeded` and `credits.auto_top_up.failed`: an auto top-up was
         *     charged, or could not be; `data` is the top-up.
         *
         *     Alerts (`/v1/alerts`): `usage.threshold_reached` (a metered feature's usage reached an
         *     alert's threshold, once per period), `credits.low` (a credit balance fell below an
         *     alert's amount, once per crossing), `spend.threshold_reached` (the upcoming invoice
         *     reached an alert's amount, once per billing period); and `credits.depleted` (a currency's
         *     balance reached 0, no alert needed). Each `data` is in the spec's `webhooks` section.
         * @enum {string}
         */
        WebhookEventType: "customer.entitlements.updated" | "grant.created" | "usage.threshold_reached" | "credits.low" | "credits.depleted" | "spend.threshold_reached" | "subscription.created" | "subscription.updated" | "subscription.canceled" | "invoice.finalized" | "invoice.paid" | "invoice.voided" | "checkout.completed" | "invoice.payment_failed" | "subscription.trial_will_end" | "credits.granted" | "credits.auto_top_up.succeeded" | "credits.auto_top_up.failed";
        /** @description The rate in percent, from 0 to 100 with at most 4 decimals (`19`, `8.875`), as Stripe's `percentage`. */
        TaxPercentage: number;
        /** @description A two-letter country code (ISO 3166-1 alpha-2, e.g. `DE`, `US`), stored in capitals. */
        CountryCode: string;
        /**
         * @example {
         *       "id": "txr_1SbVnB8HhXnq0mgU5d2L",
         *       "object": "tax_rate",
         *       "display_name": "VAT",
         *       "description": "German VAT",
         *       "percentage": 19,
         *       "inclusive": true,
         *       "country": "DE",
         *       "state": null,
         *       "jurisdiction": "DE",
         *       "active": true,
         *       "created": 1774017130
         *     }
         */
        TaxRate: {
            id: string;
            /** @constant */
            object: "tax_rate";
            /** @description What invoices show beside the tax (`VAT`, `Sales tax`). */
            display_name: string;
            description: string | null;
            percentage: components["schemas"]["TaxPercentage"];
            /**
             * @description Whether prices already include it. Inclusive: the line's amount holds the tax (tax =
             *     amount × p / (100 + the inclusive rates' sum), the taxable amount is the rest) and the
             *     total does not grow. Exclusive: tax = taxable amount × p / 100, added to the total.
             *     Each line's tax is rounded to whole minor units, half away from zero (as Stripe, per line).
             */
            inclusive: boolean;
            /** @description The country whose customers it applies to (by their address); `null` applies it only where a subscription names it. */
            country: components["schemas"]["CountryCode"] | null;
            /** @description A state or region within `country` (the address's `state`, e.g. `CA`); `null` for the whole country. */
            state: string | null;
            /** @description The tax authority, as you name it (shown on invoices). */
            jurisdiction: string | null;
            /** @description An archived rate (`false`) matches no new invoice by address. */
            active: boolean;
            created: components["schemas"]["Timestamp"];
        };
        /**
         * @example {
         *       "display_name": "VAT",
         *       "description": "German VAT",
         *       "percentage": 19,
         *       "inclusive": true,
         *       "country": "DE",
         *       "jurisdiction": "DE"
         *     }
         */
        TaxRateCreateParams: {
            display_name: string;
            percentage: components["schemas"]["TaxPercentage"];
            inclusive: boolean;
            country?: components["schemas"]["CountryCode"];
            /** @description Needs `country`. */
            state?: string;
            jurisdiction?: string;
            description?: string;
            /** @default true */
            active?: boolean;
        };
        /**
         * @description What may change; `percentage` and `inclusive` are fixed once created.
         * @example {
         *       "active": false
         *     }
         */
        TaxRateUpdateParams: {
            display_name?: string;
            description?: string | null;
            active?: boolean;
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "txr_1SbVnB8HhXnq0mgU5d2L",
         *           "object": "tax_rate",
         *           "display_name": "VAT",
         *           "description": "German VAT",
         *           "percentage": 19,
         *           "inclusive": true,
         *           "country": "DE",
         *           "state": null,
         *           "jurisdiction": "DE",
         *           "active": true,
         *           "created": 1774017130
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/tax_rates"
         *     }
         */
        TaxRateList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["TaxRate"][];
            has_more: boolean;
            url: string;
        };
        /** @description One tax rate's tax on a line (or, in `total_tax_amounts`, summed over the invoice), as Stripe's `tax_amounts`. */
        TaxAmount: {
            /** @description The tax, whole minor units (negative on a credit of a proration). */
            amount: number;
            /** @description Inside the line's amount (`true`) or added to the total (`false`). */
            inclusive: boolean;
            /** @description The tax rate's id (`txr_…`). */
            tax_rate: string;
            /** @description What the tax is computed on (for an inclusive rate, the amount less the inclusive taxes). */
            taxable_amount: number;
        };
        /** @description A postal address, in Stripe's shape. */
        Address: {
            line1: string | null;
            line2: string | null;
            city: string | null;
            /** @description State, county, province or region; a tax rate with a `state` matches it. */
            state: string | null;
            postal_code: string | null;
            /** @description The country (ISO 3166-1 alpha-2) tax rates are matched by. */
            country: components["schemas"]["CountryCode"] | null;
        };
        /** @description A postal address; the one given replaces the one held (a field left out is `null`). */
        AddressParams: {
            line1?: string;
            line2?: string;
            city?: string;
            state?: string;
            postal_code?: string;
            country?: components["schemas"]["CountryCode"];
        };
        /**
         * @description A tax id's kind, as Stripe's `type` (a subset of Stripe's list).
         * @enum {string}
         */
        TaxIdType: "ae_trn" | "au_abn" | "au_arn" | "br_cnpj" | "br_cpf" | "ca_bn" | "ca_gst_hst" | "ca_qst" | "ch_vat" | "eu_oss_vat" | "eu_vat" | "gb_vat" | "in_gst" | "jp_cn" | "kr_brn" | "mx_rfc" | "no_vat" | "nz_gst" | "sg_gst" | "us_ein" | "za_vat";
        CustomerTaxId: {
            type: components["schemas"]["TaxIdType"];
            /** @description The id as the customer gave it (`DE123456789`). */
            value: string;
        };
        /** @description The customer's tax ids, printed on its invoices; at most 5 (the list given replaces the one held). */
        CustomerTaxIds: components["schemas"]["CustomerTaxId"][];
        /**
         * @description As Stripe's `tax_exempt`: `none` is taxed; `exempt` is never taxed; `reverse` is not
         *     taxed and its invoices note "Reverse charge" (the customer accounts for the tax, as an EU
         *     business buying across a border does).
         * @enum {string}
         */
        TaxExempt: "none" | "exempt" | "reverse";
        /**
         * @description Stripe Tax, in Stripe mode. When `enabled`: checkout sessions send
         *     `automatic_tax: { enabled: true }`, collect the billing address (`billing_address_collection:
         *     required`) and tax ids (`tax_id_collection`), and update an existing Stripe customer's
         *     address and name from what was entered (`customer_update`); the invoices Nozle sends to
         *     Stripe have `automatic_tax: { enabled: true }`. Stripe then computes the tax on them, so
         *     Nozle's own tax rates apply to no invoice of the project while it is enabled (they would tax
         *     what Stripe taxes again): its invoices carry no `tax_amounts`, and Stripe's invoice shows
         *     the tax. With it off, Nozle's rates tax the invoices it bills itself or through the sandbox.
         */
        AutomaticTax: {
            enabled: boolean;
        };
        /**
         * @example {
         *       "id": "we_8pQ2mZ0bX4cV6nL1kJ9h",
         *       "object": "webhook_endpoint",
         *       "url": "https://api.example.com/nozle/webhooks",
         *       "description": "Production backend",
         *       "enabled_events": [
         *         "*"
         *       ],
         *       "status": "enabled",
         *       "failing_since": null,
         *       "created": 1778533663
         *     }
         */
        WebhookEndpoint: {
            id: string;
            /** @constant */
            object: "webhook_endpoint";
            /** Format: uri */
            url: string;
            description: string | null;
            /** @description The event types it receives; `["*"]` for every one. */
            enabled_events: string[];
            /** @enum {string} */
            status: "enabled" | "disabled";
            /** @description Since when a delivery to it exhausted its retries (about three days), until one succeeds again; `null` while it is healthy. */
            failing_since: components["schemas"]["Timestamp"] | null;
            created: components["schemas"]["Timestamp"];
        };
        /**
         * @example {
         *       "id": "we_8pQ2mZ0bX4cV6nL1kJ9h",
         *       "object": "webhook_endpoint",
         *       "url": "https://api.example.com/nozle/webhooks",
         *       "description": "Production backend",
         *       "enabled_events": [
         *         "*"
         *       ],
         *       "status": "enabled",
         *       "failing_since": null,
         *       "created": 1778533663,
         *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
         *     }
         */
        WebhookEndpointWithSecret: components["schemas"]["WebhookEndpoint"] & {
            /** @description The signing secret (Standard Webhooks), in this response only. */
            secret: string;
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "we_8pQ2mZ0bX4cV6nL1kJ9h",
         *           "object": "webhook_endpoint",
         *           "url": "https://api.example.com/nozle/webhooks",
         *           "description": "Production backend",
         *           "enabled_events": [
         *             "*"
         *           ],
         *           "status": "enabled",
         *           "failing_since": null,
         *           "created": 1778533663
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/webhook_endpoints"
         *     }
         */
        WebhookEndpointList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["WebhookEndpoint"][];
            has_more: boolean;
            url: string;
        };
        /**
         * @example {
         *       "id": "we_8pQ2mZ0bX4cV6nL1kJ9h",
         *       "object": "webhook_endpoint",
         *       "deleted": true
         *     }
         */
        DeletedWebhookEndpoint: {
            id: string;
            /** @constant */
            object: "webhook_endpoint";
            /** @constant */
            deleted: true;
        };
        /**
         * @example {
         *       "url": "https://api.example.com/nozle/webhooks",
         *       "description": "Production backend",
         *       "enabled_events": [
         *         "customer.entitlements.updated"
         *       ]
         *     }
         */
        WebhookEndpointCreateParams: {
            url: string;
            description?: string;
            /** @description The event types to receive, or `["*"]` (the default) for every one. */
            enabled_events?: (components["schemas"]["WebhookEventType"] | "*")[];
        };
        /**
         * @example {
         *       "status": "disabled"
         *     }
         */
        WebhookEndpointUpdateParams: {
            url?: string;
            description?: string | null;
            enabled_events?: (components["schemas"]["WebhookEventType"] | "*")[];
            /** @enum {string} */
            status?: "enabled" | "disabled";
        };
        /**
         * @example {
         *       "expires_in": 3600
         *     }
         */
        WebhookEndpointRollParams: {
            /**
             * @description Seconds the old secret keeps signing beside the new one (0 ends it at once; at most 7 days).
             * @default 86400
             */
            expires_in?: number;
        };
        /**
         * @example {
         *       "endpoint": "we_8pQ2mZ0bX4cV6nL1kJ9h"
         *     }
         */
        WebhookEventResendParams: {
            /** @description The endpoint to send it to. */
            endpoint: string;
        };
        WebhookAttempt: {
            attempt: number;
            started: components["schemas"]["Timestamp"];
            /** @description The receiver's HTTP status; `null` when none came (timeout, network error, a refused address). */
            status_code: number | null;
            error: string | null;
            latency_ms: number;
            /** @description The first 500 characters of the receiver's answer. */
            response_excerpt: string | null;
        };
        /**
         * @description The event sent to one endpoint, at least once: a timeout, a network error or an answer
         *     other than 2xx is tried again after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and
         *     24 h (about three days), then the delivery `failed` and the endpoint is marked failing.
         */
        WebhookDelivery: {
            id: string;
            endpoint: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            attempts: components["schemas"]["WebhookAttempt"][];
            next_attempt: components["schemas"]["Timestamp"] | null;
        };
        /**
         * @description What a delivery's body is (without `deliveries`): `{ id, object, type, created, data }`,
         *     POSTed as JSON and signed the Standard Webhooks way (`webhook-id` is the event's id, the
         *     same on every attempt: dedupe on it; `webhook-timestamp`; `webhook-signature`). Events are
         *     recorded in the transaction of the change that raised them, so none is lost and none
         *     describes a change that rolled back. Order is not promised: order by `data.version`
         *     (entitlements) or `created`.
         * @example {
         *       "id": "whe_3bH7kP1qZ9mX2cV5nL8j",
         *       "object": "event",
         *       "type": "grant.created",
         *       "created": 1778533663,
         *       "data": {},
         *       "deliveries": [
         *         {
         *           "id": "wd_5nK2pQ8rT1vX4zA7cE0g",
         *           "endpoint": "we_8pQ2mZ0bX4cV6nL1kJ9h",
         *           "status": "succeeded",
         *           "next_attempt": null,
         *           "attempts": [
         *             {
         *               "attempt": 1,
         *               "started": 1778533664,
         *               "status_code": 200,
         *               "error": null,
         *               "latency_ms": 42,
         *               "response_excerpt": "ok"
         *             }
         *           ]
         *         }
         *       ]
         *     }
         */
        WebhookEvent: {
            id: string;
            /** @constant */
            object: "event";
            type: components["schemas"]["WebhookEventType"];
            created: components["schemas"]["Timestamp"];
            /** @description The object the event is about (see the spec's `webhooks` for each type). */
            data: {
                [key: string]: unknown;
            };
            deliveries: components["schemas"]["WebhookDelivery"][];
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "whe_3bH7kP1qZ9mX2cV5nL8j",
         *           "object": "event",
         *           "type": "grant.created",
         *           "created": 1778533663,
         *           "data": {},
         *           "deliveries": [
         *             {
         *               "id": "wd_5nK2pQ8rT1vX4zA7cE0g",
         *               "endpoint": "we_8pQ2mZ0bX4cV6nL1kJ9h",
         *               "status": "succeeded",
         *               "next_attempt": null,
         *               "attempts": [
         *                 {
         *                   "attempt": 1,
         *                   "started": 1778533664,
         *                   "status_code": 200,
         *                   "error": null,
         *                   "latency_ms": 42,
         *                   "response_excerpt": "ok"
         *                 }
         *               ]
         *             }
         *           ]
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/webhook_events"
         *     }
         */
        WebhookEventList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["WebhookEvent"][];
            has_more: boolean;
            url: string;
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "key_DNGhpKnF09Ecp3Tf9eTS",
         *           "object": "api_key",
         *           "type": "secret",
         *           "name": "Default secret key",
         *           "redacted": "sk_…Xq7c",
         *           "created": 1767603600,
         *           "last_used": 1778580840,
         *           "revoked": null
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/api_keys"
         *     }
         */
        ApiKeyList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["ApiKey"][];
            has_more: boolean;
            url: string;
        };
        /**
         * @description Lowercase letters, digits, `_`, `-` and `.`; starts with a letter or digit.
         * @example export
         * @example ai_tokens
         * @example seats
         */
        FeatureKey: string;
        /**
         * @description `boolean` (on or off), `metered` (uses per period) or `config` (a value).
         * @enum {string}
         */
        FeatureType: "boolean" | "metered" | "config";
        /**
         * @description When a metered feature's usage starts again.
         * @enum {string}
         */
        ResetInterval: "day" | "week" | "month" | "year" | "never";
        /** @description Any JSON value. */
        JsonValue: {
            [key: string]: unknown;
        } | unknown[] | string | number | boolean | null;
        /**
         * @example {
         *       "id": "feat_SNDxCFH2CAB8kTJiLEl0",
         *       "object": "feature",
         *       "key": "messages",
         *       "name": "Messages",
         *       "type": "metered",
         *       "meter": "messages",
         *       "metadata": {},
         *       "created": 1767604320
         *     }
         */
        Feature: {
            id: string;
            /** @constant */
            object: "feature";
            key: components["schemas"]["FeatureKey"];
            name: string;
            type: components["schemas"]["FeatureType"];
            /** @description The key of the meter whose usage counts against a metered feature's limit. */
            meter: string | null;
            metadata: components["schemas"]["Metadata"];
            created: components["schemas"]["Timestamp"];
        };
        /**
         * @example {
         *       "key": "messages",
         *       "name": "Messages",
         *       "type": "metered",
         *       "meter": "messages"
         *     }
         */
        FeatureCreateParams: {
            key: components["schemas"]["FeatureKey"];
            /** @description Defaults to the key. */
            name?: string;
            type: components["schemas"]["FeatureType"];
            /** @description A metered feature's meter (id or key); its usage is the feature's `used`. */
            meter?: string;
            metadata?: components["schemas"]["Metadata"];
        };
        /**
         * @example {
         *       "name": "Messages sent",
         *       "metadata": {
         *         "help_url": "https://app.example.com/help/messages"
         *       }
         *     }
         */
        FeatureUpdateParams: {
            name?: string;
            /** @description Ties (or, with null, unties) a metered feature to a meter. */
            meter?: string | null;
            metadata?: components["schemas"]["MetadataUpdate"];
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "feat_SNDxCFH2CAB8kTJiLEl0",
         *           "object": "feature",
         *           "key": "messages",
         *           "name": "Messages",
         *           "type": "metered",
         *           "meter": "messages",
         *           "metadata": {},
         *           "created": 1767604320
         *         },
         *         {
         *           "id": "feat_KnfL43ngnALhDhrsfgJL",
         *           "object": "feature",
         *           "key": "export",
         *           "name": "Export notes",
         *           "type": "boolean",
         *           "meter": null,
         *           "metadata": {},
         *           "created": 1767604320
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/features"
         *     }
         */
        FeatureList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Feature"][];
            has_more: boolean;
            url: string;
        };
        /**
         * @description What a plan gives for one feature. `boolean`: `enabled` (default true). `metered`:
         *     `limit` per `reset` period (`null` = unlimited) and whether `overage` is allowed
         *     (`reset` absent: `never`). The periods are the customer's, not the plan's: see
         *     `Entitlement.used`. An add-on plan's limit adds to the group plan's (`Plan.add_on`).
         *     `config`: `value`. A metered `per_seat` limit is per seat of the subscription: the
         *     customer's limit is `limit` × `quantity` (5 seats × 1000 messages = 5000). `per_seat` with
         *     `limit: 1` makes a `seats` feature whose limit is the quantity, so `can('seats')` answers
         *     whether one more seat fits.
         */
        PlanEntitlement: {
            feature: components["schemas"]["FeatureKey"];
            enabled?: boolean;
            limit?: number | null;
            /** @description Metered features only (default false); a purchase's quantity is 1. */
            per_seat?: boolean;
            reset?: components["schemas"]["ResetInterval"];
            overage?: boolean;
            value?: components["schemas"]["JsonValue"];
        };
        /**
         * @description The plan's group (`default` when none is named): a customer holds at most one live (trialing, active, past_due)
         *     subscription per group; an `incomplete`, `paused` or `unpaid` one holds no place there (it gives no
         *     access, and the group's default plan comes back beside it). Subscribing to another plan of the same group changes that
         *     subscription: an upgrade (a higher price per month) at once, prorated; a downgrade at
         *     period end, as a scheduled change (or at once when asked). Fixed once the plan exists.
         */
        PlanGroup: string;
        /**
         * @description How often the plan is billed; `one_time` plans are bought, not subscribed to.
         * @enum {string}
         */
        PlanInterval: "month" | "year" | "one_time";
        /**
         * @description Three-letter ISO code, lowercase.
         * @example usd
         * @example eur
         */
        Currency: string;
        /**
         * @example {
         *       "id": "plan_w1akywlZxECSuzNndIga",
         *       "object": "plan",
         *       "key": "pro",
         *       "name": "Pro",
         *       "group": "default",
         *       "add_on": false,
         *       "default": false,
         *       "version": 1,
         *       "interval": "month",
         *       "currency": "usd",
         *       "base_price": 2000,
         *       "per_seat": false,
         *       "prices": [
         *         {
         *           "key": "messages_overage",
         *           "meter": "messages",
         *           "model": "per_unit",
         *           "unit_amount": "0.5",
         *           "tiers": null,
         *           "package_size": null,
         *           "free_units": "1000",
         *           "minimum_amount": null,
         *           "maximum_amount": null
         *         }
         *       ],
         *       "trial_days": 0,
         *       "entitlements": [
         *         {
         *           "feature": "export",
         *           "enabled": true
         *         },
         *         {
         *           "feature": "messages",
         *           "limit": 1000,
         *           "reset": "month",
         *           "overage": true
         *         }
         *       ],
         *       "credits": null,
         *       "metadata": {
         *         "tagline": "For growing teams"
         *       },
         *       "created": 1767604500
         *     }
         */
        Plan: {
            id: string;
            /** @constant */
            object: "plan";
            key: string;
            name: string;
            group: components["schemas"]["PlanGroup"];
            /**
             * @description An add-on stacks with the plan of its customer's group instead of replacing it: its
             *     metered limits add to the group plan's (an unlimited one makes the sum unlimited), its
             *     boolean and config features add to what the plan gives. An add-on belongs to no group.
             */
            add_on: boolean;
            /**
             * @description The default plan of its group: a customer created without a subscription gets it, and
             *     gets it back when its paid subscription of that group ends. At most one per group.
             */
            default: boolean;
            /** @description The version these terms belong to. */
            version: number;
            interval: components["schemas"]["PlanInterval"];
            currency: components["schemas"]["Currency"];
            /** @description The flat fee per interval in the currency's minor unit (cents); per seat when `per_seat`. */
            base_price: number;
            /**
             * @description The base price is per seat: each period's `base_fee` line has the subscription's
             *     `quantity` as its quantity and `base_price` × quantity as its amount.
             */
            per_seat: boolean;
            /** @description The usage prices, each rated over a billing period's usage of its meter. */
            prices: components["schemas"]["Price"][];
            trial_days: number;
            entitlements: components["schemas"]["PlanEntitlement"][];
            /** @description The prepaid credit each purchase of this one_time plan grants; `null` for none. */
            credits: components["schemas"]["PlanCredits"] | null;
            metadata: components["schemas"]["Metadata"];
            created: components["schemas"]["Timestamp"];
        };
        /**
         * @example {
         *       "key": "pro",
         *       "name": "Pro",
         *       "interval": "month",
         *       "currency": "usd",
         *       "base_price": 2000,
         *       "prices": [
         *         {
         *           "key": "messages_overage",
         *           "meter": "messages",
         *           "model": "per_unit",
         *           "unit_amount": "0.5",
         *           "free_units": "1000"
         *         }
         *       ],
         *       "entitlements": [
         *         {
         *           "feature": "export",
         *           "enabled": true
         *         },
         *         {
         *           "feature": "messages",
         *           "limit": 1000,
         *           "reset": "month",
         *           "overage": true
         *         }
         *       ],
         *       "metadata": {
         *         "tagline": "For growing teams"
         *       }
         *     }
         */
        PlanCreateParams: {
            key: components["schemas"]["FeatureKey"];
            name?: string;
            group?: components["schemas"]["PlanGroup"];
            /**
             * @description An add-on stacks with the group's plan (see `Plan.add_on`); it takes no `group` and cannot be a default.
             * @default false
             */
            add_on?: boolean;
            /**
             * @description Makes it the default plan of its group (a free recurring plan, with no base price or usage prices, else 400; at most one per group, else 409). Not for an add-on.
             * @default false
             */
            default?: boolean;
            interval: components["schemas"]["PlanInterval"];
            currency?: components["schemas"]["Currency"];
            base_price?: number;
            /** @description The base price is per seat (see `Plan.per_seat`). */
            per_seat?: boolean;
            /** @description Usage prices (keys unique). On update the list replaces the whole list, as a new version when the current one is in use. */
            prices?: components["schemas"]["PriceParams"][];
            trial_days?: number;
            entitlements?: components["schemas"]["PlanEntitlement"][];
            credits?: components["schemas"]["PlanCreditsParams"];
            metadata?: components["schemas"]["Metadata"];
        };
        /**
         * @example {
         *       "base_price": 2500,
         *       "prices": [
         *         {
         *           "key": "messages_overage",
         *           "meter": "messages",
         *           "model": "per_unit",
         *           "unit_amount": "0.5",
         *           "free_units": "2000"
         *         }
         *       ],
         *       "entitlements": [
         *         {
         *           "feature": "export",
         *           "enabled": true
         *         },
         *         {
         *           "feature": "messages",
         *           "limit": 2000,
         *           "reset": "month",
         *           "overage": true
         *         }
         *       ]
         *     }
         */
        PlanUpdateParams: {
            name?: string;
            currency?: components["schemas"]["Currency"];
            base_price?: number;
            /** @description The base price is per seat (see `Plan.per_seat`). */
            per_seat?: boolean;
            /** @description Usage prices (keys unique). On update the list replaces the whole list, as a new version when the current one is in use. */
            prices?: components["schemas"]["PriceParams"][];
            trial_days?: number;
            entitlements?: components["schemas"]["PlanEntitlement"][];
            /** @description Replaces the credit pack; `null` removes it. */
            credits?: components["schemas"]["PlanCreditsParams"] | null;
            /** @description Makes it (or stops it being) the default plan of its group; a second default in one group is a 409. */
            default?: boolean;
            metadata?: components["schemas"]["MetadataUpdate"];
        };
        /**
         * @description Prepaid credit, in whole minor units: granted by each purchase of a one_time plan, or, on
         *     a recurring plan, at the start of each of a subscription's periods (expiring at the
         *     period's end, with what is left rolled over as `rollover` says).
         * @example {
         *       "amount": 5000,
         *       "currency": "usd",
         *       "expires_in_days": 365
         *     }
         */
        PlanCredits: {
            amount: number;
            currency: components["schemas"]["Currency"];
            /** @description The grant expires this many days after the purchase; `null` = never (a recurring plan's expire at each period's end). */
            expires_in_days: number | null;
            /** @description Recurring plans only: what is left of a period's credits at its end moves into the next period, up to `cap`; `null` = none (it expires). */
            rollover?: components["schemas"]["PlanCreditsRollover"] | null;
        };
        /**
         * @description A one_time plan: each purchase grants this credit, once; a refund removes what remains of
         *     it. A recurring plan: each period of a subscription grants it at the period's start,
         *     expiring at the period's end (once per subscription and period); `rollover` carries
         *     what is left into the next period, up to its `cap`.
         * @example {
         *       "amount": 5000,
         *       "currency": "usd",
         *       "expires_in_days": 365
         *     }
         */
        PlanCreditsParams: {
            /** @description Whole minor units (cents). */
            amount: number;
            currency: components["schemas"]["Currency"];
            /** @description One_time plans only. Days from the purchase until the grant expires; never when absent. */
            expires_in_days?: number;
            rollover?: components["schemas"]["PlanCreditsRollover"];
        };
        /**
         * @description Recurring plans only. At a period's end, what is left of its credits (its own grant and what rolled into it) becomes a grant of at most `cap` in the next period, expiring at that period's end.
         * @example {
         *       "cap": 5000
         *     }
         */
        PlanCreditsRollover: {
            /** @description The most that rolls over, in whole minor units; 0 rolls nothing. */
            cap: number;
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "plan_w1akywlZxECSuzNndIga",
         *           "object": "plan",
         *           "key": "pro",
         *           "name": "Pro",
         *           "group": "default",
         *           "add_on": false,
         *           "default": false,
         *           "version": 1,
         *           "interval": "month",
         *           "currency": "usd",
         *           "base_price": 2000,
         *           "per_seat": false,
         *           "prices": [
         *             {
         *               "key": "messages_overage",
         *               "meter": "messages",
         *               "model": "per_unit",
         *               "unit_amount": "0.5",
         *               "tiers": null,
         *               "package_size": null,
         *               "free_units": "1000",
         *               "minimum_amount": null,
         *               "maximum_amount": null
         *             }
         *           ],
         *           "trial_days": 0,
         *           "entitlements": [
         *             {
         *               "feature": "export",
         *               "enabled": true
         *             },
         *             {
         *               "feature": "messages",
         *               "limit": 1000,
         *               "reset": "month",
         *               "overage": true
         *             }
         *           ],
         *           "credits": null,
         *           "metadata": {
         *             "tagline": "For growing teams"
         *           },
         *           "created": 1767604500
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/plans"
         *     }
         */
        PlanList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Plan"][];
            has_more: boolean;
            url: string;
        };
        /**
         * @example {
         *       "from_version": 1,
         *       "to_version": 2
         *     }
         */
        PlanMigrateParams: {
            from_version?: number;
            to_version?: number;
        };
        /**
         * @example {
         *       "object": "plan_migration",
         *       "plan": "pro",
         *       "to_version": 2,
         *       "migrated": 37
         *     }
         */
        PlanMigration: {
            /** @constant */
            object: "plan_migration";
            plan: string;
            to_version: number;
            /** @description How many subscriptions moved. */
            migrated: number;
        };
        /**
         * @description `trialing`, `active` and `past_due` (for the grace period) give access; `paused` (a trial
         *     ended without a payment method), `unpaid` (every payment retry failed), `incomplete` and
         *     `canceled` do not.
         * @enum {string}
         */
        SubscriptionStatus: "trialing" | "active" | "past_due" | "canceled" | "incomplete" | "paused" | "unpaid";
        /**
         * @example {
         *       "id": "sub_7EGteCBU1Gn4uGzIpSDp",
         *       "object": "subscription",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "plan": "pro",
         *       "plan_version": 1,
         *       "plan_group": "default",
         *       "status": "active",
         *       "current_period_start": 1777507392,
         *       "current_period_end": 1780099392,
         *       "billing_cycle_anchor": 1774915392,
         *       "trial_end": null,
         *       "cancel_at_period_end": false,
         *       "canceled_at": null,
         *       "past_due_since": null,
         *       "scheduled_change": null,
         *       "quantity": 1,
         *       "default_tax_rates": [],
         *       "provider": "sandbox",
         *       "provider_subscription_id": "sub_sbx_pMdCZF778tmoBt1h",
         *       "metadata": {},
         *       "created": 1774915392
         *     }
         */
        Subscription: {
            /** @description The coupon applied to it (a customer's discount applies when it has none of its own); present when it has one. */
            discount?: components["schemas"]["Discount"] | null;
            /**
             * @description The number of seats. A plan with `per_seat` bills its base price per seat (the
             *     `base_fee` line's quantity), and a `per_seat` metered entitlement gives its limit per
             *     seat. A scheduled decrease shows in `scheduled_change` until it takes effect.
             */
            quantity: number;
            /**
             * @description Tax rate ids (`txr_…`) its invoices apply instead of the rates matching the customer's
             *     address, as Stripe's; empty: matched by address. Only on a subscription Nozle bills
             *     itself or through the sandbox (Stripe computes its own with Stripe Tax).
             */
            default_tax_rates: string[];
            /** @description Who bills it; `null` for a subscription recorded through the API alone. */
            provider: components["schemas"]["PaymentProviderName"] | null;
            /** @description Its id at the provider (`sub_…` at Stripe). */
            provider_subscription_id: string | null;
            id: string;
            /** @constant */
            object: "subscription";
            /** @description The customer's id. */
            customer: string;
            /** @description The plan's key. */
            plan: string;
            plan_version: number;
            /** @description The plan's group (one live subscription per customer and group); `null` for an add-on. */
            plan_group: string | null;
            status: components["schemas"]["SubscriptionStatus"];
            current_period_start: components["schemas"]["Timestamp"];
            current_period_end: components["schemas"]["Timestamp"];
            /**
             * @description Where its periods are counted from (each period ends a whole number of intervals after
             *     it): the start, or a trial's end. A change of interval moves it to the change.
             */
            billing_cycle_anchor: components["schemas"]["Timestamp"];
            /** @description A plan change that takes effect later (a downgrade at period end); `null` for none. Cancel it with `DELETE /v1/subscriptions/{id}/scheduled_change`. */
            scheduled_change: components["schemas"]["ScheduledChange"] | null;
            trial_end: components["schemas"]["Timestamp"] | null;
            cancel_at_period_end: boolean;
            canceled_at: components["schemas"]["Timestamp"] | null;
            /** @description When it became `past_due`; access continues for the grace period after it. */
            past_due_since: components["schemas"]["Timestamp"] | null;
            metadata: components["schemas"]["Metadata"];
            created: components["schemas"]["Timestamp"];
        };
        ScheduledChange: {
            /** @description The quantity (seats) from the change on; a period-end decrease of seats keeps the plan and sets this. */
            quantity: number;
            /** @description The plan's key it changes to. */
            plan: string;
            plan_version: number;
            /** @description When it takes effect (the period's end). */
            at: components["schemas"]["Timestamp"];
        };
        /**
         * @description When a change to another plan of the subscription's group takes effect. `now`: at once,
         *     the rest of the period prorated. `period_end`: at the end of the current period, shown as
         *     the subscription's `scheduled_change` until then (cancelable with
         *     `DELETE /v1/subscriptions/{id}/scheduled_change`), with no proration. By default an
         *     upgrade (a higher base price per month, a yearly price counted as twelve months; a tie
         *     counts as an upgrade) is `now` and a downgrade is `period_end`.
         * @enum {string}
         */
        PlanChangeEffective: "now" | "period_end";
        /**
         * @description For a plan change of a subscription billed by Stripe or the sandbox: how the rest of
         *     the period is charged, as Stripe does it.
         * @default create_prorations
         * @enum {string}
         */
        ProrationBehavior: "create_prorations" | "none" | "always_invoice";
        /**
         * @example {
         *       "customer": "user_1234",
         *       "plan": "pro",
         *       "trial_days": 14,
         *       "metadata": {
         *         "sales_rep": "maria"
         *       }
         *     }
         */
        SubscriptionCreateParams: {
            /** @description The customer's id or external_id. */
            customer: string;
            /** @description The plan's id or key (a `month` or `year` plan). */
            plan: string;
            /** @description Overrides the plan's trial (a new subscription only). */
            trial_days?: number;
            /** @description The number of seats (default 1; see `Subscription.quantity`). */
            quantity?: number;
            /**
             * @description Tax rate ids (`txr_…`, active ones) its invoices apply instead of the rates matching the customer's
             *     address, as Stripe's; empty: matched by address. Only on a subscription Nozle bills
             *     itself or through the sandbox (Stripe computes its own with Stripe Tax).
             */
            default_tax_rates?: string[];
            effective?: components["schemas"]["PlanChangeEffective"];
            proration_behavior?: components["schemas"]["ProrationBehavior"];
            /**
             * @description A coupon (its id) to apply: replaces the discount it has; an empty string removes it.
             *     Refused (400 naming `coupon`) when deleted, past `redeem_by`, at `max_redemptions`,
             *     not for the plan (`applies_to`), or an `amount_off` without the plan's currency.
             */
            coupon?: string;
            /**
             * @description A promotion code (its `promo_…` id or the `code` the customer typed) whose coupon to
             *     apply. Refused (400 naming `promotion_code`) as `coupon` is, and when inactive,
             *     expired, at its own `max_redemptions`, for another customer, with
             *     `first_time_transaction` for a customer who has been invoiced or bought before, or
             *     below `minimum_amount`.
             */
            promotion_code?: string;
            metadata?: components["schemas"]["Metadata"];
        };
        /**
         * @example {
         *       "plan": "pro",
         *       "proration_behavior": "create_prorations"
         *     }
         */
        SubscriptionUpdateParams: {
            /**
             * @description To cancel, use the cancel endpoint.
             * @enum {string}
             */
            status?: "active" | "past_due" | "incomplete";
            cancel_at_period_end?: boolean;
            /** @description Another recurring plan (id or key), at its current version. */
            plan?: string;
            /**
             * @description A new number of seats. Prorated like a plan change: an increase takes effect now
             *     (a charge for the rest of the period on the added seats), a decrease at period end as
             *     a `scheduled_change` unless `effective: now` (then a credit for the unused time). With
             *     `plan`, the quantity goes with the plan change, at its time.
             */
            quantity?: number;
            /**
             * @description The tax rate ids (`txr_…`, active ones) that replace the subscription's, from its next
             *     invoice on; `[]`: matched by the customer's address again. Only on a subscription Nozle bills
             *     itself or through the sandbox (Stripe computes its own with Stripe Tax).
             */
            default_tax_rates?: string[];
            proration_behavior?: components["schemas"]["ProrationBehavior"];
            effective?: components["schemas"]["PlanChangeEffective"];
            /**
             * @description A coupon (its id) to apply: replaces the discount it has; an empty string removes it.
             *     Refused (400 naming `coupon`) when deleted, past `redeem_by`, at `max_redemptions`,
             *     not for the plan (`applies_to`), or an `amount_off` without the plan's currency.
             */
            coupon?: string;
            /**
             * @description A promotion code (its `promo_…` id or the `code` the customer typed) whose coupon to
             *     apply. Refused (400 naming `promotion_code`) as `coupon` is, and when inactive,
             *     expired, at its own `max_redemptions`, for another customer, with
             *     `first_time_transaction` for a customer who has been invoiced or bought before, or
             *     below `minimum_amount`.
             */
            promotion_code?: string;
            metadata?: components["schemas"]["MetadataUpdate"];
        };
        /**
         * @example {
         *       "paid_out_of_band": true
         *     }
         */
        InvoicePayParams: {
            /**
             * @description `true`: the payment was made outside Nozle (a bank transfer, a cheque) and is recorded. `false`: the saved payment method is charged through the payment provider.
             * @default false
             */
            paid_out_of_band?: boolean;
        };
        /**
         * @example {
         *       "at_period_end": true
         *     }
         */
        SubscriptionCancelParams: {
            /** @default false */
            at_period_end?: boolean;
            /**
             * @description Canceling now a subscription Nozle bills itself: credit the unused time of the
             *     period's base fee, as Stripe's `prorate` on cancel. The credit is a `proration` line
             *     (negative) on the final invoice of the period cut short, counted like a plan
             *     change's proration (by the second, rounded once). Refused with `at_period_end` (no
             *     time is left unused) and on a subscription a payment provider bills.
             * @default false
             */
            prorate?: boolean;
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "sub_7EGteCBU1Gn4uGzIpSDp",
         *           "object": "subscription",
         *           "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *           "plan": "pro",
         *           "plan_version": 1,
         *           "plan_group": "default",
         *           "status": "active",
         *           "current_period_start": 1777507392,
         *           "current_period_end": 1780099392,
         *           "billing_cycle_anchor": 1774915392,
         *           "trial_end": null,
         *           "cancel_at_period_end": false,
         *           "canceled_at": null,
         *           "past_due_since": null,
         *           "scheduled_change": null,
         *           "quantity": 1,
         *           "default_tax_rates": [],
         *           "provider": "sandbox",
         *           "provider_subscription_id": "sub_sbx_pMdCZF778tmoBt1h",
         *           "metadata": {},
         *           "created": 1774915392
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/subscriptions"
         *     }
         */
        SubscriptionList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Subscription"][];
            has_more: boolean;
            url: string;
        };
        /**
         * @example {
         *       "id": "pur_MfbKVKn1kIWshd1g9dCW",
         *       "object": "purchase",
         *       "customer": "cus_i4CzkgJX2juGz42v7ga8",
         *       "plan": "lifetime",
         *       "plan_version": 1,
         *       "purchased_at": 1774205100,
         *       "expires_at": null,
         *       "refunded_at": null,
         *       "provider": null,
         *       "provider_payment_id": null,
         *       "metadata": {
         *         "order_id": "A-10293"
         *       },
         *       "created": 1774205100
         *     }
         */
        Purchase: {
            /** @description Who took the payment; `null` for a purchase recorded through the API alone. */
            provider: components["schemas"]["PaymentProviderName"] | null;
            /** @description Its payment's id at the provider (`pi_…` at Stripe). */
            provider_payment_id: string | null;
            id: string;
            /** @constant */
            object: "purchase";
            customer: string;
            plan: string;
            plan_version: number;
            purchased_at: components["schemas"]["Timestamp"];
            /** @description When its access ends; `null` for life. */
            expires_at: components["schemas"]["Timestamp"] | null;
            refunded_at: components["schemas"]["Timestamp"] | null;
            metadata: components["schemas"]["Metadata"];
            created: components["schemas"]["Timestamp"];
        };
        /**
         * @example {
         *       "customer": "cus_i4CzkgJX2juGz42v7ga8",
         *       "plan": "lifetime",
         *       "metadata": {
         *         "order_id": "A-10293"
         *       }
         *     }
         */
        PurchaseCreateParams: {
            customer: string;
            /** @description A `one_time` plan (id or key). */
            plan: string;
            expires_at?: components["schemas"]["TimestampInput"];
            metadata?: components["schemas"]["Metadata"];
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "pur_MfbKVKn1kIWshd1g9dCW",
         *           "object": "purchase",
         *           "customer": "cus_i4CzkgJX2juGz42v7ga8",
         *           "plan": "lifetime",
         *           "plan_version": 1,
         *           "purchased_at": 1774205100,
         *           "expires_at": null,
         *           "refunded_at": null,
         *           "provider": null,
         *           "provider_payment_id": null,
         *           "metadata": {
         *             "order_id": "A-10293"
         *           },
         *           "created": 1774205100
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/purchases"
         *     }
         */
        PurchaseList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Purchase"][];
            has_more: boolean;
            url: string;
        };
        /**
         * @example {
         *       "id": "grt_ohklExn76t2q8YCjEWiZ",
         *       "object": "grant",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "feature": "messages",
         *       "kind": "grant",
         *       "starts_at": 1775001600,
         *       "ends_at": 1777507392,
         *       "limit": 5000,
         *       "reset": "month",
         *       "overage": false,
         *       "value": null,
         *       "reason": "Launch month, while they import their archive",
         *       "actor": "key_DNGhpKnF09Ecp3Tf9eTS",
         *       "created": 1774998000
         *     }
         */
        Grant: {
            id: string;
            /** @constant */
            object: "grant";
            customer: string;
            feature: string;
            /** @enum {string} */
            kind: "grant" | "revoke";
            starts_at: components["schemas"]["Timestamp"];
            ends_at: components["schemas"]["Timestamp"] | null;
            limit: number | null;
            reset: components["schemas"]["ResetInterval"] | null;
            overage: boolean | null;
            value: components["schemas"]["JsonValue"];
            reason: string | null;
            /** @description Who made it; the API key's id unless you name someone. */
            actor: string;
            created: components["schemas"]["Timestamp"];
        };
        /**
         * @example {
         *       "feature": "messages",
         *       "kind": "grant",
         *       "starts_at": 1775001600,
         *       "ends_at": 1777507392,
         *       "limit": 5000,
         *       "reset": "month",
         *       "reason": "Launch month, while they import their archive"
         *     }
         */
        GrantCreateParams: {
            feature: components["schemas"]["FeatureKey"];
            /**
             * @default grant
             * @enum {string}
             */
            kind?: "grant" | "revoke";
            starts_at?: components["schemas"]["TimestampInput"];
            ends_at?: components["schemas"]["TimestampInput"];
            /** @description For a metered feature; absent or `null` = unlimited. */
            limit?: number | null;
            /**
             * @description For a metered feature. Absent: the reset of the plan that gives the feature (`never`
             *     without one). A grant counts over the customer's usage period like the plan does
             *     (`Entitlement.used`): raising a limit adds room, it never starts the count again.
             */
            reset?: components["schemas"]["ResetInterval"];
            overage?: boolean;
            value?: components["schemas"]["JsonValue"];
            reason?: string;
            actor?: string;
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "grt_ohklExn76t2q8YCjEWiZ",
         *           "object": "grant",
         *           "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *           "feature": "messages",
         *           "kind": "grant",
         *           "starts_at": 1775001600,
         *           "ends_at": 1777507392,
         *           "limit": 5000,
         *           "reset": "month",
         *           "overage": false,
         *           "value": null,
         *           "reason": "Launch month, while they import their archive",
         *           "actor": "key_DNGhpKnF09Ecp3Tf9eTS",
         *           "created": 1774998000
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/customers/cus_4fP2b8Xk3LmQ9rT1vW6y/grants"
         *     }
         */
        GrantList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Grant"][];
            has_more: boolean;
            url: string;
        };
        EntitlementSource: {
            /** @enum {string} */
            type: "subscription" | "purchase" | "grant";
            id: string;
            plan?: string;
        };
        Entitlement: {
            feature: string;
            type: components["schemas"]["FeatureType"];
            /** @description Whether the customer has the feature (a metered one may still be at its limit). */
            allowed: boolean;
            /** @enum {string|null} */
            reason: "no_access" | "revoked" | null;
            source: components["schemas"]["EntitlementSource"] | null;
            /**
             * @description Metered only; `null` = unlimited. The deciding source's limit: a manual grant's, or the
             *     most generous group plan's (or purchase's) with every add-on's limit added to it (an
             *     unlimited one anywhere makes it unlimited).
             */
            limit?: number | null;
            /**
             * @description Metered only: the usage counted over the customer's current usage period for this
             *     feature, `[period_start, resets_at)`. The period is the customer's, not a plan's or a
             *     grant's: it follows the customer's billing cycle in the group of the plan that gives
             *     the feature (periods of `reset` counted from the subscription's
             *     `billing_cycle_anchor`; during a trial, from the subscription's start), or, with no
             *     subscription, from the customer's creation. So a plan change (an upgrade, a
             *     downgrade, a subscription replacing another of its group inside the period) or a
             *     grant within the period changes `limit`, never `used`: only the period boundary
             *     (`resets_at`) starts the count again. A grant that names no `reset` takes the plan's.
             */
            used?: number;
            /**
             * @description Metered only, present when some is held: the units held by reservations not yet
             *     committed, released or expired (`POST /v1/reservations`).
             */
            reserved?: number;
            /** @description Metered only: `limit − used − reserved`, at least 0; `null` when unlimited. */
            remaining?: number | null;
            reset?: components["schemas"]["ResetInterval"];
            overage?: boolean;
            /**
             * @description Metered only: where the current usage period began. After a subscription replaced
             *     another of its group inside a period, the period the replaced one had begun (so it
             *     can be longer than one `reset`, until the new subscription's next boundary).
             */
            period_start?: components["schemas"]["Timestamp"];
            /**
             * @description Metered only: when `used` starts again from 0, the next boundary of the customer's
             *     usage period; `null` when `reset` is `never`.
             */
            resets_at?: components["schemas"]["Timestamp"] | null;
            value?: components["schemas"]["JsonValue"];
        };
        /**
         * @example {
         *       "object": "entitlements",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "external_id": "user_1234",
         *       "version": 7,
         *       "computed": 1778580898,
         *       "valid_until": 1780099392,
         *       "features": {
         *         "export": {
         *           "feature": "export",
         *           "type": "boolean",
         *           "allowed": true,
         *           "reason": null,
         *           "source": {
         *             "type": "subscription",
         *             "id": "sub_7EGteCBU1Gn4uGzIpSDp",
         *             "plan": "pro"
         *           }
         *         },
         *         "messages": {
         *           "feature": "messages",
         *           "type": "metered",
         *           "allowed": true,
         *           "reason": null,
         *           "source": {
         *             "type": "subscription",
         *             "id": "sub_7EGteCBU1Gn4uGzIpSDp",
         *             "plan": "pro"
         *           },
         *           "limit": 1000,
         *           "used": 420,
         *           "remaining": 580,
         *           "reset": "month",
         *           "overage": true,
         *           "period_start": 1777507392,
         *           "resets_at": 1780099392
         *         }
         *       },
         *       "credits": {
         *         "usd": 3790
         *       }
         *     }
         */
        Entitlements: {
            /** @constant */
            object: "entitlements";
            /** @description The customer's id. */
            customer: string;
            /** @description The customer's external_id, so a copy of snapshots can be looked up by it. */
            external_id: string | null;
            /** @description Grows with every change to this customer's entitlements. */
            version: number;
            computed: components["schemas"]["Timestamp"];
            /** @description When time alone will change the answer next (a window, trial or period); `null` if never. */
            valid_until: components["schemas"]["Timestamp"] | null;
            features: {
                [key: string]: components["schemas"]["Entitlement"];
            };
            /** @description Prepaid credit left per currency, in whole minor units (grants not expired). */
            credits?: {
                [key: string]: number;
            };
            upcoming?: components["schemas"]["UpcomingEntitlements"];
            /**
             * @description The alerts (`/v1/alerts`) the customer has reached and is still at, as of `computed`:
             *     usage and spend alerts fired in the current period, credit balance alerts still
             *     below their amount. Absent when there are none. A client drops an entry once its
             *     `period_end` passes (a new period has begun).
             */
            alerts?: components["schemas"]["ReachedAlert"][];
        };
        /**
         * @description What the snapshot becomes at its `valid_until` with time alone (no event, no change of
         *     subscription or grant): the server's rules evaluated at that instant, with the usage known
         *     now counted in the periods current then (0 for a period that starts then). One step ahead
         *     only: it has no `upcoming` of its own. A client that cannot hear from the server (offline)
         *     switches to it at `valid_until` and asks the server again; a newer `version` replaces it.
         *     Absent when `valid_until` is `null`, and from servers that do not compute it.
         */
        UpcomingEntitlements: {
            /** @description When time alone changes the upcoming answer in its turn; `null` if never. */
            valid_until: components["schemas"]["Timestamp"] | null;
            features: {
                [key: string]: components["schemas"]["Entitlement"];
            };
            /** @description Prepaid credit left per currency at `valid_until`, in whole minor units. */
            credits?: {
                [key: string]: number;
            };
        };
        /**
         * @example {
         *       "customer": "user_1234",
         *       "feature": "messages",
         *       "quantity": 1
         *     }
         */
        CheckParams: {
            /** @description The customer's id or external_id. */
            customer: string;
            /** @description The feature's key. */
            feature: string;
            /**
             * @description For metered features, how many units the caller is about to use.
             * @default 1
             */
            quantity?: number;
            credits?: components["schemas"]["CreditRequirement"];
            customer_data?: components["schemas"]["CustomerData"];
        };
        /**
         * @description Also require prepaid credit: allowed only when the snapshot's balance in `currency` is at least `amount` (whole minor units); otherwise `insufficient_credits`. Checked after the feature itself, whose refusal comes first.
         * @example {
         *       "currency": "usd",
         *       "amount": 500
         *     }
         */
        CreditRequirement: {
            currency: components["schemas"]["Currency"];
            amount: number;
        };
        /**
         * @example {
         *       "object": "check",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "feature": "messages",
         *       "allowed": true,
         *       "reason": null,
         *       "version": 7,
         *       "type": "metered",
         *       "limit": 1000,
         *       "used": 420,
         *       "remaining": 580,
         *       "resets_at": 1780099392,
         *       "overage": true
         *     }
         */
        Check: {
            /** @constant */
            object: "check";
            /** @description The customer's id. */
            customer: string;
            feature: string;
            allowed: boolean;
            /**
             * @description Why not, `null` when allowed. `customer_not_found`: no such customer (and no
             *     `customer_data` to create it). `unavailable` is never sent by the server: the SDKs
             *     answer it when the server cannot be reached in time, by the failure mode the caller
             *     chose (`allowed: false` when failing closed, `true` when failing open).
             * @enum {string|null}
             */
            reason: "no_access" | "revoked" | "limit_reached" | "not_found" | "insufficient_credits" | "customer_not_found" | "unavailable" | null;
            /** @description The entitlements version the answer comes from; 0 for `customer_not_found` and `unavailable`. */
            version: number;
            /** @description When credit was required, the requirement and the balance it was checked against. */
            credits?: {
                currency: components["schemas"]["Currency"];
                amount: number;
                balance: number;
            };
            type?: components["schemas"]["FeatureType"];
            limit?: number | null;
            used?: number;
            remaining?: number | null;
            resets_at?: components["schemas"]["Timestamp"] | null;
            overage?: boolean;
            value?: components["schemas"]["JsonValue"];
        };
        /**
         * @example {
         *       "customer": "user_1234",
         *       "feature": "tokens",
         *       "quantity": 4000,
         *       "expires_in": 120
         *     }
         */
        ReservationCreateParams: {
            /** @description The customer's id or external_id. */
            customer: string;
            /** @description The metered feature's key (or id); or give `currency`. */
            feature?: string;
            /** @description Reserve prepaid credit in this currency instead of a feature's units. */
            currency?: components["schemas"]["Currency"];
            /** @description How many units to hold (the most the caller may use); whole minor units of credit with `currency`. */
            quantity: number;
            /**
             * @description Seconds until the hold releases itself.
             * @default 300
             */
            expires_in?: number;
        };
        /**
         * @example {
         *       "quantity": 1234
         *     }
         */
        ReservationCommitParams: {
            /** @description The amount actually used, at most the reserved quantity; the reserved quantity when absent. */
            quantity?: number;
        };
        /**
         * @example {
         *       "id": "rsv_4fP2b8Xk3LmQ9rT1vW6y",
         *       "object": "reservation",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "feature": "tokens",
         *       "currency": null,
         *       "quantity": 4000,
         *       "status": "held",
         *       "committed_quantity": null,
         *       "expires_at": 1780099512,
         *       "created": 1780099392
         *     }
         */
        Reservation: {
            /** @description Also the id of the usage event its commit records. */
            id: string;
            /** @constant */
            object: "reservation";
            /** @description The customer's id. */
            customer: string;
            /** @description The feature's key; `null` on a reservation of credit. */
            feature: string | null;
            /** @description The credit's currency on a reservation of credit; `null` on a feature's. */
            currency: string | null;
            /** @description The units held (whole minor units of credit with `currency`). */
            quantity: number;
            /**
             * @description `expired`: held until `expires_at`, which has passed; it holds nothing.
             * @enum {string}
             */
            status: "held" | "committed" | "released" | "expired";
            /** @description What the commit recorded (as usage, or drew from credit grants); `null` until committed. */
            committed_quantity: number | null;
            expires_at: components["schemas"]["Timestamp"];
            created: components["schemas"]["Timestamp"];
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "rsv_4fP2b8Xk3LmQ9rT1vW6y",
         *           "object": "reservation",
         *           "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *           "feature": "tokens",
         *           "currency": null,
         *           "quantity": 4000,
         *           "status": "held",
         *           "committed_quantity": null,
         *           "expires_at": 1780099512,
         *           "created": 1780099392
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/reservations"
         *     }
         */
        ReservationList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Reservation"][];
            has_more: boolean;
            url: string;
        };
        /** @description One usage event. */
        EventInput: {
            /** @description Your id for the event, unique in the project; a repeat is a no-op. */
            id: string;
            /** @description The customer's id or external_id. */
            customer: string;
            /** @description The event's name, matched by meters' `event_name`. */
            event: string;
            /**
             * @description When it happened, in Unix seconds (fractions allowed; at most 4102444800, 2100-01-01);
             *     now when absent. It must also fall in the accepted window (see `POST /v1/events`).
             */
            timestamp?: number;
            /**
             * @description Anything about the event; meters read numbers and values from it. A value a meter
             *     reads must make sense for it, or the event is rejected:
             *     - a number (a JSON number, or a decimal string such as `"12.5"`) read by a `sum`,
             *       `max` or `latest` meter must be finite, at most 1,000,000,000,000 in magnitude,
             *       with at most 6 digits after the decimal point (`value_out_of_range`), and not
             *       negative unless the meter has `allow_negative` (`negative_value`). So a
             *       period's total stays exact, however many events add to it;
             *     - a value read by a `unique_count` meter must be at most 255 characters
             *       (`value_out_of_range`).
             *
             *     A value a meter cannot read as a number (`"abc"`, `true`, an object) adds nothing to
             *     that meter, and the event is still recorded (it counts for `count` meters).
             */
            properties?: {
                [key: string]: unknown;
            };
            customer_data?: components["schemas"]["CustomerData"];
        };
        /**
         * @example {
         *       "events": [
         *         {
         *           "id": "msg_7f3a9c21",
         *           "customer": "user_1234",
         *           "event": "message.sent",
         *           "timestamp": 1778580890,
         *           "properties": {
         *             "channel": "chat",
         *             "characters": 512
         *           }
         *         },
         *         {
         *           "id": "msg_7f3a9c20",
         *           "customer": "user_1234",
         *           "event": "message.sent",
         *           "timestamp": 1778580874.5,
         *           "properties": {
         *             "channel": "email",
         *             "characters": 1840
         *           }
         *         },
         *         {
         *           "id": "msg_7f3a9c22",
         *           "customer": "user_9999",
         *           "event": "message.sent"
         *         }
         *       ]
         *     }
         */
        EventBatchParams: {
            /**
             * @description 1 to 1000 events. Each is checked against EventInput on its own, so one bad event is
             *     rejected in the answer rather than failing the batch.
             */
            events: (components["schemas"]["EventInput"] | unknown)[];
            /**
             * @description When the batch was sent, by the sender's clock (Unix seconds, fractions allowed); the
             *     SDKs stamp it at each attempt. It matters only in sandbox mode with the project's test
             *     clock moved: when `sent_at` reads the world's time (the server's, within 5 minutes,
             *     and nearer it than the project's), the sender is on the world's clock and every
             *     timestamp of the batch moves ahead by the test clock's offset, so events stamped with
             *     the world's time count at the moved time. A sender on the project's time, or on a
             *     clock of its own, is taken as sent; so is every batch without a moved clock or
             *     without `sent_at`.
             */
            sent_at?: number;
        };
        EventResult: {
            /** @description The event's position in the batch. */
            index: number;
            id: string | null;
            /** @enum {string} */
            status: "accepted" | "duplicate" | "rejected";
            /** @description Why it was rejected. */
            error?: {
                /**
                 * @description `parameter_missing`, `parameter_invalid`, `parameter_unknown`, `customer_not_found`,
                 *     `timestamp_in_future`, `timestamp_too_old`, `duplicate_in_batch`, `period_invoiced` (the
                 *     customer's billing period that contains the timestamp has already been invoiced),
                 *     `value_out_of_range` (a property a meter reads is too large, too precise, not finite
                 *     or too long; see EventInput's `properties`), `negative_value` (a negative number read
                 *     by a meter without `allow_negative`). `param` names the field:
                 *     `events[3][properties][tokens]`.
                 */
                code: string;
                message: string;
                param: string | null;
            };
        };
        /**
         * @example {
         *       "object": "event_batch",
         *       "accepted": 1,
         *       "duplicates": 1,
         *       "rejected": 1,
         *       "results": [
         *         {
         *           "index": 0,
         *           "id": "msg_7f3a9c21",
         *           "status": "accepted"
         *         },
         *         {
         *           "index": 1,
         *           "id": "msg_7f3a9c20",
         *           "status": "duplicate"
         *         },
         *         {
         *           "index": 2,
         *           "id": "msg_7f3a9c22",
         *           "status": "rejected",
         *           "error": {
         *             "code": "customer_not_found",
         *             "message": "No such customer: 'user_9999'.",
         *             "param": "events[2][customer]"
         *           }
         *         }
         *       ]
         *     }
         */
        EventBatchResult: {
            /** @constant */
            object: "event_batch";
            accepted: number;
            duplicates: number;
            rejected: number;
            results: components["schemas"]["EventResult"][];
        };
        /**
         * @description `count` events; `sum` or `max` of the numeric `property`; `unique_count` of the distinct
         *     values of `property`; `latest` value of `property`.
         * @enum {string}
         */
        MeterAggregation: "count" | "sum" | "max" | "unique_count" | "latest";
        /** @description Property → the value (or any of the values) an event must have to count. */
        MeterFilters: {
            [key: string]: string | number | boolean | (string | number | boolean)[];
        };
        /**
         * @example {
         *       "id": "mtr_JlBkqMD2Mvhhl7DcVlKx",
         *       "object": "meter",
         *       "key": "messages",
         *       "name": "Messages sent",
         *       "event_name": "message.sent",
         *       "aggregation": "count",
         *       "property": null,
         *       "filters": {},
         *       "allow_negative": false,
         *       "created": 1767604200
         *     }
         */
        Meter: {
            id: string;
            /** @constant */
            object: "meter";
            key: string;
            name: string;
            event_name: string;
            aggregation: components["schemas"]["MeterAggregation"];
            property: string | null;
            filters: components["schemas"]["MeterFilters"];
            /** @description Whether events may carry a negative value for `property` (see MeterCreateParams). */
            allow_negative: boolean;
            created: components["schemas"]["Timestamp"];
        };
        /**
         * @example {
         *       "key": "messages",
         *       "name": "Messages sent",
         *       "event_name": "message.sent",
         *       "aggregation": "count"
         *     }
         */
        MeterCreateParams: {
            key: components["schemas"]["FeatureKey"];
            name?: string;
            event_name: string;
            aggregation: components["schemas"]["MeterAggregation"];
            /** @description Required for every aggregation but `count`. */
            property?: string;
            filters?: components["schemas"]["MeterFilters"];
            /**
             * @description Whether an event may carry a negative value for `property`: a `sum` meter of balance
             *     adjustments or refunds, a `max` or `latest` meter of a gauge that goes below zero.
             *     Only for `sum`, `max` and `latest` (a `count` reads no value, and a `unique_count`
             *     counts values, whatever their sign). Without it an event with a negative value is
             *     rejected (`negative_value`), so a usage total never goes down by mistake.
             * @default false
             */
            allow_negative?: boolean;
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "mtr_JlBkqMD2Mvhhl7DcVlKx",
         *           "object": "meter",
         *           "key": "messages",
         *           "name": "Messages sent",
         *           "event_name": "message.sent",
         *           "aggregation": "count",
         *           "property": null,
         *           "filters": {},
         *           "allow_negative": false,
         *           "created": 1767604200
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/meters"
         *     }
         */
        MeterList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Meter"][];
            has_more: boolean;
            url: string;
        };
        /**
         * @example {
         *       "object": "usage",
         *       "meter": "messages",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "period_start": 1777507392,
         *       "period_end": 1780099392,
         *       "value": 420,
         *       "updated": 1778580898
         *     }
         */
        Usage: {
            /** @constant */
            object: "usage";
            /** @description The meter's key. */
            meter: string;
            customer: string;
            period_start: components["schemas"]["Timestamp"];
            period_end: components["schemas"]["Timestamp"] | null;
            value: number;
            updated: components["schemas"]["Timestamp"];
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "object": "usage",
         *           "meter": "messages",
         *           "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *           "period_start": 1777507392,
         *           "period_end": 1780099392,
         *           "value": 420,
         *           "updated": 1778580898
         *         },
         *         {
         *           "object": "usage",
         *           "meter": "messages",
         *           "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *           "period_start": 1777593600,
         *           "period_end": 1780272000,
         *           "value": 391,
         *           "updated": 1778580898
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/customers/cus_4fP2b8Xk3LmQ9rT1vW6y/usage"
         *     }
         */
        UsageList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Usage"][];
            has_more: boolean;
            url: string;
        };
        /**
         * @example {
         *       "meter": "messages",
         *       "customer": "user_1234",
         *       "start": 1777593600,
         *       "end": 1777852800,
         *       "group_by": "day"
         *     }
         */
        UsageQueryParams: {
            meter: string;
            customer?: string;
            /** @description Unix seconds, at most 4102444800 (2100-01-01). */
            start: number;
            /** @description Unix seconds, after `start`, at most 4102444800 (2100-01-01). */
            end: number;
            /** @description `day` (UTC), or `property:<name>` for the values of an event property. */
            group_by?: string;
        };
        UsageQueryRow: {
            /** @description The day (`2026-03-01`) or property value; null without grouping or for events without the property. */
            group: string | null;
            value: number;
        };
        /**
         * @example {
         *       "object": "usage_query",
         *       "meter": "messages",
         *       "start": 1777593600,
         *       "end": 1777852800,
         *       "group_by": "day",
         *       "data": [
         *         {
         *           "group": "2026-05-01",
         *           "value": 38
         *         },
         *         {
         *           "group": "2026-05-02",
         *           "value": 12
         *         },
         *         {
         *           "group": "2026-05-03",
         *           "value": 41
         *         }
         *       ]
         *     }
         */
        UsageQueryResult: {
            /** @constant */
            object: "usage_query";
            meter: string;
            start: components["schemas"]["Timestamp"];
            end: components["schemas"]["Timestamp"];
            group_by: string | null;
            data: components["schemas"]["UsageQueryRow"][];
        };
        CheckoutSessionCreateParams: {
            /** @description The customer (id or external_id). Required with a secret key; with a publishable key it is the token's customer. */
            customer?: string;
            /** @description The plan (id or key), at its current version. */
            plan: string;
            /**
             * Format: uri
             * @description Where the customer lands after paying; the server's own "thank you" page when absent.
             *     An `https:` URL (`http:` only for localhost, 127.0.0.1 and ::1, unless the server sets
             *     `NOZLE_ALLOW_HTTP_REDIRECTS`); anything else is a `400` (`url_invalid`).
             */
            success_url?: string;
            /**
             * Format: uri
             * @description Where the customer lands when they give up; the server's own page when absent. The same rule as `success_url`.
             */
            cancel_url?: string;
            /** @description Overrides the plan's trial (recurring plans only). */
            trial_days?: number;
            /** @description Seats of a `per_seat` plan (default 1; any other plan takes 1 only). The subscription's `quantity`. */
            quantity?: number;
            /**
             * @description Lets the buyer change the seats on the checkout page, between `minimum` (default 1)
             *     and `maximum` (default 99), as Stripe's `line_items[].adjustable_quantity`; the
             *     subscription gets the quantity bought. A `per_seat` plan only.
             */
            adjustable_quantity?: {
                enabled: boolean;
                minimum?: number;
                maximum?: number;
            };
            /**
             * @description A coupon (its id) applied to the subscription the checkout starts, checked now as
             *     `coupon` on a subscription is (a `400` naming `coupon` when it may not be redeemed for
             *     this plan and customer); counted once the checkout completes. In Stripe mode it is sent
             *     as the session's `discounts`. Not with `promotion_code` or `allow_promotion_codes`.
             */
            coupon?: string;
            /**
             * @description A promotion code (its id, or the code itself) applied as `coupon` is, with the code's own
             *     restrictions checked too. Not with `coupon` or `allow_promotion_codes`.
             */
            promotion_code?: string;
            /**
             * @description Lets the buyer type a promotion code on the checkout page (Stripe's
             *     `allow_promotion_codes`); a code that may not be redeemed is refused there. Stripe
             *     forbids it with a discount given: not with `coupon` or `promotion_code`.
             */
            allow_promotion_codes?: boolean;
        };
        /**
         * @example {
         *       "id": "cs_8Hq2LmN4pR6tV9wX1yZ3",
         *       "object": "checkout.session",
         *       "url": "http://127.0.0.1:4000/sandbox/checkout/cs_sbx_Jk3Lm8Np2Qr5St7Uv9Wx",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "plan": "pro",
         *       "plan_version": 1,
         *       "mode": "subscription",
         *       "status": "open",
         *       "provider": "sandbox",
         *       "success_url": "https://app.example.com/billing?paid=1",
         *       "cancel_url": "https://app.example.com/pricing",
         *       "expires_at": 1775001600,
         *       "created": 1774915200
         *     }
         */
        CheckoutSession: {
            id: string;
            /** @constant */
            object: "checkout.session";
            /** @description The hosted page to send the customer to. */
            url: string;
            customer: string;
            /** @description The plan's key. */
            plan: string;
            plan_version: number;
            /** @enum {string} */
            mode: "subscription" | "payment";
            /** @enum {string} */
            status: "open" | "complete" | "expired";
            provider: components["schemas"]["PaymentProviderName"];
            success_url: string;
            cancel_url: string;
            expires_at: components["schemas"]["Timestamp"];
            created: components["schemas"]["Timestamp"];
        };
        /**
         * @example {
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "return_url": "https://app.example.com/billing"
         *     }
         */
        PortalSessionCreateParams: {
            /** @description The customer (id or external_id). Required with a secret key. */
            customer?: string;
            /**
             * Format: uri
             * @description Where the portal's "back" link goes. An `https:` URL (`http:` only for localhost, 127.0.0.1 and ::1, unless the server sets `NOZLE_ALLOW_HTTP_REDIRECTS`).
             */
            return_url?: string;
        };
        /**
         * @example {
         *       "id": "bps_FR2wkI3ZQPJVkIvrTPrn",
         *       "object": "portal.session",
         *       "url": "http://127.0.0.1:4000/sandbox/portal/bps_sbx_3MwaBd4SIMQj43yJ",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "provider": "sandbox",
         *       "return_url": "https://app.example.com/billing",
         *       "expires_at": 1778667300,
         *       "created": 1778580900
         *     }
         */
        PortalSession: {
            id: string;
            /** @constant */
            object: "portal.session";
            url: string;
            customer: string;
            provider: components["schemas"]["PaymentProviderName"];
            return_url: string;
            expires_at: components["schemas"]["Timestamp"];
            created: components["schemas"]["Timestamp"];
        };
        /** @enum {string} */
        PaymentProviderName: "stripe" | "sandbox";
        /**
         * @description A Stripe event, as Stripe sends it (only the envelope is checked here).
         * @example {
         *       "id": "evt_1RqK8sLkdIwHu7ixYb2XnP4c",
         *       "object": "event",
         *       "type": "customer.subscription.updated",
         *       "created": 1778580900,
         *       "data": {
         *         "object": {
         *           "id": "sub_1RqK7uLkdIwHu7ixQ0mN3aB9",
         *           "object": "subscription",
         *           "customer": "cus_SmB4Zk0Yw1xEa7",
         *           "status": "active"
         *         }
         *       }
         *     }
         */
        StripeEventEnvelope: {
            id: string;
            /** @constant */
            object: "event";
            type: string;
            created: number;
            data: {
                object: Record<string, never>;
            };
        };
        /**
         * @example {
         *       "received": true,
         *       "event": "evt_1RqK8sLkdIwHu7ixYb2XnP4c",
         *       "status": "processed",
         *       "duplicate": false
         *     }
         */
        WebhookReceipt: {
            /** @constant */
            received: true;
            event: string;
            status: components["schemas"]["PaymentEventStatus"];
            /** @description `true` when this event id had been received before. */
            duplicate?: boolean;
        };
        /** @enum {string} */
        PaymentEventStatus: "pending" | "processed" | "failed" | "ignored";
        /**
         * @example {
         *       "id": "evt_sbx_Ccy2btCfr0uvalkO",
         *       "object": "payment_event",
         *       "provider": "sandbox",
         *       "type": "invoice.paid",
         *       "status": "processed",
         *       "attempts": 1,
         *       "last_error": null,
         *       "received_at": 1777507393,
         *       "processed_at": 1777507393,
         *       "next_attempt_at": null
         *     }
         */
        PaymentEvent: {
            /** @description The provider's event id. */
            id: string;
            /** @constant */
            object: "payment_event";
            provider: components["schemas"]["PaymentProviderName"];
            /** @example customer.subscription.updated */
            type: string;
            status: components["schemas"]["PaymentEventStatus"];
            attempts: number;
            last_error: string | null;
            received_at: components["schemas"]["Timestamp"];
            processed_at: components["schemas"]["Timestamp"] | null;
            next_attempt_at: components["schemas"]["Timestamp"] | null;
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "evt_sbx_Ccy2btCfr0uvalkO",
         *           "object": "payment_event",
         *           "provider": "sandbox",
         *           "type": "invoice.paid",
         *           "status": "processed",
         *           "attempts": 1,
         *           "last_error": null,
         *           "received_at": 1777507393,
         *           "processed_at": 1777507393,
         *           "next_attempt_at": null
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/payment_events"
         *     }
         */
        PaymentEventList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["PaymentEvent"][];
            has_more: boolean;
            url: string;
        };
        ReconciliationChange: {
            /** @enum {string} */
            object: "subscription" | "purchase";
            /** @description Nozle's id of the subscription or purchase. */
            id: string;
            provider_id: string;
            customer: string;
            /** @enum {string} */
            action: "created" | "updated";
            /** @description Each changed field, as `[before, after]`. */
            fields: {
                [key: string]: unknown[];
            };
        };
        /**
         * @example {
         *       "id": "rec_XBifO1R8Mdjnt8Se2eyN",
         *       "object": "reconciliation",
         *       "trigger": "schedule",
         *       "started_at": 1778554800,
         *       "finished_at": 1778554802,
         *       "checked": 14,
         *       "changes": [
         *         {
         *           "object": "subscription",
         *           "id": "sub_7EGteCBU1Gn4uGzIpSDp",
         *           "provider_id": "sub_sbx_pMdCZF778tmoBt1h",
         *           "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *           "action": "updated",
         *           "fields": {
         *             "status": [
         *               "past_due",
         *               "active"
         *             ],
         *             "past_due_since": [
         *               1778490000,
         *               null
         *             ]
         *           }
         *         }
         *       ],
         *       "error": null
         *     }
         */
        Reconciliation: {
            id: string;
            /** @constant */
            object: "reconciliation";
            /** @enum {string} */
            trigger: "schedule" | "api";
            started_at: components["schemas"]["Timestamp"];
            finished_at: components["schemas"]["Timestamp"] | null;
            /** @description How many provider objects it compared. */
            checked: number;
            changes: components["schemas"]["ReconciliationChange"][];
            error: string | null;
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "rec_XBifO1R8Mdjnt8Se2eyN",
         *           "object": "reconciliation",
         *           "trigger": "schedule",
         *           "started_at": 1778554800,
         *           "finished_at": 1778554802,
         *           "checked": 14,
         *           "changes": [
         *             {
         *               "object": "subscription",
         *               "id": "sub_7EGteCBU1Gn4uGzIpSDp",
         *               "provider_id": "sub_sbx_pMdCZF778tmoBt1h",
         *               "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *               "action": "updated",
         *               "fields": {
         *                 "status": [
         *                   "past_due",
         *                   "active"
         *                 ],
         *                 "past_due_since": [
         *                   1778490000,
         *                   null
         *                 ]
         *               }
         *             }
         *           ],
         *           "error": null
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/reconciliations"
         *     }
         */
        ReconciliationList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Reconciliation"][];
            has_more: boolean;
            url: string;
        };
        /**
         * @example {
         *       "object": "test_clock",
         *       "now": 1781259300,
         *       "offset_seconds": 2678400
         *     }
         */
        TestClock: {
            /** @constant */
            object: "test_clock";
            now: components["schemas"]["Timestamp"];
            /** @description How far ahead of the server's time this project's clock has been moved. */
            offset_seconds: number;
        };
        /**
         * @description Give exactly one of `to` and `seconds`. Either way the clock goes at most ten years
         *     (315360000 seconds) past the server's time; a move beyond is a 400 naming the parameter.
         * @example {
         *       "seconds": 2678400
         *     }
         */
        TestClockAdvanceParams: {
            /** @description The instant to move to, as Unix seconds (at most ten years past the server's time). */
            to?: number;
            /** @description How far to move, in seconds (the result at most ten years past the server's time). */
            seconds?: number;
        };
        /**
         * @description A non-negative decimal in the currency's minor unit (cents), as a string so that
         *     fractions of a cent stay exact: `"1500"`, `"0.5"`, `"0.0015"` ($0.000015).
         * @example 0.5
         */
        DecimalAmount: string;
        /**
         * @description A non-negative number of units as a decimal string, exact.
         * @example 10500
         */
        DecimalQuantity: string;
        /**
         * @description `per_unit`: `unit_amount` per unit. `graduated`: each tier's units at that tier's rate
         *     (a tier's `flat_amount` is added when any unit falls in it). `volume`: every unit at the
         *     rate of the tier the total falls in, plus that tier's `flat_amount`. `package`:
         *     `unit_amount` per started package of `package_size` units.
         * @enum {string}
         */
        PriceModel: "per_unit" | "graduated" | "volume" | "package";
        PriceTier: {
            /** @description The last unit of the tier, inclusive; `null` on the last tier (which has no end). */
            up_to: number | null;
            unit_amount: components["schemas"]["DecimalAmount"];
            flat_amount?: components["schemas"]["DecimalAmount"];
        };
        /**
         * @description A usage price: what one meter's usage in a billing period costs. `free_units` come off
         *     the usage first; `minimum_amount` / `maximum_amount` bound what the price charges per
         *     period (a minimum applies even with no usage).
         */
        PriceParams: {
            key: components["schemas"]["FeatureKey"];
            /** @description The meter (id or key) whose usage the price rates. */
            meter: string;
            model: components["schemas"]["PriceModel"];
            unit_amount?: components["schemas"]["DecimalAmount"];
            tiers?: components["schemas"]["PriceTier"][];
            package_size?: number;
            free_units?: components["schemas"]["DecimalQuantity"];
            minimum_amount?: components["schemas"]["DecimalAmount"];
            maximum_amount?: components["schemas"]["DecimalAmount"];
        };
        /** @description A usage price of a plan version; fields that do not apply to its model are `null`. */
        Price: {
            key: string;
            /** @description The meter's key. */
            meter: string;
            model: components["schemas"]["PriceModel"];
            unit_amount: components["schemas"]["DecimalAmount"] | null;
            tiers: components["schemas"]["PriceTier"][] | null;
            package_size: number | null;
            free_units: components["schemas"]["DecimalQuantity"] | null;
            minimum_amount: components["schemas"]["DecimalAmount"] | null;
            maximum_amount: components["schemas"]["DecimalAmount"] | null;
        };
        /**
         * @description Prepaid credit in one currency, in whole minor units, and what is left of it.
         * @example {
         *       "id": "crg_Q3kLmN8pRt2vWx5yZa1b",
         *       "object": "credit_grant",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "currency": "usd",
         *       "amount": 5000,
         *       "remaining": 3790,
         *       "expires_at": 1785283392,
         *       "description": "Prepaid pack, 50 dollars",
         *       "purchase": null,
         *       "revoked_at": null,
         *       "revoked_amount": null,
         *       "created": 1777507392
         *     }
         */
        CreditGrant: {
            id: string;
            /** @constant */
            object: "credit_grant";
            customer: string;
            currency: components["schemas"]["Currency"];
            /** @description What was granted. */
            amount: number;
            /** @description What invoices have not drawn yet (an expired grant keeps it, unused). */
            remaining: number;
            /** @description From this instant the grant is no longer used; `null` = never. */
            expires_at: components["schemas"]["Timestamp"] | null;
            description: string | null;
            /** @description The purchase (of a one_time plan with credits) that granted it; `null` for a grant by hand. */
            purchase: string | null;
            /** @description When a refund of its purchase removed what remained; `null` if never. */
            revoked_at: components["schemas"]["Timestamp"] | null;
            /** @description What remained when it was revoked (now 0 in `remaining`). */
            revoked_amount: number | null;
            created: components["schemas"]["Timestamp"];
        };
        /**
         * @example {
         *       "amount": 5000,
         *       "currency": "usd",
         *       "expires_at": 1785283392,
         *       "description": "Prepaid pack, 50 dollars"
         *     }
         */
        CreditGrantCreateParams: {
            /** @description Whole minor units (cents). */
            amount: number;
            currency: components["schemas"]["Currency"];
            expires_at?: components["schemas"]["TimestampInput"];
            description?: string;
        };
        /**
         * @example {
         *       "object": "credit_balance",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "balances": {
         *         "usd": 3790
         *       },
         *       "grants": [
         *         {
         *           "id": "crg_Q3kLmN8pRt2vWx5yZa1b",
         *           "object": "credit_grant",
         *           "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *           "currency": "usd",
         *           "amount": 5000,
         *           "remaining": 3790,
         *           "expires_at": 1785283392,
         *           "description": "Prepaid pack, 50 dollars",
         *           "purchase": null,
         *           "revoked_at": null,
         *           "revoked_amount": null,
         *           "created": 1777507392
         *         }
         *       ]
         *     }
         */
        CreditBalance: {
            /** @constant */
            object: "credit_balance";
            customer: string;
            /** @description Per currency, the sum of `remaining` over the grants not expired. */
            balances: {
                [key: string]: number;
            };
            grants: components["schemas"]["CreditGrant"][];
        };
        /**
         * @example {
         *       "currency": "usd",
         *       "threshold": 1000,
         *       "amount": 5000
         *     }
         */
        AutoTopUpParams: {
            currency: components["schemas"]["Currency"];
            /** @description Whole minor units; a balance below it buys a pack. */
            threshold: number;
            /** @description The credit each top-up buys, in whole minor units, charged as the same amount in `currency`. */
            amount: number;
            /** @description `false` keeps the setting without buying anything; `true` when absent. */
            enabled?: boolean;
        };
        /**
         * @description A customer's auto top-up in one currency.
         * @example {
         *       "object": "auto_top_up",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "currency": "usd",
         *       "enabled": true,
         *       "threshold": 1000,
         *       "amount": 5000,
         *       "armed": true,
         *       "last_top_up": null,
         *       "created": 1777507392,
         *       "updated": 1777507392
         *     }
         */
        AutoTopUp: {
            /** @constant */
            object: "auto_top_up";
            customer: string;
            currency: components["schemas"]["Currency"];
            enabled: boolean;
            threshold: number;
            amount: number;
            /** @description Whether the next fall below `threshold` buys a pack; `false` from a top-up until the balance is back at or above it. */
            armed: boolean;
            /** @description The latest top-up in this currency; `null` before the first. */
            last_top_up: components["schemas"]["CreditTopUp"] | null;
            created: components["schemas"]["Timestamp"];
            updated: components["schemas"]["Timestamp"];
        };
        /**
         * @description One purchase of credit by an auto top-up, and how it ended.
         * @example {
         *       "id": "ctu_7Hk2mP9qR4tW1xZ8bN3c",
         *       "object": "credit_top_up",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "currency": "usd",
         *       "amount": 5000,
         *       "threshold": 1000,
         *       "balance": 740,
         *       "status": "succeeded",
         *       "failure": null,
         *       "provider": "stripe",
         *       "provider_invoice_id": "in_1Q2w3E4r5T6y7U8i",
         *       "grant": "crg_Q3kLmN8pRt2vWx5yZa1b",
         *       "created": 1777507392,
         *       "settled_at": 1777507393
         *     }
         */
        CreditTopUp: {
            /** @description Also the idempotency key of its charge at the provider. */
            id: string;
            /** @constant */
            object: "credit_top_up";
            customer: string;
            currency: components["schemas"]["Currency"];
            /** @description The credit bought, charged as the same amount in `currency`. */
            amount: number;
            /** @description The setting's threshold when the balance crossed it. */
            threshold: number;
            /** @description The balance that fell below it. */
            balance: number;
            /**
             * @description `pending` until the job has charged it; then `succeeded` (its `grant` made) or `failed` (not tried again).
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed";
            /** @description Why it failed (`card_declined`, `no_payment_method`, or the provider's code); `null` otherwise. */
            failure: {
                code: string;
                message: string;
            } | null;
            /** @description Where it was charged (`stripe`, `sandbox`); `null` when no payment method was found. */
            provider: string | null;
            provider_invoice_id: string | null;
            /** @description The credit grant it made (`crg_…`), once it succeeded. */
            grant: string | null;
            created: components["schemas"]["Timestamp"];
            settled_at: components["schemas"]["Timestamp"] | null;
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "object": "auto_top_up",
         *           "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *           "currency": "usd",
         *           "enabled": true,
         *           "threshold": 1000,
         *           "amount": 5000,
         *           "armed": true,
         *           "last_top_up": null,
         *           "created": 1777507392,
         *           "updated": 1777507392
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/customers/cus_4fP2b8Xk3LmQ9rT1vW6y/credits/auto_top_up"
         *     }
         */
        AutoTopUpList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["AutoTopUp"][];
            /** @constant */
            has_more: false;
            url: string;
        };
        /**
         * @example {
         *       "object": "auto_top_up",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "currency": "usd",
         *       "deleted": true
         *     }
         */
        DeletedAutoTopUp: {
            /** @constant */
            object: "auto_top_up";
            customer: string;
            currency: components["schemas"]["Currency"];
            /** @constant */
            deleted: true;
        };
        /**
         * @example {
         *       "id": "cm_Z8yX7wV6uT5sR4qP3oN2",
         *       "object": "cost_model",
         *       "meter": "input_tokens",
         *       "property": "model",
         *       "value": "gpt-4o",
         *       "unit_cost": "0.00025",
         *       "currency": "usd",
         *       "effective_from": 1775001600,
         *       "effective_to": null,
         *       "created": 1774998000
         *     }
         */
        CostModel: {
            id: string;
            /** @constant */
            object: "cost_model";
            /** @description The meter's key. */
            meter: string;
            property: string | null;
            value: string | null;
            unit_cost: components["schemas"]["DecimalAmount"];
            currency: components["schemas"]["Currency"];
            effective_from: components["schemas"]["Timestamp"];
            effective_to: components["schemas"]["Timestamp"] | null;
            created: components["schemas"]["Timestamp"];
        };
        /**
         * @example {
         *       "meter": "input_tokens",
         *       "property": "model",
         *       "value": "gpt-4o",
         *       "unit_cost": "0.00025",
         *       "currency": "usd",
         *       "effective_from": 1775001600
         *     }
         */
        CostModelCreateParams: {
            /** @description The meter's id or key. */
            meter: string;
            /** @description With `value`, the event property this model is for. */
            property?: string;
            value?: string;
            unit_cost: components["schemas"]["DecimalAmount"];
            currency?: components["schemas"]["Currency"];
            /** @description Midnight UTC; the start of time when absent. */
            effective_from?: components["schemas"]["TimestampInput"];
            /** @description Midnight UTC, exclusive; open-ended when absent. */
            effective_to?: components["schemas"]["TimestampInput"];
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "cm_Z8yX7wV6uT5sR4qP3oN2",
         *           "object": "cost_model",
         *           "meter": "input_tokens",
         *           "property": "model",
         *           "value": "gpt-4o",
         *           "unit_cost": "0.00025",
         *           "currency": "usd",
         *           "effective_from": 1775001600,
         *           "effective_to": null,
         *           "created": 1774998000
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/cost_models"
         *     }
         */
        CostModelList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["CostModel"][];
            has_more: boolean;
            url: string;
        };
        /**
         * @description `revenue`: whole minor units. `cost`: exact, in minor units (never rounded). `margin` =
         *     revenue − cost, exact. `margin_percent` = margin ÷ revenue × 100, rounded half away from
         *     zero to 2 decimals; `null` when revenue is 0.
         */
        MarginFigures: {
            revenue: number;
            cost: components["schemas"]["DecimalAmount"];
            margin: string;
            margin_percent: string | null;
        };
        MarginGroup: {
            /**
             * @description The customer's id, the plan's key, the meter's key or the property's value; `null`
             *     collects what cannot be told apart by it (base fees and credit by meter, revenue by
             *     property value, cost of a customer without a subscription by plan).
             */
            key: string | null;
            revenue: number;
            cost: components["schemas"]["DecimalAmount"];
            margin: string;
            margin_percent: string | null;
        };
        /**
         * @example {
         *       "object": "margin_report",
         *       "start": 1775001600,
         *       "end": 1777593600,
         *       "currency": "usd",
         *       "group_by": "customer",
         *       "groups": [
         *         {
         *           "key": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *           "revenue": 7986,
         *           "cost": "1234.5",
         *           "margin": "6751.5",
         *           "margin_percent": "84.54"
         *         }
         *       ],
         *       "totals": {
         *         "revenue": 7986,
         *         "cost": "1234.5",
         *         "margin": "6751.5",
         *         "margin_percent": "84.54"
         *       },
         *       "active_subscriptions": 12,
         *       "mrr": 34800,
         *       "churn_rate": "8.33"
         *     }
         */
        MarginReport: {
            /** @constant */
            object: "margin_report";
            start: components["schemas"]["Timestamp"];
            end: components["schemas"]["Timestamp"];
            currency: components["schemas"]["Currency"];
            /** @enum {string} */
            group_by: "customer" | "plan" | "meter" | "property";
            groups: components["schemas"]["MarginGroup"][];
            totals: components["schemas"]["MarginFigures"];
            /** @description Subscriptions trialing, active or past due now. */
            active_subscriptions: number;
            /**
             * @description The monthly base price of the active and past-due subscriptions in `currency` (a
             *     yearly one counts a twelfth), summed exactly and rounded once, half away from zero.
             */
            mrr: number;
            /**
             * @description Percent: subscriptions canceled in the window ÷ those live at its start × 100,
             *     2 decimals, half away from zero; `null` when none were live at the start.
             */
            churn_rate: string | null;
        };
        /**
         * @description `draft` while it is being built; `open` once finalized and not yet paid (a subscription
         *     you bill yourself, or one billed by Stripe); `paid` once collected (the sandbox charges
         *     it when it is finalized) or recorded as paid; `uncollectible` when marked a bad debt (it
         *     can still be paid or voided); `void` when voided (final). From `open`: pay → `paid`,
         *     void → `void`, mark_uncollectible → `uncollectible`; from `uncollectible`: pay or void.
         * @enum {string}
         */
        InvoiceStatus: "draft" | "open" | "paid" | "uncollectible" | "void";
        /** @description One part of a usage line's amount, exact (unrounded). */
        InvoiceLineTier: {
            /** @description Index into the price's `tiers`; `null` for `per_unit` and `package`. */
            tier: number | null;
            quantity: components["schemas"]["DecimalQuantity"];
            unit_amount: components["schemas"]["DecimalAmount"];
            flat_amount: components["schemas"]["DecimalAmount"];
            amount: components["schemas"]["DecimalAmount"];
        };
        /**
         * @description `base_fee`: the plan's `base_price`, quantity 1; for a `per_seat` plan, the
         *     subscription's `quantity` at `base_price` each (none for a trial period). `usage`: one
         *     per usage price, with the meter's aggregate over the period as `quantity`, the parts it
         *     was priced in (`tiers`), any minimum/maximum `adjustment`, the exact amount, and
         *     `amount`: the exact amount rounded once to whole minor units, half away from zero.
         *     `credit`: prepaid credit drawn from one grant (`credit_grant`), a negative `amount`; credit
         *     covers usage lines only, never the base fee. `proration`: on a subscription Nozle bills
         *     itself (not one billed by Stripe or the sandbox, which prorate there), each plan or quantity change
         *     within the period gives two lines over [change, scheduled period end): a credit for the
         *     unused time on the old plan's `base_price` (× the old quantity when per seat; negative
         *     `amount`) and a charge for the remaining time on the new one (× the new quantity), each the full price × remaining seconds / period seconds,
         *     rounded once half away from zero (a zero line is left out). The `base_fee` line is then the base price of the plan
         *     in effect at the period's start; usage lines are rated with the prices of the plan version
         *     in effect at the period's end (the invoice's `plan_version`).
         */
        InvoiceLine: {
            /** @enum {string} */
            type: "base_fee" | "usage" | "credit" | "proration";
            description: string;
            /** @description The usage price's key; `null` on the base fee. */
            price: string | null;
            /** @description The meter's key; `null` on the base fee. */
            meter: string | null;
            quantity: components["schemas"]["DecimalQuantity"];
            free_quantity: components["schemas"]["DecimalQuantity"];
            /** @description The price per unit (per package for `package`); `null` for tiered prices, whose rates are in `tiers`. */
            unit_amount: components["schemas"]["DecimalAmount"] | null;
            tiers: components["schemas"]["InvoiceLineTier"][];
            /** @description What `minimum_amount` added (positive) or `maximum_amount` took off (negative). */
            adjustment: {
                /** @enum {string} */
                reason: "minimum" | "maximum";
                amount: string;
            } | null;
            /** @description The amount before rounding, in minor units; negative on a `credit` line. On a `proration` line, its rounded `amount` (the fraction of the period rarely ends as a decimal). */
            exact_amount: string;
            /** @description Whole minor units; negative on a `credit` line. */
            amount: number;
            /** @description On a `credit` line, the grant it drew on; `null` otherwise. */
            credit_grant: string | null;
            /**
             * @description What each discount took off this line (as Stripe's `discount_amounts`); `amount` stays
             *     the line before discounts. A percent coupon takes its share of every line it applies
             *     to, proration lines included (a credit line's discount is negative: the credit shrinks
             *     as the charge it returns did); a fixed `amount_off` is spread over the positive lines it
             *     applies to in proportion to their amounts. Each rounded half away from zero to the cent.
             */
            discount_amounts: components["schemas"]["DiscountAmount"][];
            /**
             * @description The line's taxes, one per tax rate applied (inclusive rates first), as Stripe's. Empty on
             *     a `credit` line (prepaid credit is a payment, not a discount: it is not taxed), for an
             *     `exempt` or `reverse` customer, and when no rate applies. Computed on the line's amount
             *     after its `discount_amounts` (as Stripe taxes the discounted amount).
             */
            tax_amounts: components["schemas"]["TaxAmount"][];
            period_start: components["schemas"]["Timestamp"];
            period_end: components["schemas"]["Timestamp"];
        };
        /**
         * @description How long a discount of the coupon lasts, from when it is applied (its `start`), as at
         *     Stripe. `once`: the first invoice it reaches, then it ends. `repeating`: the invoice
         *     lines whose period starts within `duration_in_months` months of its `start`. `forever`:
         *     every invoice while it is applied.
         * @enum {string}
         */
        CouponDuration: "once" | "repeating" | "forever";
        /**
         * @example {
         *       "id": "launch20",
         *       "object": "coupon",
         *       "name": "Launch, 20% for 3 months",
         *       "percent_off": 20,
         *       "amount_off": null,
         *       "currency": null,
         *       "currency_options": {},
         *       "duration": "repeating",
         *       "duration_in_months": 3,
         *       "max_redemptions": 100,
         *       "redeem_by": null,
         *       "times_redeemed": 4,
         *       "valid": true,
         *       "applies_to": {
         *         "plans": null
         *       },
         *       "metadata": {},
         *       "created": 1774915392
         *     }
         */
        Coupon: {
            /** @description Yours when you gave one at creation (as at Stripe, where the coupon gets the same id), else `co_…`. */
            id: string;
            /** @constant */
            object: "coupon";
            /** @description Shown to the customer on the invoice's discount. */
            name: string | null;
            /** @description The share taken off each line it applies to, in percent (e.g. 20 or 12.5). */
            percent_off: number | null;
            /** @description A fixed amount taken off each invoice it applies to, in minor units of `currency`, spread over the lines it applies to. */
            amount_off: number | null;
            currency: components["schemas"]["Currency"] | null;
            /** @description `amount_off` in further currencies, by lowercase ISO code: `{ "eur": { "amount_off": 900 } }`. */
            currency_options: {
                [key: string]: {
                    amount_off: number;
                };
            };
            duration: components["schemas"]["CouponDuration"];
            /** @description For `repeating`, how many months. */
            duration_in_months: number | null;
            /** @description How many times it may be applied in all (every promotion code of it counts). */
            max_redemptions: number | null;
            /** @description After this it can no longer be applied. */
            redeem_by: components["schemas"]["Timestamp"] | null;
            times_redeemed: number;
            /** @description Whether it can still be applied (not past `redeem_by`, nor at `max_redemptions`). */
            valid: boolean;
            applies_to: {
                /** @description The plans (keys) whose invoice lines it discounts; `null` for every line. */
                plans: string[] | null;
            };
            metadata: components["schemas"]["Metadata"];
            created: components["schemas"]["Timestamp"];
        };
        /**
         * @description Exactly one of `percent_off` and `amount_off` (with `currency`).
         * @example {
         *       "id": "launch20",
         *       "name": "Launch, 20% for 3 months",
         *       "percent_off": 20,
         *       "duration": "repeating",
         *       "duration_in_months": 3,
         *       "max_redemptions": 100
         *     }
         */
        CouponCreateParams: {
            /** @description Your own id (a code-like name, as at Stripe); `co_…` when absent. */
            id?: string;
            name?: string;
            /** @description At most two decimals. */
            percent_off?: number;
            amount_off?: number;
            currency?: components["schemas"]["Currency"];
            currency_options?: {
                [key: string]: {
                    amount_off: number;
                };
            };
            duration: components["schemas"]["CouponDuration"];
            /** @description Required with `repeating`, refused otherwise. */
            duration_in_months?: number;
            max_redemptions?: number;
            redeem_by?: components["schemas"]["TimestampInput"];
            applies_to?: {
                plans: string[];
            };
            metadata?: components["schemas"]["Metadata"];
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "launch20",
         *           "object": "coupon",
         *           "name": "Launch, 20% for 3 months",
         *           "percent_off": 20,
         *           "amount_off": null,
         *           "currency": null,
         *           "currency_options": {},
         *           "duration": "repeating",
         *           "duration_in_months": 3,
         *           "max_redemptions": 100,
         *           "redeem_by": null,
         *           "times_redeemed": 4,
         *           "valid": true,
         *           "applies_to": {
         *             "plans": null
         *           },
         *           "metadata": {},
         *           "created": 1774915392
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/coupons"
         *     }
         */
        CouponList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Coupon"][];
            has_more: boolean;
            url: string;
        };
        /**
         * @example {
         *       "id": "launch20",
         *       "object": "coupon",
         *       "deleted": true
         *     }
         */
        DeletedCoupon: {
            id: string;
            /** @constant */
            object: "coupon";
            /** @constant */
            deleted: true;
        };
        /**
         * @example {
         *       "id": "promo_3kTq9sWm1xLpB7vN2c",
         *       "object": "promotion_code",
         *       "code": "LAUNCH20",
         *       "coupon": {
         *         "id": "launch20",
         *         "object": "coupon",
         *         "name": "Launch, 20% for 3 months",
         *         "percent_off": 20,
         *         "amount_off": null,
         *         "currency": null,
         *         "currency_options": {},
         *         "duration": "repeating",
         *         "duration_in_months": 3,
         *         "max_redemptions": 100,
         *         "redeem_by": null,
         *         "times_redeemed": 4,
         *         "valid": true,
         *         "applies_to": {
         *           "plans": null
         *         },
         *         "metadata": {},
         *         "created": 1774915392
         *       },
         *       "active": true,
         *       "max_redemptions": null,
         *       "times_redeemed": 4,
         *       "expires_at": null,
         *       "customer": null,
         *       "restrictions": {
         *         "first_time_transaction": true,
         *         "minimum_amount": null,
         *         "minimum_amount_currency": null
         *       },
         *       "metadata": {},
         *       "created": 1774915392
         *     }
         */
        PromotionCode: {
            id: string;
            /** @constant */
            object: "promotion_code";
            /** @description What the customer types. */
            code: string;
            coupon: components["schemas"]["Coupon"];
            active: boolean;
            max_redemptions: number | null;
            times_redeemed: number;
            expires_at: components["schemas"]["Timestamp"] | null;
            /** @description Only this customer may redeem it; `null` for anyone. */
            customer: string | null;
            restrictions: components["schemas"]["PromotionCodeRestrictions"];
            metadata: components["schemas"]["Metadata"];
            created: components["schemas"]["Timestamp"];
        };
        PromotionCodeRestrictions: {
            /** @description Only for a customer with no invoice and no purchase yet, and once per customer (a second redemption by the same customer is refused). */
            first_time_transaction: boolean;
            /** @description Only when the plan's price (base price × seats) is at least this, in minor units of `minimum_amount_currency`. */
            minimum_amount: number | null;
            minimum_amount_currency: components["schemas"]["Currency"] | null;
        };
        /**
         * @example {
         *       "coupon": "launch20",
         *       "code": "LAUNCH20",
         *       "restrictions": {
         *         "first_time_transaction": true
         *       }
         *     }
         */
        PromotionCodeCreateParams: {
            /** @description The coupon's id. */
            coupon: string;
            code: string;
            /** @default true */
            active?: boolean;
            max_redemptions?: number;
            expires_at?: components["schemas"]["TimestampInput"];
            /** @description Only this customer (id or external_id) may redeem it. */
            customer?: string;
            restrictions?: {
                first_time_transaction?: boolean;
                /** @description Requires `minimum_amount_currency`. */
                minimum_amount?: number;
                minimum_amount_currency?: components["schemas"]["Currency"];
            };
            metadata?: components["schemas"]["Metadata"];
        };
        /**
         * @example {
         *       "active": false
         *     }
         */
        PromotionCodeUpdateParams: {
            active?: boolean;
            metadata?: components["schemas"]["MetadataUpdate"];
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "promo_3kTq9sWm1xLpB7vN2c",
         *           "object": "promotion_code",
         *           "code": "LAUNCH20",
         *           "coupon": {
         *             "id": "launch20",
         *             "object": "coupon",
         *             "name": "Launch, 20% for 3 months",
         *             "percent_off": 20,
         *             "amount_off": null,
         *             "currency": null,
         *             "currency_options": {},
         *             "duration": "repeating",
         *             "duration_in_months": 3,
         *             "max_redemptions": 100,
         *             "redeem_by": null,
         *             "times_redeemed": 4,
         *             "valid": true,
         *             "applies_to": {
         *               "plans": null
         *             },
         *             "metadata": {},
         *             "created": 1774915392
         *           },
         *           "active": true,
         *           "max_redemptions": null,
         *           "times_redeemed": 4,
         *           "expires_at": null,
         *           "customer": null,
         *           "restrictions": {
         *             "first_time_transaction": true,
         *             "minimum_amount": null,
         *             "minimum_amount_currency": null
         *           },
         *           "metadata": {},
         *           "created": 1774915392
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/promotion_codes"
         *     }
         */
        PromotionCodeList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["PromotionCode"][];
            has_more: boolean;
            url: string;
        };
        /** @description A coupon applied to a subscription or to a customer (whose subscriptions without one of their own get it), as Stripe's discount. */
        Discount: {
            id: string;
            /** @constant */
            object: "discount";
            coupon: components["schemas"]["Coupon"];
            /** @description The promotion code redeemed for it, if one was. */
            promotion_code: string | null;
            customer: string;
            /** @description `null` on a customer's discount. */
            subscription: string | null;
            start: components["schemas"]["Timestamp"];
            /** @description When a `repeating` coupon's discount ends; `null` for `once` and `forever`. */
            end: components["schemas"]["Timestamp"] | null;
        };
        DiscountAmount: {
            /** @description Minor units taken off (negative on a credit line, whose credit the discount reduces). */
            amount: number;
            /** @description The discount's id. */
            discount: string;
        };
        /**
         * @description A subscription's bill for one billing period `[period_start, period_end)`, built once
         *     the period has ended (exactly once per subscription and period). Amounts are integers
         *     in the currency's minor unit: each line is rated exactly and rounded once, half away
         *     from zero (0.5 → 1); `subtotal` is the sum of the rounded charge lines (base fee, usage and
         *     proration), and `total` is `subtotal` less the `credit` lines: the sum of every line. A
         *     subscription Nozle bills itself that is canceled at once mid-period gets one final invoice
         *     for `[period_start, canceled_at)`: usage up to the cancellation, and the period's base fee
         *     (and proration lines) in full: the unused time of the base fee is not refunded, unless the
         *     cancel asked for `prorate` (then a negative `proration` line credits it).
         * @example {
         *       "id": "in_fHQ6kfsxsmJgEs89iRKD",
         *       "object": "invoice",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "subscription": "sub_7EGteCBU1Gn4uGzIpSDp",
         *       "plan": "pro",
         *       "plan_version": 1,
         *       "status": "paid",
         *       "currency": "usd",
         *       "period_start": 1774915392,
         *       "period_end": 1777507392,
         *       "trial": false,
         *       "lines": [
         *         {
         *           "type": "base_fee",
         *           "description": "Pro",
         *           "price": null,
         *           "meter": null,
         *           "quantity": "1",
         *           "free_quantity": "0",
         *           "unit_amount": "2000",
         *           "tiers": [],
         *           "adjustment": null,
         *           "exact_amount": "2000",
         *           "amount": 2000,
         *           "credit_grant": null,
         *           "discount_amounts": [],
         *           "tax_amounts": [],
         *           "period_start": 1774915392,
         *           "period_end": 1777507392
         *         },
         *         {
         *           "type": "usage",
         *           "description": "messages_overage (messages)",
         *           "price": "messages_overage",
         *           "meter": "messages",
         *           "quantity": "1420",
         *           "free_quantity": "1000",
         *           "unit_amount": "0.5",
         *           "tiers": [
         *             {
         *               "tier": null,
         *               "quantity": "420",
         *               "unit_amount": "0.5",
         *               "flat_amount": "0",
         *               "amount": "210"
         *             }
         *           ],
         *           "adjustment": null,
         *           "exact_amount": "210",
         *           "amount": 210,
         *           "credit_grant": null,
         *           "tax_amounts": [],
         *           "discount_amounts": [],
         *           "period_start": 1774915392,
         *           "period_end": 1777507392
         *         }
         *       ],
         *       "subtotal": 2210,
         *       "tax": 0,
         *       "total_tax_amounts": [],
         *       "total_discount_amounts": [],
         *       "total": 2210,
         *       "customer_tax_exempt": "none",
         *       "created": 1777507395,
         *       "finalized_at": 1777507395,
         *       "due_date": null,
         *       "paid_at": 1777507396,
         *       "paid_out_of_band": false,
         *       "voided_at": null,
         *       "marked_uncollectible_at": null,
         *       "provider": "stripe",
         *       "provider_invoice_id": "in_1RbKx2LkdIwHu7ix0c3Tq8Za",
         *       "number": "ACME-0042",
         *       "hosted_invoice_url": "/invoices/Hq3v9XkT2mLp8sWb4nRc6yJd1fGh5aZe"
         *     }
         */
        Invoice: {
            id: string;
            /** @constant */
            object: "invoice";
            /** @description The customer's id. */
            customer: string;
            subscription: string;
            /** @description The plan's key. */
            plan: string;
            plan_version: number;
            status: components["schemas"]["InvoiceStatus"];
            currency: components["schemas"]["Currency"];
            period_start: components["schemas"]["Timestamp"];
            period_end: components["schemas"]["Timestamp"];
            /** @description Whether the period was a trial (no base fee). */
            trial: boolean;
            lines: components["schemas"]["InvoiceLine"][];
            subtotal: number;
            /**
             * @description What each discount took off the invoice: the sum of its lines' `discount_amounts`.
             *     `total` = `subtotal` − these − prepaid credit (credit draws on what is left of the
             *     usage lines after discounts) + `tax`.
             */
            total_discount_amounts: components["schemas"]["DiscountAmount"][];
            /**
             * @description The exclusive tax: the sum of the lines' exclusive `tax_amounts`, added to the total.
             *     Inclusive taxes are inside the line amounts already and do not add. Taxes are computed
             *     on each line after its discounts, never on prepaid credit (a payment, not a discount).
             */
            tax: number;
            /** @description The taxes summed per tax rate over the lines, as Stripe's. */
            total_tax_amounts: components["schemas"]["TaxAmount"][];
            /**
             * @description `subtotal` − `total_discount_amounts` − prepaid credit (the `credit` lines, negative) +
             *     `tax`: what is charged. Inclusive taxes are already inside the lines' amounts.
             */
            total: number;
            customer_tax_exempt: components["schemas"]["TaxExempt"];
            created: components["schemas"]["Timestamp"];
            finalized_at: components["schemas"]["Timestamp"] | null;
            /**
             * @description When an invoice Nozle collects itself (no `provider`) is due: `NOZLE_INVOICE_DAYS_UNTIL_DUE`
             *     days (30 by default) after it was finalized, as Stripe's `days_until_due`; `null` when
             *     there is nothing to pay or a provider collects it. Still `open` at its due date, it makes
             *     its subscription `past_due` from that date (Nozle's dunning: access is kept for the
             *     `past_due` grace, `NOZLE_PAST_DUE_GRACE_DAYS`; then the subscription is canceled and
             *     its group's default plan given back). Paying, voiding or marking uncollectible what is
             *     overdue makes a `past_due` subscription `active` again.
             */
            due_date: components["schemas"]["Timestamp"] | null;
            /** @description Whether its payment was recorded through the API (pay with `paid_out_of_band`) rather than collected. */
            paid_out_of_band: boolean;
            voided_at: components["schemas"]["Timestamp"] | null;
            marked_uncollectible_at: components["schemas"]["Timestamp"] | null;
            paid_at: components["schemas"]["Timestamp"] | null;
            /**
             * @description The payment provider the invoice was sent to when finalized: with Stripe, its lines
             *     with an amount (then one line per exclusive tax rate, its `total_tax_amounts` amount)
             *     become invoice items on a Stripe invoice that Stripe collects (the
             *     invoice is `open` until Stripe reports it paid); the sandbox pays it at once. `null`
             *     for a subscription billed through the API alone, or when there was nothing to charge.
             */
            provider: components["schemas"]["PaymentProviderName"] | null;
            /** @description Its invoice's id at the provider (`in_…` at Stripe), once sent. */
            provider_invoice_id: string | null;
            /**
             * @description The invoice's number, `{number_prefix}-{n}` (the project's `invoice_settings`), given when
             *     it is finalized, in the finalizing transaction, from a counter per project: numbers run
             *     1, 2, 3… without gaps or repeats (a finalization that fails gives nothing away). `null`
             *     on a `draft`.
             */
            number: string | null;
            /**
             * @description The invoice's page for the customer (HTML, the same content as the PDF, with a link to
             *     the PDF at this address followed by `/pdf`), reachable without a key: the unguessable
             *     token in it is the capability, so share it only with the customer. A path on the Nozle
             *     server (`/invoices/…`): put the server's public address before it (the one your SDK
             *     calls) to link to it. `null` on a `draft`, as at Stripe.
             */
            hosted_invoice_url: string | null;
        };
        /**
         * @description A payment attempt that failed (the `data` of `invoice.payment_failed`): a charge of an
         *     invoice Nozle collects itself through `POST /v1/invoices/{invoice}/pay` that the
         *     customer's payment method declined, or a charge a provider made on its own: the renewal
         *     or retry of a subscription it bills, or a Nozle invoice it was sent to collect.
         * @example {
         *       "object": "invoice_payment_failure",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "invoice": null,
         *       "subscription": {
         *         "id": "sub_7EGteCBU1Gn4uGzIpSDp",
         *         "object": "subscription",
         *         "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *         "plan": "pro",
         *         "plan_version": 1,
         *         "plan_group": "default",
         *         "status": "past_due",
         *         "current_period_start": 1777507392,
         *         "current_period_end": 1780099392,
         *         "billing_cycle_anchor": 1774915392,
         *         "trial_end": null,
         *         "cancel_at_period_end": false,
         *         "canceled_at": null,
         *         "past_due_since": 1777507392,
         *         "scheduled_change": null,
         *         "quantity": 1,
         *         "default_tax_rates": [],
         *         "provider": "sandbox",
         *         "provider_subscription_id": "sub_sbx_pMdCZF778tmoBt1h",
         *         "metadata": {},
         *         "created": 1774915392
         *       },
         *       "provider": "sandbox",
         *       "provider_invoice": "in_sbx_Jk3Lm8Np2Qr5St7U",
         *       "amount_due": 2000,
         *       "currency": "usd",
         *       "attempt_count": 1,
         *       "next_payment_attempt": 1777766592,
         *       "failure_code": "card_declined",
         *       "failure_message": "Your card was declined."
         *     }
         */
        InvoicePaymentFailure: {
            /** @constant */
            object: "invoice_payment_failure";
            /** @description The customer's id. */
            customer: string;
            /** @description The Nozle invoice the attempt was for, as it is after it (still `open`); `null` for a provider's own invoice (the renewal of a subscription it bills). */
            invoice: components["schemas"]["Invoice"] | null;
            /** @description The subscription the charge was for, as it is after it (a failed renewal may have made it `past_due`); `null` when Nozle has none for it. */
            subscription: components["schemas"]["Subscription"] | null;
            provider: components["schemas"]["PaymentProviderName"];
            /** @description The provider's invoice that was charged (`in_…` at Stripe); `null` when it has none. */
            provider_invoice: string | null;
            /** @description What the attempt tried to take, in minor units of `currency`. */
            amount_due: number;
            currency: components["schemas"]["Currency"];
            /** @description Which attempt at this invoice it was (1 for the first); through the API, the number of charges asked for it so far. */
            attempt_count: number;
            /** @description When the provider tries again on its own; `null` when it will not (a charge through the API is tried again only when asked, and a provider's last retry has none). */
            next_payment_attempt: components["schemas"]["Timestamp"] | null;
            /** @description Why, as a code (`card_declined`); `null` when the provider's event does not say (a Stripe renewal's reason is on its PaymentIntent). */
            failure_code: string | null;
            /** @description Why, in words fit to show the customer; `null` with `failure_code`. */
            failure_message: string | null;
        };
        /**
         * @description The invoice the current period would get if it ended now, by the same rules as Invoice; not stored.
         * @example {
         *       "object": "upcoming_invoice",
         *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *       "subscription": "sub_7EGteCBU1Gn4uGzIpSDp",
         *       "plan": "pro",
         *       "plan_version": 1,
         *       "currency": "usd",
         *       "period_start": 1777507392,
         *       "period_end": 1780099392,
         *       "trial": false,
         *       "lines": [
         *         {
         *           "type": "base_fee",
         *           "description": "Pro",
         *           "price": null,
         *           "meter": null,
         *           "quantity": "1",
         *           "free_quantity": "0",
         *           "unit_amount": "2000",
         *           "tiers": [],
         *           "adjustment": null,
         *           "exact_amount": "2000",
         *           "amount": 2000,
         *           "credit_grant": null,
         *           "discount_amounts": [],
         *           "tax_amounts": [],
         *           "period_start": 1777507392,
         *           "period_end": 1780099392
         *         },
         *         {
         *           "type": "usage",
         *           "description": "messages_overage (messages)",
         *           "price": "messages_overage",
         *           "meter": "messages",
         *           "quantity": "420",
         *           "free_quantity": "420",
         *           "unit_amount": "0.5",
         *           "tiers": [
         *             {
         *               "tier": null,
         *               "quantity": "0",
         *               "unit_amount": "0.5",
         *               "flat_amount": "0",
         *               "amount": "0"
         *             }
         *           ],
         *           "adjustment": null,
         *           "exact_amount": "0",
         *           "amount": 0,
         *           "credit_grant": null,
         *           "tax_amounts": [],
         *           "discount_amounts": [],
         *           "period_start": 1777507392,
         *           "period_end": 1780099392
         *         }
         *       ],
         *       "subtotal": 2000,
         *       "tax": 0,
         *       "total_tax_amounts": [],
         *       "total_discount_amounts": [],
         *       "total": 2000,
         *       "customer_tax_exempt": "none",
         *       "as_of": 1778580900
         *     }
         */
        UpcomingInvoice: {
            /** @constant */
            object: "upcoming_invoice";
            customer: string;
            subscription: string;
            plan: string;
            plan_version: number;
            currency: components["schemas"]["Currency"];
            period_start: components["schemas"]["Timestamp"];
            period_end: components["schemas"]["Timestamp"];
            trial: boolean;
            lines: components["schemas"]["InvoiceLine"][];
            subtotal: number;
            /**
             * @description What each discount took off the invoice: the sum of its lines' `discount_amounts`.
             *     `total` = `subtotal` − these − prepaid credit (credit draws on what is left of the
             *     usage lines after discounts) + `tax`.
             */
            total_discount_amounts: components["schemas"]["DiscountAmount"][];
            /**
             * @description The exclusive tax: the sum of the lines' exclusive `tax_amounts`, added to the total.
             *     Inclusive taxes are inside the line amounts already and do not add. Taxes are computed
             *     on each line after its discounts, never on prepaid credit (a payment, not a discount).
             */
            tax: number;
            /** @description The taxes summed per tax rate over the lines, as Stripe's. */
            total_tax_amounts: components["schemas"]["TaxAmount"][];
            /** @description As an Invoice's, `subtotal` − discounts − prepaid credit + `tax`. */
            total: number;
            customer_tax_exempt: components["schemas"]["TaxExempt"];
            /** @description When the preview was made; the usage is everything recorded for the period so far. */
            as_of: components["schemas"]["Timestamp"];
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "in_fHQ6kfsxsmJgEs89iRKD",
         *           "object": "invoice",
         *           "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
         *           "subscription": "sub_7EGteCBU1Gn4uGzIpSDp",
         *           "plan": "pro",
         *           "plan_version": 1,
         *           "status": "paid",
         *           "currency": "usd",
         *           "period_start": 1774915392,
         *           "period_end": 1777507392,
         *           "trial": false,
         *           "lines": [
         *             {
         *               "type": "base_fee",
         *               "description": "Pro",
         *               "price": null,
         *               "meter": null,
         *               "quantity": "1",
         *               "free_quantity": "0",
         *               "unit_amount": "2000",
         *               "tiers": [],
         *               "adjustment": null,
         *               "exact_amount": "2000",
         *               "amount": 2000,
         *               "credit_grant": null,
         *               "discount_amounts": [],
         *               "tax_amounts": [],
         *               "period_start": 1774915392,
         *               "period_end": 1777507392
         *             },
         *             {
         *               "type": "usage",
         *               "description": "messages_overage (messages)",
         *               "price": "messages_overage",
         *               "meter": "messages",
         *               "quantity": "1420",
         *               "free_quantity": "1000",
         *               "unit_amount": "0.5",
         *               "tiers": [
         *                 {
         *                   "tier": null,
         *                   "quantity": "420",
         *                   "unit_amount": "0.5",
         *                   "flat_amount": "0",
         *                   "amount": "210"
         *                 }
         *               ],
         *               "adjustment": null,
         *               "exact_amount": "210",
         *               "amount": 210,
         *               "credit_grant": null,
         *               "tax_amounts": [],
         *               "discount_amounts": [],
         *               "period_start": 1774915392,
         *               "period_end": 1777507392
         *             }
         *           ],
         *           "subtotal": 2210,
         *           "tax": 0,
         *           "total_tax_amounts": [],
         *           "total_discount_amounts": [],
         *           "total": 2210,
         *           "customer_tax_exempt": "none",
         *           "created": 1777507395,
         *           "finalized_at": 1777507395,
         *           "due_date": null,
         *           "paid_at": 1777507396,
         *           "paid_out_of_band": false,
         *           "voided_at": null,
         *           "marked_uncollectible_at": null,
         *           "provider": "stripe",
         *           "provider_invoice_id": "in_1RbKx2LkdIwHu7ix0c3Tq8Za",
         *           "number": "ACME-0042",
         *           "hosted_invoice_url": "/invoices/Hq3v9XkT2mLp8sWb4nRc6yJd1fGh5aZe"
         *         }
         *       ],
         *       "has_more": false,
         *       "url": "/v1/invoices"
         *     }
         */
        InvoiceList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Invoice"][];
            has_more: boolean;
            url: string;
        };
    };
    responses: {
        /** @description The request was invalid; `error.param` names the parameter. */
        BadRequest: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No API key, or an unknown or revoked one. */
        Unauthorized: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The key may not call this endpoint (a publishable key on a secret endpoint). */
        Forbidden: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such object in this project. */
        NotFound: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The request conflicts with the current state: an `Idempotency-Key` whose first
         *     request is still running, or a unique value that is already taken.
         */
        Conflict: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The payment provider (Stripe) refused or could not be reached; nothing was changed. */
        PaymentProviderError: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body is over the size limit (5 MB; 1 MB for provider webhooks); nothing was changed. */
        PayloadTooLarge: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body is not UTF-8 JSON sent as `application/json`; nothing was changed. */
        UnsupportedMediaType: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The key spent its budget for this second (`rate_limit_error`), or this client IP sent too
         *     many requests with a missing or wrong key; nothing was changed. Retry after `Retry-After`
         *     seconds. See [Rate limits](#section/Rate-limits).
         */
        TooManyRequests: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "type": "rate_limit_error",
                 *         "code": "rate_limited",
                 *         "message": "Too many requests with this key: its budget is 100 at a time. Retry after 1 s.",
                 *         "param": null,
                 *         "request_id": "req_5f3kq2b8Xw1mL0pZ"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Something failed on the server's side (`api_error`); retrying the request is safe. */
        InternalError: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The database could not answer in time (unreachable, restarting, or a statement past its
         *     timeout); nothing was changed. `error.type` is `api_error`, `error.code` is
         *     `database_unavailable`; retrying after `Retry-After` seconds is safe.
         */
        ServiceUnavailable: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description With a publishable key: the customer token your backend minted
         *     (`nozle.customerToken(customer)`). It names the only customer the call may act for.
         */
        CustomerToken: string;
        /**
         * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
         *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
         *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
         */
        IdempotencyKey: string;
        /** @description How many objects to return, from 1 to 100. */
        Limit: number;
        /** @description A cursor for the next page, the id of the last object of the page you have. */
        StartingAfter: string;
        /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
        CustomerRef: string;
        /** @description The tax rate's id (`txr_…`). */
        TaxRateId: string;
        /** @description The webhook endpoint's id (`we_…`). */
        WebhookEndpointId: string;
        /** @description The webhook event's id (`whe_…`). */
        WebhookEventId: string;
        /** @description The alert's id (`alr_…`). */
        AlertId: string;
        /** @description The reservation's id (`rsv_…`). */
        ReservationId: string;
        /** @description The API key's id (`key_…`). */
        ApiKeyId: string;
        /** @description The feature's id (`feat_…`) or key. */
        FeatureRef: string;
        /** @description The plan's id (`plan_…`) or key. */
        PlanRef: string;
        /** @description The subscription's id (`sub_…`). */
        SubscriptionId: string;
        /** @description The purchase's id (`pur_…`). */
        PurchaseId: string;
        /** @description The invoice's id (`in_…`). */
        InvoiceId: string;
        /** @description The meter's id (`mtr_…`) or key. */
        MeterRef: string;
    };
    requestBodies: never;
    headers: {
        /** @description The id of this request (`req_…`), also in every error body. */
        RequestId: string;
        /** @description `true` when this response is a replay of a stored idempotent response. */
        IdempotentReplayed: "true";
        /** @description Seconds to wait before retrying. */
        RetryAfter: string;
        /** @description Requests per second this key's budget for the operation allows. */
        RateLimitLimit: string;
        /** @description Requests left in the current second. */
        RateLimitRemaining: string;
        /** @description Seconds until the budget is whole again. */
        RateLimitReset: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": components["schemas"]["HealthStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalError"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve requests. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "checks": {
                     *         "server": "ok",
                     *         "database": "ok",
                     *         "redis": "not_configured"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["HealthStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalError"];
            /** @description Not ready. */
            503: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "unavailable",
                     *       "checks": {
                     *         "server": "ok",
                     *         "database": "unavailable",
                     *         "redis": "not_configured"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["HealthStatus"];
                };
            };
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project the API key belongs to. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectUpdateParams"];
            };
        };
        responses: {
            /** @description The project with its new settings. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCustomers: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Only customers with exactly this email address. */
                email?: string;
                /** @description Only the customer with this `external_id`. */
                external_id?: components["schemas"]["ExternalId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of customers. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCustomer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerCreateParams"];
            };
        };
        responses: {
            /** @description The new customer. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateCustomer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerUpdateParams"];
            };
        };
        responses: {
            /** @description The updated customer. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted customer's id. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedCustomer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of API keys. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreateParams"];
            };
        };
        responses: {
            /** @description The new key, with its secret value. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The API key's id (`key_…`). */
                key: components["parameters"]["ApiKeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "key_RfcfIf5QWHTO9vBqcGuq",
                     *       "object": "api_key",
                     *       "type": "secret",
                     *       "name": "Production backend",
                     *       "redacted": "sk_…EZle",
                     *       "created": 1778533663,
                     *       "last_used": 1778580840,
                     *       "revoked": 1778580900
                     *     }
                     */
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listFeatures: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of features. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeatureList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createFeature: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeatureCreateParams"];
            };
        };
        responses: {
            /** @description The new feature. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feature"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveFeature: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The feature's id (`feat_…`) or key. */
                feature: components["parameters"]["FeatureRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feature. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feature"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateFeature: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The feature's id (`feat_…`) or key. */
                feature: components["parameters"]["FeatureRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeatureUpdateParams"];
            };
        };
        responses: {
            /** @description The updated feature. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feature"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPlans: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of plans. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPlan: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanCreateParams"];
            };
        };
        responses: {
            /** @description The new plan, at version 1. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrievePlan: {
        parameters: {
            query?: {
                /** @description A past version to read; the current one when absent. */
                version?: number;
            };
            header?: never;
            path: {
                /** @description The plan's id (`plan_…`) or key. */
                plan: components["parameters"]["PlanRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updatePlan: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The plan's id (`plan_…`) or key. */
                plan: components["parameters"]["PlanRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanUpdateParams"];
            };
        };
        responses: {
            /** @description The plan at its (possibly new) current version. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    migratePlan: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The plan's id (`plan_…`) or key. */
                plan: components["parameters"]["PlanRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanMigrateParams"];
            };
        };
        responses: {
            /** @description How many subscriptions moved. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanMigration"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listSubscriptions: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Only this customer's (id or external_id). */
                customer?: string;
                status?: components["schemas"]["SubscriptionStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of subscriptions. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createSubscription: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionCreateParams"];
            };
        };
        responses: {
            /** @description The new subscription, or the customer's subscription of the plan's group, changed (see above). */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription's id (`sub_…`). */
                subscription: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateSubscription: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The subscription's id (`sub_…`). */
                subscription: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionUpdateParams"];
            };
        };
        responses: {
            /** @description The updated subscription. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["PaymentProviderError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    cancelSubscription: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The subscription's id (`sub_…`). */
                subscription: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SubscriptionCancelParams"];
            };
        };
        responses: {
            /** @description The canceled (or canceling) subscription. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "sub_7EGteCBU1Gn4uGzIpSDp",
                     *       "object": "subscription",
                     *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
                     *       "plan": "pro",
                     *       "plan_version": 1,
                     *       "plan_group": "default",
                     *       "status": "active",
                     *       "current_period_start": 1777507392,
                     *       "current_period_end": 1780099392,
                     *       "billing_cycle_anchor": 1774915392,
                     *       "trial_end": null,
                     *       "cancel_at_period_end": true,
                     *       "canceled_at": null,
                     *       "past_due_since": null,
                     *       "scheduled_change": null,
                     *       "quantity": 1,
                     *       "default_tax_rates": [],
                     *       "provider": "sandbox",
                     *       "provider_subscription_id": "sub_sbx_pMdCZF778tmoBt1h",
                     *       "metadata": {},
                     *       "created": 1774915392
                     *     }
                     */
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["PaymentProviderError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    cancelScheduledChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription's id (`sub_…`). */
                subscription: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription, with no scheduled change. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["PaymentProviderError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPurchases: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Only this customer's (id or external_id). */
                customer?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of purchases. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPurchase: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PurchaseCreateParams"];
            };
        };
        responses: {
            /** @description The purchase. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Purchase"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrievePurchase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The purchase's id (`pur_…`). */
                purchase: components["parameters"]["PurchaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The purchase. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Purchase"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    refundPurchase: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The purchase's id (`pur_…`). */
                purchase: components["parameters"]["PurchaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The refunded purchase. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "pur_MfbKVKn1kIWshd1g9dCW",
                     *       "object": "purchase",
                     *       "customer": "cus_i4CzkgJX2juGz42v7ga8",
                     *       "plan": "lifetime",
                     *       "plan_version": 1,
                     *       "purchased_at": 1774205100,
                     *       "expires_at": null,
                     *       "refunded_at": 1778580900,
                     *       "provider": null,
                     *       "provider_payment_id": null,
                     *       "metadata": {
                     *         "order_id": "A-10293"
                     *       },
                     *       "created": 1774205100
                     *     }
                     */
                    "application/json": components["schemas"]["Purchase"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["PaymentProviderError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listGrants: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Only entries for this feature key. */
                feature?: components["schemas"]["FeatureKey"];
            };
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of grants and revokes. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createGrant: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantCreateParams"];
            };
        };
        responses: {
            /** @description The recorded grant or revoke. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Grant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getEntitlements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The snapshot. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Entitlements"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    check: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckParams"];
            };
        };
        responses: {
            /** @description The answer. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Check"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    ingestEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventBatchParams"];
            };
        };
        responses: {
            /** @description What happened to each event, in the order sent. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventBatchResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMeters: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of meters. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeterList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createMeter: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeterCreateParams"];
            };
        };
        responses: {
            /** @description The new meter. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meter"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveMeter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The meter's id (`mtr_…`) or key. */
                meter: components["parameters"]["MeterRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The meter. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meter"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCustomerUsage: {
        parameters: {
            query?: {
                /** @description Only this meter (id or key). */
                meter?: string;
                period?: "current" | "all";
            };
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counters. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    queryUsage: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UsageQueryParams"];
            };
        };
        responses: {
            /** @description One row per group. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageQueryResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    realtime: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching to the WebSocket protocol. */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            /** @description This endpoint speaks WebSocket only. */
            426: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "type": "invalid_request_error",
                     *         "code": "upgrade_required",
                     *         "message": "GET /v1/realtime speaks WebSocket: connect with a WebSocket client (see docs/realtime.md).",
                     *         "param": null,
                     *         "request_id": "req_Vn4c8Tq1Lx6Zp0Hs2Dk9"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    resumeSubscription: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The subscription's id (`sub_…`). */
                subscription: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resumed subscription. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["PaymentProviderError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCheckoutSession: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description With a publishable key: the customer token your backend minted
                 *     (`nozle.customerToken(customer)`). It names the only customer the call may act for.
                 */
                "Nozle-Customer-Token"?: components["parameters"]["CustomerToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "customer": "cus_4fP2b8Xk3LmQ9rT1vW6y",
                 *       "plan": "pro",
                 *       "success_url": "https://app.example.com/billing?paid=1",
                 *       "cancel_url": "https://app.example.com/pricing"
                 *     }
                 */
                "application/json": components["schemas"]["CheckoutSessionCreateParams"];
            };
        };
        responses: {
            /** @description The session; send the customer to its `url`. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["PaymentProviderError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPortalSession: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description With a publishable key: the customer token your backend minted
                 *     (`nozle.customerToken(customer)`). It names the only customer the call may act for.
                 */
                "Nozle-Customer-Token"?: components["parameters"]["CustomerToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PortalSessionCreateParams"];
            };
        };
        responses: {
            /** @description The session; send the customer to its `url`. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["PaymentProviderError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    receiveStripeWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description Stripe's signature header. */
                "Stripe-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StripeEventEnvelope"];
            };
        };
        responses: {
            /** @description Stored (and processed, or queued for a retry). */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Stripe is not configured on this server (it runs the sandbox). */
            404: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "type": "invalid_request_error",
                     *         "code": "stripe_not_configured",
                     *         "message": "Stripe is not configured on this server: it runs the sandbox.",
                     *         "param": null,
                     *         "request_id": "req_Vn4c8Tq1Lx6Zp0Hs2Dk9"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPaymentEvents: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Only events in this state. */
                status?: components["schemas"]["PaymentEventStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentEventList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listReconciliations: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of runs. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconciliationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    runReconciliation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The finished run. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reconciliation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["PaymentProviderError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveTestClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clock. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestClock"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    advanceTestClock: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "seconds": 2678400
                 *     }
                 */
                "application/json": components["schemas"]["TestClockAdvanceParams"];
            };
        };
        responses: {
            /** @description The clock after the move. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestClock"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCoupons: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of coupons. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCoupon: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CouponCreateParams"];
            };
        };
        responses: {
            /** @description The coupon. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coupon"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The coupon's id. */
                coupon: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The coupon. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coupon"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The coupon's id. */
                coupon: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted coupon. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedCoupon"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPromotionCodes: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Only the code(s) spelled so (without case). */
                code?: string;
                /** @description Only codes of this coupon. */
                coupon?: string;
                active?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of promotion codes. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionCodeList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPromotionCode: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PromotionCodeCreateParams"];
            };
        };
        responses: {
            /** @description The promotion code. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionCode"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrievePromotionCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The promotion code's id (`promo_…`). */
                promotion_code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The promotion code. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionCode"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updatePromotionCode: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The promotion code's id (`promo_…`). */
                promotion_code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PromotionCodeUpdateParams"];
            };
        };
        responses: {
            /** @description The promotion code. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionCode"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listInvoices: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Only this customer's (id or external_id). */
                customer?: string;
                status?: components["schemas"]["InvoiceStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of invoices. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invoice's id (`in_…`). */
                invoice: components["parameters"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    payInvoice: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The invoice's id (`in_…`). */
                invoice: components["parameters"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["InvoicePayParams"];
            };
        };
        responses: {
            /** @description The invoice, in its new status. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description The saved payment method was declined (`card_error`, `card_declined`); the invoice stays `open`. */
            402: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    voidInvoice: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The invoice's id (`in_…`). */
                invoice: components["parameters"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice, in its new status. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    markInvoiceUncollectible: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The invoice's id (`in_…`). */
                invoice: components["parameters"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice, in its new status. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveInvoicePdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invoice's id (`in_…`). */
                invoice: components["parameters"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example %PDF-1.3 (the document's bytes) */
                    "application/pdf": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveUpcomingInvoice: {
        parameters: {
            query?: {
                /** @description Which subscription to preview; the customer's newest live one when absent. */
                subscription?: string;
            };
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The preview. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpcomingInvoice"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCredits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The balances and grants. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditBalance"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCreditGrant: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreditGrantCreateParams"];
            };
        };
        responses: {
            /** @description The grant. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditGrant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCostModels: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Only this meter's (id or key). */
                meter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of cost models. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostModelList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCostModel: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CostModelCreateParams"];
            };
        };
        responses: {
            /** @description The cost model. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostModel"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveMargin: {
        parameters: {
            query: {
                start: components["schemas"]["TimestampInput"];
                end: components["schemas"]["TimestampInput"];
                group_by?: "customer" | "plan" | "meter" | "property";
                /** @description With `group_by=property`, the event property whose values make the groups. */
                property?: string;
                /** @description Only invoices and cost models in this currency. */
                currency?: components["schemas"]["Currency"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarginReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listTaxRates: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Only active rates (`true`) or only archived ones (`false`). */
                active?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tax rates. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxRateList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createTaxRate: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaxRateCreateParams"];
            };
        };
        responses: {
            /** @description The new tax rate. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxRate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAutoTopUps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings, one per currency. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutoTopUpList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    setAutoTopUp: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AutoTopUpParams"];
            };
        };
        responses: {
            /** @description The setting. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutoTopUp"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteAutoTopUp: {
        parameters: {
            query: {
                /** @description The currency whose auto top-up to remove. */
                currency: components["schemas"]["Currency"];
            };
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The removed setting. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedAutoTopUp"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveTaxRate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The tax rate's id (`txr_…`). */
                tax_rate: components["parameters"]["TaxRateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tax rate. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxRate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateTaxRate: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The tax rate's id (`txr_…`). */
                tax_rate: components["parameters"]["TaxRateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaxRateUpdateParams"];
            };
        };
        responses: {
            /** @description The tax rate. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxRate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of webhook endpoints. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointCreateParams"];
            };
        };
        responses: {
            /** @description The new endpoint, with its secret. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id (`we_…`). */
                endpoint: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The webhook endpoint's id (`we_…`). */
                endpoint: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointUpdateParams"];
            };
        };
        responses: {
            /** @description The endpoint. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id (`we_…`). */
                endpoint: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted endpoint. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedWebhookEndpoint"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    rollWebhookEndpointSecret: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The webhook endpoint's id (`we_…`). */
                endpoint: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointRollParams"];
            };
        };
        responses: {
            /** @description The endpoint, with its new secret. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listWebhookEvents: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Only events of this type. */
                type?: components["schemas"]["WebhookEventType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEventList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveWebhookEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook event's id (`whe_…`). */
                event: components["parameters"]["WebhookEventId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event, with its deliveries. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    resendWebhookEvent: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The webhook event's id (`whe_…`). */
                event: components["parameters"]["WebhookEventId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEventResendParams"];
            };
        };
        responses: {
            /** @description The event, with its deliveries. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAlerts: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of alerts. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createAlert: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertCreateParams"];
            };
        };
        responses: {
            /** @description The new alert. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alert"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveAlert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The alert's id (`alr_…`). */
                alert: components["parameters"]["AlertId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The alert. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alert"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateAlert: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The alert's id (`alr_…`). */
                alert: components["parameters"]["AlertId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertUpdateParams"];
            };
        };
        responses: {
            /** @description The alert. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alert"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteAlert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The alert's id (`alr_…`). */
                alert: components["parameters"]["AlertId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted alert. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedAlert"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listReservations: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Only this customer's (id or external_id). */
                customer?: string;
                status?: "held" | "committed" | "released" | "expired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reservations. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createReservation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReservationCreateParams"];
            };
        };
        responses: {
            /** @description The reservation, `held`. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveReservation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation's id (`rsv_…`). */
                reservation: components["parameters"]["ReservationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reservation. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    commitReservation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The reservation's id (`rsv_…`). */
                reservation: components["parameters"]["ReservationId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReservationCommitParams"];
            };
        };
        responses: {
            /** @description The reservation, `committed`. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    releaseReservation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe: the
                 *     same key and request replay the first answer. `POST /v1/events` and provider webhooks
                 *     ignore it (they are idempotent by their event ids). See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The reservation's id (`rsv_…`). */
                reservation: components["parameters"]["ReservationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reservation, `released` (or `expired`). */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    customerEntitlementsUpdatedWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "customer.entitlements.updated";
                    data?: components["schemas"]["Entitlements"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    grantCreatedWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "grant.created";
                    data?: components["schemas"]["Grant"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    usageThresholdReachedWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "usage.threshold_reached";
                    data?: components["schemas"]["UsageThresholdReached"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    creditsLowWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "credits.low";
                    data?: components["schemas"]["CreditsLow"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    creditsDepletedWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "credits.depleted";
                    data?: components["schemas"]["CreditsDepleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    spendThresholdReachedWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "spend.threshold_reached";
                    data?: components["schemas"]["SpendThresholdReached"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    subscriptionCreatedWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "subscription.created";
                    data?: components["schemas"]["Subscription"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    subscriptionUpdatedWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "subscription.updated";
                    data?: components["schemas"]["Subscription"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    subscriptionCanceledWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "subscription.canceled";
                    data?: components["schemas"]["Subscription"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    invoiceFinalizedWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "invoice.finalized";
                    data?: components["schemas"]["Invoice"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    invoicePaidWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "invoice.paid";
                    data?: components["schemas"]["Invoice"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    invoiceVoidedWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "invoice.voided";
                    data?: components["schemas"]["Invoice"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    checkoutCompletedWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "checkout.completed";
                    data?: components["schemas"]["CheckoutSession"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    invoicePaymentFailedWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "invoice.payment_failed";
                    data?: components["schemas"]["InvoicePaymentFailure"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    subscriptionTrialWillEndWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "subscription.trial_will_end";
                    data?: components["schemas"]["Subscription"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    creditsGrantedWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "credits.granted";
                    data?: components["schemas"]["CreditGrant"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    creditsAutoTopUpSucceededWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "credits.auto_top_up.succeeded";
                    data?: components["schemas"]["CreditTopUp"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    creditsAutoTopUpFailedWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayloadBase"] & {
                    /** @constant */
                    type?: "credits.auto_top_up.failed";
                    data?: components["schemas"]["CreditTopUp"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer ends the delivery; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
