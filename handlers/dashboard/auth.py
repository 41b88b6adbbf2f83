"""Signing in to the dashboard without passwords: a one-time link from the chat or the CLI.

- A login token is 256 random bits (``secrets.token_urlsafe(32)``), stored only as its
  SHA-256 hash, valid ten minutes and spent by the first sign-in.
- A session is server-side (8 hours); the cookie holds its random id and an HMAC of it
  under a key kept in the store, so a forged or altered cookie is refused before the store
  is asked, and a copy of the store holds no usable session id (only hashes).
- Every request checks the admin role again with the rule the chat uses
  (:func:`bot.core.is_admin`); a session whose identity is no admin any more is revoked.
- Each session has its own CSRF token, which every form carries and every POST must match.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from bot.core import is_admin
from bot.settings import Settings
from storage import Store
from storage.dashboard import Session
from storage.db import utcnow
from storage.members import Member

TOKEN_BYTES = 32
LOGIN_VALID = timedelta(minutes=10)
SESSION_VALID = timedelta(hours=8)
COOKIE_NAME = "knotenpunkt_dashboard"
SIGNING_KEY = "cookie_signing_key"
LOGIN_PATH = "/admin/login/"


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def login_url(public_base: str, token: str) -> str:
    return f"{public_base.rstrip('/')}{LOGIN_PATH}{token}"


async def issue_login(store: Store, identity: str, language: str, via: str) -> str:
    """A fresh one-time token for ``identity``; the caller has checked the admin role."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    async with store.transaction():
        await store.dashboard.add_login_token(
            digest(token), identity, language, utcnow() + LOGIN_VALID
        )
        await store.audit.record("dashboard.link_issued", identity, via=via)
    return token


async def identity_is_admin(store: Store, settings: Settings, identity: str) -> bool:
    platform, _, user_id = identity.partition(":")
    member = await store.members.find_by_identity(platform, user_id)
    return await is_admin(store, settings, identity, member)


async def usable_login(store: Store, token: str) -> bool:
    """Whether the link can still sign someone in (looked at, not spent)."""
    found = await store.dashboard.login_token(digest(token)) if _plausible(token) else None
    return found is not None and found.used_at is None and found.expires_at > utcnow()


def _plausible(token: str) -> bool:
    return 20 <= len(token) <= 100


@dataclass(frozen=True)
class SignIn:
    cookie: str
    session: Session


async def redeem(store: Store, settings: Settings, token: str) -> SignIn | None:
    """Spend the token and open a session; None for an unknown, used or expired token or
    an identity that is no admin any more."""
    if not _plausible(token):
        return None
    now = utcnow()
    async with store.transaction():
        spent = await store.dashboard.spend_login_token(digest(token), now)
        if spent is None or not await identity_is_admin(store, settings, spent.identity):
            return None
        session_id = secrets.token_urlsafe(TOKEN_BYTES)
        await store.dashboard.add_session(
            digest(session_id),
            spent.identity,
            spent.language,
            secrets.token_urlsafe(TOKEN_BYTES),
            now + SESSION_VALID,
        )
        await store.audit.record("dashboard.signed_in", spent.identity)
        session = await store.dashboard.session(digest(session_id))
    assert session is not None
    return SignIn(await sign(store, session_id), session)


# the cookie -----------------------------------------------------------------------------


def _mac(key: str, value: str) -> str:
    raw = hmac.new(key.encode(), value.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


async def sign(store: Store, session_id: str) -> str:
    return f"{session_id}.{_mac(await store.dashboard.secret(SIGNING_KEY), session_id)}"


async def unsign(store: Store, cookie: str) -> str | None:
    """The session id of a cookie whose signature is right, else None."""
    session_id, dot, mac = cookie.rpartition(".")
    if not dot or not session_id or len(cookie) > 200:
        return None
    expected = _mac(await store.dashboard.secret(SIGNING_KEY), session_id)
    return session_id if hmac.compare_digest(expected, mac) else None


# each request ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Admin:
    """Who is signed in on this request, with what they need for the page."""

    session: Session
    member: Member | None

    @property
    def identity(self) -> str:
        return self.session.identity

    @property
    def language(self) -> str:
        return self.member.language if self.member is not None else self.session.language

    @property
    def csrf_token(self) -> str:
        return self.session.csrf_token


class RoleEnded(Exception):
    """The session was valid, but its identity is no admin any more: it is now revoked."""


async def current_admin(store: Store, settings: Settings, cookie: str | None) -> Admin | None:
    """The admin behind a session cookie: None without a valid open session; raises
    :class:`RoleEnded` (after revoking the session) when the role was taken away."""
    session_id = await unsign(store, cookie) if cookie else None
    if session_id is None:
        return None
    session = await store.dashboard.session(digest(session_id))
    now = utcnow()
    if session is None or session.expires_at <= now:
        return None
    platform, _, user_id = session.identity.partition(":")
    member = await store.members.find_by_identity(platform, user_id)
    admin = await is_admin(store, settings, session.identity, member)
    if session.revoked_at is not None:
        if admin:  # signed out, or revoked earlier: never valid again
            return None
        raise RoleEnded(session.identity)
    if not admin:
        async with store.transaction():
            await store.dashboard.revoke_sessions_of([session.identity], now)
            await store.audit.record("dashboard.session_revoked", session.identity)
        raise RoleEnded(session.identity)
    return Admin(session, member)


async def sign_out(store: Store, admin: Admin) -> None:
    async with store.transaction():
        await store.dashboard.revoke_session(admin.session.id_hash, utcnow())
        await store.audit.record("dashboard.signed_out", admin.identity)


def csrf_matches(admin: Admin, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(admin.csrf_token.encode(), (sent or "").encode())


def secure_cookie(settings: Settings) -> bool:
    return (settings.public_url or "").startswith("https://")


def session_seconds() -> int:
    return int(SESSION_VALID.total_seconds())
