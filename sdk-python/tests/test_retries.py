"""Retries with backoff against a local server that fails on purpose (503, 429, 400, 413)."""

import unittest

import time
from typing import Callable

from support import Answer, FakeApi, HangingServer, ok_batch, run_bounded

import nozle
from nozle import RetryPolicy, TrackOptions

def wait_until(condition: Callable[[], bool]) -> None:
    while not condition():
        time.sleep(0.01)


FAST = RetryPolicy(max_retries=3, initial_delay=0.01, max_delay=0.05)
UNAVAILABLE: Answer = (503, {"error": {"type": "api_error", "code": "unavailable", "message": "Try again", "request_id": "req_1"}}, {})
LIST: Answer = (200, {"object": "list", "data": [], "has_more": False, "url": "/v1/customers"}, {})


class Calls(unittest.TestCase):
    def fake(self, *answers: Answer) -> FakeApi:
        fake = FakeApi(list(answers))
        self.addCleanup(fake.close)
        return fake

    def client(self, fake: FakeApi, **options: object) -> nozle.Nozle:
        client = nozle.Nozle("sk_test", fake.url, **options)  # type: ignore[arg-type]
        client._transport.retry = FAST
        return client

    def test_503_then_200_is_retried(self) -> None:
        fake = self.fake(UNAVAILABLE, UNAVAILABLE, LIST)
        self.assertEqual(self.client(fake).customers.list()["data"], [])
        self.assertEqual(len(fake.requests), 3)

    def test_a_post_keeps_its_idempotency_key_across_retries(self) -> None:
        customer = {"id": "cus_1", "object": "customer"}
        fake = self.fake(UNAVAILABLE, (200, customer, {}))
        self.assertEqual(self.client(fake).customers.create(email="a@b.co"), customer)
        keys = [request.headers["idempotency-key"] for request in fake.requests]
        self.assertEqual(len(keys), 2)
        self.assertEqual(keys[0], keys[1])
        self.assertEqual(fake.requests[0].body, {"email": "a@b.co"})
        self.assertTrue(fake.requests[0].headers["user-agent"].startswith("nozle-python/"))
        self.assertEqual(fake.requests[0].headers["authorization"], "Bearer sk_test")

    def test_out_of_retries_raises_the_last_error(self) -> None:
        fake = self.fake(UNAVAILABLE)
        with self.assertRaises(nozle.APIError) as raised:
            self.client(fake).customers.list()
        self.assertEqual((raised.exception.status, raised.exception.request_id), (503, "req_1"))
        self.assertEqual(len(fake.requests), 4)

    def test_a_4xx_is_not_retried(self) -> None:
        fake = self.fake((400, {"error": {"type": "invalid_request_error", "code": "parameter_invalid", "message": "Bad", "param": "email"}}, {}))
        with self.assertRaises(nozle.InvalidRequestError) as raised:
            self.client(fake).customers.create(email="x")
        self.assertEqual(raised.exception.param, "email")
        self.assertEqual(len(fake.requests), 1)

    def test_with_options_sets_the_retries_of_one_call(self) -> None:
        fake = self.fake(UNAVAILABLE, LIST)
        client = self.client(fake)
        with self.assertRaises(nozle.APIError):
            client.with_options(max_retries=0).customers.list()
        self.assertEqual(len(fake.requests), 1)

    def test_check_fails_closed_on_5xx_after_retries(self) -> None:
        fake = self.fake(UNAVAILABLE)
        answer = self.client(fake).can("user_1", "messages")
        self.assertEqual((answer["allowed"], answer["reason"]), (False, "unavailable"))
        self.assertEqual(len(fake.requests), 4)


