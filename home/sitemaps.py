"""sitemap.xml with every public page in both languages and hreflang alternates."""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class BilingualSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return (
            pages.live()
            .public()
            .filter(locale__in=roots.values("locale"))
            .order_by("path")
            .select_related("locale")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        items = [item for item in self.paginator.page(page).object_list if _is_public(item)]
        by_key = defaultdict(list)
        for item in items:
            by_key[item.translation_key].append(item)
        urls = []
        for item in items:
            for url_info in item.get_sitemap_urls(self.request):
                url_info["alternates"] = [
                    {
                        "location": twin.get_full_url(self.request),
                        "lang_code": twin.locale.language_code,
                    }
                    for twin in by_key[item.translation_key]
                ]
                urls.append(url_info)
        self.latest_lastmod = None
        return urls


def _is_public(page):
    # Lessons are for enrolled students, except free previews.
    return getattr(page, "is_preview", True)
