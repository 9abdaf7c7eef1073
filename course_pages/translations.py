"""Show the page in the reader's language when it exists, in one query."""

from wagtail.models import Page


def localize_pages(pages, locale):
    """Return each page's live translation in `locale`, or the page itself."""
    pages = [page for page in pages if page is not None]
    keys = {page.translation_key for page in pages if page.locale_id != locale.pk}
    if not keys:
        return pages
    translated = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(translation_key__in=keys, locale=locale)
        .select_related("locale")
    }
    return [translated.get(page.translation_key, page) for page in pages]
