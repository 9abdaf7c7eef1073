"""Versions for ``{% cache %}`` keys of fragments shared by everyone who sees them
(course cards; the menu and footer are kept as data by home/site_chrome.py) on pages
rendered for signed-in people, which the page cache does not keep whole:
``{% shared_version as v %}{% cache 300 course_card … v %}…{% endcache %}``. A change that bumps the tag (core.cache_tags)
makes a new key, so the old fragment is never read again."""

from django import template

from core import cache_tags

register = template.Library()


@register.simple_tag(takes_context=True)
def shared_version(context, *tags):
    """The versions of these tags (default: the all-pages tag) as one string; read
    once per request and tag set."""
    tags = tags or (cache_tags.ALL,)
    request = context.get("request")
    memo = getattr(request, "_shared_versions", None) if request is not None else None
    if memo is None:
        memo = {}
        if request is not None:
            request._shared_versions = memo
    if tags not in memo:
        memo[tags] = cache_tags.version_string(tags)
    return memo[tags]


@register.simple_tag
def filters_key(filter_set, *skipped):
    """What a listing's filters (django-filter) render from besides the language: the
    asked values of its fields but `skipped` ones (the search box, cheap and free text),
    or "" when the form shows errors (not cached). The values of a valid form are
    choices, numbers and dates, so the keys stay few."""
    if not filter_set.is_bound:
        return "unbound"
    form = filter_set.form
    if not form.is_valid():
        return ""
    data = form.data
    asked = [(name, data.getlist(name)) for name in sorted(form.fields) if name not in skipped]
    return repr([(name, values) for name, values in asked if any(values)])
