"""The clients of bench/attack-soak: probes that measure what an ordinary user sees, and
attackers that hold connections, trickle bytes, send the most expensive texts and ask for
reloads of hostile rule files. Each records what happened to every connection it opened.

Python 3 standard library only. Traffic goes to 127.0.0.1 only.
"""

import asyncio
import json
import pathlib
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from soak_server import encode, request

# Patterns that cost the engine the most per character (see the moderation crate's bad_input
# bench), each repeated through a whole 10,000-character title and body.
EXPENSIVE_UNITS = [
    "+111111111111111 ", "12/", "1 ", "۱ ", "12-", "2023-05-14 10:30 ", "1.5 ", "w w w . ",
    "a.", "ب.", "shop.ir ", "@a ", "a@b.", "تلگرام: ", "آیدی ", "O1", "\u202eab.c",
    "صفر نهصد ",
]
FIELD_CHARS = 10_000


def repeated(unit, chars=FIELD_CHARS):
    return (unit * (chars // len(unit) + 1))[:chars]


class Log:
    """Outcomes from several threads: (seconds since start, kind, outcome, latency seconds)."""

    def __init__(self, started):
        self.started = started
        self.lock = threading.Lock()
        self.rows = []

    def add(self, kind, outcome, seconds):
        with self.lock:
            self.rows.append((time.monotonic() - self.started, kind, outcome, seconds))


def outcome_of(answer):
    """`200`, `503 timeout`, `no-response`, …: the status (with the error code of a 5xx) or
    what went wrong, plus `+extra` when bytes followed the response."""
    if answer.status is None:
        return answer.error or "no-response"
    label = str(answer.status)
    if answer.status >= 500:
        try:
            label += " " + answer.json()["error"]["code"]
        except (ValueError, KeyError, TypeError):
            label += " (not JSON)"
    if answer.error:
        label += f" {answer.error}"
    if answer.extra.strip():
        label += " +extra"
    return label


class Probes:
    """What ordinary users see: `GET /healthz` every `health_every` seconds, and ordinary
    reviews to `POST /v1/moderate` at `rate` per second, each on its own connection."""

    def __init__(self, port, key, texts, log, rate, health_every, seed):
        self.port, self.key, self.texts, self.log = port, key, texts, log
        self.rate, self.health_every = rate, health_every
        self.rng = random.Random(seed)

    def health(self, until):
        next_at = time.monotonic()
        while next_at < until:
            time.sleep(max(0.0, next_at - time.monotonic()))
            answer = request(self.port, "GET", "/healthz", timeout=30)
            self.log.add("healthz", outcome_of(answer), answer.seconds)
            next_at += self.health_every

    def moderate_one(self, title, body):
        comment = {"id": f"o{self.rng.randrange(10**9)}", "kind": "review", "lang": "fa",
                   "title": title, "body": body}
        headers = {"Authorization": f"Bearer {self.key}", "Content-Type": "application/json"}
        answer = request(self.port, "POST", "/v1/moderate",
                         json.dumps(comment, ensure_ascii=False).encode(), headers, timeout=30)
        self.log.add("moderate", outcome_of(answer), answer.seconds)

    def ordinary(self, until):
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=32) as pool:
            i = 0
            while True:
                due = started + i / self.rate
                if due >= until:
                    break
                time.sleep(max(0.0, due - time.monotonic()))
                pool.submit(self.moderate_one, *self.rng.choice(self.texts))
                i += 1


class Attackers:
    """Hostile connections on one asyncio loop (so hundreds cost the client little)."""

    def __init__(self, port, key, log, seed):
        self.port, self.key, self.log = port, key, log
        self.rng = random.Random(seed)
        self.open_now = 0
        self.most_open = 0

    async def connect(self):
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        self.open_now += 1
        self.most_open = max(self.most_open, self.open_now)
        return reader, writer

    def closed(self, writer):
        self.open_now -= 1
        writer.close()

    async def held(self, kind, reader, writer, trickle, give_up):
        """Trickles `trickle` (one byte a second) until the server answers or closes; records
        the answer's status (or `closed`) and how long the connection stayed open."""
        start = time.monotonic()
        outcome = "held past the limit"
        read = asyncio.ensure_future(reader.read(4096))
        try:
            for byte in trickle:
                done, _ = await asyncio.wait({read}, timeout=1.0)
                if done:
                    break
                writer.write(bytes([byte]))
                if time.monotonic() - start > give_up:
                    break
            if not read.done():
                await asyncio.wait({read}, timeout=max(0.0, give_up - (time.monotonic() - start)))
            if read.done():
                data = read.result() if not read.exception() else b""
                outcome = data.split(b" ", 2)[1].decode("latin-1") if data.startswith(b"HTTP/1.1 ") else "closed"
        except (ConnectionError, OSError):
            outcome = "closed"
        finally:
            if not read.done():
                read.cancel()
            self.closed(writer)
        self.log.add(kind, outcome, time.monotonic() - start)

    async def forever(self, until, attack):
        while time.monotonic() < until:
            try:
                await attack()
            except (ConnectionError, OSError) as e:
                self.log.add("connect", type(e).__name__, 0.0)
                await asyncio.sleep(0.2)

    async def slow_header(self, give_up):
        reader, writer = await self.connect()
        writer.write(b"POST /v1/moderate HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        await self.held("slow-header", reader, writer, b"X-Slow: " + b"a" * 600, give_up)

    async def slow_body(self, give_up):
        reader, writer = await self.connect()
        body = json.dumps({"kind": "review", "lang": "fa", "body": "x" * 900}).encode()
        head = encode("POST", "/v1/moderate", body, {"Authorization": f"Bearer {self.key}",
                                                     "Content-Type": "application/json"})
        writer.write(head[:len(head) - len(body)])
        await self.held("slow-body", reader, writer, body, give_up)

    async def idle(self, give_up):
        """Half open a connection and send nothing; half send one keep-alive request first."""
        reader, writer = await self.connect()
        kind = "idle"
        if self.rng.random() < 0.5:
            kind = "idle-after-request"
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
            length = int(next((line.split(b":")[1] for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), b"0"))
            await reader.readexactly(length)
        await self.held(kind, reader, writer, b"", give_up)

    async def expensive(self, until):
        """Single comments and small batches of the most expensive texts, one after another."""
        while time.monotonic() < until:
            unit = self.rng.choice(EXPENSIVE_UNITS)
            lang = self.rng.choice(["fa", "en"])
            comment = {"kind": "review", "lang": lang, "title": repeated(unit), "body": repeated(unit)}
            if self.rng.random() < 0.2:
                kind, path = "expensive-batch", "/v1/moderate/batch"
                body = json.dumps([dict(comment, id=f"x{i}") for i in range(5)], ensure_ascii=False)
            else:
                kind, path = "expensive", "/v1/moderate"
                body = json.dumps(comment, ensure_ascii=False)
            data = encode("POST", path, body.encode(), {"Authorization": f"Bearer {self.key}",
                                                        "Content-Type": "application/json"})
            start = time.monotonic()
            try:
                reader, writer = await self.connect()
                try:
                    writer.write(data)
                    raw = await asyncio.wait_for(reader.read(), 60)
                finally:
                    self.closed(writer)
                outcome = raw.split(b" ", 2)[1].decode("latin-1") if raw.startswith(b"HTTP/1.1 ") else "no-response"
                if outcome.startswith("5"):
                    outcome += " " + error_code(raw)
            except (ConnectionError, OSError, asyncio.TimeoutError) as e:
                outcome = type(e).__name__
            self.log.add(kind, outcome, time.monotonic() - start)

    async def run(self, until, counts, give_up):
        tasks = []
        for n, make in ((counts["slow_headers"], self.slow_header), (counts["slow_bodies"], self.slow_body),
                        (counts["idle"], self.idle)):
            for _ in range(n):
                tasks.append(self.forever(until, lambda make=make: make(give_up)))
        tasks += [self.expensive(until) for _ in range(counts["expensive"])]
        # Ramp up over two seconds rather than in one burst.
        async def staggered(i, task):
            await asyncio.sleep(2.0 * i / max(1, len(tasks)))
            await task
        await asyncio.gather(*(staggered(i, t) for i, t in enumerate(tasks)))


def error_code(raw):
    body = raw.partition(b"\r\n\r\n")[2]
    try:
        return json.loads(body)["error"]["code"]
    except (ValueError, KeyError, TypeError):
        return "(not JSON)"


class Reloads:
    """Every `every` seconds, two admin reloads at once of a rules directory holding a hostile
    file: alternately a rule set nested `depth` levels deep and a lexicon of `lexicon_mib` MiB.
    The file is removed after each round, and a good reload follows."""

    def __init__(self, port, admin_key, rules_dir, log, depth, lexicon_mib):
        self.port, self.admin_key, self.rules, self.log = port, admin_key, pathlib.Path(rules_dir), log
        self.depth, self.lexicon_mib = depth, lexicon_mib

    def reload(self, kind):
        answer = request(self.port, "POST", "/v1/admin/reload", b"",
                         {"Authorization": f"Bearer {self.admin_key}"}, timeout=120)
        self.log.add(kind, outcome_of(answer), answer.seconds)

    def hostile(self, round_no):
        if round_no % 2 == 0:
            path = self.rules / "deep.yaml"
            path.write_text("name: deep\nversion: 1\nkind: review\nlangs: [xx]\nrules: "
                            + "[" * self.depth + "]" * self.depth + "\n", encoding="utf-8")
            return "reload-deep-yaml", path
        path = self.rules / "lexicons" / "huge.fa.txt"
        line = "واژه‌ای بسیار طولانی برای آزمون\n"
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(line * (self.lexicon_mib * 1024 * 1024 // len(line.encode())))
        return "reload-huge-lexicon", path

    def run(self, until, every):
        round_no = 0
        next_at = time.monotonic() + every / 2
        while next_at < until:
            time.sleep(max(0.0, next_at - time.monotonic()))
            kind, path = self.hostile(round_no)
            try:
                pair = [threading.Thread(target=self.reload, args=(kind,)) for _ in range(2)]
                for thread in pair:
                    thread.start()
                for thread in pair:
                    thread.join()
            finally:
                path.unlink(missing_ok=True)
            self.reload("reload-good")
            round_no += 1
            next_at += every
