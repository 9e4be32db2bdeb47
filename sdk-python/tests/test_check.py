"""can() against the real server, and its failure mode when the API cannot answer."""

import unittest

from support import HangingServer, run_bounded, server, unique

import nozle


class CanAgainstTheServer(unittest.TestCase):
    def setUp(self) -> None:
        self.api = server()
        self.nozle = nozle.Nozle(self.api.secret_key, self.api.url)
        self.addCleanup(self.nozle.shutdown)

    def test_allowed_then_limited_once_the_free_plan_is_used_up(self) -> None:
        customer = unique("can")
        self.nozle.customers.create(external_id=customer)
        first = self.nozle.can(customer, "messages")
        self.assertTrue(first["allowed"])
        self.assertEqual((first["limit"], first["used"], first["remaining"]), (3, 0, 3))
        self.assertFalse(self.nozle.can(customer, "messages", quantity=4)["allowed"])
        for _ in range(3):
            self.nozle.track(customer, "message.sent")
        self.assertTrue(self.nozle.flush())
        limited = self.nozle.can(customer, "messages")
        self.assertFalse(limited["allowed"])
        self.assertEqual(limited["reason"], "limit_reached")
        self.assertEqual(limited["remaining"], 0)

    def test_a_feature_the_plan_lacks_is_no_access(self) -> None:
        customer = unique("can")
        self.nozle.customers.create(external_id=customer)
        answer = self.nozle.can(customer, "export")
        self.assertEqual((answer["allowed"], answer["reason"]), (False, "no_access"))

    def test_credits_are_required_too(self) -> None:
        customer = unique("can")
        self.nozle.customers.create(external_id=customer)
        answer = self.nozle.can(customer, "messages", credits={"currency": "usd", "amount": 100})
        self.assertEqual((answer["allowed"], answer["reason"]), (False, "insufficient_credits"))
        self.nozle.credits.create(customer, amount=500, currency="usd")
        self.assertTrue(self.nozle.can(customer, "messages", credits={"currency": "usd", "amount": 100})["allowed"])

    def test_an_unknown_customer_is_an_answer(self) -> None:
        answer = self.nozle.can(unique("nobody"), "messages")
        self.assertEqual((answer["allowed"], answer["reason"]), (False, "customer_not_found"))
        self.assertEqual(self.nozle.can(unique("nobody"), "no-such-feature")["reason"], "customer_not_found")

    def test_an_unknown_feature_is_the_apis_not_found(self) -> None:
        customer = unique("can")
        self.nozle.customers.create(external_id=customer)
        answer = self.nozle.can(customer, "no-such-feature")
        self.assertEqual((answer["allowed"], answer["reason"]), (False, "not_found"))

    def test_a_request_the_api_refuses_still_raises(self) -> None:
        with self.assertRaises(nozle.InvalidRequestError):
            self.nozle.can(unique("can"), "messages", quantity=-1)

    def test_bad_arguments_raise_type_error_without_a_request(self) -> None:
        with self.assertRaises(TypeError):
            self.nozle.can("", "messages")


class FailureMode(unittest.TestCase):
    def hanging(self) -> str:
        hanging = HangingServer()
        self.addCleanup(hanging.close)
        return hanging.url

    def test_a_hanging_server_is_unavailable_and_not_allowed_by_default(self) -> None:
        client = nozle.Nozle("sk_test", self.hanging(), timeout=0.3, max_retries=1)
        answer = run_bounded(lambda: client.can("user_1", "messages"))
        self.assertEqual(answer["allowed"], False)
        self.assertEqual(answer["reason"], "unavailable")
        self.assertEqual((answer["customer"], answer["feature"]), ("user_1", "messages"))

    def test_fail_open_allows(self) -> None:
        client = nozle.Nozle("sk_test", self.hanging(), timeout=0.3, max_retries=0, failure_mode="open")
        answer = run_bounded(lambda: client.can("user_1", "messages"))
        self.assertEqual((answer["allowed"], answer["reason"]), (True, "unavailable"))

    def test_the_per_call_timeout_wins_over_the_client_one(self) -> None:
        # The client's own timeout would outlast the guard; the call's must be the one used.
        client = nozle.Nozle("sk_test", self.hanging(), timeout=600, max_retries=0)
        answer = run_bounded(lambda: client.can("user_1", "messages", timeout=0.3), bound=60)
        self.assertEqual(answer["reason"], "unavailable")

    def test_other_calls_raise_a_timeout_error(self) -> None:
        client = nozle.Nozle("sk_test", self.hanging(), timeout=0.3, max_retries=0)
        with self.assertRaises(nozle.APITimeoutError) as raised:
            run_bounded(client.customers.list)
        self.assertIsInstance(raised.exception, nozle.ConnectionError)

    def test_a_refused_connection_is_unavailable(self) -> None:
        hanging = HangingServer()
        url = hanging.url
        hanging.close()  # nothing listens there any more
        client = nozle.Nozle("sk_test", url, max_retries=0)
        self.assertEqual(client.can("user_1", "messages")["reason"], "unavailable")
        with self.assertRaises(nozle.APIConnectionError):
            client.customers.list()


if __name__ == "__main__":
    unittest.main()
