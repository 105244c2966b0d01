"""Open an HTML report in a real browser (headless Chromium) and check it works.

Writes the report (`claimlint check --format html PATHS`), loads it in Debian's
`chromium` driven over the DevTools protocol (a pipe: no port, no extra package), then:

- every finding is marked in the text and listed (as many marks as list items);
- the page asked for nothing but itself (no network) and logged no error (a script
  blocked by the Content-Security-Policy, an exception);
- `j` moves the focus to the first finding, `j` again to the next; with the `info`
  filter off, `j` skips info findings; sorting the index by a column orders its rows;
- a screenshot of the top and one of the first finding are written and are not blank
  (many colours, most pixels not the background's).

Not part of the test suite (it needs chromium). Installs chromium with apt when it is
missing and the script runs as root (`--no-install` to refuse).

    python benchmarks/html_screenshot.py [PATHS ...] [--out DIR] [--report FILE]
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]
WIDTH, HEIGHT = 1400, 1000
TIMEOUT = 60.0


def find_chromium(install: bool) -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if not install or os.geteuid() != 0:
        sys.exit("chromium is not installed: apt-get install -y chromium")
    print("installing chromium with apt-get …", file=sys.stderr)
    subprocess.run(["apt-get", "install", "-y", "-q", "chromium"], check=True)
    found = shutil.which("chromium")
    if not found:
        sys.exit("apt-get did not install chromium")
    return found


class Browser:
    """Chromium driven over --remote-debugging-pipe (fd 3: commands in, fd 4: out)."""

    def __init__(self, executable: str, profile: str) -> None:
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire() -> None:
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,
            pass_fds=(3, 4),
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def send(self, method: str, params: dict[str, Any] | None = None, **kw: Any) -> Any:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if kw.get("session", True) and self.session:
            message["sessionId"] = self.session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(index)
        while True:
            event = self._read()
            if event.get("method") == method:
                return event
            self.events.append(event)

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        result: dict[str, Any] = json.loads(message)
        return result

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def key(self, key: str) -> None:
        for kind in ("keyDown", "keyUp"):
            params = {"type": kind, "key": key, "code": f"Key{key.upper()}", "text": key}
            self.send("Input.dispatchKeyEvent", params)

    def screenshot(self, path: Path) -> bytes:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        png = base64.b64decode(data)
        path.write_bytes(png)
        return png

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.send("Browser.close", session=False)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self._to_child)
        os.close(self._from_child)


def png_pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and pixels (RGB) of an 8-bit, non-interlaced RGB or RGBA PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    offset, chunks, header = 8, [], b""
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind = png[offset + 4 : offset + 8]
        body = png[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        offset += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
    step = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * step
    previous = bytearray(stride)
    pixels = []
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up = previous[i]
            corner = previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 0xFF
        pixels.extend(bytes(line[i : i + 3]) for i in range(0, stride, step))
        previous = line
    return width, height, pixels


def not_blank(png: bytes) -> tuple[bool, str]:
    width, height, pixels = png_pixels(png)
    counts = Counter(pixels)
    _, most = counts.most_common(1)[0]
    inked = 1 - most / len(pixels)
    verdict = len(counts) >= 50 and inked >= 0.02
    return verdict, f"{width}x{height}, {len(counts)} colours, {inked:.1%} not background"


CHECKS = """
(() => {
  const marks = document.querySelectorAll('mark.f[id]').length;
  const items = document.querySelectorAll('li.finding').length;
  const sections = document.querySelectorAll('section.article').length;
  const strips = document.querySelectorAll('svg.strip').length;
  const rows = document.querySelectorAll('table.index tbody tr').length;
  return {marks, items, sections, strips, rows, height: document.body.scrollHeight};
})()
"""


def run_checks(browser: Browser, url: str, out: Path) -> list[str]:
    problems: list[str] = []
    target = browser.send("Target.createTarget", {"url": "about:blank"}, session=False)
    attached = browser.send(
        "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, session=False
    )
    browser.session = attached["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        browser.send(f"{domain}.enable")
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False},
    )
    started = time.perf_counter()
    browser.send("Page.navigate", {"url": url})
    browser.wait_for("Page.loadEventFired")
    print(f"loaded in {time.perf_counter() - started:.1f} s")
    shape = browser.evaluate(CHECKS)
    print("page:", shape)
    if not shape["marks"] or shape["marks"] != shape["items"]:
        problems.append(f"{shape['marks']} marks for {shape['items']} listed findings")
    if shape["sections"] > 1 and shape["rows"] != shape["sections"]:
        problems.append(f"index has {shape['rows']} rows for {shape['sections']} articles")

    top = browser.screenshot(out / "report-top.png")
    ok, detail = not_blank(top)
    print("screenshot report-top.png:", detail)
    if not ok:
        problems.append(f"the top of the page looks blank ({detail})")

    first = browser.evaluate("document.querySelector('mark.f[id]').id")
    browser.key("j")
    if browser.evaluate("document.activeElement.id") != first:
        problems.append("j did not move to the first finding")
    browser.key("j")
    second = browser.evaluate("document.activeElement.id")
    if second == first or not second:
        problems.append("j did not move to the next finding")
    status = browser.evaluate("document.getElementById('status').textContent")
    if not status.startswith("Finding 2 of"):
        problems.append(f"the status line says {status!r}")
    shot = browser.screenshot(out / "report-finding.png")
    ok, detail = not_blank(shot)
    print("screenshot report-finding.png:", detail)
    if not ok:
        problems.append(f"the page at a finding looks blank ({detail})")

    hidden = browser.evaluate(
        "(() => { document.querySelector('input[data-hide=\"l-info\"]').click();"
        " const item = document.querySelector('li.finding.l-info');"
        " return document.body.classList.contains('hide-l-info')"
        " && (!item || item.offsetParent === null); })()"
    )
    if not hidden:
        problems.append("unticking 'info' did not hide the info findings")
    levels = set()
    for _ in range(12):
        browser.key("j")
        levels.add(browser.evaluate("document.activeElement.getAttribute('data-level')"))
    if "info" in levels:
        problems.append("j stopped on a hidden info finding")

    if shape["rows"] > 1:
        ordered = browser.evaluate(
            "(() => { const b = document.querySelectorAll('table.index th button')[1]; b.click();"
            " const v = Array.from(document.querySelectorAll('table.index tbody tr'))"
            "   .map(r => parseFloat(r.cells[1].getAttribute('data-v')));"
            " return {sort: b.parentNode.getAttribute('aria-sort'),"
            "   sorted: v.every((x, i) => i === 0 || v[i - 1] <= x)}; })()"
        )
        if ordered != {"sort": "ascending", "sorted": True}:
            problems.append(f"sorting the index by count: {ordered}")

    requests = [
        e["params"]["request"]["url"]
        for e in browser.events
        if e.get("method") == "Network.requestWillBeSent"
    ]
    foreign = [u for u in requests if u != url]
    if foreign:
        problems.append(f"the page asked for {foreign[:3]}")
    errors = [
        e["params"]["entry"]["text"]
        for e in browser.events
        if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"
    ]
    errors += [
        str(e["params"]["exceptionDetails"].get("text"))
        for e in browser.events
        if e.get("method") == "Runtime.exceptionThrown"
    ]
    if errors:
        problems.append(f"the browser logged errors: {errors[:3]}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=["seeds", "tests/articles"])
    parser.add_argument("--out", type=Path, default=Path("html-check"))
    parser.add_argument("--report", type=Path, help="check this report instead of writing one")
    parser.add_argument("--no-install", action="store_true", help="never apt-get chromium")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    report = args.report
    if report is None:
        report = args.out / "report.html"
        command = os.environ.get("CLAIMLINT", str(Path(sys.executable).parent / "claimlint"))
        with report.open("wb") as handle:
            done = subprocess.run(
                [command, "check", "--format", "html", *args.paths], stdout=handle, cwd=REPO
            )
        if done.returncode not in (0, 1):
            print(f"claimlint exited {done.returncode}", file=sys.stderr)
            return 2
        print(f"wrote {report} ({report.stat().st_size:,} bytes)")
    executable = find_chromium(install=not args.no_install)
    with tempfile.TemporaryDirectory(prefix="claimlint-chromium-") as profile:
        browser = Browser(executable, profile)
        try:
            problems = run_checks(browser, report.resolve().as_uri(), args.out)
        finally:
            browser.close()
    for problem in problems:
        print("FAIL:", problem)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
