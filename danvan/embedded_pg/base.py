"""Django's PostgreSQL backend, starting the embedded server on first connect.

Used only when DATABASE_URL is unset. Commands that never touch the database
(`extract`, `check`) therefore never start a server.
"""

import subprocess
from pathlib import Path

from django.db import OperationalError
from django.db.backends.postgresql import base

from danvan import embedded


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        try:
            params["host"] = embedded.ensure_running(Path(self.settings_dict["EMBEDDED_DIR"]))
        except (embedded.ServerStopped, AssertionError, OSError, subprocess.SubprocessError) as error:
            # Stopped since this process's first connection, or starting or
            # stopping under another process: as for any server that does
            # not answer, a request gets a 503 (danvan.unavailable).
            raise OperationalError(f"the embedded PostgreSQL is not available: {error!r}") from error
        return params
