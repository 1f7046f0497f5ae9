"""Find the administrative units an article is about.

A place is taken only on a signal: a unit-type word ("huyện Phong Điền"), a party
body named after it ("Huyện ủy Phong Điền", "Đồn Biên phòng Phong Hải"), the
headline prefix ("Kon Tum: …", "Vĩnh Tường (Vĩnh Phúc): …"), a province in
brackets after a name, or a bare province name. Names that match several units
are resolved with the provinces the article names, the source domain and the
other units it names (a commune settles which district of that name is meant);
what stays undecided is reported as ambiguous with its candidates.
"""

from archive.extract.places.domains import province_from_domain
from archive.extract.places.resolve import REFORM_DATE, find_localities, primary_locality
from archive.extract.places.scan import _prefix_matches
from archive.extract.places.shared import (
    BORDER_GATE,
    CAP_RUN,
    CAP_WORD,
    LOWER,
    SURNAMES,
    UPPER,
    article_lines,
    article_sentences,
    trie_pattern,
)

__all__ = [
    "BORDER_GATE",
    "CAP_RUN",
    "CAP_WORD",
    "LOWER",
    "REFORM_DATE",
    "SURNAMES",
    "UPPER",
    "article_lines",
    "article_sentences",
    "find_localities",
    "primary_locality",
    "province_from_domain",
    "trie_pattern",
    "_prefix_matches",
]
