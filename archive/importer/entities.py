"""The entities an article's facts point at, found or created while storing:
localities (reference data), officials, organisations, periods, cited
documents and agreements. Small caches keep them between articles; a batch
of new articles looks them up and creates the missing ones in bulk.

An official, organisation or agreement a curator merged is found again
through its survivor (its aliases, or the MergeRecord of an agreement's key).
What the importer writes is not recorded in history (archive.curation.history).
"""

from datetime import date

from archive.curation.history import unrecorded
from archive.models import (
    Agreement,
    Article,
    ArticleAgreement,
    Document as CitedDocument,
    Locality,
    MergeRecord,
    Official,
    Organisation,
    Period,
)
from archive.text import fold, normalize, slugify


class Entities:
    """Finds and creates the entities of articles' facts; one per import run."""

    def __init__(self):
        self._localities: dict[tuple[str, str, str], int] | None = None
        self._officials: dict[str, Official] = {}
        self._organisations: dict[str, Organisation] = {}
        self._periods: dict[tuple[int, int, str], Period] = {}
        self._documents: dict[str, CitedDocument] = {}
        self._agreements: dict[str, tuple[Agreement, set[int]]] = {}  # key -> (agreement, its party ids)
        self._locality_rows: dict[int, Locality] = {}

    def forget(self) -> None:
        """Drop the cached entities: after a rollback some may not exist."""
        self._officials.clear()
        self._organisations.clear()
        self._periods.clear()
        self._documents.clear()
        self._agreements.clear()

    def prefetch(self, extractions: list[dict]) -> None:
        """Fill the official and organisation caches for these extractions with
        a few queries, creating the missing ones in bulk, so that resolving
        each article's entities afterwards costs no query."""
        if not self._locality_rows:  # reference data: all of it, once (~15,000 rows)
            self.localities([])
            self._locality_rows = Locality.objects.select_related("province").in_bulk()
        officials = {
            name for facts in extractions for person in facts.get("officials") or []
            if (name := normalize(person.get("name") or "").strip()) and name not in self._officials
        }
        if officials:
            self._officials.update(_find_by_name(Official, officials))
            new = [name for name in sorted(officials) if name not in self._officials]
            created = _create_officials(new)
            self._officials.update((official.name, official) for official in created)

        # The first mention of an organisation decides its kind and locality,
        # as in organisation(): the article's own list first, then agreement parties.
        wanted: dict[str, tuple[str | None, Locality | None]] = {}
        for facts in extractions:
            primary = primary_locality(self.localities(facts.get("localities") or []))
            mentions = [(org.get("name"), org.get("kind")) for org in facts.get("organisations") or []]
            mentions += [(name, None) for found in facts.get("agreements") or [] for name in found.get("parties") or []]
            for name, kind in mentions:
                name = normalize(name or "").strip()[:300]
                if name and name not in self._organisations:
                    wanted.setdefault(name, (kind, primary))
        if wanted:
            self._organisations.update(_find_by_name(Organisation, set(wanted)))
            new = [_new_organisation(name, *wanted[name]) for name in wanted if name not in self._organisations]
            created = Organisation.objects.bulk_create(new, batch_size=500) if new else []
            self._organisations.update((organisation.name, organisation) for organisation in created)

        # Agreements: the known ones with their parties, the new ones created as
        # the first article naming them would create them (with every party of
        # the batch), so that agreement() costs no query for these articles.
        mentions: dict[str, list[tuple[dict, list[Organisation], Locality | None, dict]]] = {}
        for facts in extractions:
            primary = primary_locality(self.localities(facts.get("localities") or []))
            for found in facts.get("agreements") or []:
                key, parties = self.agreement_key(found, primary)
                if key not in self._agreements:
                    mentions.setdefault(key, []).append((found, parties, primary, facts))
        if not mentions:
            return
        through = Agreement.parties.through
        known = {agreement.key: agreement for agreement in Agreement.objects.filter(key__in=list(mentions))}
        party_ids: dict[int, set[int]] = {agreement.pk: set() for agreement in known.values()}
        for agreement_id, organisation_id in through.objects.filter(agreement__in=known.values()).values_list(
            "agreement_id", "organisation_id"
        ):
            party_ids[agreement_id].add(organisation_id)
        for key, agreement in known.items():
            self._agreements[key] = agreement, party_ids[agreement.pk]
        new = []
        merges = MergeRecord.objects.filter(model="agreement").exists()
        for key, found_in in mentions.items():
            if key in known:
                continue
            if merges and (merged := _merged_agreement(key)):
                self._agreements[key] = merged, set(merged.parties.values_list("pk", flat=True))
                continue
            found, parties, primary, facts = found_in[0]
            agreement = self._new_agreement(key, found, parties, primary, facts)
            for found, _parties, _primary_, _facts in found_in:
                signed_on = parse_date(found.get("signed_on"))
                if signed_on and found.get("kind") in ("sign", "both"):
                    agreement.signed_on = signed_on  # what the first signing article would set
                    break
            new.append(agreement)
        if new:
            Agreement.objects.bulk_create(new, batch_size=500)
            links = []
            for agreement in new:
                ids = {org.pk for _, parties, _, _ in mentions[agreement.key] for org in parties}
                links += [through(agreement_id=agreement.pk, organisation_id=pk) for pk in sorted(ids)]
                self._agreements[agreement.key] = agreement, ids
            through.objects.bulk_create(links, batch_size=2000)

    def localities(self, found: list[dict]) -> list[tuple[Locality, str]]:
        if self._localities is None:
            self._localities = {
                (era, level, code): pk
                for pk, era, level, code in Locality.objects.values_list("pk", "era", "level", "code")
            }
        ids = {}
        for place in found:
            if place.get("ambiguous") or not place.get("code"):
                continue
            pk = self._localities.get((place.get("era") or "pre2025", place.get("level"), place["code"]))
            if pk and pk not in ids:
                ids[pk] = as_text(place.get("evidence"))
        if missing := [pk for pk in ids if pk not in self._locality_rows]:
            self._locality_rows.update(Locality.objects.select_related("province").in_bulk(missing))
        return [(self._locality_rows[pk], evidence) for pk, evidence in ids.items() if pk in self._locality_rows]

    def official(self, name: str | None) -> Official | None:
        name = normalize(name or "").strip()
        if not name:
            return None
        if name not in self._officials:
            official = (
                Official.objects.filter(name=name).first()
                or Official.objects.filter(aliases__contains=[name]).first()
            )
            if official is None:
                official = Official(name=name)
                official.save_without_historical_record()
            self._officials[name] = official
        return self._officials[name]

    def organisation(self, name: str | None, kind: str | None, primary: Locality | None) -> Organisation | None:
        name = normalize(name or "").strip()[:300]
        if not name:
            return None
        if name not in self._organisations:
            organisation = (
                Organisation.objects.filter(name=name).first()
                or Organisation.objects.filter(aliases__contains=[name]).first()
            )
            if organisation is None:
                organisation = _new_organisation(name, kind, primary)
                organisation.save_without_historical_record()
            self._organisations[name] = organisation
        return self._organisations[name]

    def period(self, value: str, facts: dict) -> Period | None:
        bounds = _parse_period(value)
        if bounds is None:
            return None
        kind = Period.Kind.PROGRAMME
        for detail in facts.get("period_details") or []:
            if detail.get("period") == value and detail.get("kind") == "term":
                kind = Period.Kind.TERM
        cache_key = (*bounds, kind)
        if cache_key not in self._periods:
            self._periods[cache_key], _ = Period.objects.get_or_create(start=bounds[0], end=bounds[1], kind=kind)
        return self._periods[cache_key]

    def document(self, found: dict) -> CitedDocument | None:
        number = normalize(found.get("number") or "").strip()[:60]
        if not number:
            return None
        if number not in self._documents:
            document, created = CitedDocument.objects.get_or_create(
                number=number,
                defaults={"kind": (found.get("kind") or "")[:60], "issued_on": parse_date(found.get("date"))},
            )
            if not created and not document.issued_on and found.get("date"):
                document.issued_on = parse_date(found["date"])
                document.save_without_historical_record(update_fields=["issued_on"])
            self._documents[number] = document
        return self._documents[number]

    def agreement_key(self, found: dict, primary: Locality | None) -> tuple[str, list[Organisation]]:
        """How an agreement is recognised again, and its parties."""
        parties = [
            org for name in found.get("parties") or []
            if (org := self.organisation(name, None, primary)) is not None
        ]
        place = f"{primary.era}:{primary.level}:{primary.code}" if primary else "-"
        party_kinds = "+".join(sorted({org.kind for org in parties})) or "?"
        plan = "plan" if found.get("kind") == ArticleAgreement.Kind.PLAN else "programme"
        return f"{place}|{found.get('period') or '?'}|{plan}|{party_kinds}"[:400], parties

    def _new_agreement(self, key: str, found: dict, parties: list[Organisation], primary: Locality | None, facts: dict) -> Agreement:
        period = self.period(found["period"], facts) if found.get("period") else None
        return Agreement(
            key=key, name=_agreement_name(found, parties, primary), period=period,
            locality=primary, level=_agreement_level(primary, parties),
        )

    def agreement(self, found: dict, primary: Locality | None, article: Article, facts: dict) -> Agreement:
        key, parties = self.agreement_key(found, primary)
        if key in self._agreements:
            agreement, party_ids = self._agreements[key]
        else:
            agreement = Agreement.objects.filter(key=key).first() or _merged_agreement(key)
            if agreement is None:
                agreement = self._new_agreement(key, found, parties, primary, facts)
                agreement.save_without_historical_record()
                party_ids = set()
            else:
                party_ids = set(agreement.parties.values_list("pk", flat=True))
            self._agreements[key] = agreement, party_ids
        signed_on = parse_date(found.get("signed_on"))
        if signed_on and not agreement.signed_on and found.get("kind") in ("sign", "both"):
            agreement.signed_on = signed_on
            agreement.save_without_historical_record(update_fields=["signed_on"])
        if new_parties := [org for org in parties if org.pk not in party_ids]:
            with unrecorded(agreement):
                agreement.parties.add(*new_parties)
            party_ids.update(org.pk for org in new_parties)
        return agreement


