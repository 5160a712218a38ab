"""Settings, read from the environment (twelve-factor).

DATABASE_URL     default: sqlite:///clustermonitor.sqlite3 in the current folder
SECRET_KEY       default: generated once into SECRET_KEY_FILE (owner-only), see secret.py
DEBUG            "true"/"1" to switch on (default off)
HTTPS            "true" when served over HTTPS: secure cookies, HSTS, redirect (default off)
SECURE_SSL_REDIRECT  with HTTPS: "false" keeps plain-HTTP requests unredirected
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from clustermonitor.secret import secret_key

BASE_DIR = Path(__file__).resolve().parent


def _flag(name: str, default: str = "") -> bool:
    return os.environ.get(name, default).lower() in {"1", "true", "yes", "on"}


DEBUG = _flag("DEBUG")
SECRET_KEY = secret_key()
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "clustermonitor.kernel",
    "clustermonitor.clusters",
    "clustermonitor.budget",
    "clustermonitor.projects",
    "clustermonitor.kpis",
    "clustermonitor.datasets",
    "clustermonitor.reports",
    "clustermonitor.questions",
    "clustermonitor.web",
    "clustermonitor.api",
    "drf_spectacular",  # its templates: the Swagger UI start-up script
    "drf_spectacular_sidecar",  # Swagger UI's files, served locally (no CDN)
    "clustermonitor.demo",
    "simple_history",
    "django_htmx",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "clustermonitor.headers.no_store",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # ?lang=nl|en on any page, then: anonymous users see the login page only.
    "clustermonitor.web.middleware.language_from_query",
    "clustermonitor.web.middleware.login_required_everywhere",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "clustermonitor.urls"
WSGI_APPLICATION = "clustermonitor.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "clustermonitor.web.context.web",
            ]
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "sqlite:///clustermonitor.sqlite3"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Writers wait for each other instead of failing at once with "database is locked".
    DATABASES["default"]["OPTIONS"] = {"timeout": 30}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Figures computed from the programme data, cached per process under the data revision
# (clusters/revision.py); the timeout only matters for changes made outside clustermonitor.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "figures": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "figures",
        "TIMEOUT": int(os.environ.get("REPORT_CACHE_SECONDS", "300")),
        "OPTIONS": {"MAX_ENTRIES": 200},  # a 200k dashboard is ≈ 320 KB: ≤ 64 MB a worker
    },
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]  # the web app's stylesheet (src/clustermonitor/static)
# Production runs collectstatic into STATIC_ROOT; without it whitenoise serves the apps'
# static folders directly, so `make demo` needs no build step.
STATIC_ROOT = os.environ.get("STATIC_ROOT") or None
WHITENOISE_USE_FINDERS = True

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"
# Amounts are formatted by the web app's `money` filter, numbers the locale's way.
USE_THOUSAND_SEPARATOR = False

# Mail: a cluster manager is told of each decision on their cluster's applications
# (web/notify.py). The console backend prints the mails (the demo); production sets
# EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend with EMAIL_HOST etc.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "clustermonitor@localhost")
# The site's address as its users reach it, for links in mails (absolute: a mail has no
# page to be relative to). The default is `make demo`'s; production sets SITE_URL.
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000")

# --- production security (issue 5) ---------------------------------------------------
# Owned by the reliability work (tests/reliability/test_settings.py); edit settings above.
# Passwords: Argon2 first (argon2-cffi is a dependency); the others still verify old hashes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# Upload limits: request bodies held in memory, files spooled to disk above this, and the
# largest dataset (CSV or .xlsx) the web upload accepts.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024**2))
FILE_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("FILE_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024**2))
DATASET_UPLOAD_MAX_SIZE = int(os.environ.get("DATASET_UPLOAD_MAX_SIZE", 200 * 1024**2))
# Uploads wait for their confirmation in a private folder (0700), not the shared /tmp;
# `clustermonitor cleanuploads` deletes those older than DATASET_UPLOAD_KEEP_HOURS.
DATASET_UPLOAD_DIR = os.environ.get("DATASET_UPLOAD_DIR") or str(
    Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "clustermonitor" / "uploads"
)
DATASET_UPLOAD_MAX_UNPACKED = int(os.environ.get("DATASET_UPLOAD_MAX_UNPACKED", 1024**3))
DATASET_UPLOAD_KEEP_HOURS = float(os.environ.get("DATASET_UPLOAD_KEEP_HOURS", "24"))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
HTTPS = _flag("HTTPS")
if HTTPS:
    # Served over HTTPS: a setting of its own, whatever the key. Behind a TLS-terminating
    # proxy set SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto.
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = _flag("SECURE_SSL_REDIRECT", "true")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 365 * 24 * 3600))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if os.environ.get("SECURE_PROXY_SSL_HEADER"):
        SECURE_PROXY_SSL_HEADER = (
            "HTTP_" + os.environ["SECURE_PROXY_SSL_HEADER"].upper().replace("-", "_"),
            "https",
        )
# Content-Security-Policy: scripts only from our own static files (no inline script or
# event handler anywhere); inline style attributes stay (chart legend colours).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Brute-force protection (django-axes) on the login form and the API's HTTP Basic: after
# AXES_FAILURE_LIMIT failures a username is locked, and so is an address, each on its own,
# for AXES_COOLOFF_MINUTES; a successful login resets that user's count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/locked_out.html"
AXES_VERBOSE = False
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# --- end of production security (issue 5) -------------------------------------------

# The API documentation (/api/v1/docs/) serves Swagger UI's own files: no CDN.
SPECTACULAR_SETTINGS = {
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # no link inside each operation's button (a nested control that screen readers cannot reach)
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
}
