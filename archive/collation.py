"""Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q
r s t u ư v x y, tone marks compared only where the letters are equal
(none, huyền, hỏi, ngã, sắc, nặng, as dictionaries and ICU's "vi" order
them), then lower case before upper case.

`sort_key(name)` is a string whose plain code-point order is that order. The
database computes the same string with `archive_sort_key(text)`
(archive/sql/collation.sql) into the `sort_name` column of officials,
organisations, localities and agreements, ordered under the "C" collation,
so a paginated list is sorted by the database through an index.

Why not a collation of the server or a library (docs/curation.md has the
figures): the embedded PostgreSQL 18 is built without ICU, so `vi-x-icu`
exists on the machine's PostgreSQL 15 only; pyuca (the Unicode default
order) puts "Âm" before "Ăn" and "Lưa" before "Lub"; PyICU orders
correctly but compiles against the system's ICU on install and its sort
keys change with ICU versions, so they could not be stored. This table
gives ICU's "vi" order for Vietnamese letters (tests/test_collation.py
checks it against ICU's order of the examples and the gazetteer).

Plain Python, no Django.
"""

import unicodedata

# The letters in order; f, j, w, z (foreign names) where the Latin alphabet has them.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Tone marks in the order ICU's "vi" tailoring compares them (after none).
TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # huyền, hỏi, ngã, sắc, nặng
VOWELS = "aăâeêioôơuưy"
# A letter's primary weight is one private-use character: above every ASCII
# space, punctuation mark and digit, which keep their own code points.
FIRST_WEIGHT = 0xE000
SEPARATOR = "\x01"  # below everything: a name sorts before its continuations


def _letters() -> dict[str, tuple[str, str, str]]:
    """Every precomposed letter -> (primary, tone, case) weights."""
    table = {}
    for position, letter in enumerate(ALPHABET):
        primary = chr(FIRST_WEIGHT + position)
        forms = [("0", letter)]
        if letter in VOWELS:
            forms += [(str(n), unicodedata.normalize("NFC", letter + mark)) for n, mark in enumerate(TONES, 1)]
        for tone, form in forms:
            table[form] = (primary, tone, "0")
            table[form.upper()] = (primary, tone, "1")
    return table


LETTERS = _letters()


def sort_key(text: str) -> str:
    """The string whose code-point order is Vietnamese alphabetical order."""
    text = unicodedata.normalize("NFC", text)
    primary, tones, cases = [], [], []
    for char in text:
        weights = LETTERS.get(char)
        if weights is None:
            weights = (char, char, char)
        primary.append(weights[0])
        tones.append(weights[1])
        cases.append(weights[2])
    return SEPARATOR.join(("".join(primary), "".join(tones), "".join(cases)))


def sql_function() -> str:
    """The body of archive/sql/collation.sql, from the table above
    (tests/test_collation.py checks that the file is this)."""
    forms = "".join(LETTERS)

    def column(n):
        return "".join(weights[n] for weights in LETTERS.values()).replace("'", "''")

    return (
        "-- archive_sort_key(text): archive.collation.sort_key in SQL, generated from\n"
        "-- its table by archive.collation.sql_function(). Vietnamese alphabetical\n"
        "-- order is the plain code-point (\"C\") order of the result: letters, then\n"
        "-- tones, then case. IMMUTABLE, for the generated `sort_name` columns.\n"
        "CREATE OR REPLACE FUNCTION archive_sort_key(text) RETURNS text\n"
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE\n"
        "AS $$ SELECT translate(normalize($1, NFC), '" + forms + "', '" + column(0) + "')\n"
        "    || E'\\x01' || translate(normalize($1, NFC), '" + forms + "', '" + column(1) + "')\n"
        "    || E'\\x01' || translate(normalize($1, NFC), '" + forms + "', '" + column(2) + "') $$;\n"
    )
