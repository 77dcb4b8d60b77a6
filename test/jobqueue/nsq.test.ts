// The simulated NSQ job queue (engine/stdlib/python/nsq.py, docs/jobqueue.md). CPython has no
// such module to ask, so each expectation here is worked out from NSQ's rules: a channel gets a
// copy of every message, consumers of one channel share it, at most max_in_flight messages per
// consumer, REQ after requeue_delay x attempts, a timeout after msg_timeout, give up after
// max_tries. Timings are the virtual clock's, so they are exact up to the module's bookkeeping.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../engine/index.js';

/** Runs a program in a fresh interpreter; what it printed on stdout and on stderr. */
function run(source: string): { out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const s = createSession({ host: { stdout: (t) => out.push(t), stderr: (t) => err.push(t), display: () => {}, input: () => null } });
  const r = s.execute(source, { mode: 'exec', filename: 'jobqueue.py' });
  expect(r.status, err.join('')).toBe('ok');
  return { out: out.join(''), err: err.join('') };
}

/** The last line a program printed, as JSON. */
function result(source: string): any {
  const lines = run(source).out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!);
}

const PRELUDE = `
import asyncio, json, time, nsq
loop = asyncio.get_event_loop()
writer = nsq.Writer("127.0.0.1:4150")
nsqd = nsq.nsqds["127.0.0.1:4150"]
def channel_stats(topic, channel):
    stats = nsqd.stats(topic, channel)["topics"][0]["channels"][0]
    return {k: v for k, v in stats.items() if k != "clients"}
`;

describe('nsq: topics and channels', () => {
  it('copies every message to every channel, and shares a channel among its consumers', () => {
    const r = result(`${PRELUDE}
got = {"a1": [], "a2": [], "b": []}
def handler(name):
    def handle(message):
        got[name].append(int(message.body))
        return True
    return handle
nsq.Reader("numbers", "group_a", handler("a1"), nsqd_tcp_addresses="127.0.0.1:4150")
nsq.Reader("numbers", "group_a", handler("a2"), nsqd_tcp_addresses="127.0.0.1:4150")
nsq.Reader("numbers", "group_b", handler("b"), nsqd_tcp_addresses="127.0.0.1:4150")
loop.call_soon(lambda: [writer.pub("numbers", str(i)) for i in range(10)])
nsq.run()
topic = nsqd.stats("numbers")["topics"][0]
print(json.dumps({"got": got, "topic": [topic["message_count"], topic["depth"]],
                  "a": channel_stats("numbers", "group_a"), "b": channel_stats("numbers", "group_b"),
                  "clients": [[c["message_count"], c["finish_count"]] for c in topic["channels"][0]["clients"]]}))
`);
    // group_b's one consumer sees all ten; group_a's two take turns (round robin).
    expect(r.got.b).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.got.a1).toEqual([0, 2, 4, 6, 8]);
    expect(r.got.a2).toEqual([1, 3, 5, 7, 9]);
    expect(r.topic).toEqual([10, 0]);
    for (const channel of [r.a, r.b]) {
      expect(channel).toMatchObject({ depth: 0, in_flight_count: 0, deferred_count: 0, message_count: 10, requeue_count: 0, timeout_count: 0 });
    }
    expect(r.clients).toEqual([[5, 5], [5, 5]]);
  });

  it('keeps messages in the topic until it has a channel, then gives them to the first one', () => {
    const r = result(`${PRELUDE}
loop.call_soon(lambda: writer.mpub("later", [b"x", b"y", b"z"]))
nsq.run()
before = nsqd.stats("later")["topics"][0]["depth"]
seen = []
nsq.Reader("later", "c", lambda m: seen.append(m.body.decode()) or True, nsqd_tcp_addresses="127.0.0.1:4150")
nsq.run()
print(json.dumps([before, nsqd.stats("later")["topics"][0]["depth"], seen, channel_stats("later", "c")["message_count"]]))
`);
    expect(r).toEqual([3, 0, ['x', 'y', 'z'], 3]);
  });

  it('answers a publish before the writer is connected, or to a bad topic, with an error', () => {
    const r = result(`${PRELUDE}
answers = []
writer.pub("t", "early", callback=lambda conn, data: answers.append([conn is None, type(data).__name__, str(data)]))
loop.call_soon(lambda: writer.pub("bad topic!", "x", callback=lambda conn, data: answers.append([conn is None, type(data).__name__, str(data)])))
loop.call_soon(lambda: writer.pub("t", "fine", callback=lambda conn, data: answers.append([conn is None, type(data).__name__, str(data)])))
nsq.run()
print(json.dumps(answers))
`);
    expect(r).toEqual([
      [true, 'SendError', 'no connections'],
      [false, 'Error', 'E_BAD_TOPIC PUB topic name "bad topic!" is not valid'],
      [false, 'bytes', "b'OK'"],
    ]);
  });
});

