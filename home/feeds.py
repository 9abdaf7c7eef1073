"""The RSS feed of one news index (one per language), made with Django's syndication."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext as _

# Articles carry a date, not a time: the feed says they came out in the morning, Douala time.
PUBLISHED_AT = time(8, 0)


class NewsFeed(Feed):
    """Called as ``NewsFeed()(request, index=news_index_page)``. The feed's language is
    the request's, which the /fr/ or /en/ prefix of the index's address sets."""

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        return _("%(title)s · Beauty Skills Academy") % {"title": index.title}

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return index.intro or _("News and trends for beauty professionals in Cameroon.")

    def items(self, index):
        return index.feed_items()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, PUBLISHED_AT))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author_name

    def item_categories(self, item):
        return [item.get_topic_display()]