def _new_organisation(name: str, kind: str | None, primary: Locality | None) -> Organisation:
    """An unsaved Organisation first seen with `kind` in an article about `primary`."""
    locality = primary if primary and fold(name).endswith(primary.ascii_name) else None
    kind = kind if kind in Organisation.Kind.values else Organisation.Kind.OTHER
    return Organisation(name=name, ascii_name=fold(name), kind=kind, locality=locality)


def _find_by_name(model, names: set[str]) -> dict:
    """name -> entity for the names that are an entity's name or alias (two
    queries). Like `.filter(name=…).first()`: the first by name wins, then by alias."""
    found = {}
    for entity in model.objects.filter(name__in=names).order_by("name", "pk"):
        found.setdefault(entity.name, entity)
    if missing := names - set(found):
        # Few entities have aliases (curators' merges): read them all.
        for entity in model.objects.exclude(aliases=[]).order_by("name", "pk"):
            for alias in entity.aliases:
                if alias in missing:
                    found.setdefault(alias, entity)
    return found


def _create_officials(names: list[str]) -> list[Official]:
    """Create officials in bulk, with the slugs Official.save() would give them."""
    if not names:
        return []
    bases = {name: (slugify(name) or "x")[:130] for name in names}
    taken = set(Official.objects.filter(slug__in=set(bases.values())).values_list("slug", flat=True))
    officials = []
    for name in names:
        slug, n = bases[name], 1
        while slug in taken or (n > 1 and Official.objects.filter(slug=slug).exists()):  # rare
            n += 1
            slug = f"{bases[name]}-{n}"
        taken.add(slug)
        officials.append(Official(name=name, ascii_name=fold(name), slug=slug))
    return Official.objects.bulk_create(officials, batch_size=500)


