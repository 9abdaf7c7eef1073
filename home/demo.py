"""Bilingual demo site pages: home, about, FAQ, terms, privacy, footer."""

from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from .models import ContactSettings, FooterContent, HomePage, StandardPage


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


def _richtext(html):
    return RichText(html)


STANDARD_PAGES = [
    {
        "slug": "a-propos",
        "fr": {
            "title": "À propos",
            "intro": "Une académie en ligne pour les métiers de la beauté au Cameroun.",
            "body": [
                (
                    "paragraph",
                    _richtext(
                        "<p>Beauty Skills Academy réunit des formatrices et formateurs "
                        "confirmés du maquillage, de la coiffure et des tresses, de l'onglerie et des soins "
                        "de la peau. Les cours sont pensés pour le téléphone et les petits forfaits.</p>"
                    ),
                ),
                ("heading", "Notre promesse"),
                (
                    "paragraph",
                    _richtext(
                        "<ul><li>Des leçons courtes, en français et en anglais.</li>"
                        "<li>Des vidéos légères : 2,5 Mo par minute en mode économie.</li>"
                        "<li>Un certificat vérifiable par tout employeur.</li></ul>"
                    ),
                ),
            ],
        },
        "en": {
            "title": "About",
            "slug": "about",
            "intro": "An online academy for beauty trades in Cameroon.",
            "body": [
                (
                    "paragraph",
                    _richtext(
                        "<p>Beauty Skills Academy brings together experienced "
                        "instructors in make-up, hairstyling and braiding, nails and skincare. Courses are "
                        "designed for phones and small data bundles.</p>"
                    ),
                ),
                ("heading", "Our promise"),
                (
                    "paragraph",
                    _richtext(
                        "<ul><li>Short lessons, in French and English.</li>"
                        "<li>Light videos: 2.5 MB per minute in data-saver mode.</li>"
                        "<li>A certificate any employer can verify.</li></ul>"
                    ),
                ),
            ],
        },
    },
    {
        "slug": "faq",
        "fr": {
            "title": "Questions fréquentes",
            "intro": "Les réponses aux questions que l'on nous pose le plus.",
            "body": [
                (
                    "question_answer",
                    {
                        "question": "Comment payer une formation ?",
                        "answer": _richtext(
                            "<p>Avec MTN Mobile Money, Orange Money ou une carte bancaire.</p>"
                        ),
                    },
                ),
                (
                    "question_answer",
                    {
                        "question": "Les vidéos consomment-elles beaucoup de données ?",
                        "answer": _richtext(
                            "<p>Non : le mode économie de données est choisi par défaut "
                            "et rien ne se télécharge avant que vous appuyiez sur lecture.</p>"
                        ),
                    },
                ),
                (
                    "question_answer",
                    {
                        "question": "Mon certificat est-il reconnu ?",
                        "answer": _richtext(
                            "<p>Chaque certificat porte un code et un QR code que tout employeur peut "
                            "vérifier en ligne.</p>"
                        ),
                    },
                ),
            ],
        },
        "en": {
            "title": "Frequently asked questions",
            "slug": "faq",
            "intro": "Answers to the questions we hear most.",
            "body": [
                (
                    "question_answer",
                    {
                        "question": "How do I pay for a course?",
                        "answer": _richtext(
                            "<p>With MTN Mobile Money, Orange Money or a bank card.</p>"
                        ),
                    },
                ),
                (
                    "question_answer",
                    {
                        "question": "Do the videos use a lot of data?",
                        "answer": _richtext(
                            "<p>No: data-saver mode is the default and nothing downloads until you tap play.</p>"
                        ),
                    },
                ),
                (
                    "question_answer",
                    {
                        "question": "Is my certificate recognised?",
                        "answer": _richtext(
                            "<p>Every certificate carries a code and a QR code that any employer can check "
                            "online.</p>"
                        ),
                    },
                ),
            ],
        },
    },
    {
        "slug": "conditions",
        "fr": {
            "title": "Conditions d'utilisation",
            "intro": "Les règles qui s'appliquent à l'utilisation de l'académie.",
            "body": [
                (
                    "paragraph",
                    _richtext(
                        "<p>En créant un compte, vous acceptez d'utiliser "
                        "l'académie avec respect envers les autres membres. Les paiements sont en "
                        "francs CFA (XAF).</p>"
                    ),
                )
            ],
        },
        "en": {
            "title": "Terms of use",
            "slug": "terms",
            "intro": "The rules that apply when you use the academy.",
            "body": [
                (
                    "paragraph",
                    _richtext(
                        "<p>By creating an account you agree to use the academy "
                        "respectfully towards other members. Payments are in CFA francs (XAF).</p>"
                    ),
                )
            ],
        },
    },
    {
        "slug": "confidentialite",
        "fr": {
            "title": "Confidentialité",
            "intro": "Ce que nous faisons de vos données personnelles.",
            "body": [
                (
                    "paragraph",
                    _richtext(
                        "<p>Nous gardons votre nom, votre e-mail et votre "
                        "numéro de téléphone pour gérer vos formations et vos paiements. Nous ne les "
                        "vendons jamais.</p>"
                    ),
                )
            ],
        },
        "en": {
            "title": "Privacy",
            "slug": "privacy",
            "intro": "What we do with your personal data.",
            "body": [
                (
                    "paragraph",
                    _richtext(
                        "<p>We keep your name, e-mail and phone number to run "
                        "your courses and payments. We never sell them.</p>"
                    ),
                )
            ],
        },
    },
]


