-- archive_canonical(text): the archive's canonical spelling of a text, as
-- archive.text.normalize gives it in Python: lower case, NFC, a look-alike
-- Ð or Ɖ read as Đ, and the tone mark of an open "oa", "oe" or
-- "uy" syllable on the first vowel (hoà → hòa, uỷ → ủy; not "hoàn", not
-- "quý"). IMMUTABLE (built only from immutable built-ins), so the stored
-- search vectors may call it (archive/search/vectors.py).
CREATE OR REPLACE FUNCTION archive_canonical(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(translate(lower(normalize($1, NFC)), 'ðɖ', 'đđ'), '(?<!q)oà(?![a-z])', 'òa', 'g'), '(?<!q)oá(?![a-z])', 'óa', 'g'), '(?<!q)oả(?![a-z])', 'ỏa', 'g'), '(?<!q)oã(?![a-z])', 'õa', 'g'), '(?<!q)oạ(?![a-z])', 'ọa', 'g'), '(?<!q)oè(?![a-z])', 'òe', 'g'), '(?<!q)oé(?![a-z])', 'óe', 'g'), '(?<!q)oẻ(?![a-z])', 'ỏe', 'g'), '(?<!q)oẽ(?![a-z])', 'õe', 'g'), '(?<!q)oẹ(?![a-z])', 'ọe', 'g'), '(?<!q)uỳ(?![a-z])', 'ùy', 'g'), '(?<!q)uý(?![a-z])', 'úy', 'g'), '(?<!q)uỷ(?![a-z])', 'ủy', 'g'), '(?<!q)uỹ(?![a-z])', 'ũy', 'g'), '(?<!q)uỵ(?![a-z])', 'ụy', 'g') $$;
