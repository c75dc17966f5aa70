"""The audit's only way out to the network: polite, bounded, retried and cached.

Contract of `Client.get`:
- every request carries USER_AGENT and a timeout; redirects are followed and kept in `response.history`;
- at most `per_host` requests run at once against one host, and their starts are at least `delay` seconds apart;
- connection errors, timeouts and answers 429/500/502/503/504 are retried `retries` times with exponential
  backoff (urllib3's `Retry`); a `Retry-After` up to `max_wait` seconds is honoured, and a longer one is not
  waited for: the answer is returned as it is, for the caller to report;
- with a `cache` path, answers are kept between runs for CACHE_FOR (requests-cache, SQLite); an answer still in
  the cache is returned without waiting for the host. Authorization headers are not part of the cache key and
  are not stored;
- a request that fails for good raises `FetchError`, whose text says why in a few words.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import requests
import requests_cache
from requests.adapters import HTTPAdapter
from urllib3.exceptions import MaxRetryError
from urllib3.util.retry import Retry

USER_AGENT = ("mlops-landscape-audit/1 (+https://mlops-landscape.github.io/; weekly check of the catalog's links "
              "and package metadata)")
CACHE_FOR = dt.timedelta(hours=12)  # a re-run the same day is instant; a weekly run always asks again
RETRY_STATUSES = (429, 500, 502, 503, 504)


class FetchError(Exception):
    """A request that got no usable answer: `kind` is 'timeout', 'connection' or 'too many redirects'."""

    def __init__(self, kind: str, detail: str):
        self.kind = kind
        self.detail = detail
        super().__init__(f"{kind}: {detail}" if detail else kind)


class _PatientRetry(Retry):
    """urllib3's Retry, except that a Retry-After longer than `max_wait` ends the retries instead of sleeping."""

    max_wait = 30.0

    @classmethod
    def waiting_at_most(cls, seconds: float) -> type[_PatientRetry]:
        """This class with another `max_wait` (Retry copies itself by type, so the limit is a class attribute)."""
        return type(cls.__name__, (cls,), {"max_wait": seconds})

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
        if response is not None and self.respect_retry_after_header:
            wait = self.get_retry_after(response)
            if wait is not None and wait > self.max_wait:
                # With raise_on_status off, urllib3 hands this answer back as it is; the caller reports it.
                raise MaxRetryError(_pool, url, reason=None)
        return super().increment(method, url, response, error, _pool, _stacktrace)


class _HostGate:
    """At most `per_host` requests at once per host, and starts at least `delay` seconds apart."""

    def __init__(self, per_host: int, delay: float):
        self._per_host = per_host
        self._delay = delay
        self._mutex = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._mutex:
            slots = self._slots.setdefault(host, threading.BoundedSemaphore(self._per_host))
        with slots:
            with self._mutex:
                now = time.monotonic()
                start = max(now, self._next_start.get(host, now))
                self._next_start[host] = start + self._delay
            if start > now:
                time.sleep(start - now)
            yield


class Client:
    """A shared HTTP client for one audit run (safe to use from many threads)."""

    def __init__(self, *, cache: Path | None = None, timeout: float = 15.0, retries: int = 2, backoff: float = 1.0,
                 per_host: int = 2, delay: float = 0.5, max_wait: float = 30.0, pool: int = 16):
        self.timeout = timeout
        self.retries = retries
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            self._session: requests.Session = requests_cache.CachedSession(
                str(cache), backend="sqlite", expire_after=CACHE_FOR, allowable_methods=("GET", "HEAD"),
                allowable_codes=(200, 203, 301, 308, 404, 410), stale_if_error=False)
        else:
            self._session = requests.Session()
        self._cached = cache is not None
        retry = _PatientRetry.waiting_at_most(max_wait)(
            total=retries, connect=retries, read=retries, status=retries, backoff_factor=backoff,
            status_forcelist=RETRY_STATUSES, allowed_methods=("GET", "HEAD"), respect_retry_after_header=True,
            raise_on_status=False, raise_on_redirect=False)
        adapter = HTTPAdapter(max_retries=retry, pool_connections=pool, pool_maxsize=pool)
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)
        self._session.headers["User-Agent"] = USER_AGENT
        self._gate = _HostGate(per_host, delay)

    def get(self, url: str, *, method: str = "GET", headers: Mapping[str, str] | None = None) -> requests.Response:
        """Ask for `url` (following redirects); return the final answer, whatever its status, or raise FetchError."""
        if self._cached:
            kept = self._session.request(method, url, headers=headers, only_if_cached=True, timeout=self.timeout)
            if kept.status_code != 504:  # requests-cache answers 504 when it has nothing kept
                return kept
        with self._gate.slot(urlsplit(url).hostname or ""):
            try:
                return self._session.request(method, url, headers=headers, timeout=self.timeout,
                                             allow_redirects=True)
            except requests.TooManyRedirects as err:
                raise FetchError("too many redirects", "") from err
            except requests.RequestException as err:
                raise FetchError("timeout" if _timed_out(err) else "connection", _reason(err)) from err

    def close(self) -> None:
        self._session.close()


def _timed_out(err: Exception) -> bool:
    """A timeout, also when requests reports one as a ConnectionError (a read timeout after the last retry)."""
    return isinstance(err, requests.Timeout) or "timed out" in str(err) or "Timeout" in repr(err)


def _reason(err: Exception) -> str:
    """The innermost cause in a few words: 'Name or service not known', 'read timed out'."""
    text = str(err) or repr(err)
    for marker in ("Caused by ", "due to: "):
        if marker in text:
            text = text.split(marker, 1)[1]
    text = text.strip("()'\" ")
    if "timed out" in text:
        return "no answer in time"
    for known in ("Name or service not known", "nodename nor servname provided", "Temporary failure in name resolution",
                  "Connection refused", "certificate verify failed", "Connection reset by peer",
                  "No address associated with hostname"):
        if known in text:
            return known
    return text[:120]
