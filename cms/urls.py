"""URL map: admin and machine endpoints unprefixed, every public page under /fr/ or /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts import data_saver
from core import page_routes
from core.health import healthz
from core.service_worker import service_worker
from course_pages.offline_views import course_manifest, lesson_manifest
from home import app_views, suggestion_views
from home.sitemaps import BilingualSitemap

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Before Wagtail's admin: the support panel answers 403 to non-moderators itself.
    path("admin/support/", include("accounts.support.urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Not language-prefixed: the API answers in the language of Accept-Language.
    # allauth's headless mode at its own namespace (its views reverse "headless:…").
    path("api/v1/auth/", include("allauth.headless.urls")),
    path("api/", include("api.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("lesson-media/", include("course_pages.urls")),
    path("checkout/webhooks/", include("checkout.webhook_urls")),
    path("notifications/", include("notifications.urls")),
    path("live/callbacks/", include("live.callback_urls")),
    # The service worker's scope is the folder it is served from: the whole site.
    path("sw.js", service_worker, name="service_worker"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": BilingualSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("manifest.webmanifest", app_views.manifest, name="web_app_manifest"),
    path("offline/", app_views.offline, name="offline"),
    path("offline/saved/", app_views.saved_offline, name="saved_offline"),
    path("data-saver/", data_saver.toggle, name="data_saver"),
    path("suggest/", suggestion_views.suggestions, name="search_suggestions"),
    path("accounts/", include("allauth.urls")),
    path("account/", include("accounts.urls")),
    path("learn/offline/lesson/<int:lesson_id>/", lesson_manifest, name="offline_lesson"),
    path("learn/offline/course/<int:course_id>/", course_manifest, name="offline_course"),
    path("learn/", include("enrolment.urls")),
    path("teach/stats/", include("analytics.urls")),
    path("teach/cartridge/", include("course_pages.cartridge.urls")),
    path("teach/", include("enrolment.teaching_urls")),
    path("learn/progress/", include("analytics.beacon_urls")),
    path("checkout/", include("checkout.urls")),
    path("subscription/", include("checkout.subscription_urls")),
    path("account/orders/", include("checkout.account_urls")),
    path("directory/", include("analytics.professional_urls")),
    path("directory/", include("directory.urls")),
    path("bookings/", include("booking.urls")),
    path("messages/presence/", include("messaging.presence_urls")),
    path("messages/", include("messaging.urls")),
    path("forums/", include("community.forum_urls")),
    path("notifications/", include("notifications.centre_urls")),
    path("groups/", include("community.urls")),
    path("following/", include("community.follows.urls")),
    path("community/", include("community.hub_urls")),
    path("community/", include("community.follows.member_urls")),
    path("mentors/", include("community.mentorship.urls")),
    path("challenges/", include("community.challenge_urls")),
    path("live/", include("live.urls")),
    path("", include("certificates.urls")),
    # Wagtail's URLs, its pages served with the route remembered (core/page_routes.py).
    path("", include(page_routes.urlpatterns)),
)
