"""The benchmark's query set through the read-replica router: the same pages
from a replica as from the primary alone (a sanity check, not a timing).

    DATABASE_URL=… DATABASE_REPLICA_URLS=… python manage.py replica_reads

Each request of the query set (lab.bench.scale.query_set), its API
equivalent and the other large pages (browse_pages) is made twice through
Django's test client: once as a curator pinned to the primary would (the
read-your-writes cookie), once as a reader routed to a replica. Prints the
queries each database answered and whether the two bodies are identical;
exits non-zero if any differ or the routed request did not read a replica.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan import replicas
from lab.bench import scale


class Command(BaseCommand):
    help = "Request the benchmark's query set from the primary alone and through a replica; compare the answers."

    def handle(self, *args, **options):
        aliases = settings.DATABASE_REPLICAS
        if not aliases:
            raise CommandError("no replica: set DATABASE_REPLICA_URLS (docs/deploy.md)")
        for alias in aliases:
            if not replicas.health.check(alias):
                raise CommandError(f"replica {alias} is not usable (see the log line above)")
        requests = [(f"page: {q.name}", reverse("archive:search"), q.params) for q in scale.query_set()]
        requests += [(f"api: {q.name}", reverse("api:articles"), q.params) for q in scale.query_set()]
        requests += [(page.name, page.url, {}) for page in scale.browse_pages()]
        databases = ["default", *aliases]
        self.stdout.write(f"{'request':<34} {'status':>7} {'primary alone':>14} {'routed':>24}  same")
        differ = 0
        for name, url, params in requests:
            pinned, alone = self.get(Client(HTTP_HOST="localhost"), url, params, databases, pinned=True)
            for alias in aliases:  # checked now, so that no check runs (and is counted) inside the request
                replicas.health.check(alias)
            routed, through = self.get(Client(HTTP_HOST="localhost"), url, params, databases, pinned=False)
            same = (pinned.status_code, pinned.content) == (routed.status_code, routed.content)
            on_replica = sum(through[alias] for alias in aliases)
            differ += not same or on_replica == 0 or sum(alone[alias] for alias in aliases) > 0
            counts = ", ".join(f"{alias} {through[alias]}" for alias in databases)
            self.stdout.write(
                f"{name[:34]:<34} {routed.status_code:>7} {alone['default']:>8} queries  {counts:>24}  "
                f"{'yes' if same else 'NO'}"
            )
        if differ:
            raise CommandError(f"{differ} of {len(requests)} requests differed or were not routed as expected")
        self.stdout.write(f"all {len(requests)} answers identical; the routed ones read only from a replica")

    def get(self, client, url, params, databases, *, pinned):
        if pinned:
            client.cookies[replicas.PIN_COOKIE] = "1"
        captures = {alias: CaptureQueriesContext(connections[alias]) for alias in databases}
        for capture in captures.values():
            capture.__enter__()
        try:
            response = client.get(url, params)
        finally:
            for capture in captures.values():
                capture.__exit__(None, None, None)
        return response, {alias: len(capture.captured_queries) for alias, capture in captures.items()}
