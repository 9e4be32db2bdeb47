"""The SDK's version, sent in `User-Agent`; kept in step with pyproject.toml (a test checks it)."""

VERSION = "0.1.0"
