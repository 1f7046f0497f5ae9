"""Convert the realistic development set into the project's evaluation format.

    .venv/bin/python scripts/convert_realistic.py [SOURCE] [--out fixtures/realistic]

SOURCE (default ``../shared/realistic``) holds ``rNNN.txt`` articles and
``gold.jsonl``, one hand-made annotation per article in the set's own schema
(its README). The output directory gets, per article, the text copied byte for
byte and a ``.json`` in the schema of docs/extraction.md, which
``manage.py evaluate_extraction`` scores. A rerun over the same input writes
the same bytes.

How the set's gold becomes the contract's (fixtures/realistic/README.md says why):
- ``published_on`` is the page's publication stamp (``published``), else the
  event's date (``event_date``), else null: the contract's "publication date,
  else the reported event's date". ``date_precision`` is ``stated`` for a
  stamp or an event date written with its year, ``year_inferred`` for an event
  date whose year is written elsewhere, ``unknown`` without a date.
- ``localities`` are looked up in fixtures/localities.json by name, level and
  province, in the article's era (its date; undated, the era its units or the
  annotator's note give). A name the gazetteer does not hold in that province is
  kept as an unresolved (ambiguous) locality, compared by name.
- ``officials`` keep their names and titles as written, but not a military or
  religious rank ("Đại tá", "Hòa thượng") beside a title: the contract does not
  count ranks as titles. ``agreements`` keep kind (``sign``/``review``, never ``both``),
  multi-year period or null, signing date, role and parties as written.
- ``periods`` are the multi-year spans only, as annotated.
- ``author`` is the byline's names, capitalised as a person writes them, without
  an affiliation after a dash; ``source_domain`` is the address's site when the
  text names it, else null.
- The set annotates no organisations and no documents: those keys are left out,
  so the scorer does not compare them.
"""

import argparse
import json
import re
import shutil
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from archive.extract.gazetteer import fold_key, load_gazetteer  # noqa: E402
from archive.text import normalize  # noqa: E402

REFORM_DATE = date(2025, 7, 1)
RANKS = frozenset(
    normalize(rank)
    for rank in (
        "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
        "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy", "Hòa thượng", "Thượng tọa", "Đại đức",
    )
)

