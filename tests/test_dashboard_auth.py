"""Signing in to the dashboard: one-time links, sessions, CSRF, the role checked on every
request, and the security headers; over HTTP against the running bot."""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections.abc import Callable
from datetime import timedelta

import aiohttp
import pytest

from bot.cli import main as cli
from bot.i18n import t
from bot.settings import Settings
from handlers.dashboard.server import build_app
from storage.db import to_db_time, utcnow
from tests.dashboard_support import csrf_of, running_dashboard


def protected_routes(services: object) -> list[tuple[str, str]]:
    """Every (method, path) of the dashboard that needs a session, ids filled in."""
    found = []
    for route in build_app(services).router.routes():  # type: ignore[arg-type]
        if getattr(route.handler, "dashboard_public", False) or route.method == "HEAD":
            continue
        path = re.sub(r"\{[^}]+\}", "1", route.resource.canonical)  # type: ignore[union-attr]
        found.append((route.method, "/admin" + path))
    return found


async def test_an_admin_gets_a_link_a_member_and_a_group_do_not(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_dashboard(make_settings) as dash:
        admin = dash.person("admin")
        await admin.say("/dashboard")
        assert "http://bot.example.org/admin/login/" in admin.texts()
        assert "10" in admin.texts()
        member = dash.person("anna")
        await member.register()
        await member.say("/dashboard")
        assert member.texts() == t("de", "error.admin_only")
        assert "/admin/login/" not in member.texts()
        await admin.say("/dashboard", chat_id="group-1", chat_kind="group")
        assert admin.texts() == t("de", "error.private_only")


async def test_without_a_public_url_the_command_says_how_to_enable_it(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_dashboard(make_settings, public_url=None) as dash:
        admin = dash.person("admin")
        await admin.say("/dashboard")
        assert admin.texts() == t("de", "dashboard.no_public_url")
        assert "KNOTENPUNKT_PUBLIC_URL" in admin.texts()


async def test_a_link_signs_in_once_and_its_token_is_stored_only_hashed(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_dashboard(make_settings) as dash:
        path = await dash.link_for()
        token = path.rsplit("/", 1)[1]
        assert len(token) >= 43  # 256 random bits, base64url
        rows = await dash.services.store.db.fetchall("SELECT * FROM dashboard_login_tokens")
        assert [r["token_hash"] for r in rows] == [hashlib.sha256(token.encode()).hexdigest()]
        assert all(token not in str(value) for r in rows for value in tuple(r))
        async with dash.browser() as client:
            # looking at the link (as a chat app's link preview does) spends nothing
            for _ in range(2):
                async with client.get(path, allow_redirects=False) as response:
                    assert response.status == 200
                    assert 'action="' + path + '"' in await response.text()
            async with client.post(path, allow_redirects=False) as response:
                assert response.status == 303
                assert response.headers["Location"] == "/admin/"
                cookie = response.headers["Set-Cookie"]
            assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
            assert "Path=/admin" in cookie and "Secure" not in cookie
            assert "Max-Age=28800" in cookie
            async with client.get("/admin/", allow_redirects=False) as response:
                assert response.status == 200
        async with dash.browser() as other:  # the same link a second time
            async with other.get(path, allow_redirects=False) as response:
                assert response.status == 403
                assert t("de", "dashboard.login.used_title") in await response.text()
            async with other.post(path, allow_redirects=False) as response:
                assert response.status == 403
                assert "Set-Cookie" not in response.headers
            async with other.get("/admin/", allow_redirects=False) as response:
                assert response.status == 302


async def test_an_expired_or_unknown_link_is_refused(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_dashboard(make_settings) as dash:
        path = await dash.link_for()
        await dash.services.store.db.execute(
            "UPDATE dashboard_login_tokens SET expires_at = ?",
            (to_db_time(utcnow() - timedelta(seconds=1)),),
        )
        async with dash.browser() as client:
            for target in (path, "/admin/login/" + "x" * 43, "/admin/login/short"):
                async with client.post(target, allow_redirects=False) as response:
                    assert response.status == 403, target
            async with client.get("/admin/", allow_redirects=False) as response:
                assert response.status == 302


async def test_the_cookie_is_secure_when_the_public_url_is_https(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_dashboard(make_settings, public_url="https://bot.example.org") as dash:
        path = await dash.link_for()
        async with dash.browser() as client, client.post(path, allow_redirects=False) as response:
            assert "Secure" in response.headers["Set-Cookie"]


async def test_every_route_needs_a_session(make_settings: Callable[..., Settings]) -> None:
    async with running_dashboard(make_settings) as dash:
        routes = protected_routes(dash.services)
        assert ("GET", "/admin/") in routes and ("POST", "/admin/logout") in routes
        async with dash.browser() as client:
            for method, path in routes:
                async with client.request(method, path, allow_redirects=False) as response:
                    if method == "GET":
                        assert response.status == 302, path
                        assert response.headers["Location"] == "/admin/signin"
                    else:
                        assert response.status == 401, path
            async with client.get("/admin/signin") as response:
                assert response.status == 200
                assert "/dashboard" in await response.text()


async def test_a_session_ends_when_the_admin_role_is_removed(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_dashboard(make_settings) as dash:
        store = dash.services.store
        await store.members.grant_admin("console:boss")
        client = await dash.signed_in("boss")
        async with client:
            csrf = await csrf_of(client)
            cookie = "; ".join(f"{c.key}={c.value}" for c in client.cookie_jar)
        assert await store.members.revoke_admin(["console:boss"]) == 1
        async with aiohttp.ClientSession(
            dash.base, cookie_jar=aiohttp.DummyCookieJar(), headers={"Cookie": cookie}
        ) as stolen:
            for method, path in protected_routes(dash.services):
                data = {"csrf": csrf} if method == "POST" else None
                async with stolen.request(
                    method, path, data=data, allow_redirects=False
                ) as response:
                    assert response.status == 403, (method, path, response.status)
            # revoked for good: granting the role again does not revive the stolen cookie
            await store.members.grant_admin("console:boss")
            async with stolen.get("/admin/", allow_redirects=False) as response:
                assert response.status == 302
        actions = [entry["action"] for entry in await store.audit.recent()]
        assert "dashboard.session_revoked" in actions


async def test_removing_the_role_on_the_command_line_ends_the_sessions(
    make_settings: Callable[..., Settings],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with running_dashboard(make_settings) as dash:
        await dash.services.store.members.grant_admin("console:boss")
        client = await dash.signed_in("boss")
        async with client:
            monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(dash.services.settings.db_path))
            monkeypatch.setenv("KNOTENPUNKT_ADMINS", "console:admin")  # boss is not the last
            assert await asyncio.to_thread(cli, ["admin", "remove", "console:boss"]) == 0
            assert "no longer" in capsys.readouterr().out
            rows = await dash.services.store.db.fetchall(
                "SELECT revoked_at FROM dashboard_sessions WHERE identity = 'console:boss'"
            )
            assert rows and all(r[0] is not None for r in rows)
            async with client.get("/admin/", allow_redirects=False) as response:
                assert response.status == 403
                assert t("de", "dashboard.error.role_ended") in await response.text()


async def test_a_post_without_the_csrf_token_is_refused(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_dashboard(make_settings) as dash:
        client = await dash.signed_in()
        async with client:
            for data in (None, {"csrf": ""}, {"csrf": "forged"}):
                async with client.post("/admin/logout", data=data) as response:
                    assert response.status == 403
                    assert t("de", "dashboard.error.csrf") in await response.text()
            async with client.get("/admin/", allow_redirects=False) as response:
                assert response.status == 200  # still signed in: nothing happened
            csrf = await csrf_of(client)
            async with client.post(
                "/admin/logout", data={"csrf": csrf}, allow_redirects=False
            ) as response:
                assert response.status == 303


async def test_after_logout_a_copied_cookie_stops_working(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_dashboard(make_settings) as dash:
        client = await dash.signed_in()
        async with client:
            stolen = {c.key: c.value for c in client.cookie_jar}
            csrf = await csrf_of(client)
            async with client.post("/admin/logout", data={"csrf": csrf}) as response:
                assert response.status == 200  # the sign-in hint
        async with (
            aiohttp.ClientSession(dash.base, cookies=stolen) as thief,
            thief.get("/admin/", allow_redirects=False) as response,
        ):
            assert response.status == 302


async def test_a_forged_or_expired_cookie_is_refused(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_dashboard(make_settings) as dash:
        client = await dash.signed_in()
        async with client:
            [(name, value)] = [(c.key, c.value) for c in client.cookie_jar]
        session_id, _, mac = value.rpartition(".")
        forged = [f"{session_id}.{mac[:-2]}xx", f"x{session_id}.{mac}", session_id, ""]
        for cookie in forged:
            async with (
                aiohttp.ClientSession(dash.base, cookies={name: cookie}) as other,
                other.get("/admin/", allow_redirects=False) as response,
            ):
                assert response.status == 302, cookie
        await dash.services.store.db.execute(
            "UPDATE dashboard_sessions SET expires_at = ?",
            (to_db_time(utcnow() - timedelta(seconds=1)),),
        )
        async with (
            aiohttp.ClientSession(dash.base, cookies={name: value}) as other,
            other.get("/admin/", allow_redirects=False) as response,
        ):
            assert response.status == 302


async def test_every_answer_carries_a_strict_content_security_policy(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_dashboard(make_settings) as dash:
        client = await dash.signed_in()
        async with client:
            for method, path in [
                ("GET", "/admin/"),
                ("GET", "/admin/signin"),
                ("GET", "/admin/login/unknown-token-unknown-token"),
                ("POST", "/admin/logout"),  # 403: no CSRF token
                ("GET", "/admin/static/dashboard.css"),
            ]:
                async with client.request(method, path, allow_redirects=False) as response:
                    policy = response.headers["Content-Security-Policy"]
                    assert "default-src 'none'" in policy, path
                    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
                    assert "script-src 'nonce-" in policy
                    assert "frame-ancestors 'none'" in policy
                    assert response.headers["Referrer-Policy"] == "no-referrer"
                    assert response.headers["X-Content-Type-Options"] == "nosniff"
        async with (
            dash.browser() as anonymous,
            anonymous.get("/admin/events", allow_redirects=False) as response,
        ):
            assert "Content-Security-Policy" in response.headers


async def test_the_command_line_prints_a_link_for_admins_only(
    make_settings: Callable[..., Settings],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with running_dashboard(make_settings) as dash:
        monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(dash.services.settings.db_path))
        monkeypatch.setenv("KNOTENPUNKT_ADMINS", "console:admin")
        assert (
            await asyncio.to_thread(cli, ["dashboard-link", "console:admin"]) == 1
        )  # no public URL in this env
        assert "KNOTENPUNKT_PUBLIC_URL" in capsys.readouterr().err
        monkeypatch.setenv("KNOTENPUNKT_PUBLIC_URL", "http://bot.example.org/")
        assert await asyncio.to_thread(cli, ["dashboard-link", "console:nobody"]) == 1
        assert "no admin" in capsys.readouterr().err
        assert await asyncio.to_thread(cli, ["dashboard-link", "nonsense"]) == 2
        capsys.readouterr()
        assert await asyncio.to_thread(cli, ["dashboard-link", "console:admin"]) == 0
        link = capsys.readouterr().out.strip()
        assert link.startswith("http://bot.example.org/admin/login/")
        path = link.removeprefix("http://bot.example.org")
        async with dash.browser() as client:
            async with client.post(path, allow_redirects=False) as response:
                assert response.status == 303
            async with client.get("/admin/", allow_redirects=False) as response:
                assert response.status == 200