describe('nsq: in flight, requeues and timeouts', () => {
  // 100 jobs of 50 ms each, finished by a timer: what limits the rate is how many are in flight.
  const farm = (readers: number, maxInFlight: number): any => result(`${PRELUDE}
peak = [0]
def handle(message):
    message.enable_async()
    stats = channel_stats("frames", "farm")
    peak[0] = max(peak[0], stats["in_flight_count"])
    loop.call_later(0.05, message.finish)
for _ in range(${readers}):
    nsq.Reader("frames", "farm", handle, nsqd_tcp_addresses="127.0.0.1:4150", max_in_flight=${maxInFlight})
loop.call_soon(lambda: writer.mpub("frames", [str(i) for i in range(100)]))
t0 = time.monotonic()
nsq.run()
print(json.dumps([time.monotonic() - t0, peak[0], channel_stats("frames", "farm")["message_count"]]))
`);

  it('holds at most max_in_flight messages per consumer, so the time is 100 jobs / (consumers x in flight)', () => {
    for (const [readers, inFlight] of [[1, 1], [4, 1], [1, 10], [2, 25]] as const) {
      const [seconds, peak, count] = farm(readers, inFlight);
      const concurrent = readers * inFlight;
      const rounds = Math.ceil(100 / concurrent);
      expect(peak, `${readers}x${inFlight}`).toBe(concurrent);
      expect(count).toBe(100);
      // Each round waits its 50 ms timer (whole milliseconds, as the loop sleeps), plus a little
      // bookkeeping per message.
      expect(seconds).toBeGreaterThanOrEqual(rounds * 0.05);
      expect(seconds).toBeLessThan(rounds * 0.05 + 0.01);
    }
  });

  it('requeues after requeue_delay x attempts, or the delay asked, and gives up after max_tries', () => {
    const { out, err } = run(`${PRELUDE}
log = []
def handle(message):
    n = int(message.body)
    log.append([round(time.monotonic() - t0, 2), n, message.attempts])
    if n == 1 and message.attempts < 3:
        raise ValueError("try again")
    if n == 2:
        message.requeue(delay=2)
        return
    return n != 3
nsq.Reader("jobs", "work", handle, nsqd_tcp_addresses="127.0.0.1:4150", requeue_delay=1, max_tries=3)
loop.call_soon(lambda: writer.mpub("jobs", ["0", "1", "2", "3"]))
t0 = time.monotonic()
nsq.run()
print(json.dumps([log, channel_stats("jobs", "work")]))
`);
    const [log, stats] = JSON.parse(out.trim().split('\n').pop()!);
    expect(log).toEqual([
      [0, 0, 1], [0, 1, 1], [0, 2, 1], [0, 3, 1],
      [1, 1, 2], [1, 3, 2], // the exception and the False return: requeue_delay 1 s x attempt 1
      [2, 2, 2], // the explicit 2 s
      [3, 1, 3], [3, 3, 3], // 1 s x attempt 2 after the second failures
      [4, 2, 3],
    ]);
    // Message 1: two requeues then done. Message 2: requeued at attempts 1, 2, 3 (2 s each), given
    // up at its fourth delivery (4 > max_tries). Message 3: requeued after 1, 2 and 3 s, given up
    // at its fourth delivery, at 6 s.
    expect(stats).toMatchObject({ depth: 0, in_flight_count: 0, deferred_count: 0, message_count: 4, requeue_count: 2 + 3 + 3, timeout_count: 0 });
    expect(err).toContain('uncaught exception while handling message');
    expect(err).toContain('ValueError: try again');
    expect(err).toMatch(/giving up on message \w+ after 4 tries \(max:3\) b'2'/);
    expect(err).toMatch(/giving up on message \w+ after 4 tries \(max:3\) b'3'/);
  });

  it('times out a message nobody answers and delivers it again, to the consumers in turn', () => {
    const r = result(`${PRELUDE}
seen = []
def dies(message):
    seen.append(["dies", int(message.body), message.attempts, round(time.monotonic() - t0, 3)])
    message.enable_async()       # the worker crashed: no FIN, no REQ
def works(message):
    seen.append(["works", int(message.body), message.attempts, round(time.monotonic() - t0, 3)])
    return True
nsq.Reader("jobs", "work", dies, nsqd_tcp_addresses="127.0.0.1:4150", msg_timeout=5)
nsq.Reader("jobs", "work", works, nsqd_tcp_addresses="127.0.0.1:4150", msg_timeout=5)
loop.call_soon(lambda: writer.mpub("jobs", ["0", "1"]))
t0 = time.monotonic()
nsq.run()
print(json.dumps([seen, channel_stats("jobs", "work")]))
`);
    const [seen, stats] = r;
    // The consumers take turns: message 0 to the dying one, 1 to the other. At 5 s message 0 is
    // back and it is the dying one's turn again; at 10 s it is back again, and the other's turn.
    expect(seen).toEqual([['dies', 0, 1, 0], ['works', 1, 1, 0], ['dies', 0, 2, 5], ['works', 0, 3, 10]]);
    expect(stats).toMatchObject({ depth: 0, in_flight_count: 0, message_count: 2, requeue_count: 0, timeout_count: 2 });
  });

  it('refuses the FIN of a message that already timed out, and times out a handler that returns None', () => {
    const { out, err } = run(`${PRELUDE}
def late(message):
    message.enable_async()
    loop.call_later(6 if message.attempts == 1 else 0, message.finish)
nsq.Reader("slow", "c", late, nsqd_tcp_addresses="127.0.0.1:4150", msg_timeout=5)
nsq.Reader("vague", "c", lambda message: None, nsqd_tcp_addresses="127.0.0.1:4150", msg_timeout=5, max_tries=2)
loop.call_soon(lambda: (writer.pub("slow", "s"), writer.pub("vague", "v")))
t0 = time.monotonic()
nsq.run()
client = nsqd.stats("slow", "c")["topics"][0]["channels"][0]["clients"][0]
print(json.dumps([channel_stats("slow", "c"), [client["finish_count"], client["message_count"]], channel_stats("vague", "c"), round(time.monotonic() - t0, 3)]))
`);
    const [slow, slowClient, vague, seconds] = JSON.parse(out.trim().split('\n').pop()!);
    // Timed out at 5 s and delivered again (finished at once); the first FIN, at 6 s, is refused.
    expect(slow).toMatchObject({ timeout_count: 1, in_flight_count: 0, depth: 0 });
    expect(slowClient).toEqual([1, 2]);
    expect(err).toMatch(/E_FIN_FAILED FIN \w+ failed ID not in flight/);
    // No answer: timeouts at 5 and 10 s, then the third delivery is past max_tries=2.
    expect(vague).toMatchObject({ timeout_count: 2, in_flight_count: 0, depth: 0 });
    expect(err.match(/ambiguous return value/g)).toHaveLength(2);
    expect(err).toMatch(/giving up on message \w+ after 3 tries \(max:2\) b'v'/);
    expect(seconds).toBe(10);
  });

  it('restarts the timeout on touch', () => {
    const r = result(`${PRELUDE}
def slow(message):
    message.enable_async()
    for k in (1, 2, 3):
        loop.call_later(4 * k, message.touch)
    loop.call_later(14, message.finish)
nsq.Reader("jobs", "work", slow, nsqd_tcp_addresses="127.0.0.1:4150", msg_timeout=5)
loop.call_soon(lambda: writer.pub("jobs", "long"))
nsq.run()
print(json.dumps(channel_stats("jobs", "work")))
`);
    // Touched at 4, 8 and 12 s, each time 5 s more: the finish at 14 s beats the timeout at 17 s.
    expect(r).toMatchObject({ in_flight_count: 0, timeout_count: 0, message_count: 1 });
  });

  it('defers a dpub message and counts it as deferred meanwhile', () => {
    const r = result(`${PRELUDE}
at = []
nsq.Reader("later", "c", lambda m: at.append(round(time.monotonic() - t0, 3)) or True, nsqd_tcp_addresses="127.0.0.1:4150")
loop.call_soon(lambda: writer.dpub("later", 1500, "wake up"))
loop.call_later(1, lambda: at.append(channel_stats("later", "c")["deferred_count"]))
t0 = time.monotonic()
nsq.run()
print(json.dumps(at))
`);
    expect(r).toEqual([1, 1.5]);
  });
});

