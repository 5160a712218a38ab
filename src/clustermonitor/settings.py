"""Settings, read from the environment (twelve-factor).

DATABASE_URL  default: sqlite:///clustermonitor.sqlite3 in the current folder
SECRET_KEY    required when DEBUG is off
DEBUG         "true"/"1" to switch on (default off)
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent

DEBUG = os.environ.get("DEBUG", "").lower() in {"1", "true", "yes", "on"}
SECRET_KEY = os.environ.get("SECRET_KEY") or (
    "insecure-development-key-only-for-debug-and-cli" if DEBUG or "SECRET_KEY" not in os.environ else ""
)
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
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
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
if not DEBUG and os.environ.get("SECRET_KEY"):
    # Production: DEBUG off and a real SECRET_KEY given. Served over HTTPS only; behind a
    # TLS-terminating proxy set SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto.
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() in {"1", "true", "yes", "on"}
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 365 * 24 * 3600))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"
    if os.environ.get("SECURE_PROXY_SSL_HEADER"):
        SECURE_PROXY_SSL_HEADER = (
            "HTTP_" + os.environ["SECURE_PROXY_SSL_HEADER"].upper().replace("-", "_"),
            "https",
        )
# --- end of production security (issue 5) -------------------------------------------

# The API documentation (/api/v1/docs/) serves Swagger UI's own files: no CDN.
SPECTACULAR_SETTINGS = {"SWAGGER_UI_DIST": "SIDECAR", "SWAGGER_UI_FAVICON_HREF": "SIDECAR"}
