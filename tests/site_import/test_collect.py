"""`import_site collect` against a replica of the old portal served on 127.0.0.1."""

import json
import unicodedata
from dataclasses import replace

import pytest

from demo.old_portal import SECTIONS
from site_import.archive import ADDRESSES, ITEMS, SOURCE, Archive
from site_import.collecting import Collector
from site_import.profile import load_profile
from tests.site_import.replica import PROFILE, collect, copy_archive, served_replica


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """One crawl of the replica: (portal, outside portal, archive folder, base address)."""
    folder = tmp_path_factory.mktemp("archive") / "du-lieu-cu"
    with served_replica() as (portal, base, outside):
        collect(base, folder)
        yield portal, outside, folder, base


def articles(folder):
    return [item for item in Archive(folder).read(ITEMS) if item["kind"] == "article"]


def addresses(folder, outcome):
    return [record for record in Archive(folder).read(ADDRESSES) if record["outcome"] == outcome]


def test_every_article_is_collected_once_with_its_fields(crawl):
    portal, _outside, folder, base = crawl
    collected = {item["source_url"]: item for item in articles(folder)}
    # All but the one that answers 500 and the one that never answers.
    assert len(collected) == portal.articles - 2
    article = collected[f"{base}{portal.canonical(60)}"]
    assert article["title"] == unicodedata.normalize("NFC", portal.title(60))
    assert article["published"] == portal.published(60).isoformat()
    assert article["views"] == portal.views(60)
    assert article["author"] == portal.author(60)
    assert article["section"] == "tin-tuc"
    assert article["lead_image"]["caption"] == "Quang cảnh buổi làm việc số 60"
    assert article["lead_image"]["alt"] == "anh tin bai"
    assert {attachment["url"].rsplit("/", 1)[1] for attachment in article["attachments"]} == {
        "qd-60.pdf",
        "kh-60.docx",
    }
    assert article["tags"] == ["KH&CN", "Tin tức - Sự kiện"]


def test_text_is_composed_and_sections_follow_the_listings(crawl):
    portal, _outside, folder, base = crawl
    collected = {item["source_url"]: item for item in articles(folder)}
    decomposed = collected[f"{base}{portal.canonical(10)}"]
    assert (
        unicodedata.is_normalized("NFD", portal.title(10))
        and portal.title(10) != decomposed["title"]
    )
    assert decomposed["title"] == unicodedata.normalize("NFC", portal.title(10))
    assert unicodedata.is_normalized("NFC", decomposed["body_html"])
    sections = {item["section"] for item in collected.values()}
    assert sections == {"tin-tuc", "thong-bao", "hoat-dong-khcn"}


def test_an_article_under_two_addresses_is_one_item_and_both_are_kept(crawl):
    portal, _outside, folder, base = crawl
    title = unicodedata.normalize("NFC", portal.title(portal.duplicate))
    duplicate = [item for item in articles(folder) if item["title"] == title]
    assert len(duplicate) == 1
    other_form = f"{base}{portal.query_address(portal.duplicate)}"
    assert {"url": other_form, "outcome": "alias", "item": duplicate[0]["source_url"]} in addresses(
        folder, "alias"
    )


def test_pages_that_fail_are_listed_with_their_reason(crawl):
    portal, _outside, folder, base = crawl
    failed = {record["url"]: record["reason"] for record in addresses(folder, "failed")}
    assert failed == {
        f"{base}{portal.canonical(13)}": "máy chủ cũ trả lời mã 500",
        f"{base}{portal.query_address(14)}": "hết thời gian chờ máy chủ cũ",
    }