def load():
    """Create the French site and its English translation. Safe to call twice."""
    french = Locale.objects.get_or_create(language_code="fr")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    home = HomePage.objects.filter(locale=french).first()
    if home is None:
        home = _create_french_home()
    home_en = translate_page(
        home,
        english,
        title="Home",
        slug="home",
        hero_title="Learn beauty trades from Cameroon's best professionals",
        hero_text="Make-up, braiding, hair, nails and skincare: short lessons for your phone, "
        "a certificate employers can check, and clients who book you.",
        hero_cta_text="Create my free account",
    )
    for spec in STANDARD_PAGES:
        page = StandardPage.objects.filter(locale=french, slug=spec["slug"]).first()
        if page is None:
            page = home.add_child(
                instance=StandardPage(
                    slug=spec["slug"],
                    **spec["fr"],
                )
            )
            page.save_revision().publish()
        translate_page(page, english, **spec["en"])
    # Reload: the in-memory pages do not know the children added since (numchild).
    _load_footers(french, english, Page.objects.get(pk=home.pk), Page.objects.get(pk=home_en.pk))
    ContactSettings.objects.update_or_create(
        pk=ContactSettings.load().pk,
        defaults={"email": "bonjour@beautyskills.academy", "whatsapp": "+237 677 00 00 00"},
    )
    return home


def _create_french_home():
    root = Page.get_first_root_node()
    welcome = root.get_children().exclude(content_type__model="homepage").first()
    home = root.add_child(
        instance=HomePage(
            title="Accueil",
            slug="accueil",
            hero_title="Apprenez les métiers de la beauté avec les meilleurs pros du Cameroun",
            hero_text="Maquillage, tresses, coiffure, ongles et soins : des leçons courtes pour "
            "votre téléphone, un certificat vérifiable et des clientes qui vous réservent.",
            hero_cta_text="Créer mon compte gratuit",
        )
    )
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Beauty Skills Academy",
        )
    else:
        site.root_page = home
        site.site_name = "Beauty Skills Academy"
        site.save()
    if welcome is not None:
        welcome.delete()
    return home


