"""Evidence fetched from a web address (graph/urlfetch.py): the server's guard refuses the machine's own and its
network's addresses before any connection, re-checks every redirect, honours the operator's host:port
allow-list, and every fetch stops at the size cap. Real servers on loopback (tests/evidence_sites.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from compgraph.graph.urlfetch import HOSTS_ENV, FetchError, Guard, fetch
from evidence_sites import Site, chunked, site

BODY = b"Penetration test report, credit-limit model, 2026-11.\n"
CAP = 1000


@pytest.fixture(scope="module")
def inside() -> Iterator[Site]:
    """An internal evidence host the operator allow-listed (by its port)."""
    with site({"/report.txt": (200, {}, BODY)}) as s:
        yield s


@pytest.fixture(scope="module")
def elsewhere() -> Iterator[Site]:
    """Another service on the same machine, not on the allow-list."""
    with site({"/admin": (200, {}, b"secrets")}) as s:
        yield s


@pytest.fixture(scope="module")
def guard(inside: Site) -> Guard:
    return Guard.parse(f"127.0.0.1:{inside.port}")


def refused(url: str, guard: Guard) -> str:
    with pytest.raises(FetchError) as caught:
        fetch(url, CAP, guard)
    return str(caught.value)


def test_the_guard_refuses_loopback() -> None:
    assert "127.0.0.0/8 is Loopback" in refused("http://127.0.0.1/", Guard())


def test_the_guard_refuses_a_private_address() -> None:
    assert "10.0.0.0/8 is Private-Use" in refused("http://10.0.0.5/evidence.pdf", Guard())


def test_the_guard_refuses_the_cloud_metadata_address() -> None:
    assert "169.254.169.254" in refused("http://169.254.169.254/latest/meta-data/", Guard())


def test_the_guard_refuses_ipv6_loopback() -> None:
    assert "::1/128 is Loopback" in refused("http://[::1]/", Guard())


def test_the_guard_refuses_an_ipv4_mapped_private_address() -> None:
    assert "carries 10.0.0.1" in refused("http://[::ffff:10.0.0.1]/", Guard())


def test_the_guard_refuses_a_name_that_resolves_to_loopback() -> None:
    message = refused("http://localhost/", Guard())
    assert "localhost resolves to" in message
    assert "Loopback" in message


def test_the_guard_refuses_credentials_before_the_host() -> None:
    assert "credentials" in refused("http://trusted.example@127.0.0.1/", Guard())


def test_a_refusal_tells_the_operator_how_to_allow_an_internal_host() -> None:
    assert HOSTS_ENV in refused("http://10.0.0.5/", Guard())


def test_a_refusal_the_allow_list_cannot_lift_does_not_point_to_it() -> None:
    assert HOSTS_ENV not in refused("http://user:pw@example.org/", Guard())


def test_a_server_behind_a_proxy_refuses_rather_than_fetch_unguarded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.example:3128")
    assert "has a proxy configured (http://proxy.example:3128)" in refused("http://example.org/", Guard())


def test_an_allow_listed_host_port_is_fetched_whole(inside: Site, guard: Guard) -> None:
    got = fetch(f"{inside.base}/report.txt", CAP, guard)
    assert got.data == BODY


def test_the_allow_list_names_a_port_not_the_whole_host(elsewhere: Site, guard: Guard) -> None:
    asked = len(elsewhere.hits)
    assert f"port {elsewhere.port}" in refused(f"{elsewhere.base}/admin", guard)
    assert len(elsewhere.hits) == asked


def test_a_redirect_from_an_allowed_host_to_one_not_allowed_is_refused_unasked(
    inside: Site, elsewhere: Site, guard: Guard
) -> None:
    inside.pages["/moved"] = (302, {"Location": f"{elsewhere.base}/admin"}, b"")
    asked = len(elsewhere.hits)
    message = refused(f"{inside.base}/moved", guard)
    assert message.startswith(f"{elsewhere.base}/admin: refused")
    assert len(elsewhere.hits) == asked


def test_a_redirect_to_an_allowed_page_is_followed(inside: Site, guard: Guard) -> None:
    inside.pages["/latest"] = (301, {"Location": "/report.txt"}, b"")
    got = fetch(f"{inside.base}/latest", CAP, guard)
    assert (got.url, got.final_url, got.data) == (f"{inside.base}/latest", f"{inside.base}/report.txt", BODY)


def test_an_answer_declared_larger_than_the_cap_is_refused(inside: Site, guard: Guard) -> None:
    inside.pages["/big"] = (200, {}, b"x" * (CAP + 1))
    assert f"larger than the {CAP:,} bytes" in refused(f"{inside.base}/big", guard)


def test_an_undeclared_answer_is_cut_off_at_the_cap(inside: Site, guard: Guard) -> None:
    inside.pages["/stream"] = (200, {"Transfer-Encoding": "chunked"}, chunked(b"y" * (3 * CAP)))
    assert f"larger than the {CAP:,} bytes" in refused(f"{inside.base}/stream", guard)


def test_an_error_answer_is_not_evidence(inside: Site, guard: Guard) -> None:
    assert "answered 404" in refused(f"{inside.base}/gone", guard)


def test_only_http_and_https_are_fetched() -> None:
    with pytest.raises(FetchError, match="not an http"):
        fetch("file:///etc/passwd", CAP)


def test_without_a_guard_the_local_user_reaches_loopback(elsewhere: Site) -> None:
    assert fetch(f"{elsewhere.base}/admin", CAP).data == b"secrets"


def test_an_allow_list_entry_that_is_not_host_port_names_the_setting() -> None:
    with pytest.raises(FetchError, match=HOSTS_ENV):
        Guard.parse("http://intranet/evidence")


def test_an_answer_still_coming_after_the_deadline_is_refused(inside: Site, guard: Guard) -> None:
    inside.pages["/slow"] = (200, {"Transfer-Encoding": "chunked"}, chunked(b"s" * 500, size=10))
    with pytest.raises(FetchError, match="took longer than 0 seconds"):
        fetch(f"{inside.base}/slow", CAP, guard, deadline=0.0)


@pytest.mark.parametrize("url", ["http://[::1", "http://a..b/", "http://exa mple.com/"])
def test_an_address_that_does_not_parse_is_a_fetch_error_not_a_crash(url: str) -> None:
    with pytest.raises(FetchError, match="http://"):
        fetch(url, CAP)


def test_an_answer_cut_short_is_a_fetch_error(inside: Site, guard: Guard) -> None:
    inside.pages["/cut"] = (200, {"Content-Length": "500"}, b"only part of it")
    with pytest.raises(FetchError, match="cannot fetch it"):
        fetch(f"{inside.base}/cut", CAP, guard)
