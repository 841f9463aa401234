"""Shared by bench/soak, bench/attack-soak, bench/kill-restart and bench/kill-decisions: runs a
`davar serve` on a free loopback port over private copies of policies/ and rules/, sends raw
HTTP/1.1 requests (one connection each, `Connection: close`) so that every answer, or its
absence, is seen exactly, and measures and judges the server's memory.

Python 3 standard library only. Traffic goes to 127.0.0.1 only.
"""

import atexit
import json
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import tempfile
import time

# Everything started here is stopped at exit, also on Ctrl-C, SIGTERM and SIGHUP.
_STARTED = []


def _stop_everything():
    for thing in reversed(_STARTED):
        try:
            thing.cleanup_at_exit()
        except Exception:  # noqa: BLE001 -- best effort at exit
            pass


def _exit_on_signal(signum, _frame):
    raise SystemExit(128 + signum)


atexit.register(_stop_everything)
for _sig in (signal.SIGTERM, signal.SIGHUP):
    signal.signal(_sig, _exit_on_signal)

ROOT = pathlib.Path(__file__).resolve().parent.parent


def davar_binary():
    """The release binary (DAVAR_BIN overrides); built with cargo when missing or stale."""
    if os.environ.get("DAVAR_BIN"):
        return pathlib.Path(os.environ["DAVAR_BIN"]).resolve()
    subprocess.run(["cargo", "build", "-q", "--release", "-p", "davar", "--bin", "davar"],
                   cwd=ROOT, check=True)
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "release" / "davar"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Workspace:
    """Private copies of policies/ and rules/ (reloads may break and restore a rule file)."""

    def __init__(self):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="davar-soak-"))
        self.policies = self.dir / "policies"
        self.rules = self.dir / "rules"
        shutil.copytree(ROOT / "policies", self.policies)
        shutil.copytree(ROOT / "rules", self.rules)
        self.client_key = "client_soak_0123456789abcdef"
        self.admin_key = "admin_soak_0123456789abcdef"
        self.keys = self.dir / "api-keys"
        self.keys.write_text(f"client {self.client_key}\nadmin {self.admin_key}\n")
        self.db = self.dir / "questions.db"
        _STARTED.append(self)

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def cleanup_at_exit(self):
        self.cleanup()


