"""What keeps the server safe on a shared machine: the write token, response headers, body limits."""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path

from starlette.types import ASGIApp, Receive, Scope, Send

TOKEN_ENV = "EVENTWIRE_TOKEN"
TOKEN_HEADER = "X-Eventwire-Token"
MAX_BODY_BYTES = 10 * 1024 * 1024
# No inline script or style, nothing from another origin: article text can never run.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def token_matches(given: str | None, expected: str) -> bool:
    """Constant-time comparison, so response times do not leak the token."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def resolve_token(token: str | None, db_path: str | None) -> tuple[str, bool]:
    """The write token: --token, else $EVENTWIRE_TOKEN, else the one kept beside the database
    (`DB.token`, created with mode 600 on first start). Returns (token, newly_generated)."""
    if token:
        return token, False
    if os.environ.get(TOKEN_ENV):
        return os.environ[TOKEN_ENV], False
    token_file = Path(f"{db_path}.token") if db_path and db_path != ":memory:" else None
    if token_file and token_file.exists():
        return token_file.read_text(encoding="utf-8").strip(), False
    token = secrets.token_urlsafe(24)
    if token_file:
        token_file.touch(mode=0o600)
        token_file.write_text(token, encoding="utf-8")
    return token, True


class SecurityHeaders:
    """Adds the CSP and friends to every response, and refuses bodies over `max_body` bytes
    announced by Content-Length (streamed bodies are counted where they are read)."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._reject(send, 413, b'{"detail":"request body too large"}')
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    @staticmethod
    async def _reject(send: Send, status: int, body: bytes) -> None:
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers + SECURITY_HEADERS})
        await send({"type": "http.response.body", "body": body})
