"""The directory's page-cache tag (core.cache_tags): any search result, and the cards
and home-page sections kept from it, are stale when a search row is rewritten
(services.listing_changed). Its own module: the readers that keep cards sit below the
services that bump it."""

DIRECTORY_TAG = "directory"
