"""Groundswell settings: one module, driven by environment variables (see docs/configuration.md)."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def envbool(name, default):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def envint(name, default):
    return int(os.environ.get(name, default))


DATA_DIR = Path(os.environ.get("GROUNDSWELL_DATA_DIR", BASE_DIR.parent / "data")).resolve()
DEBUG = envbool("DEBUG", False)
# The demo and the tests get a throwaway key; a deployment must set SECRET_KEY.
SECRET_KEY = os.environ.get(
    "SECRET_KEY", "groundswell-insecure-demo-key-set-SECRET_KEY-in-production"
)
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
DEMO_MODE = envbool("GROUNDSWELL_DEMO", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "groundswell.core",
    "groundswell.people",
    "groundswell.accounts",
    "groundswell.journeys",
    "groundswell.campaigns",
    "groundswell.amplification",
    "groundswell.actions",
    "groundswell.groups",
    "groundswell.events",
    "groundswell.messaging",
    "groundswell.analytics",
    "groundswell.api",
    "groundswell.webhooks",
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
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "groundswell.core.middleware.SecurityHeadersMiddleware",
    "groundswell.amplification.middleware.ShareClickMiddleware",
]

ROOT_URLCONF = "groundswell.urls"
WSGI_APPLICATION = "groundswell.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "groundswell.core.context_processors.site",
            ],
        },
    },
]

# Storage: embedded SQLite in the data folder by default; DATABASE_URL switches to PostgreSQL.
SQLITE_PATH = DATA_DIR / "groundswell.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{SQLITE_PATH}",
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite cannot create the folder its file lives in: make the data folder on first use.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Tests use a file, not shared-cache memory, so concurrency tests see real SQLite locking.
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("GROUNDSWELL_TEST_SQLITE", "/tmp/groundswell-test.sqlite3")  # noqa: S108
    }
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so concurrent writers queue instead of
        # failing with "database is locked" when they upgrade a read to a write.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON; PRAGMA cache_size=-64000;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "home"

# allauth: staff sign in with email + password (and optional TOTP); supporters with an emailed code.
ACCOUNT_LOGIN_METHODS = {"email"}
# allauth shows a password on the login form only when sign-up asks for one (sign-up is closed).
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 900
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_ALLOW_REGISTRATION = envbool("GROUNDSWELL_OPEN_SIGNUP", False)
ACCOUNT_ADAPTER = "groundswell.accounts.adapter.AccountAdapter"
# Asking for a code makes the user of a known Person on the spot (accounts.forms).
ACCOUNT_FORMS = {"request_login_code": "groundswell.accounts.forms.RequestLoginCodeForm"}
# Behind a proxy, the client's address for rate limits (ours and allauth's, see core/net.py):
# how many proxies we run in front of the app, or a header our own proxy sets.
ALLAUTH_TRUSTED_PROXY_COUNT = envint("GROUNDSWELL_TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("GROUNDSWELL_TRUSTED_CLIENT_IP_HEADER") or None
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key", "request_login_code": "5/m/ip,3/m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Groundswell"

# i18n: English, Spanish and French from day one.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_COOKIE_SECURE = not DEBUG and envbool("SECURE_COOKIES", False)
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"

# Cookies: secure by default outside the local demo (set SECURE_COOKIES=1 behind HTTPS).
SECURE_COOKIES = envbool("SECURE_COOKIES", False)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if SECURE_COOKIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
)

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "ENQUEUE_ON_COMMIT": True,
    }
}

# Mail: console in the demo (login codes are printed), SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Groundswell <noreply@groundswell.localhost>"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Groundswell's own knobs.
GROUNDSWELL = {
    "DEFAULT_COUNTRY": os.environ.get("GROUNDSWELL_DEFAULT_COUNTRY", ""),  # region hint for phones
    "CONSENT_WORDING_VERSION": os.environ.get("GROUNDSWELL_CONSENT_WORDING", "2026-01"),
    "ORGANISATION_NAME": os.environ.get("GROUNDSWELL_ORG_NAME", "Groundswell"),
    # Campaigns in preview show to supporters from this ladder stage up, unless a campaign says.
    "PREVIEW_STAGE": os.environ.get("GROUNDSWELL_PREVIEW_STAGE", "sustaining"),
    # The largest file an organiser may put in a campaign toolkit.
    "ASSET_MAX_BYTES": envint("GROUNDSWELL_ASSET_MAX_BYTES", 20 * 1024 * 1024),
}
# Requests per minute one API key may make (OSDI API at /api/v2/).
GROUNDSWELL_API_RATE_PER_MINUTE = envint("GROUNDSWELL_API_RATE_PER_MINUTE", 240)
# Webhook targets must be https; plain http only for local testing.
WEBHOOKS_ALLOW_HTTP = envbool("GROUNDSWELL_WEBHOOKS_ALLOW_HTTP", DEBUG)
