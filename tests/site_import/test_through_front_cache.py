"""Old addresses through the real front cache (Varnish and two app processes on loopback)."""

import tempfile
from pathlib import Path

import pytest

from tests.deploy.front import fetch, free_port, free_ports, running_stack
from tests.helpers import database_url
from tests.site_import.replica import collect, served_replica
from tests.site_import.test_load import load, make_sections


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_old_address_answers_301_through_the_front_cache(varnish):
    make_sections()
    with tempfile.TemporaryDirectory() as holder, served_replica(articles=20) as replica:
        portal, base, _outside = replica
        collect(base, Path(holder) / "du-lieu-cu")
        load(Path(holder) / "du-lieu-cu")
    env = {"DJANGO_SETTINGS_MODULE": "site_config.settings.test", "DATABASE_URL": database_url()}
    with running_stack(
        env, apps=2, app_port=free_ports(2), cache_port=free_port(), workers=1
    ) as front:
        for number in (3, 5, 7):
            # 5 is also known by its query-string form; 7 only by it, on the home page's path.
            addresses = {portal.address(number), portal.query_address(number)}
            if number == 3:
                addresses = {portal.canonical(3)}
            for address in sorted(addresses):
                for _ in range(2):  # asked again, the front cache may answer: the same 301
                    status, headers, _body = fetch(front, address)
                    assert status == 301, address
                target = headers["Location"]
                assert target.endswith(f"so-{number}/")
                status, _headers, body = fetch(front, target)
                assert status == 200
                assert f"(số {number})" in body
        # The home page itself is not redirected, with or without other parameters.
        assert fetch(front, "/")[0] == 200
        assert fetch(front, "/?utm_source=zalo")[0] == 200
