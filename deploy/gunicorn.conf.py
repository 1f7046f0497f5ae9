"""gunicorn's settings for the archive (deploy/danvan.service, `make prod-local`).

The bind address and the number of workers are given on the command line
(the unit, the make target); the rest is here. Threaded workers: a page
mostly waits on PostgreSQL, so each worker serves `threads` requests at
once, its threads sharing one connection pool per database
(DATABASE_POOL_MAX_SIZE = threads; docs/deploy.md, "Connections").
"""

worker_class = "gthread"
threads = 4
# Longer than the slowest page (search budget 1.2 + 0.4 s) with room for a
# large export's first rows; an export keeps streaming past it as long as
# the client reads (the timeout counts silence, not the response's length).
timeout = 60
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests: memory stays flat.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
# Only the proxy on this machine may say the request came over HTTPS.
forwarded_allow_ips = "127.0.0.1,::1"
# No control socket (gunicorn ≥ 25): systemd manages the processes, and the
# unit's home directory is read-only.
control_socket_disable = True
