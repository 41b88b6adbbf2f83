"""The dashboard's web application, mounted under ``/admin`` on the bot's HTTP server.

Two middlewares guard every route:

- :func:`security_headers` puts a strict Content-Security-Policy (no inline script; the
  one small script is allowed by a per-response nonce), ``no-referrer`` (login links carry
  their token in the path), ``nosniff``, frame denial and ``no-store`` on every answer,
  redirects and errors included.
- :func:`signed_in` lets through only the few public routes (sign-in hint, login link,
  static files). Everything else needs a valid session whose identity is still an admin
  (checked on every request), and every POST must carry the session's CSRF token.
  Without a session a GET is redirected to the sign-in hint and anything else gets 401;
  a session whose admin role ended gets 403 (and is revoked); a POST without the right
  CSRF token gets 403.

Every form that changes something acts once (:func:`once`): it carries a one-time token,
spent in the same transaction as the change; the same token again leads to the first
outcome with the notice "already done". Notices are kept with the session
(:func:`tell`, :func:`notice_of`), never read from the query string.

An unknown page, or a record that does not exist, answers status 404 with a page in the
admin's language (German by default) and the navigation, never aiohttp's bare
"404: Not Found".
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Awaitable, Callable, Collection
from typing import TYPE_CHECKING, Any

import aiohttp_jinja2
from aiohttp import web
from aiohttp.web_urldispatcher import MatchInfoError
from multidict import MultiDict, MultiDictProxy

from bot.parsing.text import readable
from handlers.dashboard import auth
from handlers.dashboard.tools import (
    ADMIN,
    FORM,
    NONCE,
    ONCE_FIELD,
    SERVICES,
    PageTools,
    tools_for,
)

if TYPE_CHECKING:
    pass

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

PREFIX = "/admin"

STATIC_FILES = {
    "dashboard.css": "text/css",
    "count.js": "text/javascript",
    "focus.js": "text/javascript",
    "checkin.js": "text/javascript",
}


def public(handler: Handler) -> Handler:
    """Mark a route that needs no session (the sign-in hint, the login link, static files)."""
    handler.__dict__["dashboard_public"] = True
    return handler


def content_security_policy(nonce: str) -> str:
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src 'nonce-{nonce}'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
        ]
    )


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    nonce = secrets.token_urlsafe(16)
    request[NONCE] = nonce
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        _harden(exc, nonce, cacheable=False)
        raise
    _harden(response, nonce, cacheable=request.path.startswith(f"{PREFIX}/static/"))
    return response


def _harden(response: web.StreamResponse, nonce: str, cacheable: bool) -> None:
    headers = response.headers
    headers["Content-Security-Policy"] = content_security_policy(nonce)
    headers["Referrer-Policy"] = "no-referrer"
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    headers["Cache-Control"] = "private, max-age=3600" if cacheable else "no-store"


@web.middleware
async def signed_in(request: web.Request, handler: Handler) -> web.StreamResponse:
    route_handler = getattr(request.match_info, "handler", None)
    services = request.app[SERVICES]
    cookie = request.cookies.get(auth.COOKIE_NAME)
    if isinstance(request.match_info, MatchInfoError):
        return await _no_such_page(request, request.match_info.http_exception, cookie)
    if route_handler is None or getattr(route_handler, "dashboard_public", False):
        return await handler(request)
    try:
        admin = await auth.current_admin(services.store, services.settings, cookie)
    except auth.RoleEnded:
        response = await error_page(request, 403, "dashboard.error.role_ended")
        response.del_cookie(auth.COOKIE_NAME, path=PREFIX)
        return response
    if admin is None:
        if request.method in ("GET", "HEAD"):
            raise web.HTTPFound(f"{PREFIX}/signin")
        return await error_page(request, 401, "dashboard.error.signed_out")
    request[ADMIN] = admin
    if request.method not in ("GET", "HEAD"):
        form = await request.post()
        sent = form.get("csrf")
        if not isinstance(sent, str) or not auth.csrf_matches(admin, sent):
            return await error_page(request, 403, "dashboard.error.csrf")
        # what was typed or pasted, cleaned as the chat cleans it (NFC, no invisible marks)
        cleaned = MultiDict((k, readable(v) if isinstance(v, str) else v) for k, v in form.items())
        request[FORM] = MultiDictProxy(cleaned)
    try:
        return await handler(request)
    except web.HTTPNotFound:
        return await error_page(request, 404, "dashboard.error.not_found", NOT_FOUND_TITLE)


async def _no_such_page(
    request: web.Request, refusal: web.HTTPException, cookie: str | None
) -> web.Response:
    """No route: a 404 page (with the navigation for a signed-in admin); a known path
    asked with another method keeps aiohttp's 405 and its Allow header."""
    if refusal.status != 404:
        raise refusal
    services = request.app[SERVICES]
    try:
        admin = await auth.current_admin(services.store, services.settings, cookie)
    except auth.RoleEnded:
        admin = None
    if admin is not None:
        request[ADMIN] = admin
    return await error_page(request, 404, "dashboard.error.not_found", NOT_FOUND_TITLE)


