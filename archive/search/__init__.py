"""Full-text search over articles, built for Vietnamese: one room, in parts.

- ``vectors``: the stored search vectors (the only part models.py imports);
- ``query``: reading what a user typed (phrases, exclusions, OR, periods,
  abbreviations);
- ``matching``: the query as SQL (tsqueries), matching, ranking, snippets;
- ``entities``: the officials and places a query names;
- ``listing``: a list of matches as a page shows it, planned so that its cost
  does not grow with the archive, within a time budget;
- ``facets``: the search page's facets, declared once (FACETS) and read by the
  filter, the counts and the stored counts;
- ``filters``: the search page's parameters (ArticleFilter);
- ``stored``: the whole archive's counts, stored after each import.

Postgres has no Vietnamese stemmer, and Vietnamese words are syllables written
with spaces ("dân vận"), so the 'simple' parser does the splitting and we add
folding, exact forms, abbreviations and periods (docs/search.md).

This module imports nothing, so that models.py can import ``vectors``
without loading the parts that import the models.
"""
