"""A served app as users get it (`python -m streamlit run SCRIPT` with the project's
.streamlit/config.toml), which a benchmark or a test may start, stop, kill and start again on
the same port and database (a restart, a crash)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_SERVER = "server.py"
FLOOR_SERVER = "bench/floor/server.py"  # the floor pages behind the same middleware


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped (code {process.returncode})")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("the server did not answer /_stcore/health in time")


class ServedApp:
    """One server process on a free port of 127.0.0.1; its output goes to DATA/server.log."""

    def __init__(self, data: Path, database_url: str, env: dict[str, str] | None = None,
                 script: str = APP_SERVER):
        self.data, self.database_url, self.script = data, database_url, script
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "DATABASE_URL": database_url,
                    "GUIDE_BILAN_PUBLIC_URL": self.url, **(env or {})}
        self.process: subprocess.Popen | None = None
        self._log = None

    def start(self) -> str:
        self._log = open(self.data / "server.log", "a")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", self.script, "--server.headless", "true",
             "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT,
        )
        wait_healthy(self.url, self.process)
        return self.url

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    def stop(self, sig: int = signal.SIGTERM) -> None:
        """Stop the server with `sig` (SIGKILL for a crash) and wait until it is gone."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def restart(self, sig: int = signal.SIGTERM) -> str:
        self.stop(sig)
        return self.start()
