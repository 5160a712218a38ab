"""The secret key, never written in the code: SECRET_KEY from the environment, else one
generated once into SECRET_KEY_FILE (default ~/.local/state/clustermonitor/secret-key),
readable by its owner only, and read from there by every later start.

So `make demo` needs no set-up and a production server without SECRET_KEY still signs
sessions with a key of its own, which survives restarts. A key file that others may read
is refused: the key would not be secret.
"""

import os
import secrets
import stat
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def default_key_file() -> Path:
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "clustermonitor" / "secret-key"


def secret_key(environ: dict[str, str] | os._Environ[str] = os.environ) -> str:
    given = environ.get("SECRET_KEY", "")
    if given:
        return given
    path = Path(environ.get("SECRET_KEY_FILE") or default_key_file())
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read(path)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secrets.token_urlsafe(50))
    return _read(path)


def _read(path: Path) -> str:
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        raise ImproperlyConfigured(
            f"the secret key file {path} may be read by others: chmod 600 it, or set SECRET_KEY"
        )
    key = path.read_text().strip()
    if len(key) < 50:
        raise ImproperlyConfigured(f"the secret key file {path} holds no key: delete it to make a new one")
    return key
