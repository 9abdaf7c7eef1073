"""Production settings: secrets from the environment, refuses to start without them;
Redis, the bucket and signed private URLs when their variables are set."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]
SECRETS = {
    "SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789" * 2,
    "ALLOWED_HOSTS": "academy.example",
    "CERTIFICATE_SIGNING_KEY": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
}
BUCKETS = {
    "AWS_STORAGE_BUCKET_NAME": "bsa-media",
    "AWS_PRIVATE_STORAGE_BUCKET_NAME": "bsa-private",
    "AWS_S3_ENDPOINT_URL": "https://s3.bucket.example",
    "AWS_S3_REGION_NAME": "eu-west-3",
    "AWS_ACCESS_KEY_ID": "AKIAEXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "not-a-real-secret",
    "AWS_S3_CUSTOM_DOMAIN": "media.academy.example",
}
# Reads the configured storages and backends the way the running site would.
DESCRIBE = """
import json
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
images = storages["images"]
print(json.dumps({
    "public_url": storages["default"].url("covers/a.jpg"),
    "private_url": storages["private"].url("videos/360/a.mp4"),
    "image_url": images.url("original_images/a.jpg"),
    "image_signed_url": images.signed_url("original_images/a.jpg")
        if hasattr(images, "signed_url") else "",
    "storages": {name: storages[name].__class__.__name__ for name in ("default", "private", "images")},
    "redirect": settings.PRIVATE_MEDIA_REDIRECT,
    "session_engine": settings.SESSION_ENGINE,
    "cache": settings.CACHES["default"]["BACKEND"],
    "broker": settings.CELERY_BROKER_URL,
    "results": getattr(settings, "CELERY_RESULT_BACKEND", ""),
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "providers": sorted(settings.CHECKOUT_PROVIDERS),
}))
"""


def production_env(env_updates):
    names = {*SECRETS, *BUCKETS, "REDIS_URL", "DATABASE_URL", "SENTRY_DSN", "CHECKOUT_SANDBOX"}
    env = {k: v for k, v in os.environ.items() if k not in names}
    env.update(env_updates, DJANGO_SETTINGS_MODULE="cms.settings.production")
    return env


def run_check(env_updates, *args):
    return subprocess.run(
        [*MANAGE, "check", *args],
        env=production_env(env_updates),
        capture_output=True,
        text=True,
        timeout=120,
    )


def describe(env_updates):
    result = subprocess.run(
        [sys.executable, "-c", DESCRIBE],
        env=production_env(env_updates),
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def on_disk():
    return describe(SECRETS)


@pytest.fixture(scope="module")
def on_bucket():
    return describe({**SECRETS, **BUCKETS})


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check({"ALLOWED_HOSTS": "academy.example"})

    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_check({"SECRET_KEY": "x" * 60})

    assert result.returncode != 0
    assert "Set the ALLOWED_HOSTS environment variable" in result.stderr


def test_production_refuses_to_start_without_the_certificate_signing_key():
    result = run_check(
        {key: value for key, value in SECRETS.items() if key != "CERTIFICATE_SIGNING_KEY"}
    )

    assert result.returncode != 0
    assert "Set the CERTIFICATE_SIGNING_KEY environment variable" in result.stderr


def test_production_passes_the_deployment_checks():
    result = run_check(SECRETS, "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_on_redis_and_the_bucket_passes_the_deployment_checks():
    result = run_check(
        {**SECRETS, **BUCKETS, "REDIS_URL": "redis://127.0.0.1:6379/5", "SENTRY_DSN": ""},
        "--deploy",
        "--fail-level",
        "WARNING",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_public_bucket_needs_a_private_bucket_beside_it():
    env = {**SECRETS, **BUCKETS}
    del env["AWS_PRIVATE_STORAGE_BUCKET_NAME"]

    result = run_check(env)

    assert result.returncode != 0
    assert "Set the AWS_PRIVATE_STORAGE_BUCKET_NAME environment variable" in result.stderr


def test_without_a_bucket_files_stay_on_the_local_disk_and_are_served_by_the_app(on_disk):
    described = on_disk

    assert described["storages"] == {
        "default": "FileSystemStorage",
        "private": "FileSystemStorage",
        "images": "GatedImageStorage",
    }
    assert described["redirect"] is False
    assert described["image_url"] == "/lesson-media/image/original_images/a.jpg"
    assert described["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_with_a_bucket_public_media_use_the_custom_domain_without_a_signature(on_bucket):
    described = on_bucket

    assert described["public_url"] == "https://media.academy.example/covers/a.jpg"


def test_with_a_bucket_private_files_get_urls_signed_for_five_minutes(on_bucket):
    described = on_bucket

    private_url = described["private_url"]
    assert private_url.startswith("https://s3.bucket.example/bsa-private/videos/360/a.mp4?")
    assert "X-Amz-Signature=" in private_url
    assert "X-Amz-Expires=300" in private_url
    assert described["redirect"] is True


def test_with_a_bucket_images_keep_the_access_checking_url_and_sign_only_after_it(on_bucket):
    described = on_bucket

    assert described["storages"]["images"] == "GatedS3ImageStorage"
    assert described["image_url"] == "/lesson-media/image/original_images/a.jpg"
    signed = described["image_signed_url"]
    assert signed.startswith("https://s3.bucket.example/bsa-private/images/original_images/a.jpg?")
    assert "X-Amz-Expires=300" in signed


def test_redis_holds_the_cache_the_sessions_and_the_celery_queue():
    described = describe({**SECRETS, "REDIS_URL": "redis://127.0.0.1:6379/5"})

    assert described["cache"] == "core.redis_cache.RedisCache"
    assert described["session_engine"] == "django.contrib.sessions.backends.cached_db"
    assert described["broker"] == "redis://127.0.0.1:6379/5"
    assert described["results"] == "redis://127.0.0.1:6379/5"


def test_the_sandbox_provider_is_offered_only_when_asked_for(on_disk):
    assert on_disk["providers"] == []
    assert describe({**SECRETS, "CHECKOUT_SANDBOX": "true"})["providers"] == ["sandbox"]
