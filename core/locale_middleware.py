"""Language middleware that leaves machine URLs alone.

Django's LocaleMiddleware answers a 404 on an unprefixed path with a redirect to the
same path under /fr/, because Wagtail's catch-all makes every prefixed path look
valid. For webhooks, media and the admin a 404 must stay a 404."""

from django.middleware.locale import LocaleMiddleware

UNPREFIXED_PATHS = (
    "/admin/",
    # The API picks the language from Accept-Language and says so itself (Vary).
    "/api/",
    "/checkout/webhooks/",
    "/documents/",
    "/lesson-media/",
    "/live/callbacks/",
    "/healthz",
    "/sitemap.xml",
    "/static/",
    "/media/",
    "/notifications/",
    # One worker for every language: no Vary: Accept-Language to defeat its 304.
    "/sw.js",
)


class SiteLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
