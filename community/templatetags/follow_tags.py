"""The follow button, for any page that shows a person (the instructor and professional
pages load this library by name: their apps never import community)."""

from django import template

from core import page_cache

from ..follows import selectors
from ..follows.services import followers_tag

register = template.Library()


@register.inclusion_tag("community/follows/_follow_button.html", takes_context=True)
def follow_button(context, person_id):
    """Follow or unfollow `person_id` (a user id), with her number of followers. Two
    small queries."""
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    is_self = signed_in and user.pk == person_id
    if request is not None:
        page_cache.adds(request, followers_tag(person_id))
    return {
        "person_id": person_id,
        "signed_in": signed_in,
        "is_self": is_self,
        "is_following": signed_in and not is_self and selectors.is_following(user, person_id),
        "followers": selectors.followers_count(person_id),
        "next": request.get_full_path() if request else "",
        "csrf_token": context.get("csrf_token"),
    }
