"""The real Nozle server for the tests: the built server/dist/main.js in embedded mode (PGlite, a
fresh data directory), on a free port, with the demo project whose keys it prints. Started once
per test run, on first use, and stopped when the run ends."""

from __future__ import annotations

import atexit
import os
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "server" / "dist" / "main.js"


@dataclass(frozen=True)
class Server:
    url: str
    secret_key: str
    publishable_key: str


_server: Optional[Server] = None
_lock = threading.Lock()


def server() -> Server:
    global _server
    with _lock:
        if _server is None:
            _server = _start()
        return _server


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
        shutil.rmtree(data_dir, ignore_errors=True)

    atexit.register(stop)
    # A generous bound for a cold start on a busy machine; not a measurement.
    if not ready.wait(timeout=120) or len(found) < len(patterns):
        stop()
        raise RuntimeError("The Nozle server did not start:\n" + "".join(output))
    return Server(found["url"].replace("localhost", "127.0.0.1"), found["secret"], found["publishable"])
