"""Logins and roles for a shared server: users in a JSON file with argon2 hashes, sessions, bearer tokens.

Roles, each including the ones before it: viewer (browse, SPARQL), auditor (exports and history),
legal (import and review mappings), admin (build, validate, evidence, users). With no users file the app
is the single-user tool it always was, which ``serve`` allows on loopback only, and every page says so.
API tokens are random strings shown once; the file keeps their SHA-256, never the token.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ROLES = ("viewer", "auditor", "legal", "admin")
_hasher = PasswordHasher()


class UsersError(ValueError):
    """The users file or a user's entry is not usable; the message names the file and the field."""


@dataclass
class User:
    name: str
    role: str
    password_hash: str = ""
    token_hashes: list[str] = field(default_factory=list)

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Users:
    """The users file, read once; ``add`` rewrites it atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.users: dict[str, User] = {}
        if path.exists():
            self._read()

    def _read(self) -> None:
        """Read the file, refusing any that is not one: a JSON list or number was read as "no users", so
        ``users add`` overwrote it and ``serve`` ran with nobody able to log in; a pipe blocked for ever."""
        if not self.path.is_file():
            raise UsersError(f"{self.path}: not a regular file (a pipe or device is not read as a users file)")
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UsersError(f"{self.path}: cannot read the users file: {exc}") from exc
        users = data.get("users") if isinstance(data, dict) else None
        if not isinstance(data, dict) or not isinstance(users if users is not None else {}, dict):
            raise UsersError(f"{self.path}: not a users file (a JSON object whose 'users' maps names to entries)")
        for name, entry in (users or {}).items():
            role = entry.get("role") if isinstance(entry, dict) else None
            if role not in ROLES:
                raise UsersError(f"{self.path}: users.{name}.role must be one of {', '.join(ROLES)}")
            password, tokens = entry.get("password", ""), entry.get("tokens", [])
            if not isinstance(password, str) or not isinstance(tokens, list) or not all(
                isinstance(t, str) for t in tokens
            ):
                raise UsersError(f"{self.path}: users.{name}: 'password' must be text and 'tokens' a list of text")
            self.users[name] = User(name, role, password, list(tokens))

    def save(self) -> None:
        data = {
            "users": {
                u.name: {"role": u.role, "password": u.password_hash, "tokens": u.token_hashes}
                for u in self.users.values()
            }
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".users-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2)
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)

    def add(self, name: str, role: str, password: str | None, *, token: bool = False) -> str | None:
        """Add or update a user; returns a new API token when asked for one (shown once)."""
        if role not in ROLES:
            raise UsersError(f"role must be one of {', '.join(ROLES)}")
        if not name or len(name) > 64 or not name.replace("-", "").replace("_", "").replace(".", "").isalnum():
            raise UsersError(f"user name {name!r}: use 1-64 letters, digits, '-', '_' or '.'")
        user = self.users.get(name) or User(name, role)
        user.role = role
        if password:
            user.password_hash = _hasher.hash(password)
        new_token = None
        if token:
            new_token = "cg_" + secrets.token_urlsafe(32)
            user.token_hashes.append(_token_hash(new_token))
        self.users[name] = user
        self.save()
        return new_token

    def check_password(self, name: str, password: str) -> User | None:
        user = self.users.get(name)
        if user is None or not user.password_hash:
            _hasher.hash(password)  # the same time whether or not the name exists
            return None
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        return user

    def by_token(self, token: str) -> User | None:
        digest = _token_hash(token)
        for user in self.users.values():
            if any(secrets.compare_digest(digest, h) for h in user.token_hashes):
                return user
        return None


def config_users(cfg: dict[str, Any]) -> Users | None:
    path = cfg.get("USERS_FILE")
    return Users(Path(path)) if path else None
