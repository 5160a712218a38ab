"""`Cache-Control: no-store` on every page, download and API answer: they show records or
figures that a shared computer's browser cache or a proxy must not keep. Static files are
served before this middleware (whitenoise) and keep their own caching."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

Handler = Callable[[HttpRequest], HttpResponse]


def no_store(get_response: Handler) -> Handler:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        add_never_cache_headers(response)  # max-age=0, no-cache, no-store, must-revalidate, private
        return response

    return middleware
