// Chapter 06, clusters and job queues: what a cluster buys and costs, and the notes' NSQ setup
// (producer -> topic -> channels -> consumers, nsqd's /stats, nsq_tail) on the simulated job
// queue, with the prime-checking workers, scaling out, requeues, timeouts and lookupd.
// Run: node scripts/chapters/06-clusters-and-job-queues.mjs (after `npx tsc -p tsconfig.json`).
import { buildChapter, confirmed, md, simulated } from './chapter.mjs';

const SIMULATED_NSQ = 'the nsqd, its counts and the timings are the simulated job queue\'s, on the virtual clock';
const VIRTUAL_CLOCK = 'timings come from the virtual clock';

await buildChapter('06-clusters-and-job-queues.ipynb', [
  md(`
    # Clusters and job queues

    The previous chapters made one machine do more: fewer objects, less waiting, every core busy.
    When that is still not enough, the next step is more machines. A *cluster* is a group of
    computers working on one problem, and a *job queue* is the usual way to hand them the work.

    The note this chapter follows lists what a cluster gives:

    - computing that grows by adding machines, instead of by buying a bigger one;
    - machines that can sit in different places, near their users or their data, so that one
      building losing power does not stop everything;

    and what it costs: it is **expensive to maintain**. Every machine must be installed, updated
    and watched; any of them can fail at any moment; the network between them can be slow or cut;
    a bug may show only on the one machine whose configuration drifted. A program that ran on one
    machine now has to expect *partial* failure: some of its work done, some lost, some done
    twice. That is why the book's advice is to exhaust one machine first, and why a cluster needs
    a component whose whole job is to keep track of work: the queue.

    The note's queue is [NSQ](https://nsq.io): a producer publishes messages to a **topic**, each
    **channel** of the topic receives a copy of every message, and the **consumers** reading one
    channel share its messages between them:

    \`\`\`
    producer -> topic -> channels -> consumers
    \`\`\`

    **What is simulated here.** The kernel's machine has no network and no NSQ servers. Its \`nsq\`
    module simulates them: an \`nsqd\` server at \`127.0.0.1:4150\` (HTTP at 4151), an
    \`nsqlookupd\` at 4161, and clients with the API of \`pynsq\`, NSQ's Python library. It runs on
    \`asyncio\` and the virtual clock of the concurrency chapter, so every count and timing below is
    the simulation's, the same on every run. Cells starting with \`# confirmed\` use no NSQ:
    real CPython 3.11 prints what they store, and the project's tests re-run them on \`python3\`.
  `),
  md(`
    ## The job: is this number prime?

    The book's example cluster checks numbers for primality: a producer publishes numbers, workers
    answer whether each is prime. The work itself is ordinary Python, and a message is a few
    bytes of JSON:
  `),
  confirmed(`
    import json
    import math

    def is_prime(number):
        if number < 2:
            return False
        if number % 2 == 0:
            return number == 2
        for factor in range(3, math.isqrt(number) + 1, 2):
            if number % factor == 0:
                return False
        return True

    print([n for n in range(40) if is_prime(n)])
    job = json.dumps({"number": 97}).encode()
    answer = json.loads(job)
    answer["prime"] = is_prime(answer["number"])
    print(job, "->", json.dumps(answer))
  `),
  md(`
    On one machine, checking two thousand seven-digit numbers takes this long on the virtual clock
    (10 ns per bytecode instruction, about what CPython 3.11 executes on a current core):
  `),
  simulated(VIRTUAL_CLOCK, `
    import time

    start = time.perf_counter()
    found = sum(is_prime(n) for n in range(1_000_000, 1_002_000))
    print(f"{found} primes in {time.perf_counter() - start:.3f} s")
  `),
  md(`
    A cluster is worth its cost only when that number, times the size of the real problem, is
    more than one machine can give.

    ## nsqd, topics and depth

    \`nsqd\` is NSQ's server. A \`Writer\` publishes to it; the topic is created by the first
    message. pynsq runs on an event loop: the writer connects when the loop starts, so the
    publishing is scheduled on the loop, and \`nsq.run()\` runs it (a real \`nsq.run()\` serves
    forever; the simulated one returns when nothing is left to do). Then the note's
    \`curl http://127.0.0.1:4151/stats\`, through the simulated HTTP client:
  `),
  simulated(SIMULATED_NSQ, `
    import asyncio
    import nsq
    import simhttp

    loop = asyncio.get_event_loop()
    writer = nsq.Writer(["127.0.0.1:4150"])

    def publish_numbers(first, count):
        for number in range(first, first + count):
            writer.pub("numbers", json.dumps({"number": number}))

    def curl_stats(query=""):
        """nsqd's /stats report from its topics on (above them: version, start time, uptime, health)."""
        report = simhttp.get("http://127.0.0.1:4151/stats" + query).text
        print(report[report.index("Topics:"):])

    loop.call_soon(publish_numbers, 0, 10)
    nsq.run()
    print("\\n".join(simhttp.get("http://127.0.0.1:4151/stats").text.splitlines()[:2]))
    curl_stats()
  `),
  md(`
    The report starts with nsqd's version, start time, uptime and health; \`curl_stats\` shows
    the rest. Ten messages, a \`depth\` of 10: with no channel yet, the topic keeps what it
    receives. The producer line counts what this writer published. (\`e2e%\` would show end-to-end
    latency percentiles when nsqd is configured to collect them; it is not here.)

    ## A worker

    A consumer is a \`Reader\`: a topic, a channel, and a handler called with each message. This
    one is the book's worker: it checks the number and publishes the answer to one of two new
    topics, \`prime\` or \`non_prime\`. Returning \`True\` tells nsqd the message is done (a
    \`FIN\`); \`max_in_flight=10\` lets it hold up to ten unanswered messages at once. Subscribing
    creates the channel, and the ten waiting messages flow into it; the producer adds 90 more:
  `),
  simulated(SIMULATED_NSQ, `
    def calculate_prime(message):
        data = json.loads(message.body)
        data["prime"] = is_prime(data["number"])
        writer.pub("prime" if data["prime"] else "non_prime", json.dumps(data))
        return True

    worker = nsq.Reader(message_handler=calculate_prime, nsqd_tcp_addresses=["127.0.0.1:4150"],
                        topic="numbers", channel="worker_group_a", max_in_flight=10)
    loop.call_soon(publish_numbers, 10, 90)
    start = time.perf_counter()
    nsq.run()
    print(f"100 numbers through the queue in {time.perf_counter() - start:.3f} s")
    curl_stats()
  `),
  md(`
    Reading the report: \`numbers\` received 100 messages, and its channel \`worker_group_a\` got
    all 100 (\`msgs\`), has none waiting (\`depth\`), none in flight (\`inflt\`), none deferred
    (\`def\`), requeued (\`re-q\`) or timed out. Under the channel, its one client (the reader's
    connection) with its RDY count of 10 and 100 finished. The answers went to two topics that
    nobody reads yet: 25 primes below 100, 75 others, waiting in their \`depth\`.

    ## nsq_tail

    The note's \`nsq_tail --topic prime -n 5\` prints messages of a topic. It subscribes on an
    *ephemeral* channel of its own (\`tail…#ephemeral\`), which nsqd deletes when its last
    consumer leaves. \`nsq.tail\` does the same in the simulation:
  `),
  simulated(SIMULATED_NSQ, `
    nsq.tail("prime", 5)
    nsq.run()
    curl_stats("?topic=prime")
  `),
  md(`
    The tail's channel was the topic's first, so it received the 25 waiting primes; it printed
    five and left, and its channel went with the other 20. That is the trade an ephemeral channel
    makes: nothing piles up for a consumer that is gone, and what it had not read is lost. Work
    that must not be lost goes to a durable channel, like \`worker_group_a\`.

    ## Channels are copies, consumers share

    A second channel on \`numbers\` (say an archive of every job) receives its own copy of every
    message. A second reader on \`worker_group_a\` does not: the two workers of the group split
    the channel's messages (the simulation hands them out in turn; a real nsqd gives each message
    to whichever connection is ready first):
  `),
  simulated(SIMULATED_NSQ, `
    archived = []
    archive = nsq.Reader(topic="numbers", channel="archive", nsqd_tcp_addresses=["127.0.0.1:4150"],
                         message_handler=lambda message: archived.append(message.body) or True)
    second_worker = nsq.Reader(message_handler=calculate_prime, nsqd_tcp_addresses=["127.0.0.1:4150"],
                               topic="numbers", channel="worker_group_a", max_in_flight=10)
    loop.call_soon(publish_numbers, 100, 50)
    nsq.run()

    stats = nsq.nsqds["127.0.0.1:4150"].stats(topic="numbers")
    for channel in stats["topics"][0]["channels"]:
        clients = [client["message_count"] for client in channel["clients"]]
        print(f'{channel["channel_name"]:>14}: {channel["message_count"]:3} messages, per consumer {clients}')
    print(len(archived), "archived")
  `),
  md(`
    The archive's channel exists from now on, so it has only the 50 new messages; the worker
    group has all 150, and its two consumers split the new ones, 25 each (the first consumer's
    count includes its first 100). \`stats()\` is the \`/stats?format=json\` document as a dict.

    ## Scaling out

    Workers are where a cluster adds capacity. Suppose each job takes 50 ms on the machine that
    runs it (rendering a frame, calling a service). In the simulation a timer stands for the
    remote work: the handler takes the message *asynchronously* (\`message.enable_async()\`) and
    finishes it 50 ms later. Each worker is one machine that does one job at a time
    (\`max_in_flight=1\`):
  `),
  simulated(SIMULATED_NSQ, `
    def remote_job(message):
        message.enable_async()
        loop.call_later(0.050, message.finish)

    def render(jobs, workers, in_flight=1):
        readers = [nsq.Reader(topic="frames", channel="farm", message_handler=remote_job,
                              nsqd_tcp_addresses=["127.0.0.1:4150"], max_in_flight=in_flight)
                   for _ in range(workers)]
        loop.call_soon(lambda: writer.mpub("frames", [f"frame {i}".encode() for i in range(jobs)]))
        start = time.perf_counter()
        nsq.run()
        for reader in readers:
            reader.close()
        return time.perf_counter() - start

    for workers in (1, 2, 4, 8):
        print(f"200 jobs, {workers} worker(s): {render(200, workers):5.2f} s")
  `),
  md(`
    Twice the workers, half the time: the queue spreads the jobs and nobody coordinates anything
    else. \`max_in_flight\` is the same lever inside one worker: a machine that can run ten jobs at
    a time should say so, or the queue leaves it idle between answers:
  `),
  simulated(SIMULATED_NSQ, `
    for in_flight in (1, 10, 50):
        print(f"200 jobs, 1 worker holding {in_flight:2} at once: {render(200, 1, in_flight):5.2f} s")
  `),
  md(`
    One caveat of the simulation: it has one CPU. Work done *in* the handlers, such as
    \`is_prime\` itself, runs on that one CPU whatever the number of readers, so four readers in
    this kernel check primes no faster than one. On a real cluster each worker is a process on a
    machine of its own, and CPU-bound handlers scale like the timers above, as long as the jobs
    are large next to the cost of moving a message (microseconds here, about a network round trip
    on a real one).

    ## When workers fail

    A cluster must expect a worker to fail. A handler can refuse a message: returning \`False\`
    (or raising) sends a \`REQ\`, and nsqd puts the message back, after a delay that pynsq makes
    \`requeue_delay\` seconds times the attempts so far; meanwhile it counts as *deferred*. Each
    delivery adds to \`message.attempts\`, and after \`max_tries\` the reader gives up on it
    (finishes it, with a warning). Here the job with number 13 always fails:
  `),
  simulated(SIMULATED_NSQ, `
    attempts = []

    def fragile(message):
        number = json.loads(message.body)["number"]
        attempts.append((round(time.perf_counter() - start, 3), number, message.attempts))
        return number != 13

    retrying = nsq.Reader(topic="jobs", channel="retry", message_handler=fragile,
                          nsqd_tcp_addresses=["127.0.0.1:4150"], requeue_delay=1, max_tries=3)
    loop.call_soon(lambda: writer.mpub("jobs", [json.dumps({"number": n}) for n in (11, 12, 13)]))
    start = time.perf_counter()
    nsq.run()
    print(attempts)
    curl_stats("?topic=jobs")
    retrying.close()
  `),
  md(`
    Number 13 came back after 1 s, then 2 s, then 3 s (\`re-q: 3\`); at its fourth delivery,
    4 attempts being more than \`max_tries=3\`, the reader gave up (the warning on stderr). A
    real pynsq reader would also *back off*, slowing down while its messages fail; the simulation
    does not model that.

    A worker can also die without answering. nsqd cannot tell a slow worker from a dead one, so
    every message in flight has a timeout (\`msg_timeout\`, 60 s by default): when it expires the
    message goes back to the channel and is delivered again. Here one of two workers crashes on
    everything it gets, and messages time out after 10 s:
  `),
  simulated(SIMULATED_NSQ, `
    deliveries = []

    def crashes(message):
        deliveries.append((round(time.perf_counter() - start, 3), "crashes", message.body.decode(), message.attempts))
        message.enable_async()  # and never answers

    def survives(message):
        deliveries.append((round(time.perf_counter() - start, 3), "survives", message.body.decode(), message.attempts))
        return True

    crashing = nsq.Reader(topic="tasks", channel="work", message_handler=crashes,
                          nsqd_tcp_addresses=["127.0.0.1:4150"], msg_timeout=10)
    surviving = nsq.Reader(topic="tasks", channel="work", message_handler=survives,
                           nsqd_tcp_addresses=["127.0.0.1:4150"], msg_timeout=10)
    loop.call_soon(lambda: writer.mpub("tasks", ["a", "b", "c", "d"]))
    start = time.perf_counter()
    nsq.run()
    for delivery in deliveries:
        print(delivery)
    channel = nsq.nsqds["127.0.0.1:4150"].stats(topic="tasks")["topics"][0]["channels"][0]
    print({key: channel[key] for key in ("message_count", "requeue_count", "timeout_count", "depth", "in_flight_count")})
  `),
  md(`
    Every task was done in the end. The consumers take turns, so task \`a\` went back to the
    crashing worker once more when it timed out, and reached the other one only at its third
    delivery, 20 s late: *at-least-once* delivery. The price is that a message can be processed twice (a worker
    that was only slow finishes too late, and its \`FIN\` is refused), so a job must be safe to
    repeat, or the consumer must remember what it has already done. A long job can call
    \`message.touch()\` to say it is still alive and restart its timeout.

    ## Finding nsqd with nsqlookupd

    Real clusters run an nsqd on every producing machine, and consumers do not list them: they
    ask \`nsqlookupd\`, which knows which nsqd has which topic, and ask again every
    \`lookupd_poll_interval\` seconds (60 by default). A consumer that starts before anything was
    published to its topic finds nothing at first, and picks the topic up at its next poll:
  `),
  simulated(SIMULATED_NSQ, `
    received = []
    finder = nsq.Reader(topic="reports", channel="mail", lookupd_http_addresses=["http://127.0.0.1:4161"],
                        message_handler=lambda message: received.append(round(time.perf_counter() - start, 3)) or True)
    loop.call_later(5, lambda: writer.pub("reports", "weekly report"))
    start = time.perf_counter()
    nsq.run()
    print("published at 5 s, received at", received, "s")
    print(simhttp.get("http://127.0.0.1:4161/lookup?topic=reports").json())
  `),
  md(`
    The message waited 55 s in its topic: the latency of discovery. (\`nsqadmin
    --lookupd-http-address=127.0.0.1:4161\`, the note's web console, shows the same stats for every
    nsqd that lookupd knows.)

    ## In short

    - A cluster adds machines (and places); it costs maintenance, and programs that tolerate
      partial failure.
    - NSQ's shape: producers publish to a topic, every channel gets a copy of each message, the
      consumers of a channel share it (confirmed here only in the simulation, with nsqd's counts).
    - \`depth\`, \`in_flight\`, \`deferred\`, \`requeue\` and \`timeout\` counts in \`/stats\` say
      where every message is; a topic without channels keeps its messages, an ephemeral channel
      drops them when its consumer leaves.
    - Throughput grows with workers and with \`max_in_flight\` when the work happens elsewhere;
      in this single-CPU simulation, work done in the handler does not.
    - Failures are handled by requeues with growing delays, timeouts and redelivery, and a
      \`max_tries\` limit: messages arrive at least once, so jobs should be safe to repeat.
  `),
]);
