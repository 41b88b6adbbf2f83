"""The first admin without looking up ids: ``knotenpunkt init`` (or ``knotenpunkt admin
claim-code``) prints a one-time code, and whoever sends ``/start CODE`` on Telegram, or
``/knotenpunkt start CODE`` on Slack, becomes admin with the account they sent it from.

The code is stored only as a hash, valid for a week, spent by its first use (checked and
spent in one statement); a new code replaces an unused one. Making and using a code are in
the audit log. Codes have 16 characters, so ``/start`` tells them from link codes (6) and
invitations (10) by their length.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.context import Context
from bot.models import Outgoing
from handlers.linking.service import ALPHABET, normalize_code
from storage import Store
from storage.db import utcnow

CLAIM_LENGTH = 16
CLAIM_VALIDITY = timedelta(days=7)


@dataclass(frozen=True)
class ClaimCode:
    code: str
    expires_at: datetime

    @property
    def shown(self) -> str:
        """Grouped for reading and typing (``ACDE-FGHJ-KMNP-QRTU``); dashes are ignored."""
        return "-".join(self.code[i : i + 4] for i in range(0, CLAIM_LENGTH, 4))


def looks_like_admin_claim(text: str) -> bool:
    code = normalize_code(text)
    return len(code) == CLAIM_LENGTH and all(c in ALPHABET for c in code)


async def new_claim_code(store: Store, actor: str | None, now: datetime | None = None) -> ClaimCode:
    """A fresh code in place of any unused one; only its hash is kept."""
    expires = (now or utcnow()) + CLAIM_VALIDITY
    async with store.transaction():
        while True:
            code = "".join(secrets.choice(ALPHABET) for _ in range(CLAIM_LENGTH))
            claim_id = await store.admin_claims.replace(code, expires)
            if claim_id is not None:
                break
        await store.audit.record("admin.claim_code", actor, claim_id=claim_id)
    return ClaimCode(code, expires)


async def redeem(ctx: Context, text: str) -> Outgoing:
    """Make the sender's account an admin if the code is valid; say what happened."""
    key = ctx.incoming.sender.key
    async with ctx.store.transaction():
        claim_id = await ctx.store.admin_claims.use(normalize_code(text), utcnow())
        if claim_id is None:
            return ctx.reply("claim.invalid")
        was_admin = ctx.is_admin
        await ctx.store.members.grant_admin(key)
        await ctx.store.audit.record("admin.claimed", ctx.actor, identity=key, claim_id=claim_id)
    ctx.is_admin = True
    prefix = ctx.incoming.command_prefix
    network = ctx.settings.network_name
    help_command = prefix + ("hilfe" if ctx.lang == "de" else "help")
    broadcast = prefix + ("rundschreiben" if ctx.lang == "de" else "broadcast")
    key_name = "claim.already" if was_admin else "claim.done"
    if not was_admin and ctx.member is None:
        key_name = "claim.done_register"
    return ctx.reply(key_name, network=network, help=help_command, broadcast=broadcast)
