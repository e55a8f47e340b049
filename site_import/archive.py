"""The folder between the two steps: `items.jsonl` (one article, document or person per line),
`addresses.jsonl` (every old address seen and what it leads to), `files.jsonl` and `files/`
(the downloaded images and attachments, one file per content). A vendor's database export can be
written in the same shape and loaded without a crawl."""

import json
from pathlib import Path

ITEMS = "items.jsonl"
ADDRESSES = "addresses.jsonl"
FILES = "files.jsonl"
FILES_DIR = "files"
SOURCE = "source.json"  # the old portal's name, address and hosts


class Archive:
    def __init__(self, folder):
        self.folder = Path(folder)

    def path(self, name):
        return self.folder / name

    def inside(self, relative):
        """A downloaded file named by a record: refused (ValueError) if the name leads out of
        the folder, as a hand-made or vendor's archive might ("../../etc/passwd")."""
        folder = self.folder.resolve()
        path = (folder / relative).resolve()
        if not path.is_relative_to(folder / FILES_DIR):
            raise ValueError(f"tệp “{relative}” nằm ngoài thư mục files/ của dữ liệu thu thập")
        return path

    def read(self, name):
        """The records of one file, in order; a line cut short by an interruption is skipped."""
        path = self.path(name)
        if not path.exists():
            return
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                line = line.strip()
                if not line:
                    continue
                try:
                    yield json.loads(line)
                except json.JSONDecodeError:
                    continue

    def count(self, name):
        path = self.path(name)
        if not path.exists():
            return 0
        with path.open("rb") as lines:
            return sum(1 for line in lines if line.strip())

    def appender(self, name):
        self.folder.mkdir(parents=True, exist_ok=True)
        return _Appender(self.path(name))


class _Appender:
    """Appends records one line each, flushed at once, so an interrupted run keeps what it
    finished."""

    def __init__(self, path):
        cut_short = path.exists() and path.stat().st_size and _last_byte(path) != b"\n"
        self._file = path.open("a", encoding="utf-8")
        if cut_short:  # the line an interruption cut stays unreadable, not glued to the next
            self._file.write("\n")

    def write(self, record):
        self._file.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        self._file.flush()

    def close(self):
        self._file.close()


def _last_byte(path):
    with path.open("rb") as file:
        file.seek(-1, 2)
        return file.read(1)
