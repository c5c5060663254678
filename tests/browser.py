"""Headless Chromium driven over the DevTools protocol through a pipe (`--remote-debugging-pipe`:
no port, no websocket library, no browser download), with every host unreachable.

`Browser().open(url)` loads a page and returns a `Tab` that evaluates JavaScript, reports the
console errors and exceptions the page raised, and takes screenshots.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-headless-shell", "chromium-browser")
ENABLE = "apt-get install -y chromium (as .ci/run does)"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", '--host-resolver-rules=MAP * ~NOTFOUND',
         "--disable-background-networking", "--disable-component-update", "--no-first-run",
         "--disable-extensions", "--disable-dev-shm-usage", "--remote-debugging-pipe",
         "--window-size=1280,900")


def chromium_path() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _high(fd: int) -> int:
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class Browser:
    def __init__(self, executable: str | None = None, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="docs2spec-chromium-")
        # Chromium reads commands from fd 3 and writes replies to fd 4. The child's ends are
        # moved above 10 first, so putting them at 3 and 4 overwrites nothing of theirs.
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        to_chrome_r = _high(to_chrome_r)
        from_chrome_w = _high(from_chrome_w)

        def fds() -> None:
            os.dup2(to_chrome_r, 3)  # dup2 copies are inheritable: they survive exec
            os.dup2(from_chrome_w, 4)

        self.process = subprocess.Popen(
            [executable or chromium_path() or "chromium", *FLAGS,
             f"--user-data-dir={self.profile}", "about:blank"],
            close_fds=False, preexec_fn=fds,  # every other fd of ours is close-on-exec
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except Exception:  # noqa: BLE001 - closing anyway
            pass
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_chrome, self._from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_chrome, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._next += 1
        ident = self._next
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            reply = self._read()
            if reply.get("id") == ident:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)
        raise TimeoutError(method)

    def wait_event(self, method: str, session: str) -> dict:
        deadline = time.monotonic() + self.timeout
        for index, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                return self.events.pop(index)
        while time.monotonic() < deadline:
            event = self._read()
            if event.get("method") == method and event.get("sessionId") == session:
                return event
            self.events.append(event)
        raise TimeoutError(method)

    def open(self, url: str) -> Tab:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target,
                                                      "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable", session=session)
        tab = Tab(self, session, target)
        tab.navigate(url)
        return tab


class Tab:
    def __init__(self, browser: Browser, session: str, target: str) -> None:
        self.browser, self.session, self.target = browser, session, target

    def navigate(self, url: str) -> None:
        self.browser.send("Page.navigate", {"url": url}, self.session)
        self.browser.wait_event("Page.loadEventFired", self.session)

    def eval(self, expression: str) -> Any:
        result = self.browser.send("Runtime.evaluate", {
            "expression": expression, "returnByValue": True, "awaitPromise": True},
            self.session)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads seen so far in this tab."""
        found = []
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                continue
            params = event.get("params", {})
            if event.get("method") == "Runtime.exceptionThrown":
                found.append(str(params.get("exceptionDetails", {}).get("text")))
            elif event.get("method") == "Runtime.consoleAPICalled" and \
                    params.get("type") in ("error", "assert"):
                found.append(str([a.get("value") for a in params.get("args", [])]))
            elif event.get("method") == "Log.entryAdded" and \
                    params.get("entry", {}).get("level") == "error":
                found.append(str(params["entry"].get("text")) + " " +
                             str(params["entry"].get("url", "")))
        return found

    def first_paint(self, url: str) -> float:
        """Milliseconds from the start of navigation to the first contentful paint."""
        self.browser.send("Page.setLifecycleEventsEnabled", {"enabled": True}, self.session)
        self.browser.send("Page.navigate", {"url": url}, self.session)
        times: dict[str, float] = {}
        while "firstContentfulPaint" not in times:
            event = self.browser.wait_event("Page.lifecycleEvent", self.session)
            times.setdefault(event["params"]["name"], event["params"]["timestamp"])
        return (times["firstContentfulPaint"] - times["init"]) * 1000

    def screenshot(self, path: Path) -> None:
        data = self.browser.send("Page.captureScreenshot", {"format": "png"}, self.session)
        path.write_bytes(base64.b64decode(data["data"]))

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})
