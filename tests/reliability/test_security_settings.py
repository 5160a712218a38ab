"""Security settings: Django's deployment checks pass with production settings.

Production = DEBUG off and a SECRET_KEY in the environment (never in the repository).
The checks run in a subprocess, because settings are read once per process.
"""

import re
import subprocess
import sys

from django.conf import settings

from .dbprocess import ROOT

DEPLOY_CHECKS = """
import os
import django
django.setup()
from django.conf import settings
from django.core import checks
messages = checks.run_checks(include_deployment_checks=True)
for message in messages:
    print(message)
print("session cookie secure:", settings.SESSION_COOKIE_SECURE, "csrf cookie secure:", settings.CSRF_COOKIE_SECURE)
print("secret key from the environment:", settings.SECRET_KEY == os.environ["SECRET_KEY"])
"""

PRODUCTION = {
    "SECRET_KEY": "k7#Qv9-not-a-real-secret-only-for-this-test-xT2pL8wZ4mN6bR1cY3dF5gH",
    "ALLOWED_HOSTS": "clustermonitor.example.org",
    "DATABASE_URL": "sqlite:////tmp/never-opened.sqlite3",
    "DJANGO_SETTINGS_MODULE": "clustermonitor.settings",
    "PATH": "/usr/bin:/bin",
}


def deploy_checks(env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", DEPLOY_CHECKS], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_manage_py_check_deploy_is_clean_with_production_settings() -> None:
    output = deploy_checks(PRODUCTION)
    assert output.splitlines() == [
        "session cookie secure: True csrf cookie secure: True",
        "secret key from the environment: True",
    ], output


def test_without_production_settings_the_deploy_checks_do_complain() -> None:
    from django.core import checks

    ids = {message.id for message in checks.run_checks(include_deployment_checks=True)}
    assert {"security.W004", "security.W012"} <= ids  # the checks really run: no HSTS, cookie not secure


def test_passwords_are_hashed_with_argon2() -> None:
    assert settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    from django.contrib.auth.hashers import make_password

    assert make_password("correct horse battery staple").startswith("argon2$")


def test_csrf_protection_is_on_for_every_view() -> None:
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
    from django.urls import get_resolver

    exempt = [
        str(pattern.pattern)
        for pattern in get_resolver().url_patterns
        if getattr(getattr(pattern, "callback", None), "csrf_exempt", False)
    ]
    assert exempt == []


def test_uploads_are_limited() -> None:
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024**2
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024**2
    assert 0 < settings.DATASET_UPLOAD_MAX_SIZE <= 1024**3


SECRET_PATTERNS = [
    re.compile(rb"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    re.compile(rb"AKIA[0-9A-Z]{16}"),  # AWS access key id
    re.compile(rb"gh[pousr]_[A-Za-z0-9]{36}"),  # GitHub token
    re.compile(rb"xox[baprs]-[A-Za-z0-9-]{10,}"),  # Slack token
    re.compile(rb"SECRET_KEY\s*=\s*['\"](?!insecure-)[^'\"]{20,}['\"]"),  # a hard-coded Django key
    re.compile(rb"postgres(?:ql)?://[^:@/\s]+:[^@/\s]{6,}@"),  # a password in a database URL
]


def test_no_secret_in_the_repository() -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    found = []
    for name in filter(None, listed):
        path = ROOT / name.decode()
        if not path.is_file() or path.stat().st_size > 5_000_000 or path.name == "test_security_settings.py":
            continue
        content = path.read_bytes()
        found += [f"{name.decode()}: {p.pattern!r}" for p in SECRET_PATTERNS if p.search(content)]
    assert found == []
