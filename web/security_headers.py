"""Security headers on every HTTP response: the app may not be framed by another site (its
screens hold personal data), no content-type guessing, and no address sent as a referrer."""

from __future__ import annotations

from starlette.responses import PlainTextResponse

SECURITY_HEADERS = [
    (b"content-security-policy", b"frame-ancestors 'none'"),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]
_NAMES = {name for name, _ in SECURITY_HEADERS}


class SecurityHeadersMiddleware:
    """Outermost of our middleware, so redirects and errors of the inner layers get them too."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _NAMES]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if not started:
                # Starlette's own error page is built outside user middleware: answer here.
                await PlainTextResponse("Erreur interne du serveur.", status_code=500)(
                    scope, receive, send_with_headers)
            raise
