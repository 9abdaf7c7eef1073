"""Translating a page must never overwrite the translations of the objects it uses.

wagtail-localize's TranslationCreator also "translates" a page's related snippets (a
course's category) and saves them into every target locale, even where a
translation already exists: an English category written by hand, with no string
translations in wagtail-localize, got the French text back ("Coiffure & tresses"
on /en/). Here a related object is only created where it is missing; existing
translations are left to their own translation workflow. Installed once from
CoursePagesConfig.ready (wagtail-localize offers no setting or hook for this)."""

from wagtail_localize import operations


class DependencySafeTranslationCreator(operations.TranslationCreator):
    def create_translations(self, instance, include_related_objects=True):
        if include_related_objects:
            # The object the person asked to translate: wagtail-localize's own behaviour.
            return super().create_translations(instance, include_related_objects)
        # One of its related objects (upstream calls these with include_related_objects=False).
        missing = [
            locale
            for locale in self.target_locales
            if locale.pk != instance.locale_id and not instance.has_translation(locale)
        ]
        if not missing:
            self.seen_objects.add(instance.translation_key)
            return None
        requested, self.target_locales = self.target_locales, missing
        try:
            return super().create_translations(instance, include_related_objects)
        finally:
            self.target_locales = requested


def install():
    operations.TranslationCreator = DependencySafeTranslationCreator
