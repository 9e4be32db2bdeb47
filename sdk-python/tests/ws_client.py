"""Just enough of a WebSocket client (RFC 6455) for the tests, on the standard library: the
handshake, masked text frames out, and text or close frames in. Not part of the SDK."""

from __future__ import annotations

import base64
import json
import os
import socket
import struct
import urllib.parse
from typing import Any, Union


class WebSocket:
    def __init__(self, url: str, timeout: float = 30) -> None:
        parts = urllib.parse.urlsplit(url)
        self._socket = socket.create_connection((parts.hostname, parts.port or 80), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self._socket.sendall(request.encode())
        self._buffer = b""
        while b"\r\n\r\n" not in self._buffer:
            self._buffer += self._recv()
        head, self._buffer = self._buffer.split(b"\r\n\r\n", 1)
        if not head.startswith(b"HTTP/1.1 101"):
            raise ConnectionError(f"no upgrade: {head.decode(errors='replace')}")

    def _recv(self) -> bytes:
        chunk = self._socket.recv(65536)
        if not chunk:
            raise ConnectionError("connection closed")
        return chunk

    def _read(self, count: int) -> bytes:
        while len(self._buffer) < count:
            self._buffer += self._recv()
        data, self._buffer = self._buffer[:count], self._buffer[count:]
        return data

    def send_json(self, message: Any) -> None:
        payload = json.dumps(message).encode()
        mask = os.urandom(4)
        length = len(payload)
        header = bytes([0x81]) + (bytes([0x80 | length]) if length < 126 else bytes([0x80 | 126]) + struct.pack("!H", length))
        self._socket.sendall(header + mask + bytes(byte ^ mask[i % 4] for i, byte in enumerate(payload)))

    def receive(self) -> Union[dict[str, Any], tuple[str, int]]:
        """The next text message as JSON, or ("close", code)."""
        first, second = self._read(2)
        length = second & 0x7F
        if length == 126:
            length = struct.unpack("!H", self._read(2))[0]
        elif length == 127:
            length = struct.unpack("!Q", self._read(8))[0]
        payload = self._read(length)
        opcode = first & 0x0F
        if opcode == 0x8:
            return ("close", struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005)
        if opcode == 0x1:
            message: dict[str, Any] = json.loads(payload)
            return message
        return self.receive()  # ping, pong: not what the tests wait for

    def close(self) -> None:
        self._socket.close()
