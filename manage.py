#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    # Commands work on whole tables (migrate rewriting a column of a million
    # rows, import_articles, refresh_facets, backup): no statement timeout
    # unless one is asked for. Web processes keep theirs (danvan/settings.py),
    # and so does runserver.
    if sys.argv[1:2] != ["runserver"]:
        os.environ.setdefault("DANVAN_STATEMENT_TIMEOUT_MS", "0")
    # A command is one thread, and the import forks workers, which must not
    # inherit a pool's open connections: pools are for the web processes.
    os.environ["DATABASE_POOL_MAX_SIZE"] = "0"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
