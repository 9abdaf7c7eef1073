"""Admin hooks of the home app: a new news index is open to moderators at once."""

from wagtail import hooks

from .models import NewsIndexPage
from .news_permissions import grant_moderator_news_permissions


@hooks.register("after_create_page")
@hooks.register("after_publish_page")
def grant_moderators_new_news_indexes(request, page):
    if isinstance(page, NewsIndexPage):
        grant_moderator_news_permissions()
