"""python-telegram-bot's requests to the Bot API over aiohttp instead of httpx.

PTB lets a bot bring its own networking through its public :class:`BaseRequest`; PTB still
builds the parameters, checks the answer and raises its own errors, so nothing else
changes. A profile of the bot under load put most of its time per answer in httpx and
httpcore (each request checks every pooled connection for expiry with system calls);
aiohttp, which the bot already uses for long polling and its HTTP server, does the same
request for a fraction of that. Timeouts and errors map as PTB's own httpx backend does
(:class:`TimedOut`, :class:`NetworkError`).
"""

from __future__ import annotations

from typing import Any

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

CONNECTIONS = 64  # connections kept open to the Bot API: sends in flight at once
CONNECT_TIMEOUT = 5.0  # PTB's defaults for a bot's requests
READ_TIMEOUT = 5.0
WRITE_TIMEOUT = 5.0
POOL_TIMEOUT = 1.0
MEDIA_WRITE_TIMEOUT = 20.0  # uploads (a member's data export) may take longer
_URL_ENCODED = {"Content-Type": "application/x-www-form-urlencoded"}


def _seconds(value: object, default: float | None) -> float | None:
    """A timeout PTB passes, or the default when it passes its "not given" marker."""
    if value is None or isinstance(value, int | float):
        return value
    return default


class AiohttpRequest(BaseRequest):
    """PTB's :class:`BaseRequest` on one :class:`aiohttp.ClientSession` (made in
    :meth:`initialize`, inside the running loop)."""

    def __init__(self, connections: int = CONNECTIONS) -> None:
        self._connections = connections
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return READ_TIMEOUT

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._connections)
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT}
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        data: aiohttp.FormData | bytes | None = None
        headers = None
        uploading = request_data is not None and request_data.contains_files
        if request_data is not None and uploading:
            data = _form(request_data.json_parameters, request_data.multipart_data)
        elif request_data is not None:  # encoded here: aiohttp would build a FormData first
            data = request_data.url_encoded_parameters().encode()
            headers = _URL_ENCODED
        connect = _seconds(connect_timeout, CONNECT_TIMEOUT)
        pool = _seconds(pool_timeout, POOL_TIMEOUT)
        write = _seconds(write_timeout, MEDIA_WRITE_TIMEOUT if uploading else WRITE_TIMEOUT)
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=None if connect is None or pool is None else connect + pool,
            sock_connect=connect,
            # aiohttp has no write timeout of its own: the wait for the answer includes it
            sock_read=None
            if (read := _seconds(read_timeout, READ_TIMEOUT)) is None
            else read + (write or 0.0),
        )
        try:
            async with session.request(
                method, url, data=data, headers=headers, timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc


def _form(fields: dict[str, str], files: dict[str, Any]) -> aiohttp.FormData:
    """Parameters and files as one multipart body, as the Bot API takes uploads."""
    form = aiohttp.FormData()
    for name, value in fields.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in files.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form
