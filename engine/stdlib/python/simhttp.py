"""A simulated HTTP service on the virtual clock, for comparing serial and concurrent I/O.

Nothing leaves the simulated machine. A request to a simulated server waits out the server's
latency -- the virtual clock moves on, as it does for time.sleep -- and then the server's
handler answers. A blocking client (`get`, shaped like requests.get) holds the whole program
for that wait; an asynchronous one (`ClientSession`, shaped like aiohttp's) waits with
asyncio.sleep, so other tasks run meanwhile. Timings are therefore exact and the same on every
machine: 100 serial requests at 0.1 s cost 10 s plus the interpreter's own work, 100 concurrent
ones about 0.1 s.

One server listens at http://127.0.0.1:8080 from the start. Like the test server of the
crawler experiments it answers any path, and waits `delay` milliseconds when the query string
has a `delay=` field (else its default latency). Start others with Server(...).
"""

import asyncio as _asyncio
import json as _json
import time as _time

__all__ = ('ClientError', 'ClientResponse', 'ClientSession', 'Response', 'Server', 'get', 'servers')


class ClientError(Exception):
    """No simulated server listens at the address of the URL."""


class Response:
    """What the blocking client gets back (requests' spelling: status_code, text, json())."""

    def __init__(self, url, status, body, elapsed):
        self.url = url
        self.status_code = status
        self.text = body
        self.elapsed = elapsed

    def __repr__(self):
        return f'<Response [{self.status_code}]>'

    def json(self):
        return _json.loads(self.text)


class ClientResponse:
    """What the asynchronous client gets back (aiohttp's spelling: status, await text())."""

    def __init__(self, response):
        self.url = response.url
        self.status = response.status_code
        self._body = response.text

    def __repr__(self):
        return f'<ClientResponse({self.url}) [{self.status}]>'

    async def text(self):
        return self._body

    async def json(self):
        return _json.loads(self._body)

    def release(self):
        pass


def _echo_handler(path, query):
    """The default answer: 200 and the request's path and query fields, as text."""
    fields = '&'.join(f'{k}={v}' for k, v in query.items())
    return 200, f'{path}?{fields}' if fields else path


servers = {}


class Server:
    """A simulated server at host:port: every request waits `latency` seconds (or the query's
    `delay` in milliseconds), then `handler(path, query)` gives (status, body)."""

    def __init__(self, host='127.0.0.1', port=8080, *, latency=0.1, handler=None):
        self.host = host
        self.port = port
        self.latency = latency
        self.handler = handler or _echo_handler
        self.requests = 0
        servers[(host, port)] = self

    def __repr__(self):
        return f'<simhttp.Server http://{self.host}:{self.port} latency={self.latency} requests={self.requests}>'

    def close(self):
        servers.pop((self.host, self.port), None)

    def _delay(self, query):
        value = query.get('delay')
        if value is not None:
            try:
                return int(value) / 1000
            except ValueError:
                pass
        return self.latency

    def _answer(self, url, path, query, elapsed):
        self.requests += 1
        status, body = self.handler(path, query)
        return Response(url, status, body, elapsed)


def _route(url):
    """The server a URL names, the path and the query fields."""
    rest = url.split('://', 1)[-1]
    address, _, path = rest.partition('/')
    path = '/' + path
    path, _, query_text = path.partition('?')
    host, _, port = address.partition(':')
    server = servers.get((host, int(port) if port else 80))
    if server is None:
        raise ClientError(f'Cannot connect to host {address}')
    query = {}
    for field in filter(None, query_text.split('&')):
        key, _, value = field.partition('=')
        query[key] = value
    return server, path, query


def get(url):
    """A blocking GET: the program waits the server's latency, then has the response."""
    server, path, query = _route(url)
    delay = server._delay(query)
    _time.sleep(delay)
    return server._answer(url, path, query, delay)


class ClientSession:
    """An asynchronous client: `async with session.get(url) as resp` waits with asyncio.sleep."""

    def __init__(self):
        self.closed = False

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    async def close(self):
        self.closed = True

    def get(self, url):
        return _Request(url)


class _Request:
    """session.get(url): awaitable, and usable in `async with`."""

    def __init__(self, url):
        self._url = url

    async def _send(self):
        server, path, query = _route(self._url)
        delay = server._delay(query)
        await _asyncio.sleep(delay)
        return ClientResponse(server._answer(self._url, path, query, delay))

    def __await__(self):
        return self._send().__await__()

    async def __aenter__(self):
        return await self._send()

    async def __aexit__(self, exc_type, exc, tb):
        return None


Server()
