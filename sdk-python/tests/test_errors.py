"""Typed errors, from the real server's answers."""

import unittest

from support import server, unique

import nozle
from nozle.errors import error_from_response


class FromTheServer(unittest.TestCase):
    def setUp(self) -> None:
        self.api = server()
        self.nozle = nozle.Nozle(self.api.secret_key, self.api.url)

    def test_an_unknown_key_is_an_authentication_error(self) -> None:
        with self.assertRaises(nozle.AuthenticationError) as raised:
            nozle.Nozle("sk_not_a_real_key", self.api.url).customers.list()
        self.assertEqual(raised.exception.status, 401)
        self.assertEqual(raised.exception.type, "authentication_error")
        self.assertNotIn("sk_not_a_real_key", str(raised.exception))

    def test_a_missing_customer_is_not_found_with_its_request_id(self) -> None:
        with self.assertRaises(nozle.NotFoundError) as raised:
            self.nozle.customers.retrieve(unique("missing"))
        error = raised.exception
        self.assertIsInstance(error, nozle.InvalidRequestError)
        self.assertEqual((error.status, error.code), (404, "resource_missing"))
        self.assertTrue(error.request_id and error.request_id.startswith("req_"))

    def test_a_bad_parameter_names_it(self) -> None:
        with self.assertRaises(nozle.InvalidRequestError) as raised:
            self.nozle.customers.create(email="not an email")
        self.assertEqual((raised.exception.status, raised.exception.param), (400, "email"))

    def test_a_reused_idempotency_key_with_another_body_is_an_idempotency_error(self) -> None:
        key = unique("key")
        self.nozle.customers.create(idempotency_key=key, external_id=unique("idem"))
        with self.assertRaises(nozle.IdempotencyError):
            self.nozle.customers.create(idempotency_key=key, external_id=unique("idem"))

    def test_an_empty_id_is_refused_before_any_request(self) -> None:
        with self.assertRaises(TypeError):
            self.nozle.customers.retrieve("")


class Mapping(unittest.TestCase):
    def test_statuses_and_types_map_as_in_the_typescript_client(self) -> None:
        cases = [
            (401, None, nozle.AuthenticationError),
            (403, "permission_error", nozle.PermissionDeniedError),
            (404, "invalid_request_error", nozle.NotFoundError),
            (409, "idempotency_error", nozle.IdempotencyError),
            (422, "invalid_request_error", nozle.InvalidRequestError),
            (429, "rate_limit_error", nozle.RateLimitError),
            (502, None, nozle.APIError),
        ]
        for status, type_, cls in cases:
            body = {"error": {"type": type_, "message": "m"}} if type_ else "<html>bad gateway</html>"
            with self.subTest(status=status):
                self.assertIs(type(error_from_response(status, body)), cls)
        self.assertIs(nozle.PermissionError, nozle.PermissionDeniedError)
        self.assertIs(nozle.ConnectionError, nozle.APIConnectionError)

    def test_keys_are_checked_at_construction(self) -> None:
        for key in ("", "pk_live_x", "secret"):
            with self.subTest(key=key), self.assertRaises(TypeError):
                nozle.Nozle(key)
        with self.assertRaises(TypeError):
            nozle.Nozle("sk_x", "ftp://example.com")
        with self.assertRaises(TypeError):
            nozle.Nozle("sk_x", failure_mode="maybe")  # type: ignore[arg-type]
        self.assertNotIn("sk_secret", repr(nozle.Nozle("sk_secret")))


if __name__ == "__main__":
    unittest.main()
