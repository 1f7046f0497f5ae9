"""A database that does not answer gives a 503 with Retry-After, never a 500.

The server stopped or restarting, a connection cut, a statement cut by its
timeout: the request is answered "try again shortly" (JSON under /api/),
and the error is logged. The broken connection is closed at the end of the
request (Django's close_if_unusable_or_obsolete), and every later request
checks its connection first (CONN_HEALTH_CHECKS), so the worker recovers as
soon as the server is back. Placed before danvan.replicas' middleware, whose
own handler answers a failed read from the primary first.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 10


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("%s %s: the database did not answer (%s)", request.method, request.path,
                     str(exception).splitlines()[0] if str(exception) else type(exception).__name__)
        if request.path_info.startswith("/api/"):
            response = JsonResponse({"detail": "Cơ sở dữ liệu tạm thời không trả lời; hãy thử lại sau"}, status=503)
        else:
            # Rendered without the request: no context processor may touch the database.
            response = HttpResponse(render_to_string("unavailable.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