class Track(unittest.TestCase):
    def setUp(self) -> None:
        self.errors: list[nozle.TrackError] = []

    def fake(self, *answers: Answer) -> FakeApi:
        fake = FakeApi(list(answers))
        self.addCleanup(fake.close)
        return fake

    def client(self, url: str, clock: list[float], **track: object) -> nozle.Nozle:
        def now() -> float:
            clock[0] += 1
            return clock[0]

        options = TrackOptions(retry=FAST, flush_interval=3600, **track)  # type: ignore[arg-type]
        client = nozle.Nozle("sk_test", url, on_error=self.errors.append, track=options, now=now)
        self.addCleanup(client.shutdown, 0)
        return client

    def test_503_twice_then_200_delivers_the_same_events_each_time_with_a_new_sent_at(self) -> None:
        fake = self.fake(UNAVAILABLE, UNAVAILABLE, (200, ok_batch(2), {}))
        client = self.client(fake.url, [1_000.0])
        ids = [client.track("user_1", "message.sent", {"n": 1}), client.track("user_1", "message.sent", timestamp=500)]
        self.assertTrue(client.flush())
        self.assertEqual(self.errors, [])
        self.assertEqual(len(fake.requests), 3)
        for request in fake.requests:
            self.assertEqual([event["id"] for event in request.body["events"]], ids)
        first = fake.requests[0].body["events"]
        # Stamped at the call (the clock read 1001 and 1002), not when sent.
        self.assertEqual([first[0]["timestamp"], first[1]["timestamp"]], [1001.0, 500.0])
        self.assertEqual(first[0]["properties"], {"n": 1})
        # sent_at: the clock at each attempt, as sdk-node stamps it.
        self.assertEqual([request.body["sent_at"] for request in fake.requests], [1003.0, 1004.0, 1005.0])
        self.assertEqual(client.track_stats()["retries"], 2)

    def test_retry_after_is_honoured(self) -> None:
        fake = self.fake((429, {}, {"Retry-After": "0"}), (200, ok_batch(1), {}))
        client = self.client(fake.url, [0.0])
        client.track("user_1", "e")
        client.flush()
        self.assertEqual((len(fake.requests), self.errors), (2, []))

    def test_out_of_retries_is_reported_once_with_the_events(self) -> None:
        fake = self.fake(UNAVAILABLE)
        client = self.client(fake.url, [0.0])
        event_id = client.track("user_1", "e")
        client.flush()
        self.assertEqual([(e.reason, e.event_ids) for e in self.errors], [("dropped_after_retries", [event_id])])
        self.assertIsInstance(self.errors[0].cause, nozle.APIError)
        self.assertEqual(len(fake.requests), 4)

    def test_without_on_error_each_report_is_one_log_line(self) -> None:
        fake = self.fake(UNAVAILABLE)
        options = TrackOptions(retry=RetryPolicy(max_retries=1, initial_delay=0, max_delay=0))
        client = nozle.Nozle("sk_test", fake.url, track=options)
        with self.assertLogs("nozle", "WARNING") as logs:
            client.track("user_1", "e")
            client.flush()
        self.assertEqual(len(logs.output), 1)
        self.assertEqual(logs.output[0], "WARNING:nozle:Nozle: dropped 1 event after 1 retry: Try again (status=503, code=unavailable, request_id=req_1)")

    def test_a_refused_batch_is_not_retried(self) -> None:
        fake = self.fake((401, {"error": {"type": "authentication_error", "code": "api_key_invalid", "message": "No"}}, {}))
        client = self.client(fake.url, [0.0])
        client.track("user_1", "e")
        client.flush()
        self.assertEqual([e.reason for e in self.errors], ["client_error"])
        self.assertIsInstance(self.errors[0].cause, nozle.AuthenticationError)
        self.assertEqual(len(fake.requests), 1)

    def test_413_halves_the_batch(self) -> None:
        fake = self.fake((413, {}, {}), (200, ok_batch(2), {}), (200, ok_batch(2), {}))
        client = self.client(fake.url, [0.0])
        for _ in range(4):
            client.track("user_1", "e")
        client.flush()
        self.assertEqual([len(request.body["events"]) for request in fake.requests], [4, 2, 2])
        self.assertEqual(self.errors, [])

    def test_batches_are_at_most_max_batch_size(self) -> None:
        fake = self.fake((200, ok_batch(2), {}))
        client = self.client(fake.url, [0.0], max_batch_size=2, flush_at=100)
        for _ in range(5):
            client.track("user_1", "e")
        client.flush()
        self.assertEqual([len(request.body["events"]) for request in fake.requests], [2, 2, 1])

    def test_a_full_queue_drops_the_oldest_and_reports_it(self) -> None:
        hanging = HangingServer()
        self.addCleanup(hanging.close)
        client = self.client(hanging.url, [0.0], max_queue_size=3, flush_at=1, request_timeout=600)
        client.track("user_1", "e")  # taken by the sender, whose request then hangs
        run_bounded(lambda: wait_until(lambda: client.track_stats()["requests"] == 1))
        with self.assertLogs("nozle", "WARNING") as logs:
            ids = [client.track("user_1", "e") for _ in range(5)]
        self.assertEqual([(e.reason, e.event_ids) for e in self.errors], [("queue_full", [ids[0]]), ("queue_full", [ids[1]])])
        self.assertEqual(len(logs.records), 1)  # one warning per episode, not per event
        self.assertIn("queue is full", logs.output[0])
        self.assertEqual(client.track_stats()["queued"], 3)

    def test_shutdown_gives_up_after_its_timeout_and_reports_what_is_left(self) -> None:
        hanging = HangingServer()
        self.addCleanup(hanging.close)
        client = self.client(hanging.url, [0.0], request_timeout=600, flush_at=100)
        ids = [client.track("user_1", "e") for _ in range(3)]
        run_bounded(lambda: client.shutdown(0.2))
        self.assertEqual([(e.reason, sorted(e.event_ids)) for e in self.errors], [("shutdown_timeout", sorted(ids))])


if __name__ == "__main__":
    unittest.main()
