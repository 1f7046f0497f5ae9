"""Read article input: files, directories and globs, as a stream of documents.

Plain Python, no Django: ``manage.py extract`` and the importer both use it.

Three kinds of input, chosen by file name:
- ``.txt``: one article, its text as it is.
- ``.html`` / ``.htm``: one page; trafilatura finds the main text and metadata.
- ``.jsonl``: a feed, one JSON object per line with ``url`` and ``html`` or
  ``text`` (and an optional ``fetched_at``). Each line is a document of its own,
  named ``feed.jsonl:17``; a broken line fails alone.

Bytes are decoded, and text once mis-decoded is repaired, by ``decoding``. Every
conversion or repair is named in ``Document.warnings``; ``Document.raw`` keeps the
input as decoded, before any repair.

Bad input never raises: it comes out as a ``Failure`` naming the problem, and the
rest of the input still flows. Only a path that matches nothing raises
(``FileNotFoundError``), before anything is read.
"""

import codecs
import errno
import glob
import json
import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from archive.extract.decoding import Unreadable, choose_repair, decode_bytes, vietnamese_score

# The reader's names, and the decoding ones it applies (importable from here as before).
__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUFFIXES",
    "Document",
    "Failure",
    "choose_repair",
    "decode_bytes",
    "expand_paths",
    "iter_documents",
    "reread",
    "vietnamese_score",
]

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
DEFAULT_MAX_BYTES = 5_000_000


@dataclass
class Document:
    source: str  # "path/to/file.txt", or "feed.jsonl:17" for line 17 of a feed
    text: str  # article text to extract from (HTML: title, blank line, main text)
    raw: str  # the input decoded to str, otherwise verbatim; store it untouched
    url: str | None = None
    fetched_at: str | None = None  # ISO date-time, from a feed
    title: str | None = None  # from HTML metadata
    published: str | None = None  # "YYYY-MM-DD", from HTML metadata
    author: str | None = None  # from HTML metadata
    warnings: list[str] = field(default_factory=list)


@dataclass
class Failure:
    source: str
    reason: str


# --- Paths -------------------------------------------------------------------


def expand_paths(paths: list[str]) -> list[str]:
    """Turn files, directories and globs into the list of input files.

    Directories are walked recursively, globs support ``**``; from both only
    .txt, .html, .htm and .jsonl files are taken (hidden files and directories
    are skipped), sorted by path. A file named explicitly is kept whatever its
    suffix, so ``iter_documents`` can say why it cannot read it. Each file is
    listed once, at its first mention. A path, or glob, that yields nothing
    raises ``FileNotFoundError`` naming it; an existing empty directory does not.
    """
    found: list[str] = []
    seen: set[str] = set()
    for path in map(os.fspath, paths):
        if glob.has_magic(path):
            files = []
            for match in sorted(glob.glob(path, recursive=True)):
                if os.path.isdir(match):
                    files.extend(_walk(match))
                elif match.lower().endswith(SUFFIXES):
                    files.append(match)
            if not files:
                raise FileNotFoundError(errno.ENOENT, "no input files match", path)
        elif os.path.isdir(path):
            files = _walk(path)
        elif os.path.exists(path):
            files = [path]
        else:
            raise FileNotFoundError(errno.ENOENT, "no such file or directory", path)
        for file in files:
            key = os.path.normpath(file)
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found


def _walk(directory: str) -> list[str]:
    files = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(
            os.path.join(root, name)
            for name in names
            if not name.startswith(".") and name.lower().endswith(SUFFIXES)
        )
    return sorted(files, key=lambda p: p.split(os.sep))


# --- Documents ---------------------------------------------------------------


