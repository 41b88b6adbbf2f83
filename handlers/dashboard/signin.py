"""Signing in and out: the hint for visitors without a session, the one-time login link
(a page with one button, then the POST that spends the token and sets the cookie), the
dashboard's own static files, and logout."""

from __future__ import annotations

from importlib import resources

from aiohttp import web

from handlers.dashboard import auth
from handlers.dashboard.kit import ADMIN, PREFIX, SERVICES, STATIC_FILES, public, render, see_other


@public
async def signin_hint(request: web.Request) -> web.Response:
    return render(request, "signin.html")


@public
async def login_form(request: web.Request) -> web.Response:
    """Looking at a login link spends nothing (chat apps fetch links for their previews):
    the page asks for one click, and only that POST signs in."""
    services = request.app[SERVICES]
    token = request.match_info["token"]
    if not await auth.usable_login(services.store, token):
        return render(request, "login_used.html", status=403)
    return render(request, "login.html", token=token)


@public
async def login(request: web.Request) -> web.StreamResponse:
    services = request.app[SERVICES]
    signed = await auth.redeem(services.store, services.settings, request.match_info["token"])
    if signed is None:
        return render(request, "login_used.html", status=403)
    response = see_other(f"{PREFIX}/")
    response.set_cookie(
        auth.COOKIE_NAME,
        signed.cookie,
        max_age=auth.session_seconds(),
        path=PREFIX,
        httponly=True,
        secure=auth.secure_cookie(services.settings),
        samesite="Strict",
    )
    return response


@public
async def static_file(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    if name not in STATIC_FILES:
        raise web.HTTPNotFound()
    body = (resources.files("handlers.dashboard") / "static" / name).read_bytes()
    return web.Response(body=body, content_type=STATIC_FILES[name], charset="utf-8")


async def logout(request: web.Request) -> web.StreamResponse:
    services = request.app[SERVICES]
    await auth.sign_out(services.store, request[ADMIN])
    response = see_other(f"{PREFIX}/signin")
    response.del_cookie(auth.COOKIE_NAME, path=PREFIX)
    return response


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/signin", signin_hint)
    router.add_get("/login/{token}", login_form)
    router.add_post("/login/{token}", login)
    router.add_get("/static/{name}", static_file)
    router.add_post("/logout", logout)