describe('nsq: lookupd, stats and tail', () => {
  it('finds a topic through nsqlookupd at the first poll after it exists', () => {
    const r = result(`${PRELUDE}
at = []
nsq.Reader("found", "c", lambda m: at.append(round(time.monotonic() - t0, 3)) or True,
           lookupd_http_addresses="http://127.0.0.1:4161", lookupd_poll_interval=60)
loop.call_later(10, lambda: writer.pub("found", "hello"))
t0 = time.monotonic()
nsq.run()
print(json.dumps(at))
`);
    // The reader's first lookup (at start) finds no producer of the topic; the poll at 60 s does.
    expect(r).toEqual([60]);
  });

  it('serves /stats as text and JSON over the simulated HTTP, with the counts of nsqd.stats()', () => {
    const { out } = run(`${PRELUDE}
import simhttp
nsq.Reader("numbers", "worker_group_a", lambda m: True, nsqd_tcp_addresses="127.0.0.1:4150", max_in_flight=3)
loop.call_soon(lambda: writer.mpub("numbers", [str(i) for i in range(7)]))
nsq.run()
print(simhttp.get("http://127.0.0.1:4151/stats").text)
print(json.dumps(simhttp.get("http://127.0.0.1:4151/stats?format=json").json()))
`);
    const lines = out.trim().split('\n');
    const json = JSON.parse(lines.pop()!);
    expect(lines[0]).toBe('nsqd v1.2.1 (simulated)');
    expect(lines).toContain('Health: OK');
    expect(out).toMatch(/\n {3}\[numbers {8}\] depth: 0 {5}be-depth: 0 {5}msgs: 7 {8}e2e%: \n/);
    expect(out).toMatch(/\n {6}\[worker_group_a {11}\] depth: 0 {5}be-depth: 0 {5}inflt: 0 {4}def: 0 {4}re-q: 0 {5}timeout: 0 {5}msgs: 7 /);
    expect(out).toMatch(/state: 3 inflt: 0 {4}rdy: 3 {4}fin: 7 {8}re-q: 0 {8}msgs: 7 /);
    expect(out).toMatch(/Producers:\n {3}\[V2 localhost:\d+ pynsq\/0\.9\.1\] pub_counts: numbers: 7 connected: 0s/);
    expect(json.topics).toHaveLength(1);
    expect(json.topics[0]).toMatchObject({ topic_name: 'numbers', depth: 0, message_count: 7, message_bytes: 7 });
    expect(json.topics[0].channels[0]).toMatchObject({ channel_name: 'worker_group_a', message_count: 7, client_count: 1 });
    expect(json.topics[0].channels[0].clients[0]).toMatchObject({ ready_count: 3, message_count: 7, finish_count: 7 });
    expect(json.producers[0].pub_counts).toEqual([{ topic: 'numbers', count: 7 }]);
  });

  it('tails a topic on an ephemeral channel that goes when the tail leaves', () => {
    const { out } = run(`${PRELUDE}
nsq.tail("prime", 2)
loop.call_soon(lambda: writer.mpub("prime", ["2", "3", "5", "7"]))
nsq.run()
print(json.dumps([c["channel_name"] for c in nsqd.stats("prime")["topics"][0]["channels"]]))
`);
    expect(out).toBe('2\n3\n[]\n');
  });
});
