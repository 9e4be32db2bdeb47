"""webhooks.verify(): the Standard Webhooks scheme, checked against the specification's own example."""

import time
import unittest

import support  # noqa: F401  (puts the SDK on the path)

import nozle
from nozle import webhooks

# The example of the Standard Webhooks reference libraries (standard-webhooks/standard-webhooks).
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
TIMESTAMP = 1614265330
BODY = '{"test": 2432232314}'
SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def headers(**overrides: str) -> dict[str, str]:
    return {"webhook-id": ID, "webhook-timestamp": str(TIMESTAMP), "webhook-signature": SIGNATURE, **overrides}


class Verify(unittest.TestCase):
    def test_the_specifications_example_verifies_and_is_parsed(self) -> None:
        self.assertEqual(webhooks.sign(SECRET, ID, TIMESTAMP, BODY), SIGNATURE)
        self.assertEqual(webhooks.verify(BODY, headers(), SECRET, now=TIMESTAMP), {"test": 2432232314})
        self.assertEqual(webhooks.verify(BODY.encode(), headers(), SECRET, now=TIMESTAMP + 299), {"test": 2432232314})

    def test_any_listed_signature_may_match_and_header_names_ignore_case(self) -> None:
        listed = {"Webhook-Id": ID, "WEBHOOK-TIMESTAMP": str(TIMESTAMP), "Webhook-Signature": f"v1,bm90IGl0 v2,xyz {SIGNATURE}"}
        self.assertEqual(webhooks.verify(BODY, listed, SECRET, now=TIMESTAMP), {"test": 2432232314})

    def test_a_tampered_body_id_or_signature_is_refused(self) -> None:
        cases = {
            "body": (BODY.replace("2432232314", "2432232315"), headers()),
            "id": (BODY, headers(**{"webhook-id": "msg_other"})),
            "signature": (BODY, headers(**{"webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OF="})),
            "version": (BODY, headers(**{"webhook-signature": SIGNATURE.replace("v1,", "v2,")})),
            "another secret": (BODY, headers()),
        }
        for name, (body, given) in cases.items():
            secret = "whsec_" + "QUJD" * 8 if name == "another secret" else SECRET
            with self.subTest(name), self.assertRaises(nozle.WebhookVerificationError):
                webhooks.verify(body, given, secret, now=TIMESTAMP)

    def test_a_timestamp_more_than_five_minutes_away_is_refused(self) -> None:
        for now in (TIMESTAMP + 301, TIMESTAMP - 301):
            with self.subTest(now=now), self.assertRaises(nozle.WebhookVerificationError):
                webhooks.verify(BODY, headers(), SECRET, now=now)

    def test_missing_headers_are_refused(self) -> None:
        for name in ("webhook-id", "webhook-timestamp", "webhook-signature"):
            given = headers()
            del given[name]
            with self.subTest(name), self.assertRaises(nozle.WebhookVerificationError):
                webhooks.verify(BODY, given, SECRET, now=TIMESTAMP)

    def test_a_fresh_webhook_verifies_with_the_real_clock_and_through_the_client(self) -> None:
        now = int(time.time())
        signed = headers(**{"webhook-timestamp": str(now), "webhook-signature": webhooks.sign(SECRET, ID, now, BODY)})
        self.assertEqual(nozle.Nozle("sk_test").webhooks.verify(BODY, signed, SECRET), {"test": 2432232314})

    def test_a_malformed_secret_is_a_type_error(self) -> None:
        with self.assertRaises(TypeError):
            webhooks.verify(BODY, headers(), "whsec_not base64!", now=TIMESTAMP)


if __name__ == "__main__":
    unittest.main()
