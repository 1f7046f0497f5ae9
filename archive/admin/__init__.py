"""The curators' admin: correct what extraction got wrong, and keep it so.

The rules a correction follows (locked fields, curator rows, hiding, merging,
the review queue) are archive.curation's; these modules are the admin's
screens over them: `articles` (the list, an article with its facts,
deleting and restoring it), `review_screen` (one article's text with its
facts marked, `highlight`, and the review queue), `facts` (the pieces the
fact tables share), `entities` (localities, officials, organisations,
agreements…) with `entity_lists` (counts beside each name, likely
duplicates, the merge preview). The admin is for staff only
(docs/curation.md).
"""

from django.contrib import admin

from archive.admin import articles, entities  # noqa: F401 - they register the models

admin.site.site_header = "Lưu trữ dân vận – Quản trị"
admin.site.site_title = "Quản trị lưu trữ dân vận"
admin.site.index_title = "Hiệu đính dữ liệu"
