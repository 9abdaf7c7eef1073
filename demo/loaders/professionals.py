"""Demo directory: bilingual professionals pro01…pro40@demo.bsa in eight towns, with
services, portfolios and a few reviews. The lists are in demo/content/professionals.yaml;
which professional gets which name, town, trade and price follows from its number, so
the same people come back every time. Idempotent: people, pages and reviews are found
again by their keys."""

from wagtail.models import Locale

from accounts.models import User
from demo.content import read
from demo.media import DemoMedia
from demo.pages import translate_page
from directory.models import (
    ProfessionalIndexPage,
    ProfessionalPage,
    Review,
    Service,
    ServiceCategory,
    SpokenLanguage,
    Town,
)
from directory.services import refresh_rating, sync_listing
from home.models import HomePage

from .people import demo_password_hash, verified_email

DATA = read("professionals")
PROFESSIONALS = DATA["count"]
TOWNS = DATA["towns"]
# Real districts of each demo town: a profile never says "Bastos, Douala".
NEIGHBOURHOODS = DATA["neighbourhoods"]
SERVICES = DATA["services"]


def load():
    french = Locale.objects.get(language_code="fr")
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=french).first()
    if home is None:
        raise RuntimeError("Load the home pages first (demo.loaders.site.load).")
    index = _index(home, english)
    media = DemoMedia(owner=User.objects.filter(is_superuser=True).first())
    categories = list(ServiceCategory.objects.order_by("sort_order"))
    for number in range(PROFESSIONALS):
        page = _professional(index, english, number, categories, media)
        _reviews(page, number)
    return index


def _index(home, english):
    texts = DATA["index_page"]
    index = ProfessionalIndexPage.objects.child_of(home).first()
    if index is None:
        index = ProfessionalIndexPage(show_in_menus=True, **texts["fr"])
        home.add_child(instance=index)
        index.save_revision().publish()
        index.refresh_from_db()
    translate_page(index, english, **texts["en"])
    return index


def place_of(number):
    """(town slug, neighbourhood of that town) of demo professional `number`."""
    town = TOWNS[number % len(TOWNS)]
    districts = NEIGHBOURHOODS[town]
    return town, districts[number // len(TOWNS) % len(districts)]


def _person(number):
    first = DATA["first_names"][number % len(DATA["first_names"])]
    last = DATA["last_names"][number % len(DATA["last_names"])]
    email = f"pro{number + 1:02d}@demo.bsa"
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last}
    )
    if created:
        user.password = demo_password_hash()
        user.save()
    verified_email(user)
    return user


def _professional(index, english, number, categories, media):
    user = _person(number)
    existing = ProfessionalPage.objects.filter(user=user, locale=index.locale).first()
    if existing is not None:
        return existing
    main = categories[number % len(categories)]
    second = categories[(number + 2) % len(categories)]
    words = DATA["business_words"][number % len(DATA["business_words"])]
    title = f"{words['fr']} {user.first_name} {user.last_name}"
    pitch = SERVICES[main.slug]["pitch"]
    town_slug, neighbourhood = place_of(number)
    town = Town.objects.get(slug=town_slug)
    bio = DATA["bio"]
    travels = number % 3 == 0
    radii = DATA["travel_radius_km"]
    page = ProfessionalPage(
        title=title,
        slug=f"pro-{number + 1:02d}",
        user=user,
        owner=user,
        town=town,
        neighbourhood=neighbourhood,
        bio=bio["fr"].format(first_name=user.first_name, pitch=pitch["fr"], town=town.name),
        travels_to_clients=travels,
        travel_radius_km=radii[number % len(radii)] if travels else 0,
        phone=f"+2376770{number:05d}",
        whatsapp=f"+2376990{number:05d}",
        photo=media.image(f"Portrait {title}", size=(320, 320)),
        portfolio=_portfolio(media, main.slug, number),
    )
    index.add_child(instance=page)
    page.specialities.set([main, second])
    languages = DATA["spoken_languages"]
    page.languages.set(SpokenLanguage.objects.filter(code__in=languages[: 1 + number % 3]))
    page.save_revision().publish()
    page.refresh_from_db()
    for category in (main, second):
        service = SERVICES[category.slug]
        Service.objects.create(
            professional=page,
            category=category,
            name_fr=service["name"]["fr"],
            name_en=service["name"]["en"],
            duration_minutes=service["minutes"],
            price_xaf=service["price"] + (number % 5) * 1000,
            deposit_kind=Service.DepositKind.PERCENT,
            deposit_value=DATA["deposit_percent"],
            is_online=category.slug == "skincare" and number % 2 == 0,
        )
    translate_page(
        page,
        english,
        title=title,
        bio=bio["en"].format(first_name=user.first_name, pitch=pitch["en"], town=town.name),
    )
    sync_listing(professional=page)
    return page


def _portfolio(media, slug, number):
    pairs = []
    for pair in range(2):
        key = f"{slug} {(number + pair) % 4 + 1}"
        pairs.append(
            (
                "before_after",
                {
                    "before": media.image(f"Avant / before {key}", size=(480, 480)),
                    "after": media.image(f"Après / after {key}", size=(480, 480)),
                    "caption": "",
                },
            )
        )
    return pairs


def _reviews(page, number):
    if number % 4 or page.reviews.exists():
        return
    authors = [User.objects.filter(email=email).first() for email in DATA["review_authors"]]
    for author, review in zip(authors, DATA["reviews"], strict=False):
        if author is not None:
            Review.objects.create(professional=page, author=author, **review)
    refresh_rating(professional=page)
