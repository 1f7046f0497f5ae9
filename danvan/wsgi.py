import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
application = get_wsgi_application()

# Everything made while starting (Django, the app's modules, settings: ~100,000
# objects) lives as long as the worker. Frozen, it is left out of the garbage
# collector's full collections, which otherwise scan it all (~45 ms) in the
# middle of a request now and then: the slowest browse page in ten at 1M
# (docs/performance.md).
gc.freeze()
