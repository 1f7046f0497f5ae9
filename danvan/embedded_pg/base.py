"""Django's PostgreSQL backend, starting the embedded server on first connect.

Used only when DATABASE_URL is unset. Commands that never touch the database
(`extract`, `check`) therefore never start a server.
"""

from pathlib import Path

from django.db.backends.postgresql import base

from danvan import embedded


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        params["host"] = embedded.ensure_running(Path(self.settings_dict["EMBEDDED_DIR"]))
        return params