class Server:
    """One `davar serve` process."""

    def __init__(self, binary, ws, port=None, log_name="server.log", extra=(), store=None):
        self.port = port or free_port()
        self.log = open(ws.dir / log_name, "ab")
        self.proc = subprocess.Popen(
            [str(binary), "--policies", str(ws.policies), "--rules", str(ws.rules), "serve",
             "--addr", f"127.0.0.1:{self.port}", "--store", store or f"sqlite://{ws.db}",
             "--api-keys", str(ws.keys), *extra],
            stdout=self.log, stderr=subprocess.STDOUT, cwd=ws.dir)
        _STARTED.append(self)
        self.wait_ready()

    def wait_ready(self, seconds=120):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"davar serve exited with {self.proc.returncode}; see {self.log.name}")
            try:
                if request(self.port, "GET", "/healthz", timeout=2).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"davar serve not ready after {seconds}s; see {self.log.name}")

    def memory(self):
        """Resident memory from /proc/PID/status (KiB): `rss` in all, `anon` (the heap and
        other private memory: what the process itself holds), `file` (pages of mapped files
        in memory: the program and the store's database file, read through a memory map;
        the kernel's page cache, dropped under pressure) and `shmem`."""
        fields = {"VmRSS:": "rss", "RssAnon:": "anon", "RssFile:": "file", "RssShmem:": "shmem"}
        out = dict.fromkeys(fields.values(), 0)
        for line in pathlib.Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            name = line.split(None, 1)[0] if line else ""
            if name in fields:
                out[fields[name]] = int(line.split()[1])
        return out

    def mappings(self, top=6):
        """The largest resident mappings (KiB) from /proc/PID/smaps, by file (anonymous
        mappings together): where resident memory lies."""
        by_name, name = {}, None
        for line in pathlib.Path(f"/proc/{self.proc.pid}/smaps").read_text().splitlines():
            head = line.split()
            if head and "-" in head[0] and ":" not in head[0]:
                name = head[5] if len(head) > 5 else "[anonymous]"
                name = "[anonymous]" if name in ("[heap]", "[anonymous]") or name.startswith("[anon") else name
            elif head and head[0] == "Rss:" and name:
                by_name[name] = by_name.get(name, 0) + int(head[1])
        return sorted(by_name.items(), key=lambda kv: -kv[1])[:top]

    def kill9(self):
        self.proc.kill()
        self.proc.wait()

    def cleanup_at_exit(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


# What /proc/PID/status splits resident memory into (see Server.memory).
MEMORY_KINDS = (("rss", "resident in all"), ("anon", "private (heap)"), ("file", "mapped files"))
# The memory goal: private memory, what the process itself holds, grows less than this (%) from
# the baseline sample to the end. Mapped files (the program, the database file's pages) are the
# kernel's cache, shared and dropped under pressure: reported, not judged.
MEMORY_GROWTH_LIMIT = 10.0


class MemoryJudgement:
    """Memory samples `[(seconds since start, Server.memory())]` judged from the sample nearest
    `baseline` seconds (after the warm-up: allocator and caches filled) to the last one."""

    def __init__(self, samples, baseline):
        self.samples = samples
        self.baseline = min(samples, key=lambda s: abs(s[0] - baseline))
        self.end = samples[-1]
        self.growth = {key: self._growth(key) for key, _ in MEMORY_KINDS}
        self.ok = self.growth["anon"] < MEMORY_GROWTH_LIMIT

    def _growth(self, key):
        start, end = self.baseline[1][key], self.end[1][key]
        return (end - start) / start * 100 if start else float("nan")

    def lines(self):
        """One line per kind of memory, then the samples (private + mapped files)."""
        out = []
        for key, what in MEMORY_KINDS:
            first, base, end = self.samples[0][1][key], self.baseline[1][key], self.end[1][key]
            peak = max(m[key] for _, m in self.samples)
            out.append(f"Server memory, {what}: {first / 1024:.1f} MiB at start, {base / 1024:.1f} MiB at "
                       f"{self.baseline[0]:.0f} s, {end / 1024:.1f} MiB at the end ({self.growth[key]:+.1f}% "
                       f"since {self.baseline[0]:.0f} s); peak {peak / 1024:.1f} MiB")
        out.append("Memory samples (s: MiB private + mapped files): " + ", ".join(
            f"{t:.0f}: {m['anon'] / 1024:.0f} + {m['file'] / 1024:.0f}" for t, m in self.samples))
        return out

    def check(self):
        """(goal, met, detail) for a report's list of goals."""
        return (f"private memory growth < {MEMORY_GROWTH_LIMIT:g}% after {self.baseline[0]:.0f} s",
                self.ok, f"{self.growth['anon']:+.1f}%")


class Answer:
    """What came back for one request."""

    def __init__(self, status=None, body=b"", error=None, extra=b"", seconds=0.0):
        self.status, self.body, self.error, self.extra, self.seconds = status, body, error, extra, seconds

    def json(self):
        return json.loads(self.body)


def encode(method, path, body=None, headers=None):
    head = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    for name, value in (headers or {}).items():
        head.append(f"{name}: {value}")
    if body is not None:
        head.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + (body or b"")


def request(port, method, path, body=None, headers=None, timeout=20.0, trickle=None):
    """Sends one request on its own connection and reads exactly one response.

    `trickle=(chunks, seconds)` sends the head at once, then the body in `chunks` pieces spread
    over `seconds` (so the server's request timeout, which starts with the head, is what is
    tested). A server may answer and close before the body is complete (a timeout): the answer
    is still read. Anything sent after the first complete response is returned in `extra`.
    """
    data = encode(method, path, body, headers)
    start = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            try:
                if trickle and body:
                    chunks, seconds = trickle
                    head = data[:len(data) - len(body)]
                    sock.sendall(head)
                    size = max(1, -(-len(body) // chunks))
                    for i in range(0, len(body), size):
                        if i:
                            time.sleep(seconds / chunks)
                        sock.sendall(body[i:i + size])
                else:
                    sock.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server answered early and closed; read what it sent
            raw = b""
            while True:
                try:
                    chunk = sock.recv(65536)
                except ConnectionResetError:
                    break
                if not chunk:
                    break
                raw += chunk
    except (OSError, socket.timeout) as e:
        return Answer(error=type(e).__name__, seconds=time.monotonic() - start)
    seconds = time.monotonic() - start
    return parse(raw, seconds)


def parse(raw, seconds):
    head, sep, rest = raw.partition(b"\r\n\r\n")
    if not sep:
        return Answer(error="no-response" if not raw else "truncated-head", seconds=seconds)
    lines = head.decode("latin-1").split("\r\n")
    try:
        status = int(lines[0].split()[1])
    except (IndexError, ValueError):
        return Answer(error="bad-status-line", seconds=seconds)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        n = int(headers["content-length"])
        body, extra = rest[:n], rest[n:]
        if len(body) < n:
            return Answer(status=status, body=body, error="truncated-body", seconds=seconds)
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        body, extra = b"", rest
        while True:
            size_line, _, extra = extra.partition(b"\r\n")
            try:
                size = int(size_line.split(b";")[0], 16)
            except ValueError:
                return Answer(status=status, error="bad-chunk", seconds=seconds)
            if size == 0:
                extra = extra.partition(b"\r\n")[2] if extra.startswith(b"\r\n") else extra.partition(b"\r\n\r\n")[2]
                break
            body, extra = body + extra[:size], extra[size + 2:]
    else:
        body, extra = rest, b""
    return Answer(status=status, body=body, extra=extra, seconds=seconds)