def iter_documents(
    paths: list[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Failure]:
    """Yield a Document or a Failure for every article in ``paths``.

    The paths are expanded at once, so a path that matches nothing raises
    ``FileNotFoundError`` here, before any file is read. A .txt or .html file
    over ``max_bytes`` fails unread; a feed is read line by line and the limit
    applies to each line.
    """
    files = expand_paths(paths)
    return _iter_files(files, max_bytes)


def reread(source: str, raw: str, url: str | None = None) -> Document | Failure:
    """A stored article's raw text as a document again, for re-extraction:
    an HTML page as fetched, else text."""
    try:
        if raw.lstrip()[:1] == "<":
            return _html_document(source, raw, [], url=url)
        return _text_document(source, raw, [], url=url)
    except Unreadable as error:
        return Failure(source, str(error))


def _iter_files(files: list[str], max_bytes: int) -> Iterator[Document | Failure]:
    for path in files:
        suffix = os.path.splitext(path)[1].lower()
        try:
            if suffix == ".jsonl":
                yield from _read_feed(path, max_bytes)
            elif suffix == ".txt":
                yield _read_text_file(path, max_bytes)
            elif suffix in (".html", ".htm"):
                yield _read_html_file(path, max_bytes)
            else:
                yield Failure(
                    path, f"unsupported file type {suffix or '(no suffix)'!r}: expected "
                    ".txt, .html, .htm or .jsonl"
                )
        except Unreadable as error:
            yield Failure(path, str(error))
        except OSError as error:
            yield Failure(path, f"cannot read file: {error.strerror or error}")


def _read_limited(path: str, max_bytes: int) -> bytes:
    size = os.path.getsize(path)
    if size > max_bytes:
        raise Unreadable(f"larger than {_format_size(max_bytes)} ({size:,} bytes)")
    with open(path, "rb") as file:
        data = file.read(max_bytes + 1)  # the file may have grown since stat()
    if len(data) > max_bytes:
        raise Unreadable(f"larger than {_format_size(max_bytes)}")
    if not data:
        raise Unreadable("empty file")
    return data


def _format_size(n: int) -> str:
    if n >= 1_000_000 and n % 100_000 == 0:
        return f"{n / 1_000_000:g} MB"
    if n >= 1_000 and n % 100 == 0:
        return f"{n / 1_000:g} kB"
    return f"{n:,} bytes"


def _read_text_file(path: str, max_bytes: int) -> Document:
    raw, warnings = decode_bytes(_read_limited(path, max_bytes))
    return _text_document(path, raw, warnings)


def _read_html_file(path: str, max_bytes: int) -> Document:
    raw, warnings = decode_bytes(_read_limited(path, max_bytes), markup=True)
    return _html_document(path, raw, warnings, url=None)


def _text_document(source: str, raw: str, warnings: list[str], **fields) -> Document:
    fix, note = choose_repair(raw)
    if fix:
        warnings = [*warnings, note]
    text = _nfc(fix(raw) if fix else raw)
    if not text.strip():
        raise Unreadable("empty file (only whitespace)")
    return Document(source=source, text=text, raw=raw, warnings=warnings, **fields)


def _html_document(
    source: str, raw: str, warnings: list[str], *, url: str | None, **fields
) -> Document:
    # Imported here: trafilatura takes a second to import, and .txt input and
    # the tests of decoding do not need it.
    import trafilatura

    # Repaired before extraction: trafilatura turns the no-break spaces and
    # drops the control characters that a repair of mojibake needs.
    fix, note = choose_repair(raw, markup=True)
    if fix:
        warnings = [*warnings, note]
    page = trafilatura.bare_extraction(
        fix(raw) if fix else raw, url=url, with_metadata=True, include_comments=False
    )
    main = (page.text or "") if page else ""
    if not main.strip():
        raise Unreadable("no article text found in the HTML")
    title = (page.title or "").strip() or None
    author = (page.author or "").strip() or None

    # trafilatura often keeps the page's <h1> as the first line of the text.
    first, _, rest = main.partition("\n")
    if title and first.strip() == title:
        main = rest.lstrip("\n")
    text = f"{title}\n\n{main}" if title else main

    return Document(
        source=source,
        text=_nfc(text),
        raw=raw,
        url=url or page.url,
        title=_nfc(title) if title else None,
        published=page.date,
        author=_nfc(author) if author else None,
        warnings=warnings,
        **fields,
    )


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- JSON Lines feeds ----------------------------------------------------------


def _read_feed(path: str, max_bytes: int) -> Iterator[Document | Failure]:
    if os.path.getsize(path) == 0:
        raise Unreadable("empty file")
    records = 0
    with open(path, "rb") as file:
        number = 0
        while line := file.readline(max_bytes + 1):
            number += 1
            source = f"{path}:{number}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                _skip_rest_of_line(file)
                records += 1
                yield Failure(
                    source,
                    f"JSON Lines line {number}: larger than {_format_size(max_bytes)}",
                )
                continue
            if number == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            if not line.strip():
                continue
            records += 1
            try:
                yield _feed_record(source, number, line)
            except Unreadable as error:
                yield Failure(source, f"JSON Lines line {number}: {error}")
    if not records:
        raise Unreadable("empty file (no JSON Lines records)")


def _skip_rest_of_line(file) -> None:
    while chunk := file.readline(1 << 20):
        if chunk.endswith(b"\n"):
            return


def _feed_record(source: str, number: int, line: bytes) -> Document:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise Unreadable(f"not UTF-8 (byte {error.start + 1} of the line)") from None
    except json.JSONDecodeError as error:
        raise Unreadable(f"invalid JSON: {error.msg} (column {error.colno})") from None
    if not isinstance(record, dict):
        raise Unreadable(f"expected a JSON object, got {type(record).__name__}")
    for key in ("url", "html", "text", "fetched_at"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise Unreadable(f"`{key}` must be a string")

    html, text = record.get("html"), record.get("text")
    if not (html and html.strip()) and not (text and text.strip()):
        raise Unreadable("needs `text` or `html`")

    warnings = []
    url = (record.get("url") or "").strip() or None
    if url is None:
        warnings.append("no `url` in the feed record")
    fetched_at = record.get("fetched_at")
    if fetched_at is not None and not _is_iso_datetime(fetched_at):
        warnings.append(f"`fetched_at` is not an ISO date-time, ignored: {fetched_at!r}")
        fetched_at = None

    # With both, the page wins: it has the metadata, and `text` can be rebuilt.
    if html and html.strip():
        return _html_document(source, html, warnings, url=url, fetched_at=fetched_at)
    return _text_document(source, text, warnings, url=url, fetched_at=fetched_at)


def _is_iso_datetime(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
