"""The demo site record carries the port the site runs on, so full URLs (sitemap,
course JSON-LD) point where `make run PORT=…` serves."""

import pytest
from django.test import override_settings
from wagtail.models import Site

from demo.loaders import site


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL="http://localhost:8011")
def test_the_demo_site_record_uses_the_port_the_site_runs_on():
    site.load()

    default = Site.objects.get(is_default_site=True)
    assert (default.hostname, default.port) == ("localhost", 8011)
    assert default.root_page.get_full_url().startswith("http://localhost:8011/")
