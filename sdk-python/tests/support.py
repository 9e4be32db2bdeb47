"""What the tests share: the SDK on the import path (run from anywhere, installed or not), the
real Nozle server, and small local HTTP servers that misbehave on purpose.

The real server is the built server/dist/main.js in embedded mode (PGlite, a fresh data
directory), on a free port, with the demo project whose keys it prints. Each named instance is
started once per test run, on first use, and stopped when the run ends."""

from __future__ import annotations

import atexit
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

SDK = Path(__file__).resolve().parents[1]
ROOT = SDK.parent
MAIN = ROOT / "server" / "dist" / "main.js"
if str(SDK) not in sys.path:
    sys.path.insert(0, str(SDK))


@dataclass(frozen=True)
class Server:
    url: str
    secret_key: str
    publishable_key: str


_servers: dict[str, Server] = {}
_lock = threading.Lock()


def server(name: str = "main") -> Server:
    """A running server; `name` gives a test its own (its own project), e.g. to move its clock."""
    with _lock:
        if name not in _servers:
            _servers[name] = _start()
        return _servers[name]


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def _start() -> Server:
    if not MAIN.exists():
        raise RuntimeError(f"{MAIN} is missing: build the server first (npx -y pnpm@10.34.9 build).")
    data_dir = tempfile.mkdtemp(prefix="nozle-python-")
    env = {**os.environ, "PORT": "0", "NOZLE_DATA_DIR": data_dir, "LOG_LEVEL": "warn", "NOZLE_DEMO": "true"}
    for name in ("DATABASE_URL", "REDIS_URL", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"):
        env.pop(name, None)
    child = subprocess.Popen(["node", str(MAIN)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output: list[str] = []
    found: dict[str, str] = {}
    patterns = {
        "url": re.compile(r"Nozle is running at (http://\S+)"),
        "secret": re.compile(r"Secret key:\s+(sk_\w+)"),
        "publishable": re.compile(r"Publishable key:\s+(pk_\w+)"),
    }
    ready = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            output.append(line)
            for name, pattern in patterns.items():
                match = pattern.search(line)
                if match:
                    found[name] = match.group(1)
            if len(found) == len(patterns):
                ready.set()
        ready.set()  # the server exited

    threading.Thread(target=read, daemon=True).start()

    def stop() -> None:
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
        if child.stdout is not None:
            child.stdout.close()
        shutil.rmtree(data_dir, ignore_errors=True)

    atexit.register(stop)
    # A generous bound for a cold start on a busy machine; not a measurement.
    if not ready.wait(timeout=120) or len(found) < len(patterns):
        stop()
        raise RuntimeError("The Nozle server did not start:\n" + "".join(output))
    return Server(found["url"].replace("localhost", "127.0.0.1"), found["secret"], found["publishable"])


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


#: (status, body, headers) of one scripted answer.
Answer = tuple[int, Any, dict[str, str]]


@dataclass
class FakeApi:
    """A local HTTP server that answers from a script: `answers` is a list of (status, body,
    headers) used in order, the last one repeated. Records every request."""

    answers: list[Answer]
    requests: list[Recorded] = field(default_factory=list)
    url: str = ""

    def __post_init__(self) -> None:
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                fake.requests.append(Recorded(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, json.loads(raw) if raw else None))
                status, body, headers = fake.answers[min(len(fake.requests), len(fake.answers)) - 1]
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_DELETE = _answer

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class HangingServer:
    """Accepts connections and reads them, and never answers."""

    def __init__(self) -> None:
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        self._held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            self._held.append(connection)

    def close(self) -> None:
        try:
            self._socket.shutdown(socket.SHUT_RDWR)  # wakes the accept()
        except OSError:
            pass
        self._socket.close()
        self._thread.join()
        for connection in self._held:
            connection.close()


def ok_batch(count: int) -> dict[str, Any]:
    return {"object": "event_batch", "accepted": count, "duplicates": 0, "rejected": 0, "results": []}


def run_bounded(fn: Callable[[], Any], bound: float = 60.0) -> Any:
    """Runs `fn` on a thread and fails the test if it is still running after `bound` seconds (a
    guard against a hang, far above what the call should take; not a measurement)."""
    result: dict[str, Any] = {}

    def target() -> None:
        try:
            result["value"] = fn()
        except BaseException as error:  # handed to the test thread
            result["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(bound)
    if thread.is_alive():
        raise AssertionError(f"still running after {bound} s")
    if "error" in result:
        raise result["error"]
    return result.get("value")
