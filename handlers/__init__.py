"""What the bot does: one package per capability (one module while it is small).

Capabilities are found by walking this package: every module that defines
``register(router)`` adds its commands, buttons and flows, and every module that defines
``install(services)`` adds its scheduled jobs or HTTP routes. Adding a capability means
adding a package and nothing else. Handlers never import an adapter or a platform library.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import TYPE_CHECKING

from bot.router import Router

if TYPE_CHECKING:
    from bot.services import Services


def capability_modules() -> list[ModuleType]:
    """Every module below ``handlers``, in name order, so the wiring is reproducible."""
    names = sorted(info.name for info in pkgutil.walk_packages(__path__, prefix=f"{__name__}."))
    return [importlib.import_module(name) for name in names]


def build_router() -> Router:
    router = Router()
    for module in capability_modules():
        register = getattr(module, "register", None)
        if callable(register):
            register(router)
    return router


def install_capabilities(services: Services) -> None:
    """Let capabilities add their jobs and routes before the scheduler and server start."""
    for module in capability_modules():
        install = getattr(module, "install", None)
        if callable(install):
            install(services)
