"""What the bot does, one module per capability.

Each capability module exposes ``register(router)``; :func:`build_router` finds them all,
so adding a capability means adding a module and nothing else. Handlers never import an
adapter or a platform library.
"""

from __future__ import annotations

import importlib
import pkgutil

from bot.router import Router


def build_router() -> Router:
    router = Router()
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if callable(register):
            register(router)
    return router
