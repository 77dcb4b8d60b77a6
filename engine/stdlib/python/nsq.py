"""A simulated NSQ job queue on the virtual clock, with pynsq's client API.

NSQ moves messages from producers to consumers through `nsqd` servers. A producer publishes
to a *topic*; every *channel* of the topic gets its own copy of each message; the consumers
subscribed to one channel share that channel's messages, each message going to one of them.
A consumer says how many messages it will hold at once (its RDY count, pynsq's
`max_in_flight`), answers each message with FIN (done), REQ (try again, maybe later) or TOUCH
(still working), and a message it holds too long times out and is delivered again.

Nothing here leaves the simulated machine. The servers live in this module: one nsqd listens
at 127.0.0.1:4150 (HTTP at 4151) and one nsqlookupd at 127.0.0.1:4161 from the start, and
their HTTP endpoints answer `simhttp.get` as `curl` would. Clients are pynsq's: `Writer.pub`,
`Reader(message_handler=..., topic=..., channel=...)`, `Message.finish/requeue/touch`, and
`run()`, which drives the asyncio event loop on the virtual clock. Unlike the real `nsq.run()`,
which serves forever, `run()` returns once nothing more can happen (no callback ready, no timer
but lookupd polls that would find nothing new) or when `stop()` is called; state stays, so a
later `run()` goes on from there.

Everything is deterministic where real NSQ is not: a channel hands its messages to its
consumers in turn (round robin over those with room), a writer with several nsqd connections
uses them in turn, and lookupd polls have no jitter. Reader backoff after a requeue is not
modelled: a reader keeps its RDY count. The network costs no time; the module's own
bookkeeping runs as Python, so each message costs a few simulated microseconds.
"""

import asyncio as _asyncio
import json as _json
import sys as _sys
import time as _time
import traceback as _traceback

import simhttp as _simhttp

__all__ = (
    'ConnectionClosedError', 'Error', 'Message', 'Nsqd', 'Nsqlookupd', 'Reader', 'SendError', 'Writer',
    'lookupds', 'nsqds', 'run', 'stop', 'tail',
)

VERSION = '1.2.1'
USER_AGENT = 'pynsq/0.9.1'
_VALID_NAME_CHARS = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-')
_EPHEMERAL = '#ephemeral'


class Error(Exception):
    """An error nsqd answered, or a failure to reach it."""


class SendError(Error):
    """A command could not be sent (no connection)."""


class ConnectionClosedError(Error):
    """The connection closed before nsqd answered."""


def _log(text):
    """pynsq logs through `logging`; unconfigured, that prints the message on stderr."""
    print(text, file=_sys.stderr)


def _valid_name(name):
    """nsqd's rule for topic and channel names: 1 to 64 of [.a-zA-Z0-9_-], optionally #ephemeral."""
    base = name[:-len(_EPHEMERAL)] if name.endswith(_EPHEMERAL) else name
    return 0 < len(name) <= 64 and bool(base) and set(base) <= _VALID_NAME_CHARS


def _to_bytes(body):
    return body.encode('utf-8') if isinstance(body, str) else bytes(body)


def _split_address(address):
    """'http://127.0.0.1:4161' or '127.0.0.1:4150' -> ('127.0.0.1', 4150)."""
    host, _, port = address.split('://', 1)[-1].rstrip('/').partition(':')
    return host, int(port)


def _decimal(value, digits):
    """value / 10**digits with the fraction's trailing zeros dropped ('5.5', '12')."""
    whole, fraction = divmod(value, 10 ** digits)
    fraction = f'{fraction:0{digits}d}'.rstrip('0')
    return f'{whole}.{fraction}' if fraction else str(whole)


