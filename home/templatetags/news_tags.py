"""schema.org NewsArticle data on an article page."""

from django import template

from core.json_ld import json_ld_script

register = template.Library()

# Search engines show headlines up to 110 characters.
HEADLINE_CHARS = 110
# The largest rendition the article page already shows (no extra picture is made).
COVER_IMAGE = "fill-720x405|format-webp"


@register.simple_tag(takes_context=True)
def news_json_ld(context, article):
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:HEADLINE_CHARS],
        "description": article.intro,
        "inLanguage": article.locale.language_code,
        "datePublished": article.date.isoformat(),
        "articleSection": str(article.get_topic_display()),
        "mainEntityOfPage": request.build_absolute_uri(article.get_url(request)),
        "author": {"@type": "Person", "name": str(article.author_name)},
        "publisher": {
            "@type": "Organization",
            "name": "Beauty Skills Academy",
            "url": request.build_absolute_uri("/"),
        },
    }
    if article.last_published_at:
        data["dateModified"] = article.last_published_at.isoformat()
    if article.cover_image is not None:
        rendition = article.cover_image.get_rendition(COVER_IMAGE)
        data["image"] = [request.build_absolute_uri(rendition.url)]
    return json_ld_script(data)
