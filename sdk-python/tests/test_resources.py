"""A tour of the resources against the real server: each group's paths, bodies and pagination."""

import time
import unittest

from support import server, unique

import nozle


class Resources(unittest.TestCase):
    client: nozle.Nozle

    @classmethod
    def setUpClass(cls) -> None:
        api = server()
        cls.client = nozle.Nozle(api.secret_key, api.url)

    def test_customers_round_trip_and_paginate(self) -> None:
        email = f"{unique('p')}@example.com"
        ids = [self.client.customers.create(email=email, name=f"n{n}")["id"] for n in range(3)]
        updated = self.client.customers.update(ids[0], metadata={"tier": "gold"})
        self.assertEqual(updated["metadata"], {"tier": "gold"})
        self.assertEqual(self.client.customers.retrieve(ids[0])["email"], email)
        self.assertEqual(len(self.client.customers.list(email=email, limit=2)["data"]), 2)
        # limit=1: three pages, followed through starting_after.
        self.assertEqual(sorted(c["id"] for c in self.client.customers.list_all(email=email, limit=1)), sorted(ids))
        self.assertTrue(self.client.customers.delete(ids[2])["deleted"])
        with self.assertRaises(nozle.NotFoundError):
            self.client.customers.retrieve(ids[2])

    def test_catalog_subscriptions_grants_and_entitlements(self) -> None:
        key = unique("f").replace("-", "_")
        meter = self.client.meters.create(key=key, event_name=f"{key}.used", aggregation="sum", property="units")
        self.assertEqual(self.client.meters.retrieve(key)["id"], meter["id"])
        self.assertIn(key, [m["key"] for m in self.client.meters.list_all()])
        self.client.features.create(key=key, type="metered", meter=key)
        self.assertEqual(self.client.features.update(key, name="Units")["name"], "Units")
        plan = self.client.plans.create(
            key=key, interval="month", group=key, base_price=1000, entitlements=[{"feature": key, "limit": 10, "reset": "month"}]
        )
        self.assertEqual(self.client.plans.retrieve(key, version=1)["id"], plan["id"])
        self.assertIn(key, [p["key"] for p in self.client.plans.list_all()])

        customer = self.client.customers.create(external_id=unique("sub"))["id"]
        subscription = self.client.subscriptions.create(customer=customer, plan=key)
        self.assertEqual(self.client.subscriptions.retrieve(subscription["id"])["plan"], key)
        # Beside the demo group's free default, which every new customer holds.
        self.assertIn(subscription["id"], [s["id"] for s in self.client.subscriptions.list(customer=customer)["data"]])
        self.assertEqual(self.client.entitlements(customer)["features"][key]["limit"], 10)
        self.assertEqual(self.client.can(customer, key, quantity=10)["allowed"], True)

        self.client.grants.create(customer, feature=key, kind="revoke", reason="abuse")
        self.assertEqual(self.client.can(customer, key)["reason"], "revoked")
        self.assertEqual([g["kind"] for g in self.client.grants.list_all(customer)], ["revoke"])

        self.assertEqual(self.client.invoices.upcoming(customer)["object"], "upcoming_invoice")
        canceled = self.client.subscriptions.cancel(subscription["id"], at_period_end=True)
        self.assertTrue(canceled["cancel_at_period_end"])
        self.assertFalse(self.client.subscriptions.resume(subscription["id"])["cancel_at_period_end"])

    def test_usage_query_and_analytics(self) -> None:
        customer = self.client.customers.create(external_id=unique("usage"))["id"]
        self.client.track(customer, "message.sent")
        self.client.track(customer, "message.sent")
        self.client.flush()
        now = int(time.time())
        result = self.client.usage.query(meter="messages", customer=customer, start=now - 3600, end=now + 3600)
        self.assertEqual(sum(row["value"] for row in result["data"]), 2)
        self.assertEqual(self.client.usage.retrieve(customer, meter="messages")["data"][0]["value"], 2)
        today = now - now % 86400  # the report counts whole UTC days
        self.assertEqual(self.client.analytics.margin(start=today - 86400, end=today)["object"], "margin_report")
        self.assertEqual(self.client.cost_models.list()["object"], "list")

    def test_credits_payments_and_the_project(self) -> None:
        customer = self.client.customers.create(external_id=unique("pay"))["id"]
        self.client.credits.create(customer, amount=700, currency="usd", description="welcome")
        balance = self.client.credits.retrieve(customer)
        self.assertEqual(balance["balances"], {"usd": 700})
        self.assertEqual([g["description"] for g in balance["grants"]], ["welcome"])
        session = self.client.checkout.create(customer=customer, plan="pro", success_url="http://localhost/ok", cancel_url="http://localhost/no")
        self.assertTrue(session["url"].startswith("http"))
        self.assertTrue(self.client.portal.create(customer=customer)["url"].startswith("http"))
        self.assertEqual(self.client.test_clock.retrieve()["object"], "test_clock")
        self.assertEqual(self.client.payment_events.list()["object"], "list")
        self.assertEqual(self.client.project()["object"], "project")
        self.assertEqual(self.client.health()["status"], "ok")
        key = self.client.api_keys.create(type="secret", name="python")
        self.assertTrue(key["secret"].startswith("sk_"))
        self.assertIsNotNone(self.client.api_keys.revoke(key["id"])["revoked"])

    def test_coupons_promotion_codes_and_a_customers_discount(self) -> None:
        coupon = unique("co").replace("-", "_")
        self.assertEqual(self.client.coupons.create(id=coupon, percent_off=10, duration="forever")["percent_off"], 10)
        self.assertEqual(self.client.coupons.retrieve(coupon)["duration"], "forever")
        self.assertIn(coupon, [c["id"] for c in self.client.coupons.list_all()])
        code = unique("CODE")
        promo = self.client.promotion_codes.create(coupon=coupon, code=code, max_redemptions=1)
        self.assertEqual(self.client.promotion_codes.retrieve(promo["id"])["code"], code)
        self.assertEqual([p["id"] for p in self.client.promotion_codes.list(code=code.lower())["data"]], [promo["id"]])

        customer = self.client.customers.create(external_id=unique("disc"), promotion_code=code)
        self.assertEqual(customer["discount"]["coupon"]["id"], coupon)
        self.assertEqual(customer["discount"]["promotion_code"], promo["id"])
        self.assertNotIn("discount", self.client.customers.update(customer["id"], coupon=""))
        with self.assertRaises(nozle.InvalidRequestError) as refused:
            self.client.customers.create(promotion_code=code)  # its one redemption is spent
        self.assertEqual(refused.exception.param, "promotion_code")

        self.assertFalse(self.client.promotion_codes.update(promo["id"], active=False)["active"])
        self.assertTrue(self.client.coupons.delete(coupon)["deleted"])

    def test_tax_rates_and_auto_top_up(self) -> None:
        rate = self.client.tax_rates.create(display_name="VAT", percentage=19, inclusive=True, country="DE")
        self.assertEqual(self.client.tax_rates.retrieve(rate["id"])["percentage"], 19)
        self.assertFalse(self.client.tax_rates.update(rate["id"], active=False)["active"])
        self.assertIn(rate["id"], [r["id"] for r in self.client.tax_rates.list_all(active=False)])

        customer = self.client.customers.create(external_id=unique("topup"))["id"]
        setting = self.client.credits.set_auto_top_up(customer, currency="usd", threshold=1000, amount=5000)
        self.assertEqual((setting["threshold"], setting["amount"], setting["enabled"]), (1000, 5000, True))
        self.assertEqual([s["currency"] for s in self.client.credits.list_auto_top_ups(customer)["data"]], ["usd"])
        self.assertTrue(self.client.credits.delete_auto_top_up(customer, "usd")["deleted"])
        self.assertEqual(self.client.credits.list_auto_top_ups(customer)["data"], [])

    def test_reserve_commit_and_release(self) -> None:
        key = unique("r").replace("-", "_")
        self.client.meters.create(key=key, event_name=f"{key}.used", aggregation="sum", property="tokens")
        self.client.features.create(key=key, type="metered", meter=key)
        self.client.plans.create(key=key, interval="month", group=key, entitlements=[{"feature": key, "limit": 100, "reset": "month"}])
        customer = self.client.customers.create(external_id=unique("rsv"))["id"]
        self.client.subscriptions.create(customer=customer, plan=key)

        hold = self.client.reserve(customer, key, 80, expires_in=120)
        self.assertEqual((hold.reservation["status"], hold.reservation["quantity"]), ("held", 80))
        self.assertEqual(self.client.entitlements(customer)["features"][key]["remaining"], 20)
        with self.assertRaises(nozle.InvalidRequestError) as refused:
            self.client.reserve(customer, key, 21)
        self.assertEqual((refused.exception.status, refused.exception.code), (409, "limit_reached"))
        self.assertEqual(hold.commit(30)["committed_quantity"], 30)
        self.assertEqual(hold.commit(30)["status"], "committed")  # once: the second answers the same
        self.assertEqual(self.client.entitlements(customer)["features"][key]["used"], 30)

        other = self.client.reserve(customer, key, 70)
        self.assertEqual(other.release()["status"], "released")
        self.assertEqual(self.client.reservations.retrieve(other.id)["status"], "released")
        self.assertEqual(self.client.entitlements(customer)["features"][key]["remaining"], 70)

    def test_alerts_round_trip(self) -> None:
        customer = self.client.customers.create(external_id=unique("alert"))["id"]
        alert = self.client.alerts.create(type="credit_balance", customer=customer, currency="usd", amount=500, description="low")
        self.assertEqual((alert["customer"], alert["amount"], alert["enabled"]), (customer, 500, True))
        self.assertEqual(self.client.alerts.retrieve(alert["id"])["description"], "low")
        self.assertEqual(self.client.alerts.update(alert["id"], amount=300, idempotency_key=unique("upd"))["amount"], 300)
        self.assertIn(alert["id"], [a["id"] for a in self.client.alerts.list_all(limit=1)])
        with self.assertRaises(nozle.InvalidRequestError) as refused:
            self.client.alerts.create(type="usage", feature="no_such_feature", percent=80)
        self.assertEqual(refused.exception.param, "feature")
        self.assertTrue(self.client.alerts.delete(alert["id"])["deleted"])
        with self.assertRaises(nozle.NotFoundError):
            self.client.alerts.retrieve(alert["id"])

    def test_invoice_settings_and_documents(self) -> None:
        project = self.client.update_project(invoice_settings={"business_name": "Demo Ltd", "tax_id": "GB1"})
        self.assertEqual((project["invoice_settings"]["business_name"], project["invoice_settings"]["tax_id"]), ("Demo Ltd", "GB1"))
        self.assertIsNone(self.client.update_project(invoice_settings={"tax_id": None})["invoice_settings"]["tax_id"])
        with self.assertRaises(nozle.InvalidRequestError):
            self.client.update_project(invoice_settings={"number_prefix": "not a prefix"})
        with self.assertRaises(nozle.NotFoundError):
            self.client.invoices.pdf("in_missing")

    def test_an_invoice_as_pdf_bytes(self) -> None:
        # A server of its own: its clock is moved past a period's end, so an invoice is made.
        api = server("invoices")
        client = nozle.Nozle(api.secret_key, api.url)
        key = unique("pdf").replace("-", "_")
        client.plans.create(key=key, name="PDF plan", interval="month", group=key, base_price=1234)
        customer = client.customers.create(external_id=unique("pdf"), name="Ada")["id"]
        client.subscriptions.create(customer=customer, plan=key)
        client.test_clock.advance(to=client.test_clock.retrieve()["now"] + 32 * 86400)
        invoice = client.invoices.list(customer=customer)["data"][0]
        self.assertRegex(invoice["number"], r"^INV-\d{4}$")
        document = client.invoices.pdf(invoice["id"])
        self.assertIsInstance(document, bytes)
        self.assertTrue(document.startswith(b"%PDF-"))


if __name__ == "__main__":
    unittest.main()
