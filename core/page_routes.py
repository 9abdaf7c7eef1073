"""Wagtail's page routing, remembered: which page a URL serves, kept in the cache until
the page tree, a site, a locale or a view restriction changes.

Wagtail finds the page of every request from scratch: the site, the locale, the root
page in that language, then one query for each URL segment and one for each page's
specific type, then two more for view restrictions — seven to nine queries on every
page before it renders anything. A remembered route costs one cache read and the one
query that loads the page itself, so a page's content is never older than the database.

The whole table is dropped at once (a new generation number) on any change that can
move a URL or its restrictions: pages being saved, published, unpublished, moved or
deleted are rare next to page views. Only plain routes are remembered: a page that
routes further by itself (RoutablePageMixin's sub-URLs) is routed by Wagtail every time.

A page type read far more often than any page is written may keep its row in the route
too (ROUTE_KEEPS_PAGE, the lesson): the generation changes with every save or deletion
of any page, so the kept row is as fresh as the database's (nothing here writes pages
with QuerySet.update, which sends no signal), and its views cost no query at all."""

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from django.urls import re_path
from django.utils import translation
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.url_routing import RouteResult

from core import request_memo

GENERATION_KEY = "page-routes:generation"
# A day: the generation number makes changes show at once; this only bounds the memory.
TIMEOUT = 24 * 3600
# What a remembered route holds: a new number when that changes, so a deploy reads no
# route remembered by the code before it.
ROUTE_FORMAT = 2


def _generation():
    """The table's generation, read once per request (core.request_memo): the route,
    the site and the language links of one page all need it."""
    memo = request_memo.current()
    if memo is not None and GENERATION_KEY in memo:
        return memo[GENERATION_KEY]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(GENERATION_KEY, generation, None)
    if memo is not None:
        memo[GENERATION_KEY] = generation
    return generation


def forget_routes(**kwargs):
    """Signal receiver: every URL is routed by Wagtail again, once. Now and again after
    the change commits: a request that routed from the old rows while the transaction
    was open may have remembered them under the new generation."""
    _next_generation()
    transaction.on_commit(_next_generation)


def _next_generation():
    memo = request_memo.current()
    if memo is not None:
        memo.pop(GENERATION_KEY, None)
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def _key(request, path):
    hostname = split_domain_port(request._get_raw_host())[0]
    return (
        f"page-routes:{_generation()}:{ROUTE_FORMAT}:{hostname}:{request.get_port()}:"
        f"{translation.get_language()}:{path}"
    )


def serve(request, path):
    """wagtail.views.serve, with the route read from the cache when it is there."""
    key = _key(request, path)
    remembered = cache.get(key)
    if remembered is not None:
        page = _load(request, remembered)
        if page is not None:
            request._wagtail_route_for_request = RouteResult(page)
    if not hasattr(request, "_wagtail_route_for_request"):
        _remember(request, path, key)
    return wagtail_views.serve(request, path)


def _load(request, remembered):
    site, content_type, page_pk, restriction_pks, kept = remembered
    try:
        model = apps.get_model(*content_type)
    except LookupError:
        # A page type gone since the route was remembered (a deploy): route it afresh.
        return None
    page = kept if kept is not None else _read_page(model, page_pk)
    if page is None:
        return None
    request._wagtail_site = site
    # Wagtail's view-restriction hook asks the page for its restrictions (two queries
    # through the ancestors); the route already knows them.
    if restriction_pks:
        page.get_view_restrictions = lambda: PageViewRestriction.objects.filter(
            pk__in=restriction_pks
        )
    else:
        page.get_view_restrictions = PageViewRestriction.objects.none
    return page


def _read_page(model, page_pk):
    # Every page reads its locale (language switcher, hreflang): in the same query, with
    # what the page type says it always reads (ROUTE_SELECT_RELATED, e.g. its cover).
    related = getattr(model, "ROUTE_SELECT_RELATED", ())
    return model.objects.filter(pk=page_pk, live=True).select_related("locale", *related).first()


def site_for(request):
    """Site.find_for_request, remembered like routes (until any site or page changes):
    pages that are not Wagtail pages (My learning…) draw the site chrome too, and
    Wagtail finds their site with a query on each request."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        key = f"page-routes:{_generation()}:site:{hostname}:{request.get_port()}"
        # A list: a request no site answers is remembered too, as [None].
        remembered = cache.get(key)
        if remembered is None:
            remembered = [Site.find_for_request(request)]
            cache.set(key, remembered, TIMEOUT)
        request._wagtail_site = remembered[0]
    return request._wagtail_site


def translation_urls(request, page):
    """{language code: URL} of the page's live versions (itself included), for the
    language switcher and hreflang links of every page: remembered like routes, until
    any page is saved, published, unpublished, moved or deleted."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"page-translations:{_generation()}:{hostname}:{request.get_port()}:{page.pk}"
    urls = cache.get(key)
    if urls is None:
        urls = {
            other.locale.language_code: other.get_url(request)
            for other in page.get_translations(inclusive=True).live().select_related("locale")
        }
        cache.set(key, urls, TIMEOUT)
    return urls


def _remember(request, path, key):
    route = Page.route_for_request(request, path)
    if route is None:
        return
    page, args, kwargs = route
    if args or kwargs:
        return
    restriction_pks = [restriction.pk for restriction in page.get_view_restrictions()]
    model = type(page)
    meta = model._meta
    # Read afresh, as a remembered route reads it: the routed page carries this request.
    kept = _read_page(model, page.pk) if getattr(model, "ROUTE_KEEPS_PAGE", False) else None
    cache.set(
        key,
        (
            Site.find_for_request(request),
            (meta.app_label, meta.model_name),
            page.pk,
            restriction_pks,
            kept,
        ),
        TIMEOUT,
    )


def connect_signals():
    page_published.connect(forget_routes, dispatch_uid="page-routes-published")
    page_unpublished.connect(forget_routes, dispatch_uid="page-routes-unpublished")
    post_page_move.connect(forget_routes, dispatch_uid="page-routes-moved")
    # Without a sender: each page type sends its own signals.
    post_save.connect(_forget_on_change, dispatch_uid="page-routes-saved")
    # Deletes by sender only: a delete receiver for every model would stop Django
    # deleting any row without reading it first (fast deletes).
    for model in {Page, *get_page_models(), Site, Locale, PageViewRestriction}:
        post_delete.connect(
            _forget_on_change, sender=model, dispatch_uid=f"page-routes-deleted.{model._meta.label}"
        )


def _forget_on_change(sender, instance, **kwargs):
    if isinstance(instance, Page | Site | Locale | PageViewRestriction):
        forget_routes()


# Wagtail's URLs (password form, login) with its page view replaced by `serve`.
urlpatterns = [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
