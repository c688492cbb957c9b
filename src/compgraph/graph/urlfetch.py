"""Evidence from a web address: the bytes it answers now, read with a size cap and a deadline, and their SHA-256.

One function for the CLI and the server. The CLI's user is local and may fetch what they can reach anyway, so
it runs without a guard; the server fetches for whoever fills in a form, so it passes a ``Guard``, and then a
URL that names or resolves to an address of the machine or its network (loopback, private, link-local,
multicast, reserved, unspecified, IPv4-mapped or NAT64 forms of those, cloud metadata), carries credentials
before the host, or uses a port other than 80/443 is refused with the reason.

The guard is ssrfguard's: it resolves a name once, checks every address it got, and connects the socket to
the address it checked, so a DNS server cannot answer the check with a public address and the connection
with a private one. Redirects are followed here, one hop at a time, and every hop is checked afresh with the
policy of its own host and port: an allow-listed internal host cannot pass a request on to another port or
host that is not allow-listed.

The operator's allow-list (``COMPGRAPH_EVIDENCE_URL_HOSTS``, comma-separated ``host:port``; a bare host means
ports 80 and 443) names the internal hosts a server may fetch evidence from; it is empty by default. An
allow-listed name is resolved when its policy is made and again by ssrfguard when it connects; the connection
may go only to an address the first answer gave, so a name that rebinds between the two is refused.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from ssrfguard import BlockedAddressError, Policy, ProxyUnsupportedError, Resolver, SSRFGuardError
from ssrfguard import requests as guarded

HOSTS_ENV = "COMPGRAPH_EVIDENCE_URL_HOSTS"
TIMEOUT = 10.0  # seconds to connect, and between two reads of the answer
DEADLINE = 60.0  # seconds for the whole answer, so a server dripping a byte at a time cannot hold a worker
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_DEFAULT_PORTS = {"http": 80, "https": 443}


class FetchError(ValueError):
    """The URL could not be fetched or was refused: the message names the URL and why."""


@dataclass(frozen=True)
class Fetched:
    url: str  # the address asked for (redirects followed are not what the evidence is named by)
    final_url: str
    data: bytes


def _host_port(netloc_or_url: str) -> tuple[str, int | None]:
    parts = urlsplit(netloc_or_url if "//" in netloc_or_url else f"//{netloc_or_url}")
    try:
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"{netloc_or_url!r}: {exc}") from None
    return (parts.hostname or "").rstrip(".").lower(), port


@dataclass(frozen=True)
class Guard:
    """What a server may fetch: public addresses on ports 80/443, plus the operator's ``host:port`` entries.

    ``resolver`` is the name lookup both the allow-list and ssrfguard use (``socket.getaddrinfo`` when None;
    ssrfguard.resolvers.UdpResolver is one with a deadline and a nameserver of the caller's choosing).
    """

    allowed: frozenset[tuple[str, int]] = field(default_factory=frozenset)
    resolver: Resolver | None = field(default=None, compare=False)

    @classmethod
    def parse(cls, text: str, source: str = HOSTS_ENV) -> Guard:
        """The allow-list from ``host:port, host, [::1]:8080`` (a bare host allows ports 80 and 443)."""
        allowed: set[tuple[str, int]] = set()
        for entry in (e.strip() for e in text.split(",")):
            if not entry:
                continue
            if "/" in entry or "@" in entry:
                raise FetchError(f"{source}: {entry!r} is not host or host:port")
            host, port = _host_port(entry)
            if not host:
                raise FetchError(f"{source}: {entry!r} names no host")
            allowed.update((host, p) for p in ([port] if port else _DEFAULT_PORTS.values()))
        return cls(frozenset(allowed))

    @classmethod
    def from_env(cls) -> Guard:
        return cls.parse(os.environ.get(HOSTS_ENV, ""))

    def policy(self, url: str) -> Policy:
        """The policy for one hop: the default one, or for an allow-listed host:port exactly its addresses."""
        host, port = _host_port(url)
        port = port or _DEFAULT_PORTS.get(urlsplit(url).scheme.lower(), 0)
        if (host, port) not in self.allowed:
            return Policy()
        return Policy(allowed_networks=_addresses(host, port, self.resolver), allowed_ports=frozenset({port}))


def _addresses(host: str, port: int,
               resolver: Resolver | None) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """The addresses of an allow-listed host (the guard then connects only to one of these)."""
    try:
        return (ipaddress.ip_network(host),)
    except ValueError:
        pass
    try:
        infos = (resolver or socket.getaddrinfo)(host, port, proto=socket.IPPROTO_TCP)
    except OSError as exc:
        raise FetchError(f"{host}: cannot resolve the allow-listed host ({exc})") from None
    return tuple({ipaddress.ip_network(str(info[4][0]).split("%")[0]) for info in infos})


# ssrfguard's reasons for an address ("10.0.0.0/8 is Private-Use (RFC1918)") or a port: the refusals an
# operator's allow-list can lift, unlike credentials in the URL or another scheme.
_LIFTABLE = re.compile(r"/\d+ is |allowed_ports")


def _refusal(url: str, exc: SSRFGuardError) -> FetchError:
    hint = f" (an operator can allow an internal evidence host in {HOSTS_ENV})"
    if isinstance(exc, BlockedAddressError):
        host = urlsplit(url).hostname
        return FetchError(f"{url}: refused, {host} resolves to {exc.address}: {exc.reason}{hint}")
    if isinstance(exc, ProxyUnsupportedError):
        return FetchError(f"{url}: refused, this server has a proxy configured ({exc.proxy}), which would resolve "
                          "the address past the guard: attach the evidence as a file, or run the server without "
                          "HTTP(S)_PROXY")
    reason = getattr(exc, "reason", None) or str(exc)
    return FetchError(f"{url}: refused, {reason}{hint if _LIFTABLE.search(reason) else ''}")


def _check_scheme(url: str) -> None:
    try:
        parts = urlsplit(url)
        usable = parts.scheme.lower() in _DEFAULT_PORTS and bool(parts.hostname)
    except ValueError as exc:  # "Invalid IPv6 URL" and the like
        raise FetchError(f"{url!r} is not a usable address ({exc})") from None
    if not usable:
        raise FetchError(f"{url!r} is not an http(s) address")


def _why(exc: BaseException) -> str:
    """The innermost reason requests and urllib3 wrap (resolution failed, connection refused, timed out),
    without the connection object's repr they put in front of it."""
    while True:
        inner = getattr(exc, "reason", None)
        if not isinstance(inner, BaseException) and exc.args and isinstance(exc.args[0], BaseException):
            inner = exc.args[0]
        if not isinstance(inner, BaseException):
            break
        exc = inner
    text = exc.args[-1] if exc.args and isinstance(exc.args[-1], str) else str(exc)
    return text.split(">: ", 1)[-1]


def _read(url: str, resp: requests.Response, max_bytes: int, started: float, deadline: float) -> bytes:
    """The body, a read at a time, refused as soon as it passes ``max_bytes`` or the deadline."""
    limit = f"larger than the {max_bytes:,} bytes evidence may have"
    declared = resp.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url}: {limit} (it says {int(declared):,})")
    body = bytearray()
    while True:
        # read1 returns what one read of the socket gave, so the deadline is checked between reads even when
        # the server sends a byte at a time (a full-size read would wait for 64 KiB of such bytes).
        chunk = resp.raw.read1(_CHUNK, decode_content=False)
        if not chunk:
            return bytes(body)
        body += chunk
        if len(body) > max_bytes:
            raise FetchError(f"{url}: {limit}")
        if time.monotonic() - started > deadline:
            raise FetchError(f"{url}: the answer took longer than {deadline:g} seconds")


