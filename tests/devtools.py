"""One headless Chromium driven through the DevTools protocol over a pipe
(--remote-debugging-pipe: commands on fd 3, replies and events on fd 4, each a JSON text
ended by a NUL byte), for the runners that press keys, emulate a colour scheme and read
the console in one browser session (run-html.py). No network, no websocket library."""
import base64
import json
import os
import select
import subprocess
import tempfile
import time

from webtest import browser_fonts


class DevtoolsError(Exception):
    pass


class Browser:
    """A headless Chromium with one page, attached in flat mode. Every event the page
    sends is kept in self.events (method, params), so that a test reads the console."""

    def __init__(self, chromium, tmp, width, height, fonts=None, timeout=60):
        self.timeout = timeout
        self.events = []
        self._next = 0
        self._buf = b""
        profile = tempfile.mkdtemp(dir=tmp)
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        env = dict(os.environ)
        fonts = fonts or browser_fonts(tmp)
        if fonts:
            env["FONTCONFIG_FILE"] = fonts
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--hide-scrollbars",
               "--force-device-scale-factor=1", "--remote-debugging-pipe",
               "--window-size=%d,%d" % (width, height), "--user-data-dir=" + profile,
               "about:blank"]

        def fds():
            # The ends the browser keeps must be 3 and 4 (os.pipe's are not inherited).
            read_end, write_end = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self.proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     close_fds=False, preexec_fn=fds,
                                     cwd=tmp)
        os.close(to_child_r)
        os.close(from_child_w)
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target,
                                 flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.page(domain + ".enable")
        self.page("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=False)

    def _send(self, method, params, session):
        self._next += 1
        msg = {"id": self._next, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        os.write(self._to_child, json.dumps(msg).encode() + b"\0")
        return self._next

    def _read(self, deadline):
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_child], [], [], left)[0]:
                raise DevtoolsError("no answer from Chromium within %d s" % self.timeout)
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise DevtoolsError("Chromium closed the pipe")
            self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def _wait(self, want_id=None, want_event=None):
        deadline = time.monotonic() + self.timeout
        while True:
            msg = self._read(deadline)
            if "id" in msg:
                if msg["id"] == want_id:
                    if "error" in msg:
                        raise DevtoolsError("%s" % msg["error"])
                    return msg.get("result", {})
                continue
            self.events.append((msg.get("method"), msg.get("params", {})))
            if want_event is not None and msg.get("method") == want_event:
                return msg.get("params", {})

    def call(self, method, **params):
        """A browser-level command's result."""
        return self._wait(self._send(method, params, None))

    def page(self, method, **params):
        """A command to the page's session; its result."""
        return self._wait(self._send(method, params, self.session))

    def navigate(self, url):
        """Loads @url and waits for its load event and its fonts."""
        self._send("Page.navigate", {"url": url}, self.session)
        self._wait(want_event="Page.loadEventFired")
        self.evaluate("document.fonts.ready.then(() => true)")

    def evaluate(self, expression):
        """The value of a JavaScript expression in the page (promises awaited)."""
        r = self.page("Runtime.evaluate", expression=expression, returnByValue=True,
                      awaitPromise=True)
        if "exceptionDetails" in r:
            raise DevtoolsError("%s: %s" % (expression, r["exceptionDetails"]))
        return r["result"].get("value")

    def color_scheme(self, scheme):
        self.page("Emulation.setEmulatedMedia",
                  features=[{"name": "prefers-color-scheme", "value": scheme}])

    def screenshot(self, x, y, width, height):
        """PNG bytes of that part of the page, in CSS pixels at scale 1."""
        r = self.page("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                      clip={"x": x, "y": y, "width": width, "height": height, "scale": 1})
        return base64.b64decode(r["data"])

    def press(self, key, code, vk):
        for kind in ("rawKeyDown", "keyUp"):
            self.page("Input.dispatchKeyEvent", type=kind, key=key, code=code,
                      windowsVirtualKeyCode=vk, nativeVirtualKeyCode=vk)

    def console_errors(self):
        """The errors the page reported so far: console.error, uncaught exceptions, and the
        browser's own log entries (a refused resource, a Content-Security-Policy violation)."""
        out = []
        for method, p in self.events:
            if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append("console: %s" % [a.get("value") for a in p.get("args", [])])
            elif method == "Runtime.exceptionThrown":
                out.append("exception: %s" % p.get("exceptionDetails", {}).get("text"))
            elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                out.append("log: %s" % p["entry"].get("text"))
        return out

    def close(self):
        try:
            self.call("Browser.close")
        except (DevtoolsError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_child)
        os.close(self._from_child)
