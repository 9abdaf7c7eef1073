"""Demo directory: 40 bilingual professionals in 8 towns, with services, portfolios and
a few reviews. Idempotent: people, pages and reviews are found again by their keys."""

from allauth.account.models import EmailAddress
from wagtail.models import Locale

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from course_pages.demo import DemoMedia, translate_page
from home.models import HomePage

from .models import (
    ProfessionalIndexPage,
    ProfessionalPage,
    Review,
    Service,
    ServiceCategory,
    SpokenLanguage,
    Town,
)
from .services import refresh_rating, sync_listing

PROFESSIONALS = 40
TOWNS = ["douala", "yaounde", "bafoussam", "bamenda", "buea", "garoua", "limbe", "kribi"]
FIRST_NAMES = [
    "Awa", "Brenda", "Clarisse", "Delphine", "Esther", "Flore", "Gladys", "Hortense",
    "Inès", "Joëlle", "Kelly", "Laure", "Mireille", "Nadège", "Olive", "Prisca",
    "Rachel", "Sandrine", "Tatiana", "Vanessa",
]  # fmt: skip
# Real districts of each demo town: a profile never says "Bastos, Douala".
NEIGHBOURHOODS = {
    "douala": ["Akwa", "Bonapriso", "Bonamoussadi", "Makepe", "Bali"],
    "yaounde": ["Bastos", "Mvog-Mbi", "Essos", "Biyem-Assi", "Nlongkak"],
    "bafoussam": ["Tamdja", "Djeleng", "Famla"],
    "bamenda": ["Nkwen", "Mankon", "Up Station"],
    "buea": ["Molyko", "Great Soppo", "Bonduma"],
    "garoua": ["Roumdé Adjia", "Poumpoumré", "Yelwa"],
    "limbe": ["Mile 4", "Down Beach", "Bota"],
    "kribi": ["Dombè", "Afan Mabé", "Ngoyè"],
}
LAST_NAMES = ["Ndongo", "Tabi", "Fouda", "Achu", "Hamadou", "Ebai", "Kamga", "Mbah"]
BUSINESS = [
    ("Studio", "Studio"),
    ("Atelier", "Workshop"),
    ("Maison", "House"),
    ("Salon", "Salon"),
]
# slug: (French service, English service, minutes, price, French pitch, English pitch)
SERVICES = {
    "makeup": (
        "Maquillage de mariée", "Bridal make-up", 90, 25000,
        "maquillage longue tenue pour mariages et dots",
        "long-wear make-up for weddings and traditional ceremonies",
    ),
    "braiding": (
        "Tresses sans nœuds", "Knotless braids", 240, 15000,
        "tresses, nattes collées et vanilles soignées",
        "neat braids, cornrows and twists",
    ),
    "hair": (
        "Coupe et brushing", "Cut and blow-dry", 60, 7000,
        "coupes, défrisages doux et soins des cheveux naturels",
        "cuts, gentle relaxers and natural hair care",
    ),
    "nails": (
        "Pose de gel", "Gel nails", 75, 8000,
        "ongles en gel, nail art et pédicure",
        "gel nails, nail art and pedicures",
    ),
    "skincare": (
        "Soin du visage", "Facial", 60, 12000,
        "soins du visage adaptés aux peaux noires et métissées",
        "facials suited to dark and mixed skin",
    ),
}  # fmt: skip
REVIEWS = [
    (5, "Travail soigné et très ponctuelle. Je recommande !"),
    (4, "Très beau résultat, un peu d'attente au début."),
    (5, "Great work, my braids lasted six weeks."),
]


def load():
    french = Locale.objects.get(language_code="fr")
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=french).first()
    if home is None:
        raise RuntimeError("Load the home pages first (home.demo.load).")
    index = _index(home, english)
    media = DemoMedia(owner=User.objects.filter(is_superuser=True).first())
    categories = list(ServiceCategory.objects.order_by("sort_order"))
    for number in range(PROFESSIONALS):
        page = _professional(index, english, number, categories, media)
        _reviews(page, number)
    return index


def _index(home, english):
    index = ProfessionalIndexPage.objects.child_of(home).first()
    if index is None:
        index = ProfessionalIndexPage(
            title="Trouver une professionnelle",
            slug="professionnelles",
            show_in_menus=True,
            intro="Maquilleuses, tresseuses, coiffeuses et esthéticiennes près de chez vous.",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        index.refresh_from_db()
    translate_page(
        index,
        english,
        title="Find a professional",
        slug="professionals",
        intro="Make-up artists, braiders, hairdressers and beauticians near you.",
    )
    return index


def place_of(number):
    """(town slug, neighbourhood of that town) of demo professional `number`."""
    town = TOWNS[number % len(TOWNS)]
    districts = NEIGHBOURHOODS[town]
    return town, districts[number // len(TOWNS) % len(districts)]


def _person(number):
    first = FIRST_NAMES[number % len(FIRST_NAMES)]
    last = LAST_NAMES[number % len(LAST_NAMES)]
    email = f"pro{number + 1:02d}@demo.bsa"
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _professional(index, english, number, categories, media):
    user = _person(number)
    existing = ProfessionalPage.objects.filter(user=user, locale=index.locale).first()
    if existing is not None:
        return existing
    main = categories[number % len(categories)]
    second = categories[(number + 2) % len(categories)]
    fr_word, en_word = BUSINESS[number % len(BUSINESS)]
    title = f"{fr_word} {user.first_name} {user.last_name}"
    service_fr, service_en, _m, _p, pitch_fr, pitch_en = SERVICES[main.slug]
    town_slug, neighbourhood = place_of(number)
    town = Town.objects.get(slug=town_slug)
    travels = number % 3 == 0
    page = ProfessionalPage(
        title=title,
        slug=f"pro-{number + 1:02d}",
        user=user,
        owner=user,
        town=town,
        neighbourhood=neighbourhood,
        bio=f"{user.first_name} propose {pitch_fr} à {town.name}.",
        travels_to_clients=travels,
        travel_radius_km=[20, 30, 60, 150][number % 4] if travels else 0,
        phone=f"+2376770{number:05d}",
        whatsapp=f"+2376990{number:05d}",
        photo=media.image(f"Portrait {title}", size=(320, 320)),
        portfolio=_portfolio(media, main.slug, number),
    )
    index.add_child(instance=page)
    page.specialities.set([main, second])
    page.languages.set(
        SpokenLanguage.objects.filter(code__in=["fr", "en", "pcm"][: 1 + number % 3])
    )
    page.save_revision().publish()
    page.refresh_from_db()
    for category in (main, second):
        name_fr, name_en, minutes, price, _pf, _pe = SERVICES[category.slug]
        price += (number % 5) * 1000
        Service.objects.create(
            professional=page,
            category=category,
            name_fr=name_fr,
            name_en=name_en,
            duration_minutes=minutes,
            price_xaf=price,
            deposit_kind=Service.DepositKind.PERCENT,
            deposit_value=30,
            is_online=category.slug == "skincare" and number % 2 == 0,
        )
    translate_page(
        page, english, title=title, bio=f"{user.first_name} offers {pitch_en} in {town.name}."
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
    authors = [
        User.objects.filter(email=email).first()
        for email in ("client@demo.bsa", "student@demo.bsa", "instructor@demo.bsa")
    ]
    for author, (rating, text) in zip(authors, REVIEWS, strict=False):
        if author is not None:
            Review.objects.create(professional=page, author=author, rating=rating, text=text)
    refresh_rating(professional=page)