def fetch(url: str, max_bytes: int, guard: Guard | None = None, timeout: float = TIMEOUT,
          deadline: float = DEADLINE) -> Fetched:
    """GET ``url`` (following up to 5 redirects) and return its bytes and their SHA-256.

    With a ``guard`` every hop is checked before a socket is opened (see the module docstring); without one
    only the scheme is. Raises FetchError, naming the URL and the reason; stops reading within one read
    (64 KiB) of ``max_bytes``.
    """
    started, here = time.monotonic(), url
    for _hop in range(MAX_REDIRECTS + 1):
        _check_scheme(here)
        session = guarded.Session(policy=guard.policy(here), resolver=guard.resolver) if guard else requests.Session()
        try:
            # Identity encoding: the digest is of the bytes the server holds, and no zip bomb is unpacked here.
            with session, session.get(here, stream=True, timeout=timeout, allow_redirects=False,
                                      headers={"Accept-Encoding": "identity"}) as resp:
                if resp.is_redirect:
                    here = urljoin(here, resp.headers["Location"])
                    continue
                if resp.status_code >= 400:
                    raise FetchError(f"{here}: the server answered {resp.status_code} {resp.reason}")
                data = _read(here, resp, max_bytes, started, deadline)
        except FetchError:
            raise
        except SSRFGuardError as exc:
            raise _refusal(here, exc) from None
        # The body is read through urllib3 (read1), whose errors requests does not wrap; LocationParseError is a
        # ValueError.
        except (requests.RequestException, urllib3.exceptions.HTTPError, ValueError) as exc:
            raise FetchError(f"{here}: cannot fetch it: {_why(exc)}") from None
        return Fetched(url, here, data)
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