def _merged_agreement(key: str) -> Agreement | None:
    """The agreement a curator merged the one with this key into (archive.curation.merge)."""
    record = MergeRecord.objects.filter(model="agreement", moved__key=key).order_by("-merged_at").first()
    return Agreement.objects.filter(pk=record.survivor_id).first() if record else None


def as_text(value) -> str:
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    return str(value or "")


def primary_locality(localities: list[tuple[Locality, str]]) -> Locality | None:
    """The most specific locality the article names (commune over district over province)."""
    rank = {Locality.Level.COMMUNE: 0, Locality.Level.DISTRICT: 1, Locality.Level.PROVINCE: 2}
    ordered = sorted((loc for loc, _ in localities), key=lambda loc: rank[loc.level])
    # A commune named only inside a post's name ("Đồn Biên phòng Phong Hải") is
    # less telling than its district: prefer the district when both are named.
    districts = [loc for loc in ordered if loc.level == Locality.Level.DISTRICT]
    return districts[0] if districts else (ordered[0] if ordered else None)


def _agreement_level(primary: Locality | None, parties: list[Organisation]) -> str:
    if any("trung ương" in party.name.lower() for party in parties):
        return Agreement.Level.CENTRAL
    if primary is None:
        return Agreement.Level.UNKNOWN
    return {"province": Agreement.Level.PROVINCE, "district": Agreement.Level.DISTRICT,
            "commune": Agreement.Level.COMMUNE}[primary.level]


def _agreement_name(found: dict, parties: list[Organisation], primary: Locality | None) -> str:
    period = found.get("period") or ""
    start, _, end = period.partition("-")
    if found.get("kind") == ArticleAgreement.Kind.PLAN:
        name = f"Kế hoạch phối hợp năm {start}" if start else "Kế hoạch phối hợp"
    else:
        name = f"Chương trình phối hợp giai đoạn {start}–{end}" if period else "Chương trình phối hợp"
    if parties:
        name += " giữa " + " và ".join(party.name for party in parties[:4])
    elif primary:
        name += f" ({primary})"
    return name[:400]


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _parse_period(value: str) -> tuple[int, int] | None:
    try:
        start, end = (int(part) for part in value.split("-"))
    except (ValueError, AttributeError):
        return None
    return (start, end) if start <= end else None
