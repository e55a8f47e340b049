"""The old portal's replica and a collected archive of it, shared by the switch-over tests."""

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.core.management import call_command

from demo.old_portal import OldPortal

PROFILE = "sokhcn-sonla.toml"
REPLICA_ARTICLES = 240
# A host the replica links to and embeds from, outside the profile: the crawler must never ask it.
OUTSIDE_HOST = "127.0.0.2"


@contextmanager
def served_replica(articles=REPLICA_ARTICLES, **options):
    """(portal, its base address, the outside portal) while the block runs."""
    outside = OldPortal(1)
    with outside.serve(OUTSIDE_HOST) as outside_base:
        portal = OldPortal(articles, slow_seconds=2.0, outside=outside_base, **options)
        with portal.serve() as base:
            yield portal, base, outside


def collect(base, folder, *extra):
    """`import_site collect` against the replica, quick and without the politeness delay."""
    call_command(
        "import_site",
        "collect",
        "--profile",
        PROFILE,
        "--out",
        str(folder),
        "--base-url",
        base,
        "--delay=0",
        "--timeout=0.5",
        "--retries=1",
        *extra,
        verbosity=0,
        stdout=_Sink(),
    )


class CollectedArchive:
    """For a TestCase: an archive of the replica, collected once into a folder of the class's
    own (`cls.folder`) before its tests, removed after them; `cls.portal` and `cls.base` say what
    was served where."""

    replica_articles = REPLICA_ARTICLES

    @classmethod
    def setUpClass(cls):
        cls.holder = tempfile.TemporaryDirectory()
        cls.folder = Path(cls.holder.name) / "du-lieu-cu"
        with served_replica(articles=cls.replica_articles) as (portal, base, _outside):
            cls.collect_archive(base, Path(cls.holder.name))
        cls.portal, cls.base = portal, base
        super().setUpClass()

    @classmethod
    def collect_archive(cls, base, beside):
        collect(base, cls.folder)

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.holder.cleanup()


def copy_archive(source, target):
    shutil.copytree(source, target)
    return Path(target)


class _Sink:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass
