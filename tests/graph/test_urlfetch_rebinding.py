"""DNS rebinding against the server's evidence-URL guard (graph/urlfetch.py), with a real nameserver on loopback
(dnspython builds its answers) asked by ssrfguard's own UdpResolver: nothing in ssrfguard is replaced.

The operator allow-lists ``evidence.test:PORT``. The name answers 127.0.0.1 when the allow-list's policy is
made and 127.0.0.2 when ssrfguard resolves it to connect: the fetch is refused naming the second address, and
neither address is ever connected to. A name that resolves to loopback without being allow-listed is refused
the same way, at connect time, whichever resolver answers it."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import dns.message
import dns.rdatatype
import dns.rrset
import pytest
from ssrfguard.resolvers import UdpResolver

from compgraph.graph.urlfetch import FetchError, Guard, fetch

NAME = "evidence.test."


@contextmanager
def nameserver(answers: list[str]) -> Iterator[tuple[int, list[str]]]:
    """A DNS server on 127.0.0.1 that answers A queries for NAME with ``answers`` in turn (the last one from
    then on) and AAAA with none; yields its port and the A answers it gave."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    given: list[str] = []
    stop = threading.Event()

    def serve() -> None:
        sock.settimeout(0.05)
        while not stop.is_set():
            try:
                wire, peer = sock.recvfrom(4096)
            except TimeoutError:
                continue
            query = dns.message.from_wire(wire)
            reply = dns.message.make_response(query)
            question = query.question[0]
            if question.rdtype == dns.rdatatype.A and question.name.to_text().lower() == NAME:
                address = answers[min(len(given), len(answers) - 1)]
                given.append(address)
                reply.answer.append(dns.rrset.from_text(NAME, 0, "IN", "A", address))
            sock.sendto(reply.to_wire(), peer)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(sock.getsockname()[1]), given
    finally:
        stop.set()
        thread.join(5)
        sock.close()


@contextmanager
def listening(address: str, port: int = 0) -> Iterator[socket.socket]:
    """A TCP socket listening on ``address`` that nobody accepts from: a connection made to it stays queued."""
    sock = socket.socket()
    sock.bind((address, port))
    sock.listen()
    sock.setblocking(False)
    try:
        yield sock
    finally:
        sock.close()


def connected(sock: socket.socket) -> bool:
    try:
        sock.accept()[0].close()
    except BlockingIOError:
        return False
    return True


@pytest.fixture
def first() -> Iterator[socket.socket]:
    with listening("127.0.0.1") as s:
        yield s


@pytest.fixture
def second(first: socket.socket) -> Iterator[socket.socket]:
    """The same port on 127.0.0.2, where the rebinding answer points."""
    with listening("127.0.0.2", first.getsockname()[1]) as s:
        yield s


def guard(allow: str, dns_port: int) -> Guard:
    resolver = UdpResolver(nameservers=("127.0.0.1",), nameserver_port=dns_port, timeout=2.0)
    return Guard(Guard.parse(allow).allowed, resolver)


def test_a_name_that_rebinds_after_the_allow_list_check_is_refused_unconnected(
    first: socket.socket, second: socket.socket
) -> None:
    port = first.getsockname()[1]
    with nameserver(["127.0.0.1", "127.0.0.2"]) as (dns_port, given), pytest.raises(FetchError) as caught:
        fetch(f"http://evidence.test:{port}/report.txt", 1000, guard(f"evidence.test:{port}", dns_port),
              timeout=2.0)
    assert given == ["127.0.0.1", "127.0.0.2"]  # the guard asked twice, and the second answer was the new one
    assert f"evidence.test:{port}/report.txt: refused, evidence.test resolves to 127.0.0.2" in str(caught.value)
    assert not connected(second)
    assert not connected(first)


def test_a_name_that_keeps_its_allow_listed_address_is_connected_to(first: socket.socket) -> None:
    # The control for the test above: the same guard and nameserver reach the listener when the name holds
    # still (the listener never answers, so the fetch ends at its read timeout).
    port = first.getsockname()[1]
    with nameserver(["127.0.0.1"]) as (dns_port, _given), pytest.raises(FetchError, match="cannot fetch it"):
        fetch(f"http://evidence.test:{port}/", 1000, guard(f"evidence.test:{port}", dns_port), timeout=0.5)
    assert connected(first)


def test_a_name_the_nameserver_points_at_loopback_is_refused_at_connect_time() -> None:
    with nameserver(["127.0.0.1"]) as (dns_port, given), pytest.raises(FetchError) as caught:
        fetch("http://evidence.test/", 1000, guard("", dns_port))
    assert given == ["127.0.0.1"]
    assert "refused, evidence.test resolves to 127.0.0.1: 127.0.0.0/8 is Loopback" in str(caught.value)
