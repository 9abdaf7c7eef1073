"""Give back their English text to the categories a page translation overwrote with
the French one (see course_pages/localize_dependencies.py). Only English rows that
still read exactly like their French source are touched."""

from django.db import migrations

# French slug → the English name, slug and description the site set by hand.
ENGLISH_CATEGORIES = {
    "maquillage": (
        "Makeup Artistry",
        "makeup-artistry",
        "Base, eyes, bridal and evening looks on black and mixed-race skin.",
    ),
    "coiffure-tresses": (
        "Hairstyling & Braiding",
        "hairstyling-braiding",
        "African braids, knotless braids, twists and natural hair care.",
    ),
    "onglerie": ("Nail Technology", "nail-technology", "Manicure, gel extensions and nail art."),
    "soins-de-la-peau": (
        "Skincare",
        "skincare",
        "Routines, facials and advice for black and mixed-race skin.",
    ),
    "gestion-activite": (
        "Business Skills",
        "business-skills",
        "Pricing, clients, Mobile Money and social media: earning a living.",
    ),
}


def repair(apps, schema_editor):
    CourseCategory = apps.get_model("course_pages", "CourseCategory")
    Locale = apps.get_model("wagtailcore", "Locale")
    french = Locale.objects.filter(language_code="fr").first()
    english = Locale.objects.filter(language_code="en").first()
    if french is None or english is None:
        return
    for source in CourseCategory.objects.filter(locale=french, slug__in=ENGLISH_CATEGORIES):
        name, slug, description = ENGLISH_CATEGORIES[source.slug]
        target = CourseCategory.objects.filter(
            locale=english, translation_key=source.translation_key, name=source.name
        ).first()
        if target is None:
            continue
        target.name = name
        if target.description == source.description:
            target.description = description
        slug_taken = CourseCategory.objects.filter(locale=english, slug=slug).exclude(pk=target.pk)
        if target.slug == source.slug and not slug_taken.exists():
            target.slug = slug
        target.save()


class Migration(migrations.Migration):
    dependencies = [
        ("course_pages", "0007_coursepage_certificate_template_and_more"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
