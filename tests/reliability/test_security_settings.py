"""Security settings: Django's deployment checks pass with production settings.

Production = DEBUG off, HTTPS=true, and a SECRET_KEY in the environment or generated once
into an owner-only file (never in the repository). HTTPS is a setting of its own. The
checks run in a subprocess, because settings are read once per process.
"""

import re
import stat
import subprocess
import sys
from pathlib import Path

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
print("secret key from the environment:", settings.SECRET_KEY == os.environ.get("SECRET_KEY"))
print("ssl redirect:", settings.SECURE_SSL_REDIRECT, "hsts:", settings.SECURE_HSTS_SECONDS > 0)
print("key:", settings.SECRET_KEY)
"""

PRODUCTION = {
    "SECRET_KEY": "k7#Qv9-not-a-real-secret-only-for-this-test-xT2pL8wZ4mN6bR1cY3dF5gH",
    "ALLOWED_HOSTS": "clustermonitor.example.org",
    "DATABASE_URL": "sqlite:////tmp/never-opened.sqlite3",
    "DJANGO_SETTINGS_MODULE": "clustermonitor.settings",
    "HTTPS": "true",
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
    assert output.splitlines()[:3] == [
        "session cookie secure: True csrf cookie secure: True",
        "secret key from the environment: True",
        "ssl redirect: True hsts: True",
    ], output


def test_the_documented_command_runs_the_deployment_checks(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "clustermonitor"
    env = {**PRODUCTION, "DATABASE_URL": "sqlite:///:memory:"}
    clean = subprocess.run([str(script), "checkdeploy"], env=env, capture_output=True, text=True, timeout=120)
    plain = subprocess.run(
        [str(script), "checkdeploy"], env={**env, "HTTPS": ""}, capture_output=True, text=True, timeout=120
    )

    assert clean.returncode == 0, clean.stderr
    assert "no issues" in clean.stdout
    assert plain.returncode == 1 and "security.W012" in plain.stderr  # warnings fail it


def test_https_is_its_own_setting_not_derived_from_the_key(tmp_path: Path) -> None:
    key_file = str(tmp_path / "key")
    with_key_no_https = deploy_checks({**PRODUCTION, "HTTPS": "false"})
    https_no_key = deploy_checks({**PRODUCTION, "SECRET_KEY": "", "SECRET_KEY_FILE": key_file})

    assert "session cookie secure: False csrf cookie secure: False" in with_key_no_https
    assert "ssl redirect: False hsts: False" in with_key_no_https
    assert "session cookie secure: True csrf cookie secure: True" in https_no_key
    assert "ssl redirect: True hsts: True" in https_no_key


def test_ssl_redirect_false_serves_plain_http() -> None:
    output = deploy_checks({**PRODUCTION, "SECURE_SSL_REDIRECT": "false"})

    assert "ssl redirect: False hsts: True" in output


def test_without_a_key_one_is_generated_once_into_an_owner_only_file(tmp_path: Path) -> None:
    key_file = tmp_path / "state" / "secret-key"
    env = {**PRODUCTION, "SECRET_KEY": "", "SECRET_KEY_FILE": str(key_file)}

    first = deploy_checks(env).split("key: ")[1].strip()
    second = deploy_checks(env).split("key: ")[1].strip()

    assert first == second == key_file.read_text().strip()
    assert len(first) >= 50
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700


def test_a_key_file_others_may_read_is_refused(tmp_path: Path) -> None:
    key_file = tmp_path / "secret-key"
    key_file.write_text("x" * 60)
    key_file.chmod(0o644)
    env = {**PRODUCTION, "SECRET_KEY": "", "SECRET_KEY_FILE": str(key_file)}

    done = subprocess.run(
        [sys.executable, "-c", DEPLOY_CHECKS], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )

    assert done.returncode != 0
    assert "may be read by others: chmod 600 it, or set SECRET_KEY" in done.stderr


def test_no_key_is_written_in_the_code() -> None:
    code = "\n".join(path.read_text() for path in (ROOT / "src").rglob("*.py"))
    assert "insecure-" not in code
    assert not re.search(r"SECRET_KEY\s*=\s*['\"]", code)


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
    re.compile(rb"SECRET_KEY\s*=\s*['\"][^'\"]{20,}['\"]"),  # a hard-coded Django key
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
