"""track() against the real server: batched, counted once, flushed and shut down."""

import threading
import time
import unittest

from support import server, unique

import nozle
from nozle import TrackOptions


def usage_value(client: nozle.Nozle, customer: str) -> float:
    usage = client.usage.retrieve(customer, meter="messages")
    return usage["data"][0]["value"] if usage["data"] else 0


class TrackAgainstTheServer(unittest.TestCase):
    def setUp(self) -> None:
        self.api = server()
        self.errors: list[nozle.TrackError] = []

    def client(self, **track: object) -> nozle.Nozle:
        options = TrackOptions(**track) if track else TrackOptions()  # type: ignore[arg-type]
        client = nozle.Nozle(self.api.secret_key, self.api.url, on_error=self.errors.append, track=options)
        self.addCleanup(client.shutdown)
        return client

    def customer(self, client: nozle.Nozle) -> str:
        external_id = unique("track")
        client.customers.create(external_id=external_id)
        return external_id

    def test_events_go_in_one_batch_at_flush_at_and_the_server_counts_them(self) -> None:
        client = self.client(flush_at=5, flush_interval=3600)
        customer = self.customer(client)
        ids = [client.track(customer, "message.sent", {"n": n}) for n in range(5)]
        self.assertEqual(len(set(ids)), 5)
        # flush_at started the send; flush() only waits for it (there is nothing else to send).
        self.assertTrue(client.flush())
        stats = client.track_stats()
        self.assertEqual((stats["requests"], stats["accepted"], stats["queued"]), (1, 5, 0))
        self.assertEqual(usage_value(client, customer), 5)
        self.assertEqual(self.errors, [])

    def test_the_interval_sends_without_a_flush(self) -> None:
        client = self.client(flush_at=100, flush_interval=0.05)
        customer = self.customer(client)
        client.track(customer, "message.sent")
        deadline = time.monotonic() + 30  # a guard against a hang, not a measurement
        while client.track_stats()["accepted"] < 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        self.assertEqual(client.track_stats()["accepted"], 1)
        self.assertEqual(usage_value(client, customer), 1)

    def test_an_id_sent_twice_is_counted_once(self) -> None:
        client = self.client()
        customer = self.customer(client)
        client.track(customer, "message.sent", id="line-1-" + customer)
        client.flush()
        client.track(customer, "message.sent", id="line-1-" + customer)
        client.flush()
        stats = client.track_stats()
        self.assertEqual((stats["accepted"], stats["duplicates"]), (1, 1))
        self.assertEqual(usage_value(client, customer), 1)

    def test_a_rejected_event_is_reported_and_the_rest_of_its_batch_recorded(self) -> None:
        client = self.client()
        customer = self.customer(client)
        client.track(customer, "message.sent")
        bad = client.track(unique("nobody"), "message.sent")
        client.flush()
        self.assertEqual([(e.reason, e.event_ids) for e in self.errors], [("rejected", [bad])])
        cause = self.errors[0].cause
        self.assertIsInstance(cause, nozle.InvalidRequestError)
        self.assertEqual(cause.code, "customer_not_found")  # type: ignore[union-attr]
        self.assertEqual(usage_value(client, customer), 1)

    def test_shutdown_sends_what_is_queued_and_later_events_are_ignored(self) -> None:
        client = self.client(flush_at=1000, flush_interval=3600)
        customer = self.customer(client)
        for _ in range(3):
            client.track(customer, "message.sent")
        self.assertEqual(client.track_stats()["queued"], 3)
        client.shutdown()
        self.assertEqual(client.track_stats()["accepted"], 3)
        with self.assertLogs("nozle", "WARNING") as logs:
            client.track(customer, "message.sent")
            client.track(customer, "message.sent")
        self.assertEqual(len(logs.records), 1)  # one warning, not one per call
        self.assertIn("after shutdown", logs.output[0])
        self.assertEqual(usage_value(client, customer), 3)
        # The sender's thread has ended (shutdown() stops it).
        self.assertFalse(any(thread.name == "nozle-track" and thread is client._tracker._thread for thread in threading.enumerate()))

    def test_the_context_manager_shuts_down(self) -> None:
        with nozle.Nozle(self.api.secret_key, self.api.url, track=TrackOptions(flush_interval=3600)) as client:
            customer = self.customer(client)
            client.track(customer, "message.sent")
            self.assertEqual(client.track_stats()["accepted"], 0)
        self.assertEqual(client.track_stats()["accepted"], 1)
        self.assertEqual(usage_value(client, customer), 1)

    def test_track_from_many_threads(self) -> None:
        client = self.client(flush_at=50)
        customer = self.customer(client)
        threads = [threading.Thread(target=lambda: [client.track(customer, "message.sent") for _ in range(25)]) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        client.flush()
        self.assertEqual(client.track_stats()["accepted"], 200)
        self.assertEqual(usage_value(client, customer), 200)

    def test_bad_arguments_raise_at_the_call(self) -> None:
        client = self.client()
        for kwargs in ({"customer": "", "event": "e"}, {"customer": "c", "event": "e", "id": "x" * 256}, {"customer": "c", "event": "e", "properties": {"x": object()}}):
            with self.subTest(kwargs=kwargs), self.assertRaises(TypeError):
                client.track(**kwargs)
        with self.assertRaises(TypeError):
            client.track("c", "e", {"x": float("nan")})
        self.assertEqual(client.track_stats()["tracked"], 0)


class SentAtUnderAMovedTestClock(unittest.TestCase):
    """The server shifts a batch's timestamps by the test clock's offset when `sent_at` reads the
    world's time (server/src/usage/batch-rules.ts, senderShiftMs). 40 days ahead, an event stamped
    with the world's time would be older than the 35 days the server accepts: counted, it proves
    `sent_at` arrived and was read."""

    def test_events_stamped_with_the_world_time_count_at_the_moved_time(self) -> None:
        api = server("moved-clock")  # its own project, so the moved clock touches no other test
        errors: list[nozle.TrackError] = []
        client = nozle.Nozle(api.secret_key, api.url, on_error=errors.append)
        self.addCleanup(client.shutdown)
        customer = unique("clock")
        client.customers.create(external_id=customer)
        client.test_clock.advance(seconds=40 * 24 * 3600)
        client.track(customer, "message.sent")
        client.flush()
        self.assertEqual(errors, [])
        self.assertEqual(usage_value(client, customer), 1)


if __name__ == "__main__":
    unittest.main()
