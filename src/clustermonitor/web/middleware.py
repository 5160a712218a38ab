"""Two small middlewares: `?lang=` on any page, and login before anything else."""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from clustermonitor.web.accounts import language_remember

# /api/ answers anonymous callers itself (401, JSON): it also takes HTTP Basic, which
# is only checked there.
OPEN_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/api/")
LANGUAGES = {code for code, _ in settings.LANGUAGES}

Handler = Callable[[HttpRequest], HttpResponse]


def language_from_query(get_response: Handler) -> Handler:
    """`?lang=nl|en` switches the language for this request and, by a cookie, the next ones."""

    def middleware(request: HttpRequest) -> HttpResponse:
        lang = request.GET.get("lang")
        if lang not in LANGUAGES:
            return get_response(request)
        translation.activate(lang)
        request.LANGUAGE_CODE = lang
        language_remember(getattr(request, "user", None), lang)
        response = get_response(request)
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, lang, samesite="Lax")
        return response

    return middleware


def login_required_everywhere(get_response: Handler) -> Handler:
    """Anonymous users see the login page (and static files) only."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated and not request.path.startswith(OPEN_PREFIXES):
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return get_response(request)

    return middleware
