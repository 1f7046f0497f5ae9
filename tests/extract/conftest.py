"""Temporary stand-ins for the entity extractors while they are being written.

``archive.extract`` imports places, people and organisations at import time; a
teammate writes them in parallel. Until a module's file exists, a stand-in that
finds nothing (and a naive ``normalise_party``) is registered under its name, so
the pipeline tests of dates, periods, documents and agreements can run. Once the
real file lands, it is used and these stand-ins are never installed.
"""

import re
import sys
import types
from pathlib import Path

EXTRACT_DIR = Path(__file__).resolve().parents[2] / "archive" / "extract"

_HEADS = re.compile(
    r"^(?:Ban|UBND|Ủy ban|HĐND|Hội đồng|UBMTTQ\w*|MTTQ|Công an|Đồn|Bộ|Sở|Phòng|Hội|Đoàn|Liên đoàn|"
    r"Huyện ủy|Tỉnh ủy|Thành ủy|Đảng ủy|Tòa án|Viện)\b"
)


def _naive_normalise_party(span: str, *, localities) -> dict | None:
    span = span.strip()
    return {"name": span, "kind": "other", "as_written": span} if _HEADS.match(span) else None


def _install(name: str, **functions) -> None:
    if (EXTRACT_DIR / f"{name}.py").exists() or (EXTRACT_DIR / name / "__init__.py").exists():
        return  # a module or a package
    module = types.ModuleType(f"archive.extract.{name}")
    module.__dict__.update(functions)
    sys.modules[f"archive.extract.{name}"] = module


_install(
    "places",
    find_localities=lambda title, body, *, source_domain, gazetteer, year=None: [],
    primary_locality=lambda localities: None,
)
_install("people", find_officials=lambda title, body: [])
_install(
    "organisations",
    find_organisations=lambda title, body, *, localities: [],
    normalise_party=_naive_normalise_party,
)