# rendering ---------------------------------------------------------------------------------


def render(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    """A page, with the language, the CSRF token and the nonce of this request."""
    tools = tools_for(request.app[SERVICES], request.get(ADMIN), request)
    context.update(tools.context())
    return aiohttp_jinja2.render_template(template, request, context, status=status)


NOT_FOUND_TITLE = "dashboard.error.not_found_title"


async def error_page(
    request: web.Request, status: int, key: str, title_key: str = "dashboard.error.title"
) -> web.Response:
    return render(request, "error.html", status=status, message_key=key, title_key=title_key)


def see_other(location: str) -> web.Response:
    """After a POST: go to ``location`` with a GET (reloading it does not post again)."""
    return web.Response(status=303, headers={"Location": location})


def form(request: web.Request) -> MultiDictProxy[Any]:
    """The POST's fields, read (and checked for the CSRF token) by the middleware."""
    return request[FORM]


def page_tools(request: web.Request) -> PageTools:
    return tools_for(request.app[SERVICES], request.get(ADMIN), request)


# one-time submissions and notices -------------------------------------------------------

RESUBMITTED = "resubmitted"  # the notice on the first outcome when a form comes again
DONE: web.RequestKey[str] = web.RequestKey("done", str)


def done_at(request: web.Request, location: str) -> None:
    """A handler that answers a change with a page (not a redirect) names where its
    outcome is shown again, so the same form sent twice spends its token."""
    request[DONE] = location


def once(handler: Handler) -> Handler:
    """The route changes something: one transaction holds the change and the spending of
    the form's one-time token; a token already spent acts no more and leads to the first
    outcome. A refusal (no redirect) spends nothing, so the corrected form can be sent.
    A POST without a token (an old page, a script) acts as before."""

    @functools.wraps(handler)
    async def guarded(request: web.Request) -> web.StreamResponse:
        token = form(request).get(ONCE_FIELD)
        if not isinstance(token, str) or not token or len(token) > 100:
            return await handler(request)
        store = request.app[SERVICES].store
        session = request[ADMIN].session.id_hash
        async with store.transaction():
            earlier = await store.dashboard.submission_outcome(session, token)
            if earlier is not None:
                await tell(request, RESUBMITTED)
                return see_other(earlier)
            response = await handler(request)
            outcome = request.get(DONE)
            if outcome is None and response.status == 303:
                outcome = response.headers.get("Location")
            if outcome:
                await store.dashboard.record_submission(session, token, outcome)
            return response

    return guarded


async def tell(request: web.Request, code: str, name: str = "") -> None:
    """The notice the next page of this session shows (in the caller's transaction)."""
    store = request.app[SERVICES].store
    await store.dashboard.set_notice(request[ADMIN].session.id_hash, {"code": code, "name": name})


async def notice_of(request: web.Request, codes: Collection[str]) -> tuple[str | None, str]:
    """The session's waiting notice (code, name), shown once, if this page knows it."""
    store = request.app[SERVICES].store
    found = await store.dashboard.take_notice(request[ADMIN].session.id_hash)
    if found is None or found.get("code") not in codes:
        return None, ""
    return found["code"], found.get("name", "")[:100]
