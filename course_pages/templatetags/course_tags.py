"""Display helpers for course pages: prices in FCFA, durations, JSON-LD."""

from django import template
from django.utils.translation import gettext as _

from checkout.money import format_xaf
from core.json_ld import json_ld_script

register = template.Library()


@register.simple_tag
def price(amount_xaf):
    """'Gratuit' / 'Free', or '5 000 FCFA' in French and 'FCFA 5,000' in English."""
    if not amount_xaf:
        return _("Free")
    return format_xaf(amount_xaf)


@register.filter
def minutes(total):
    total = int(total or 0)
    hours, rest = divmod(total, 60)
    if hours and rest:
        return _("%(h)d h %(m)02d min") % {"h": hours, "m": rest}
    if hours:
        return _("%(h)d h") % {"h": hours}
    return _("%(m)d min") % {"m": rest}


@register.simple_tag(takes_context=True)
def course_json_ld(context, course, instructor_page, ratings=None):
    """schema.org Course data for search engines, with its AggregateRating once rated."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": course.title,
        "description": course.summary,
        "inLanguage": course.locale.language_code,
        "educationalLevel": course.get_level_display(),
        "url": course.get_full_url(request),
        "provider": {
            "@type": "Organization",
            "name": "Beauty Skills Academy",
            "sameAs": request.build_absolute_uri("/"),
        },
        "offers": {
            "@type": "Offer",
            "category": "Free" if course.is_free else "Paid",
            "price": str(course.price_xaf),
            "priceCurrency": "XAF",
        },
        "hasCourseInstance": {
            "@type": "CourseInstance",
            "courseMode": "online",
            "instructor": {"@type": "Person", "name": instructor_page.title},
        },
    }
    if ratings and ratings["count"]:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": f"{ratings['average']:.2f}",
            "ratingCount": ratings["count"],
            "bestRating": 5,
            "worstRating": 1,
        }
    return json_ld_script(data)


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)