def _load_footers(french, english, home, home_en):
    for locale, tagline, pages in [
        (french, "Les métiers de la beauté, appris sur votre téléphone.", home.get_children()),
        (english, "Beauty trades, learnt on your phone.", home_en.get_children()),
    ]:
        if FooterContent.objects.filter(locale=locale).exists():
            continue
        source = FooterContent.objects.filter(locale=french).first()
        footer = FooterContent(
            locale=locale,
            tagline=tagline,
            links=[("link", {"label": "", "page": p}) for p in pages.live()],
        )
        if source is not None:
            footer.translation_key = source.translation_key
        footer.save()


STEPS = {
    "fr": [
        ("Choisissez une formation", "Maquillage, tresses, ongles, soins : gratuite ou payante."),
        ("Apprenez sur votre téléphone", "Des leçons courtes, même hors connexion."),
        ("Certifiée, trouvez des clientes", "Votre certificat s'affiche sur votre profil."),
    ],
    "en": [
        ("Choose a course", "Make-up, braids, nails, skincare: free or paid."),
        ("Learn on your phone", "Short lessons, even offline."),
        ("Certified, find clients", "Your certificate shows on your profile."),
    ],
}
FEATURED_COURSES = 4
# Demo professionals pro01…pro16: two per demo town, so every town has certified ones.
CERTIFIED_PROFESSIONALS = 16


def load_showcase():
    """What the home page shows once the other demo loaders ran: its steps, featured
    courses (with a cover, free and paid) and certified professionals in every town.
    Safe to call twice."""
    french_home = HomePage.objects.filter(locale__language_code="fr").first()
    if french_home is None:
        return None
    _home_steps_and_picks(french_home)
    _certify_professionals()
    return french_home


def _steps(language):
    return [("step", {"title": title, "text": text}) for title, text in STEPS[language]]


def _home_steps_and_picks(french_home):
    from course_pages.models import CoursePage

    courses = list(
        CoursePage.objects.live()
        .filter(locale=french_home.locale, cover_image__isnull=False)
        .order_by("price_xaf", "path")
    )
    free = [course for course in courses if course.is_free]
    paid = [course for course in courses if not course.is_free]
    picks = (paid[:2] + free[:2] + paid[2:] + free[2:])[:FEATURED_COURSES]
    if not french_home.featured_courses:
        french_home.featured_courses = [("course", course) for course in picks]
    if not french_home.how_it_works:
        french_home.how_it_works = _steps("fr")
    french_home.save_revision().publish()
    english_home = french_home.get_translation_or_none(Locale.objects.get(language_code="en"))
    if english_home is not None and not english_home.specific.how_it_works:
        english_home = english_home.specific
        english_home.how_it_works = _steps("en")
        english_home.save_revision().publish()


def _certify_professionals():
    from django.db import transaction
    from django.utils import timezone

    from certificates.services import issue_for_enrolment
    from course_pages.models import CoursePage
    from directory.models import ProfessionalPage
    from directory.services import sync_listing
    from enrolment.models import Enrolment, LessonProgress
    from enrolment.selectors import required_lessons
    from enrolment.services import enrol

    course = (
        CoursePage.objects.live()
        .filter(locale=Locale.get_default(), price_xaf=0)
        .order_by("path")
        .first()
    )
    if course is None:
        return
    professionals = ProfessionalPage.objects.filter(
        locale=Locale.get_default(),
        slug__in=[f"pro-{n:02d}" for n in range(1, CERTIFIED_PROFESSIONALS + 1)],
    ).select_related("user")
    lessons = list(required_lessons(course))
    for professional in professionals:
        with transaction.atomic():
            enrolment, _created = enrol(user=professional.user, course=course)
            for lesson in lessons:
                LessonProgress.objects.get_or_create(
                    enrolment=enrolment,
                    lesson=lesson,
                    defaults={"reason": LessonProgress.Reason.MARKED},
                )
            Enrolment.objects.filter(pk=enrolment.pk).exclude(
                status=Enrolment.Status.COMPLETED
            ).update(status=Enrolment.Status.COMPLETED, completed_at=timezone.now())
            # The PDF is rendered on first download; no e-mail for demo people.
            issue_for_enrolment(enrolment_id=enrolment.pk)
        sync_listing(professional=professional)
