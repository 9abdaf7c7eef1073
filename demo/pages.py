"""Making demo pages the way an editor does: the French page first, published, then its
translation copied from it (as wagtail-localize does) and published with its own text."""


def translate_page(page, locale, **fields):
    """Publish an English (or other) copy of a French page with its own text."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def french_child(parent, model, slug, build):
    """The French page `slug` under `parent`, created and published from build() if new."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = parent.add_child(instance=model(**{**build(), "slug": slug}))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale, build):
    """The published translation of `page` in `locale`, copied and filled from build()
    if missing. The parent must already be translated."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific  # build() is skipped: no English body made for nothing
    return translate_page(page, locale, **build())
