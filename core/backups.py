"""Backups of the whole site: the database (pg_dump, or a copy of the SQLite file) and the
uploaded files (images under MEDIA_ROOT, documents under DOCUMENTS_ROOT), with a manifest of what
they hold, so that a restore can prove it brought back exactly that.

A backup is a folder:
    database.dump      PostgreSQL custom format (pg_restore), or database.sqlite3
    files.tar.gz       media/… and documents/…
    manifest.json      row counts of every table, a checksum of every revision's content and of
                       every file, taken from the same database snapshot the dump was made from
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, transaction
from wagtail.models import Revision

DATABASE_DUMP = "database.dump"
DATABASE_COPY = "database.sqlite3"
FILES_ARCHIVE = "files.tar.gz"
MANIFEST = "manifest.json"
# Folder name inside the archive → the setting that says where it lives.
FILE_ROOTS = {"media": "MEDIA_ROOT", "documents": "DOCUMENTS_ROOT"}


class BackupError(Exception):
    pass


def is_postgres(alias="default"):
    return connections[alias].vendor == "postgresql"


def table_counts(alias="default"):
    """Rows in every table the project's models own, by model label."""
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            counts[model._meta.label] = model._default_manager.using(alias).count()
    return dict(sorted(counts.items()))


def revisions_checksum(alias="default"):
    digest = hashlib.sha256()
    rows = Revision.objects.using(alias).order_by("pk").values_list("pk", "content")
    for pk, content in rows.iterator(chunk_size=500):
        digest.update(f"{pk}:".encode())
        digest.update(json.dumps(content, sort_keys=True, cls=DjangoJSONEncoder).encode())
    return digest.hexdigest()


def file_digest(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stored:
        for block in iter(lambda: stored.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def files_under(roots):
    """(name in the archive, path on disk) of every file under the roots, in a stable order."""
    for folder, root in roots.items():
        root = Path(root)
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.is_symlink():
                yield f"{folder}/{path.relative_to(root).as_posix()}", path


def folder_manifest(roots):
    return {name: file_digest(path) for name, path in files_under(roots)}


def database_manifest(alias="default"):
    return {"tables": table_counts(alias), "revisions_sha256": revisions_checksum(alias)}


def _pg_environment(db):
    environment = dict(os.environ)
    if db.get("PASSWORD"):
        environment["PGPASSWORD"] = db["PASSWORD"]
    return environment


def _pg_arguments(db):
    arguments = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        arguments += ["--host", db["HOST"]]
    if db.get("PORT"):
        arguments += ["--port", str(db["PORT"])]
    if db.get("USER"):
        arguments += ["--username", db["USER"]]
    return arguments


def _run(command, environment=None):
    result = subprocess.run(command, env=environment, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]}: {result.stderr.strip() or result.returncode}")


def dump_database(into, alias="default"):
    """Dump the database and count what the dump holds. On PostgreSQL the counts are taken in
    one repeatable-read transaction whose snapshot pg_dump shares (--snapshot): the manifest
    describes exactly the dump, even while editors keep working."""
    connection = connections[alias]
    if not is_postgres(alias):
        destination = sqlite3.connect(into / DATABASE_COPY)
        connection.ensure_connection()
        with destination:
            connection.connection.backup(destination)
        destination.close()
        return database_manifest(alias)
    with transaction.atomic(using=alias):
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        manifest = database_manifest(alias)
        db = connection.settings_dict
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
             f"--snapshot={snapshot}", f"--file={into / DATABASE_DUMP}", *_pg_arguments(db)],
            _pg_environment(db),
        )  # fmt: skip
    return manifest


def archive_files(into, roots, progress=None):
    """Pack the uploaded files; their checksums are taken from the bytes packed."""
    digests = {}
    with tarfile.open(into / FILES_ARCHIVE, "w:gz", compresslevel=6) as archive:
        for number, (name, path) in enumerate(files_under(roots), start=1):
            data = path.read_bytes()
            digests[name] = hashlib.sha256(data).hexdigest()
            member = tarfile.TarInfo(name)
            member.size, member.mtime, member.mode = len(data), int(path.stat().st_mtime), 0o644
            archive.addfile(member, io.BytesIO(data))
            if progress:
                progress(number)
    return digests


def write_manifest(into, manifest):
    (into / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True))


def read_manifest(folder):
    try:
        return json.loads((Path(folder) / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(
            f"{folder} is not a backup: {MANIFEST} cannot be read ({error})"
        ) from error


def restore_database(folder, alias="default"):
    connection = connections[alias]
    folder = Path(folder)
    if is_postgres(alias):
        if not (folder / DATABASE_DUMP).exists():
            raise BackupError(f"{folder} holds no PostgreSQL dump ({DATABASE_DUMP})")
        db = connection.settings_dict
        connection.close()
        _run(
            ["pg_restore", "--no-owner", "--no-privileges", "--clean", "--if-exists",
             "--exit-on-error", *_pg_arguments(db), str(folder / DATABASE_DUMP)],
            _pg_environment(db),
        )  # fmt: skip
        return
    if not (folder / DATABASE_COPY).exists():
        raise BackupError(f"{folder} holds no SQLite copy ({DATABASE_COPY})")
    connection.close()
    shutil.copyfile(folder / DATABASE_COPY, connection.settings_dict["NAME"])


def restore_files(folder, roots, progress=None):
    """Unpack into the roots; Python's "data" filter refuses links and any path that would
    leave them."""
    with tarfile.open(Path(folder) / FILES_ARCHIVE, "r:gz") as archive:
        for number, member in enumerate(archive, start=1):
            folder_name, _, relative = member.name.partition("/")
            if folder_name not in roots or not relative:
                raise BackupError(f"unexpected entry in {FILES_ARCHIVE}: {member.name!r}")
            member.name = relative
            archive.extract(member, roots[folder_name], filter="data")
            if progress:
                progress(number)


def differences(expected, found):
    """What a restore got wrong, in words; empty when it matches the manifest."""
    problems = []
    for label, count in expected["tables"].items():
        if found["tables"].get(label) != count:
            problems.append(f"{label}: {found['tables'].get(label)} rows, expected {count}")
    if found["revisions_sha256"] != expected["revisions_sha256"]:
        problems.append("revision contents differ")
    for name, digest in expected["files"].items():
        if found["files"].get(name) != digest:
            problems.append(
                f"file {name}: {'missing' if name not in found['files'] else 'differs'}"
            )
    return problems


def default_roots():
    return {folder: Path(getattr(settings, setting)) for folder, setting in FILE_ROOTS.items()}
