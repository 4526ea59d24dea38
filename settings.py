"""The application's settings: one table (environment variable, default, meaning) and one
reader per setting, so no other module reads the environment.

Standard library only: every layer may import it. The README's « Configuration » table shows
this table as it is (tests/unit/test_settings.py compares the two). A setting is read at each
call, not once at import: a test or a restarted server sees the value set now.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    variable: str
    default: str  # used when the variable is unset or blank; "" means none
    meaning: str  # the README's « Rôle » column
    default_meaning: str  # the README's « Par défaut » column: what the default does


DATABASE_URL = Setting(
    "DATABASE_URL", "",
    "Base de données (SQLAlchemy). `postgresql://utilisateur:motdepasse@hôte/base` pour "
    "PostgreSQL (pilote psycopg 3 inclus).",
    "fichier SQLite `data/guide_bilan.sqlite3` du dépôt, créé au premier démarrage (mode WAL, "
    "clés étrangères actives, effacement sécurisé\u00a0; fichiers lisibles par leur seul "
    "propriétaire)",
)
PUBLIC_URL = Setting(
    "GUIDE_BILAN_PUBLIC_URL", "",
    "Adresse publique de l’application, utilisée dans les liens personnels",
    "l’adresse vue par le navigateur du consultant ou de la consultante",
)
SESSION_IDLE_MINUTES = Setting(
    "GUIDE_BILAN_SESSION_IDLE_MINUTES", "120",
    "Durée d’inactivité, en minutes (un nombre entier, au moins 1), après laquelle une session "
    "se ferme",
    "`120`",
)
SECURE_COOKIE = Setting(
    "GUIDE_BILAN_SECURE_COOKIE", "",
    "`true` (ou `1`) derrière HTTPS\u00a0: le cookie de session n’est envoyé qu’en HTTPS",
    "désactivé",
)
SECRET_KEY = Setting(
    "GUIDE_BILAN_SECRET_KEY", "",
    "Clé qui signe les clés de navigateur (au moins 32 caractères, une valeur plus courte est "
    "refusée)\u00a0; la changer fait oublier toutes les clés, donc toutes les sessions",
    "créée au premier démarrage et gardée dans la base (table `server_secrets`)",
)
TRUSTED_PROXIES = Setting(
    "GUIDE_BILAN_TRUSTED_PROXIES", "",
    "Mandataires inverses de confiance (adresses ou réseaux, séparés par des virgules\u00a0: "
    "`10.0.0.2, 192.168.1.0/24`)\u00a0: derrière eux, l’adresse du client est lue dans "
    "`X-Forwarded-For`, de droite à gauche. N’y mettez que des mandataires\u00a0: toute adresse "
    "listée peut désigner un autre client",
    "aucun (l’en-tête est ignoré)",
)

SETTINGS: tuple[Setting, ...] = (
    DATABASE_URL, PUBLIC_URL, SESSION_IDLE_MINUTES, SECURE_COOKIE, SECRET_KEY, TRUSTED_PROXIES,
)


class SettingError(ValueError):
    """A setting holds a value the application cannot use (said in French, at start)."""


def read(setting: Setting) -> str:
    """The variable's value without surrounding blanks, or the default when unset or blank."""
    return os.environ.get(setting.variable, "").strip() or setting.default


def database_url() -> str:
    """The configured database URL; "" for the SQLite file (storage.engine knows where)."""
    return read(DATABASE_URL)


def public_url() -> str:
    """The public address of the app, without a final slash; "" when not configured."""
    return read(PUBLIC_URL).rstrip("/")


def session_idle_minutes() -> int:
    value = read(SESSION_IDLE_MINUTES)
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise SettingError(
            f"{SESSION_IDLE_MINUTES.variable} doit être un nombre entier de minutes, au moins 1 "
            f"(valeur lue\u00a0: «\u00a0{value}\u00a0»)."
        )
    return int(value)


def secure_cookie() -> bool:
    return read(SECURE_COOKIE).lower() in {"1", "true"}


def secret_key() -> str:
    """The configured signing secret; "" when the server keeps its own in the database."""
    return read(SECRET_KEY)


def trusted_proxies() -> str:
    """The raw list of trusted proxies (storage.client_address parses it)."""
    return read(TRUSTED_PROXIES)