def test_numbered_listings_are_followed(crawl):
    portal, _outside, folder, base = crawl
    listings = {record["url"] for record in addresses(folder, "listing")}
    pages = -(-len(portal.numbers_in("thong-bao")) // 20)
    assert pages >= 4
    assert {f"{base}/thong-bao?page={page}" for page in range(1, pages + 1)} <= listings


def test_the_crawler_asks_no_host_outside_the_profile_and_honours_robots_txt(crawl):
    portal, outside, folder, _base = crawl
    assert outside.requests == []
    assert not [path for path in portal.requests if path.startswith("/quan-tri/")]
    assert json.loads((folder / SOURCE).read_text())["hosts"] == [crawl[3].split("//")[1]]
    embedded = [image for item in articles(folder) for image in item["images"] if "error" in image]
    assert embedded and all("nằm ngoài hồ sơ" in image["error"] for image in embedded)


def test_each_file_is_downloaded_once(crawl):
    portal, _outside, folder, _base = crawl
    photos = [path for path in portal.requests if path.startswith("/images/")]
    assert sorted(photos) == sorted(set(photos))
    assert len(list((folder / "files").rglob("*.jpg"))) == 8


def test_a_second_run_fetches_no_article_again_and_only_retries_failures(crawl, tmp_path):
    _portal, _outside, folder, _base = crawl
    copy = copy_archive(folder, tmp_path / "copy")
    before = len(articles(copy))
    with served_replica() as (portal, base, _outside):
        # The copy was collected from another port: its addresses are this replica's.
        rebased = (copy / ITEMS).read_text().replace(crawl[3], base)
        (copy / ITEMS).write_text(rebased)
        collect(base, copy)
        article_requests = [path for path in portal.requests if "view-article" in path]
    assert article_requests == [portal.canonical(13)] * 2  # the 500, tried again (and retried)
    assert len(articles(copy)) == before


def test_an_interrupted_line_is_skipped_and_the_next_run_appends_cleanly(tmp_path):
    with served_replica(articles=12) as (_portal, base, _outside):
        collect(base, tmp_path, "--limit=4")
        with (tmp_path / ITEMS).open("a") as items:
            items.write('{"kind": "article", "source_url": "cut sh')
        collect(base, tmp_path)
    collected = articles(tmp_path)
    assert len(collected) == 12  # (the failing articles are numbers 13 and 14)
    assert len({item["source_url"] for item in collected}) == len(collected)


def test_the_sitemap_is_used_where_the_old_portal_has_one(tmp_path):
    with served_replica(articles=30, sitemap=True) as (portal, base, _outside):
        profile = load_profile(PROFILE, base_url=base)
        assert profile.sitemap == "/sitemap.xml"
        collect(base, tmp_path)
        assert "/sitemap.xml" in portal.requests
    assert len(articles(tmp_path)) == 30 - 2


def test_a_profile_with_a_mistake_is_refused_with_a_clear_message(tmp_path):
    from django.core.management import CommandError, call_command

    broken = tmp_path / "hong.toml"
    broken.write_text(
        '[site]\nbase_url = "https://x.gov.vn"\n[addresses]\narticle = ["(unclosed"]\n'
    )
    with pytest.raises(CommandError, match="Mẫu địa chỉ bài viết không hợp lệ"):
        call_command("import_site", "collect", "--profile", str(broken), "--out", str(tmp_path))


def test_without_a_section_selector_an_article_takes_its_listings_section(tmp_path):
    with served_replica(articles=60) as (portal, base, _outside):
        profile = load_profile(
            PROFILE, base_url=base, sitemap="", delay_seconds=0, timeout_seconds=0.5, retries=1
        )
        fields = {name: rule for name, rule in profile.fields.items() if name != "section"}
        # One request at a time: the three listings are read before any article they list.
        profile = replace(profile, fields=fields, concurrency=1)
        Collector(profile, tmp_path).run()
    sections = {item["title"]: item["section"] for item in articles(tmp_path)}
    for slug, _name, _menu in SECTIONS:
        expected = {"tin-tuc-su-kien": "tin-tuc"}.get(slug, slug)
        for number in portal.numbers_in(slug)[:20]:  # the listing's first page
            if number not in (13, 14):
                title = unicodedata.normalize("NFC", portal.title(number))
                assert sections[title] == expected, number
