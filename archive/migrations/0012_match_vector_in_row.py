"""search_vector in the row (storage MAIN), like search_rank since 0007.

A broad search walks the date index and tests `search_vector @@ query` on
every article it passes (about 1,800 for the newest 1,000 matches of a
common word), then ranks the matches with search_rank. With the ~3 KB match
vector out of line, each test read the TOAST index and two chunks besides
the row. With both vectors in the row (Postgres moves a MAIN column out
only when the row would not fit in a page otherwise; body, raw text and
extraction still go out first), the walk reads one page per article.

Measured at 100k, the same database before and after, alternating (docs/
performance.md): the newest 1,000 matches with their ranks,
"biên giới" 29–33 → 14–16 ms, "dân vận" page 50 28–31 → 19–22 ms. The
price: an article row takes most of a page, +20 % on disk (1.22 → 1.47 GB
at 100k). Keeping only the match vector in the row and moving the rank
vector out (two rows per page) made "dân vận" slower (28–33 → 40–41 ms):
ranking 1,000 matches reads the rank vector three times each.

Only rows written from now on are laid out this way: an existing archive
gets it when the table is rewritten (`VACUUM FULL archive_article`, then
`VACUUM ANALYZE archive_article`, since a full vacuum leaves the visibility
map empty and index-only scans would read the table; docs/performance.md).
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0011_refresh_derived_once_per_batch'),
    ]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE archive_article ALTER COLUMN search_vector SET STORAGE MAIN;",
            "ALTER TABLE archive_article ALTER COLUMN search_vector SET STORAGE EXTENDED;",
        ),
    ]