def _go_duration(ns):
    """A duration in nanoseconds as Go's time.Duration prints it ('1m30.5s', '5.559206ms')."""
    if ns < 1000:
        return f'{ns}ns' if ns else '0s'
    if ns < 10 ** 6:
        return _decimal(ns, 3) + 'µs'
    if ns < 10 ** 9:
        return _decimal(ns, 6) + 'ms'
    hours, minutes = divmod(ns // (60 * 10 ** 9), 60)
    seconds = _decimal(ns % (60 * 10 ** 9), 9) + 's'
    if hours:
        return f'{hours}h{minutes}m{seconds}'
    return f'{minutes}m{seconds}' if minutes else seconds


# ---------------------------------------------------------------- the event loop

def _loop():
    """The loop readers and writers run on: asyncio's current one (tornado's IOLoop wraps it)."""
    loop = _asyncio.get_event_loop()
    if loop.is_closed():
        loop = _asyncio.new_event_loop()
        _asyncio.set_event_loop(loop)
    return loop


_stop_requested = False


def run():
    """Runs the event loop until nothing more can happen, or until stop()."""
    global _stop_requested
    _stop_requested = False
    loop = _loop()
    loop.call_soon(_watch, loop)
    loop.run_forever()


def stop():
    """Stops run() after the callbacks that are ready now."""
    global _stop_requested
    _stop_requested = True
    _loop().stop()


def _watch(loop):
    """Stops the loop when it is idle: no callback ready and no timer that can make progress.
    Waits for the next such timer otherwise (re-armed as a timer, so the loop still sleeps)."""
    if _stop_requested:
        return
    if loop._ready:
        loop.call_soon(_watch, loop)
        return
    idle_polls = {id(reader._poll) for reader in _readers if reader._poll is not None and not reader._would_discover()}
    due = [t.when() for t in loop._scheduled if not t.cancelled() and id(t) not in idle_polls]
    if due:
        loop.call_at(min(due), _watch, loop)
    else:
        loop.stop()


# ---------------------------------------------------------------- the servers

nsqds = {}
lookupds = {}


class Nsqlookupd:
    """Where consumers find the nsqd servers that have a topic (HTTP /lookup, /topics)."""

    def __init__(self, tcp_address='127.0.0.1:4160', http_address='127.0.0.1:4161'):
        self.tcp_address = tcp_address
        self.http_address = http_address
        self.producers = []
        lookupds[tcp_address] = lookupds[http_address] = self
        host, port = _split_address(http_address)
        self.http = _simhttp.Server(host, port, latency=0.001, handler=self._http)

    def __repr__(self):
        return f'<nsq.Nsqlookupd tcp={self.tcp_address} http={self.http_address}>'

    def lookup(self, topic):
        """The nsqd servers that have the topic, in the order they registered."""
        return [nsqd for nsqd in self.producers if topic in nsqd.topics]

    def topics(self):
        return sorted({name for nsqd in self.producers for name in nsqd.topics})

    def _http(self, path, query):
        if path == '/ping':
            return 200, 'OK'
        if path == '/topics':
            return 200, _json.dumps({'topics': self.topics()})
        if path == '/lookup':
            topic = query.get('topic', '')
            producers = self.lookup(topic)
            if not producers:
                return 404, _json.dumps({'message': 'TOPIC_NOT_FOUND'})
            channels = sorted({c for nsqd in producers for c in nsqd.topics[topic].channels})
            return 200, _json.dumps({'channels': channels, 'producers': [n._producer_info() for n in producers]})
        return 404, _json.dumps({'message': 'NOT_FOUND'})


class _Message:
    """A message as nsqd keeps it; each channel holds its own copy."""

    def __init__(self, id, body, timestamp, deferred=0.0):
        self.id = id
        self.body = body
        self.timestamp = timestamp
        self.attempts = 0
        self.deferred = deferred
        self.client = None
        self.timer = None

    def copy(self):
        return _Message(self.id, self.body, self.timestamp, self.deferred)


def _connection_line(conn, now, counters):
    """A client's line in nsqd's text stats: its port, counters, and whole seconds connected."""
    port = conn.remote_address.rpartition(':')[2]
    connected = (now - conn.connect_ts) // 10 ** 9 * 10 ** 9
    return f'[V2 localhost:{port} {USER_AGENT}] {counters} connected: {_go_duration(connected)}'


class _Client:
    """One consumer connection subscribed to a channel (a pynsq connection, as nsqd sees it)."""

    def __init__(self, reader, nsqd, channel, number):
        self.reader = reader
        self.nsqd = nsqd
        self.channel = channel
        self.id = f'{nsqd.host}:{nsqd.port}'
        self.client_id = number
        self.remote_address = f'127.0.0.1:{50000 + number}'
        self.msg_timeout = reader.msg_timeout or nsqd.msg_timeout
        self.connect_ts = _time.time_ns()
        self.rdy = 0
        self.last_rdy = 0
        self.in_flight = 0
        self.message_count = 0
        self.finish_count = 0
        self.requeue_count = 0

    def ready_for_messages(self):
        return self.in_flight < self.rdy

    def stats(self):
        return {
            'client_id': str(self.client_id), 'hostname': 'localhost', 'version': 'V2',
            'remote_address': self.remote_address, 'state': 3, 'ready_count': self.rdy,
            'in_flight_count': self.in_flight, 'message_count': self.message_count,
            'finish_count': self.finish_count, 'requeue_count': self.requeue_count,
            'connect_ts': self.connect_ts // 10 ** 9, 'user_agent': USER_AGENT,
        }

    def stats_line(self, now):
        return _connection_line(self, now, f'state: 3 inflt: {self.in_flight:<4} rdy: {self.rdy:<4} '
                                f'fin: {self.finish_count:<8} re-q: {self.requeue_count:<8} msgs: {self.message_count:<8}')


class _Channel:
    """A channel: a queue of its own copies, the messages in flight, the deferred ones."""

    def __init__(self, topic, name):
        self.topic = topic
        self.name = name
        self.queue = []
        self.head = 0
        self.in_flight = {}
        self.deferred = {}
        self.clients = []
        self.turn = 0
        self.message_count = 0
        self.requeue_count = 0
        self.timeout_count = 0
        self.pump_scheduled = False

    @property
    def depth(self):
        return len(self.queue) - self.head

    def put(self, message):
        """A message from the topic (counted), queued at once or after its deferral."""
        self.message_count += 1
        if message.deferred > 0:
            self._defer(message, message.deferred)
        else:
            self._enqueue(message)

    def _enqueue(self, message):
        self.queue.append(message)
        self.schedule_pump()

    def _defer(self, message, delay):
        self.deferred[message.id] = message
        message.timer = _loop().call_later(delay, self._undefer, message)

    def _undefer(self, message):
        if self.deferred.pop(message.id, None) is message:
            message.timer = None
            self._enqueue(message)

    def schedule_pump(self):
        if not self.pump_scheduled and self.clients:
            self.pump_scheduled = True
            _loop().call_soon(self._pump)

    def _pump(self):
        """Hands queued messages to the clients with room, each in turn."""
        self.pump_scheduled = False
        count = len(self.clients)
        while self.depth and count:
            for step in range(count):
                client = self.clients[(self.turn + step) % count]
                if client.ready_for_messages():
                    self.turn = (self.turn + step + 1) % count
                    self._send(client)
                    break
            else:
                break
        if self.head > 64 and self.head * 2 > len(self.queue):
            del self.queue[:self.head]
            self.head = 0

    def _send(self, client):
        message = self.queue[self.head]
        self.queue[self.head] = None
        self.head += 1
        message.attempts += 1
        message.client = client
        message.timer = _loop().call_later(client.msg_timeout, self._time_out, message)
        self.in_flight[message.id] = message
        client.in_flight += 1
        client.message_count += 1
        delivered = Message(message.id, message.body, message.timestamp, message.attempts)
        _loop().call_soon(client.reader._on_message, client, delivered)

    def _take(self, client, id):
        """The in-flight message `id` held by the client, no longer in flight; None if it is not."""
        message = self.in_flight.get(id)
        if message is None or message.client is not client:
            return None
        del self.in_flight[id]
        message.timer.cancel()
        message.timer = None
        message.client = None
        client.in_flight -= 1
        self.schedule_pump()
        return message

    def finish(self, client, id):
        if self._take(client, id) is None:
            return f'E_FIN_FAILED FIN {id.decode()} failed ID not in flight'
        client.finish_count += 1
        return None

    def requeue(self, client, id, delay):
        if not 0 <= delay <= client.nsqd.max_req_timeout:
            return f'E_INVALID REQ timeout {int(delay * 1000)} out of range 0-{int(client.nsqd.max_req_timeout * 1000)}'
        message = self._take(client, id)
        if message is None:
            return f'E_REQ_FAILED REQ {id.decode()} failed ID not in flight'
        client.requeue_count += 1
        self.requeue_count += 1
        if delay > 0:
            self._defer(message, delay)
        else:
            self._enqueue(message)
        return None

    def touch(self, client, id):
        message = self.in_flight.get(id)
        if message is None or message.client is not client:
            return f'E_TOUCH_FAILED TOUCH {id.decode()} failed ID not in flight'
        message.timer.cancel()
        message.timer = _loop().call_later(client.msg_timeout, self._time_out, message)
        return None

    def _time_out(self, message):
        """nsqd's in-flight scan: a message held past its timeout goes back to the queue."""
        client = message.client
        del self.in_flight[message.id]
        message.timer = None
        message.client = None
        client.in_flight -= 1
        self.timeout_count += 1
        self._enqueue(message)

    def add_client(self, client):
        self.clients.append(client)

    def remove_client(self, client):
        """The client leaves; its messages in flight come back when they time out, as in nsqd."""
        self.clients.remove(client)
        if not self.clients and self.name.endswith(_EPHEMERAL):
            self.topic.delete_channel(self.name)
        elif self.clients:
            self.turn %= len(self.clients)

    def stats(self):
        return {
            'channel_name': self.name, 'depth': self.depth, 'backend_depth': 0,
            'in_flight_count': len(self.in_flight), 'deferred_count': len(self.deferred),
            'message_count': self.message_count, 'requeue_count': self.requeue_count,
            'timeout_count': self.timeout_count, 'client_count': len(self.clients),
            'clients': [c.stats() for c in self.clients], 'paused': False,
        }


class _Topic:
    """A topic: holds messages until it has a channel, then copies each to every channel."""

    def __init__(self, nsqd, name):
        self.nsqd = nsqd
        self.name = name
        self.channels = {}
        self.waiting = []
        self.message_count = 0
        self.message_bytes = 0

    def put(self, message):
        self.message_count += 1
        self.message_bytes += len(message.body)
        if self.channels:
            self._copy_to_channels(message)
        else:
            self.waiting.append(message)

    def _copy_to_channels(self, message):
        for i, channel in enumerate(self.channels.values()):
            channel.put(message if i == 0 else message.copy())

    def channel(self, name):
        channel = self.channels.get(name)
        if channel is None:
            channel = self.channels[name] = _Channel(self, name)
            waiting, self.waiting = self.waiting, []
            for message in waiting:
                self._copy_to_channels(message)
        return channel

    def delete_channel(self, name):
        del self.channels[name]

    def stats(self, channel=None):
        names = sorted(self.channels) if channel is None else [n for n in (channel,) if n in self.channels]
        return {
            'topic_name': self.name, 'channels': [self.channels[n].stats() for n in names],
            'depth': len(self.waiting), 'backend_depth': 0, 'message_count': self.message_count,
            'message_bytes': self.message_bytes, 'paused': False,
        }


class Nsqd:
    """A simulated nsqd: topics, channels, and the HTTP endpoints /ping and /stats."""

    def __init__(self, tcp_address='127.0.0.1:4150', http_address='127.0.0.1:4151', *,
                 lookupd_tcp_addresses=('127.0.0.1:4160',), msg_timeout=60.0, max_req_timeout=3600.0,
                 max_msg_size=1048576):
        self.tcp_address = tcp_address
        self.http_address = http_address
        self.host, self.port = _split_address(tcp_address)
        self.msg_timeout = msg_timeout
        self.max_req_timeout = max_req_timeout
        self.max_msg_size = max_msg_size
        self.topics = {}
        self.producers = []
        self.start_time = _time.time_ns()
        self._next_id = 0
        self._next_client = 0
        nsqds[tcp_address] = self
        for address in lookupd_tcp_addresses:
            lookupds[address].producers.append(self)
        host, port = _split_address(http_address)
        self.http = _simhttp.Server(host, port, latency=0.001, handler=self._http)

    def __repr__(self):
        return f'<nsq.Nsqd tcp={self.tcp_address} http={self.http_address} topics={len(self.topics)}>'

    def topic(self, name):
        topic = self.topics.get(name)
        if topic is None:
            topic = self.topics[name] = _Topic(self, name)
        return topic

    def _new_id(self):
        """A 16-character message ID (nsqd's are hexadecimal GUIDs; these count up)."""
        self._next_id += 1
        return f'{self._next_id:016x}'.encode('ascii')

    def publish(self, topic, bodies, deferred=0.0):
        """PUB/MPUB/DPUB: the error text nsqd would answer, or None when the messages are in."""
        if not _valid_name(topic):
            return f'E_BAD_TOPIC PUB topic name "{topic}" is not valid'
        for body in bodies:
            if not body or len(body) > self.max_msg_size:
                return f'E_BAD_MESSAGE PUB invalid message body size {len(body)}'
        target = self.topic(topic)
        now = _time.time_ns()
        for body in bodies:
            target.put(_Message(self._new_id(), body, now, deferred))
        return None

    def subscribe(self, reader, topic, channel):
        self._next_client += 1
        client = _Client(reader, self, self.topic(topic).channel(channel), self._next_client)
        client.channel.add_client(client)
        return client

    def _producer_info(self):
        return {'remote_address': self.tcp_address, 'hostname': 'localhost', 'broadcast_address': self.host,
                'tcp_port': self.port, 'http_port': _split_address(self.http_address)[1], 'version': VERSION}

    def stats(self, topic=None, channel=None):
        """What GET /stats?format=json answers (without Go's memory section)."""
        names = sorted(self.topics) if topic is None else [n for n in (topic,) if n in self.topics]
        return {
            'version': VERSION, 'health': 'OK', 'start_time': self.start_time // 10 ** 9,
            'topics': [self.topics[n].stats(channel) for n in names],
            'producers': [writer_conn.stats() for writer_conn in self.producers],
        }

    def stats_text(self, topic=None, channel=None):
        """What GET /stats answers: nsqd's text report."""
        stats = self.stats(topic, channel)
        now = _time.time_ns()
        start = _time.strftime('%Y-%m-%dT%H:%M:%SZ', _time.gmtime(self.start_time // 10 ** 9))
        lines = [f'nsqd v{VERSION} (simulated)', f'start_time {start}', f'uptime {_go_duration(now - self.start_time)}',
                 '', 'Health: OK', '']
        lines.extend(['Topics:'] if stats['topics'] else ['Topics: None', ''])
        for t in stats['topics']:
            lines.append(f'   [{t["topic_name"]:<15}] depth: {t["depth"]:<5} be-depth: {t["backend_depth"]:<5} '
                         f'msgs: {t["message_count"]:<8} e2e%: ')
            for c in t['channels']:
                lines.append(f'      [{c["channel_name"]:<25}] depth: {c["depth"]:<5} be-depth: {c["backend_depth"]:<5} '
                             f'inflt: {c["in_flight_count"]:<4} def: {c["deferred_count"]:<4} re-q: {c["requeue_count"]:<5} '
                             f'timeout: {c["timeout_count"]:<5} msgs: {c["message_count"]:<8} e2e%: ')
                for client in self.topics[t['topic_name']].channels[c['channel_name']].clients:
                    lines.append(f'        {client.stats_line(now)}')
            lines.append('')
        lines.append('Producers:' if self.producers else 'Producers: None')
        lines.extend(f'   {conn.stats_line(now)}' for conn in self.producers)
        return '\n'.join(lines) + '\n'

    def _http(self, path, query):
        if path == '/ping':
            return 200, 'OK'
        if path == '/stats':
            topic, channel = query.get('topic'), query.get('channel')
            if query.get('format') == 'json':
                return 200, _json.dumps(self.stats(topic, channel))
            return 200, self.stats_text(topic, channel)
        return 404, _json.dumps({'message': 'NOT_FOUND'})


# ---------------------------------------------------------------- the clients

class Message:
    """A message a Reader received: answer it with finish(), requeue() or touch()."""

    def __init__(self, id, body, timestamp, attempts):
        self.id = id
        self.body = body
        self.timestamp = timestamp
        self.attempts = attempts
        self._async_enabled = False
        self._has_responded = False
        self._conn = None

    def __repr__(self):
        return f'<nsq.Message id={self.id.decode()} attempts={self.attempts} body={self.body!r}>'

    def enable_async(self):
        """The Reader will not answer for the handler when it returns."""
        self._async_enabled = True

    def is_async(self):
        return self._async_enabled

    def has_responded(self):
        return self._has_responded

    def finish(self):
        """FIN: processed (or to be dropped); nsqd forgets the message."""
        assert not self._has_responded
        self._has_responded = True
        self._conn.reader._answer(self._conn, 'finish', self)

    def requeue(self, backoff=True, delay=-1):
        """REQ: back to the channel, after `delay` seconds (a negative delay means the reader's
        requeue_delay times the attempts so far, as pynsq computes it)."""
        assert not self._has_responded
        self._has_responded = True
        if delay is None or delay < 0:
            delay = self._conn.reader.requeue_delay * self.attempts
        self._conn.reader._answer(self._conn, 'requeue', self, delay)

    def touch(self):
        """TOUCH: still working, restart the message's timeout."""
        assert not self._has_responded
        self._conn.reader._answer(self._conn, 'touch', self)


class _WriterConn:
    """A Writer's connection to one nsqd, and the producer line of that nsqd's stats."""

    def __init__(self, writer, nsqd):
        self.writer = writer
        self.nsqd = nsqd
        self.id = f'{nsqd.host}:{nsqd.port}'
        nsqd._next_client += 1
        self.remote_address = f'127.0.0.1:{50000 + nsqd._next_client}'
        self.connect_ts = _time.time_ns()
        self.pub_counts = {}

    def __repr__(self):
        return f'<nsq.Conn {self.id}>'

    def stats(self):
        return {'client_id': self.remote_address, 'hostname': 'localhost', 'version': 'V2',
                'remote_address': self.remote_address, 'user_agent': USER_AGENT, 'connect_ts': self.connect_ts // 10 ** 9,
                'pub_counts': [{'topic': t, 'count': n} for t, n in self.pub_counts.items()]}

    def stats_line(self, now):
        return _connection_line(self, now, 'pub_counts: ' + ', '.join(f'{t}: {n}' for t, n in self.pub_counts.items()))


class Writer:
    """A producer: pub, mpub and dpub to the nsqd servers it connects to once the loop runs."""

    def __init__(self, nsqd_tcp_addresses, reconnect_interval=15.0, name=None):
        if isinstance(nsqd_tcp_addresses, str):
            nsqd_tcp_addresses = [nsqd_tcp_addresses]
        assert nsqd_tcp_addresses
        self.nsqd_tcp_addresses = list(nsqd_tcp_addresses)
        self.name = name or self.nsqd_tcp_addresses[0]
        self.reconnect_interval = reconnect_interval
        self.conns = {}
        self._turn = 0
        _loop().call_soon(self._run)

    def __repr__(self):
        return f'<nsq.Writer {self.name} conns={len(self.conns)}>'

    def _run(self):
        for address in self.nsqd_tcp_addresses:
            nsqd = nsqds.get(address)
            if nsqd is None:
                _log(f'[{address}] connection refused')
                continue
            conn = _WriterConn(self, nsqd)
            nsqd.producers.append(conn)
            self.conns[conn.id] = conn

    def pub(self, topic, msg, callback=None):
        self._pub('pub', topic, [_to_bytes(msg)], 0.0, callback)

    def mpub(self, topic, msg, callback=None):
        if isinstance(msg, (str, bytes)):
            msg = [msg]
        self._pub('mpub', topic, [_to_bytes(m) for m in msg], 0.0, callback)

    def dpub(self, topic, delay_ms, msg, callback=None):
        self._pub('dpub', topic, [_to_bytes(msg)], delay_ms / 1000, callback)

    def _pub(self, command, topic, bodies, deferred, callback):
        if callback is None:
            def callback(conn, data):
                if isinstance(data, Error):
                    _log(f'[{conn.id if conn else "NA"}] failed to {command} ({topic}, {bodies[0]!r}), data is {data}')
        if not self.conns:
            callback(None, SendError('no connections'))
            return
        conns = list(self.conns.values())
        conn = conns[self._turn % len(conns)]
        self._turn += 1
        _loop().call_soon(self._deliver, conn, topic, bodies, deferred, callback)

    def _deliver(self, conn, topic, bodies, deferred, callback):
        """nsqd receives the command; its answer comes back on the next pass of the loop."""
        error = conn.nsqd.publish(topic, bodies, deferred)
        if error is None:
            conn.pub_counts[topic] = conn.pub_counts.get(topic, 0) + len(bodies)
        _loop().call_soon(callback, conn, Error(error) if error else b'OK')


_readers = []


class Reader:
    """A consumer of one topic/channel on the nsqd servers given, or found through lookupd."""

    def __init__(self, topic, channel, message_handler=None, name=None, nsqd_tcp_addresses=None,
                 lookupd_http_addresses=None, max_tries=5, max_in_flight=1, lookupd_poll_interval=60,
                 requeue_delay=90, msg_timeout=None):
        assert isinstance(topic, str) and _valid_name(topic), f'invalid topic name {topic!r}'
        assert isinstance(channel, str) and _valid_name(channel), f'invalid channel name {channel!r}'
        assert isinstance(max_in_flight, int) and max_in_flight > 0
        if isinstance(nsqd_tcp_addresses, str):
            nsqd_tcp_addresses = [nsqd_tcp_addresses]
        if isinstance(lookupd_http_addresses, str):
            lookupd_http_addresses = [lookupd_http_addresses]
        self.nsqd_tcp_addresses = list(nsqd_tcp_addresses or ())
        self.lookupd_http_addresses = list(lookupd_http_addresses or ())
        assert self.nsqd_tcp_addresses or self.lookupd_http_addresses
        self.topic = topic
        self.channel = channel
        self.name = name or f'{topic}:{channel}'
        self.message_handler = None
        if message_handler is not None:
            self.set_message_handler(message_handler)
        self.max_tries = max_tries
        self.max_in_flight = max_in_flight
        self.lookupd_poll_interval = lookupd_poll_interval
        self.requeue_delay = requeue_delay
        self.msg_timeout = msg_timeout
        self.conns = {}
        self.closed = False
        self._poll = None
        _readers.append(self)
        _loop().call_soon(self._run)

    def __repr__(self):
        return f'<nsq.Reader {self.name} conns={len(self.conns)} max_in_flight={self.max_in_flight}>'

    def set_message_handler(self, message_handler):
        assert callable(message_handler), 'message_handler must be callable'
        self.message_handler = message_handler

    def _run(self):
        if self.closed:
            return
        assert self.message_handler, "you must specify the Reader's message_handler"
        for address in self.nsqd_tcp_addresses:
            nsqd = nsqds.get(address)
            if nsqd is None:
                _log(f'[{address}:{self.name}] connection refused')
            else:
                self._connect(nsqd)
        if self.lookupd_http_addresses:
            self._query_lookupd()

    def _lookupd_producers(self):
        found = []
        for address in self.lookupd_http_addresses:
            lookupd = lookupds.get('%s:%d' % _split_address(address))
            if lookupd is not None:
                found.extend(n for n in lookupd.lookup(self.topic) if n not in found)
        return found

    def _would_discover(self):
        return not self.closed and any(n.tcp_address not in self.conns for n in self._lookupd_producers())

    def _query_lookupd(self):
        for nsqd in self._lookupd_producers():
            if nsqd.tcp_address not in self.conns:
                self._connect(nsqd)
        self._poll = _loop().call_later(self.lookupd_poll_interval, self._query_lookupd)

    def _connect(self, nsqd):
        client = nsqd.subscribe(self, self.topic, self.channel)
        self.conns[nsqd.tcp_address] = client
        rdy = self._connection_max_in_flight()
        for conn in self.conns.values():
            self._send_rdy(conn, rdy)

    def _connection_max_in_flight(self):
        return max(1, self.max_in_flight // max(1, len(self.conns)))

    def _send_rdy(self, conn, count):
        conn.rdy = conn.last_rdy = count
        conn.channel.schedule_pump()

    def close(self):
        """Closes every connection; messages it still holds time out on their nsqd."""
        self.closed = True
        for conn in self.conns.values():
            conn.channel.remove_client(conn)
        self.conns = {}
        if self._poll is not None:
            self._poll.cancel()
            self._poll = None
        if self in _readers:
            _readers.remove(self)

    def is_starved(self):
        """True when a connection holds at least 85% of its RDY count (time to process a batch)."""
        return any(c.in_flight > 0 and c.in_flight >= c.last_rdy * 0.85 for c in self.conns.values())

    # -- hooks a subclass may override, as in pynsq

    def preprocess_message(self, message):
        return message

    def validate_message(self, message):
        return True

    def process_message(self, message):
        return self.message_handler(message)

    def giving_up(self, message):
        _log(f'[{self.name}] giving up on message {message.id.decode()} after {message.attempts} tries '
             f'(max:{self.max_tries}) {message.body!r}')

    # -- message handling

    def _on_message(self, conn, message):
        if self.closed:
            return
        message._conn = conn
        success = False
        try:
            if 0 < self.max_tries < message.attempts:
                self.giving_up(message)
                return message.finish()
            if not self.validate_message(self.preprocess_message(message)):
                return message.finish()
            success = self.process_message(message)
        except Exception:
            _log(f'[{conn.id}:{self.name}] uncaught exception while handling message {message.id.decode()} '
                 f'body:{message.body!r}')
            _log(_traceback.format_exc().rstrip())
            if not message.has_responded():
                return message.requeue()
        if not message.is_async() and not message.has_responded():
            if success is None:
                # pynsq asserts here: the message gets no answer and times out on nsqd.
                _log(f'[{conn.id}:{self.name}] failed to handle_message(): ambiguous return value for synchronous mode')
                return
            if success:
                return message.finish()
            return message.requeue()

    def _answer(self, conn, command, message, delay=0.0):
        """Sends FIN, REQ or TOUCH; nsqd answers an error when the message is no longer in flight."""
        if self.closed or self.conns.get(conn.nsqd.tcp_address) is not conn:
            _log(f'[{conn.id}:{self.name}] failed to send {command.upper()}: connection closed')
            return
        channel = conn.channel
        if command == 'finish':
            error = channel.finish(conn, message.id)
        elif command == 'requeue':
            error = channel.requeue(conn, message.id, delay)
        else:
            error = channel.touch(conn, message.id)
        if error:
            _log(f'[{conn.id}:{self.name}] protocol error: {error}')


_tails = 0


def tail(topic, n=0, nsqd_tcp_addresses=None, lookupd_http_addresses=None, channel=None, file=None):
    """nsq_tail: prints the body of each message published to the topic from now on, on an
    ephemeral channel of its own; after `n` messages (if n > 0) it leaves, and its channel goes."""
    global _tails
    _tails += 1
    if channel is None:
        channel = f'tail{_tails:06d}{_EPHEMERAL}'
    if not nsqd_tcp_addresses and not lookupd_http_addresses:
        nsqd_tcp_addresses = ['127.0.0.1:4150']
    seen = [0]

    def show(message):
        if n and seen[0] >= n:
            return True
        seen[0] += 1
        print(message.body.decode('utf-8', 'replace'), file=file or _sys.stdout)
        if n and seen[0] >= n:
            _loop().call_soon(reader.close)
        return True

    reader = Reader(topic, channel, show, nsqd_tcp_addresses=nsqd_tcp_addresses,
                    lookupd_http_addresses=lookupd_http_addresses)
    return reader


Nsqlookupd()
Nsqd()
