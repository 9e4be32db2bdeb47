"""customer_token(): the same token as @nozle/node's customerToken(), accepted by the real server."""

import json
import time
import shutil
import subprocess
import unittest
import urllib.error
import urllib.request
from typing import Any

from support import ROOT, server, unique
from ws_client import WebSocket

import nozle

NOW = 1_800_000_000.75  # seconds; the Node SDK's clock reads the same instant in milliseconds


def portal_session(url: str, publishable_key: str, token: str) -> tuple[int, Any]:
    """A customer endpoint, called as a browser does: the publishable key and the token."""
    request = urllib.request.Request(
        f"{url}/v1/portal/sessions",
        data=b"{}",
        method="POST",
        headers={"Authorization": f"Bearer {publishable_key}", "Nozle-Customer-Token": token, "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def forged(token: str) -> str:
    """The same claims with another signature."""
    payload, signature = token.split(".")
    return f"{payload}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"


class CustomerToken(unittest.TestCase):
    def setUp(self) -> None:
        self.api = server()

    def client(self, now: float | None = None) -> nozle.Nozle:
        return nozle.Nozle(self.api.secret_key, self.api.url, now=time.time if now is None else (lambda: now))

    def test_the_server_accepts_it_on_a_customer_endpoint(self) -> None:
        client = self.client()
        customer = client.customers.create(external_id=unique("token"))
        status, body = portal_session(self.api.url, self.api.publishable_key, client.customer_token(customer["id"]))
        self.assertEqual(status, 200, body)
        self.assertEqual(body["object"], "portal.session")

    def test_the_browser_stream_accepts_it(self) -> None:
        """The realtime WebSocket, as @nozle/browser opens it: the publishable key and the token."""
        client = self.client()
        external_id = unique("ws")
        customer = client.customers.create(external_id=external_id)
        answers = []
        for token in (client.customer_token(external_id), forged(client.customer_token(external_id))):
            socket = WebSocket(self.api.url.replace("http", "ws", 1) + "/v1/realtime")
            self.addCleanup(socket.close)
            socket.send_json({"type": "hello", "key": self.api.publishable_key, "token": token})
            answers.append(socket.receive())
        snapshot, refused = answers
        assert isinstance(snapshot, dict)
        self.assertEqual((snapshot["type"], snapshot["snapshot"]["customer"]), ("snapshot", customer["id"]))
        self.assertEqual(refused, ("close", 4401))

    def test_a_tampered_or_expired_token_is_refused(self) -> None:
        client = self.client()
        external_id = unique("token")
        client.customers.create(external_id=external_id)
        token = forged(client.customer_token(external_id))
        self.assertEqual(portal_session(self.api.url, self.api.publishable_key, token)[1]["error"]["code"], "token_invalid")
        expired = self.client(now=1_000_000_000).customer_token(external_id, expires_in=60)
        self.assertEqual(portal_session(self.api.url, self.api.publishable_key, expired)[1]["error"]["code"], "token_expired")

    @unittest.skipIf(shutil.which("node") is None, "node is not installed")
    def test_it_is_the_node_sdks_token_byte_for_byte(self) -> None:
        customer = "ünïcode-user/42 \"quoted\""
        script = (
            "import { Nozle } from './sdk-node/dist/index.js';"
            "const [key, url, customer, now] = process.argv.slice(1);"
            "const nozle = new Nozle({ secretKey: key, baseUrl: url, now: () => Number(now) });"
            "process.stdout.write(await nozle.customerToken(customer, { expiresIn: 600 }));"
        )
        node = subprocess.run(
            ["node", "--input-type=module", "-e", script, self.api.secret_key, self.api.url, customer, str(NOW * 1000)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        self.assertEqual(self.client(now=NOW).customer_token(customer, expires_in=600), node.stdout)

    def test_bad_arguments(self) -> None:
        client = self.client()
        for customer, expires_in in (("", 3600), ("c", 0), ("c", 604_801), ("c", 1.5), ("c", True)):
            with self.subTest(customer=customer, expires_in=expires_in), self.assertRaises(TypeError):
                client.customer_token(customer, expires_in)  # type: ignore[arg-type]


if __name__ == "__main__":
    unittest.main()