# Undated articles whose units exist in both eras: the era the annotator's note
# gives for the event (the year is implied by the text but never written).
ERA_FROM_NOTES = {
    "r102": "post2025",  # the merged Ban Tuyên giáo và Dân vận, a programme for 2026
    "r214": "post2025",  # 13 August of the 80th year of the People's Public Security (2025)
    "r303": "post2025",  # a 2026-2030 programme of the merged Ban Tuyên giáo và Dân vận
    "r312": "post2025",  # the 2025-2030 term of phường Chánh Hưng, a post-2025 ward
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", default="../shared/realistic", help="the realistic set's directory")
    parser.add_argument("--out", default="fixtures/realistic", help="where to write the .txt/.json pairs")
    args = parser.parse_args(argv)

    source, out = Path(args.source), Path(args.out)
    gold_path = source / "gold.jsonl"
    if not gold_path.exists():
        parser.error(f"no gold.jsonl in {source}")
    out.mkdir(parents=True, exist_ok=True)
    gazetteer = load_gazetteer()
    unresolved = 0
    count = 0
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        text_path = source / gold["file"]
        target = out / gold["file"]
        shutil.copyfile(text_path, target)
        facts = convert(gold, text_path.read_text(encoding="utf-8"), gazetteer, str(target))
        unresolved += sum(1 for loc in facts["localities"] if loc["ambiguous"])
        target.with_suffix(".json").write_text(
            json.dumps(facts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        count += 1
    print(f"{count} articles written to {out} ({unresolved} localities not in the gazetteer)")
    return 0


def convert(gold: dict, text: str, gazetteer, source: str) -> dict:
    stem = Path(gold["file"]).stem
    published_on = gold["published"] or gold["event_date"]
    era = _era(stem, gold, gazetteer)
    notes = [f"date: {gold['date_note']}", gold["notes"]]
    if gold.get("implied_localities"):
        notes.append("implied, not expected: " + "; ".join(loc["name"] for loc in gold["implied_localities"]))
    return {
        "source": source,
        "title": normalize(gold["title"]),
        "published_on": published_on,
        "date_precision": _precision(gold, text),
        "event_on": gold["event_date"],
        "author": _author(gold["author"]),
        "source_domain": _source_domain(gold["source_url"], text),
        "localities": [_locality(loc, era, gazetteer) for loc in gold["localities"]],
        "officials": [_official(o) for o in gold["officials"]],
        "agreements": [
            {
                "name": normalize(a["name"]),
                "parties": [normalize(p) for p in a["parties"]],
                "period": _period(a["period"]),
                "signed_on": a["signed_on"],
                "kind": a["kind"],
                "role": a["role"],
            }
            for a in gold["agreements"]
        ],
        "periods": sorted({_period(p) for p in gold["periods"]}),
        "_source_url": gold["source_url"],
        "_theme": gold["theme"],
        "_notes": notes,
    }


def _era(stem: str, gold: dict, gazetteer) -> str:
    dates = [d for d in (gold["event_date"], gold["published"]) if d]
    if dates:
        return "post2025" if date.fromisoformat(dates[0]) >= REFORM_DATE else "pre2025"
    if stem in ERA_FROM_NOTES:
        return ERA_FROM_NOTES[stem]
    # A unit that exists only after the reform dates the article after it.
    for loc in gold["localities"]:
        if _units(loc, "post2025", gazetteer) and not _units(loc, "pre2025", gazetteer):
            return "post2025"
    return "pre2025"


def _units(loc: dict, era: str, gazetteer) -> list:
    if loc["level"] == "province":
        return gazetteer.lookup(normalize(loc["province"]), era=era, levels={"province"})
    wanted = fold_key(normalize(loc["province"]))
    units = []
    for unit in gazetteer.lookup(normalize(loc["name"]), era=era, levels={loc["level"]}):
        province = gazetteer.province(unit.province, era)
        names = {province.name, *(alias for alias, _ in province.aliases)} if province else set()
        if wanted in {fold_key(name) for name in names}:
            units.append(unit)
    return units


def _locality(loc: dict, era: str, gazetteer) -> dict:
    units = _units(loc, era, gazetteer)
    if len(units) == 1:
        unit = units[0]
        province = gazetteer.province(unit.province, unit.era)
        return {
            "name": unit.name,
            "level": unit.level,
            "unit_type": unit.unit_type,
            "province": province.name if province else None,
            "code": unit.code,
            "province_code": unit.province,
            "era": unit.era,
            "ambiguous": False,
            "candidates": [],
            "as_annotated": normalize(loc["name"]),
        }
    # Not in the gazetteer for that province and era (a commune merged before
    # 2021, a spelling the gazetteer lacks) or several units: compared by name.
    return {
        "name": normalize(loc["name"]),
        "level": loc["level"],
        "province": normalize(loc["province"]),
        "code": None,
        "era": era,
        "ambiguous": True,
        "candidates": [{"code": u.code, "province": u.province} for u in units],
    }


def _official(official: dict) -> dict:
    titles = [normalize(title) for title in official["titles"]]
    return {
        "name": normalize(official["name"]),
        "titles": [title for title in titles if title not in RANKS] or titles,
        "ranks": [title for title in titles if title in RANKS],
    }


def _precision(gold: dict, text: str) -> str:
    if gold["published"]:
        return "stated"
    event = gold["event_date"]
    if not event:
        return "unknown"
    year, month, day = (int(part) for part in event.split("-"))
    written = rf"(?<!\d)0?{day}\s*[/.-]\s*0?{month}\s*[/.-]\s*{year}|(?<!\d)0?{day} tháng 0?{month} năm {year}"
    return "stated" if re.search(written, normalize(text)) else "year_inferred"


def _period(period: str | None) -> str | None:
    if period is None:
        return None
    start, end = re.findall(r"\d{4}", period)
    return f"{start}-{end}"


def _author(author: str | None) -> str | None:
    """'Vũ Hải Đăng – VPHND tỉnh' → 'Vũ Hải Đăng'; 'ÁI MY' → 'Ái My'."""
    if not author:
        return None
    author = normalize(author).strip()
    parts = [part.strip() for part in re.split(r"\s[-–]\s", author)]
    names = [part for part in parts if all(word[:1].isupper() for word in part.split())]
    if len(names) > 1 and not all(len(part.split()) >= 2 for part in names):
        names = names[:1]  # "Name - ABBREVIATION": an affiliation, not a second author
    author = " - ".join(names) or author
    if author.isupper() and len(author.replace(".", "").replace(" ", "")) > 3:
        author = " ".join(word.capitalize() for word in author.split())
    return author


def _source_domain(url: str, text: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.").removeprefix("m.")
    return host if host and host in text.lower() else None


if __name__ == "__main__":
    sys.exit(main())
