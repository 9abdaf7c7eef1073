"""Texts of the bilingual demo catalogue (used by course_pages/demo.py).

Every text is written once as a {"fr": ..., "en": ...} pair; demo.py builds the French
page and then its English translation from the same description. Images are named by
their (French) title, which is also their alt text; the same picture serves both
languages."""


def t(fr, en):
    return {"fr": fr, "en": en}


# --- Lesson blocks: small constructors, turned into StreamField values by demo.py.


def heading(fr, en):
    return ("heading", t(fr, en))


def paragraph(fr, en):
    return ("paragraph", t(fr, en))


def video(fr, en):
    return ("video", {"caption": t(fr, en)})


def guide(document, fr, en):
    return ("guide", {"document": document, "title": t(fr, en)})


def steps(title, *items):
    """items: (text pair, image title or None)."""
    return ("steps", {"title": title, "steps": list(items)})


def gallery(title, *images):
    """images: (image title, caption pair)."""
    return ("gallery", {"title": title, "images": list(images)})


def question(text, choices, explanation):
    """choices: (text pair, is_correct). Several correct answers make a multiple choice."""
    correct = sum(1 for _text, ok in choices if ok)
    return {
        "text": text,
        "kind": "multiple" if correct > 1 else "single",
        "choices": choices,
        "explanation": explanation,
    }


def quiz(title, *questions, pass_mark=70, attempts=3):
    return (
        "quiz",
        {
            "title": title,
            "pass_mark": pass_mark,
            "max_attempts_per_day": attempts,
            "questions": list(questions),
        },
    )


def assignment(title, instructions, rubric, photos=2):
    """rubric: (name pair, description pair)."""
    return (
        "assignment",
        {
            "title": title,
            "instructions": instructions,
            "rubric": rubric,
            "photos_required": photos,
        },
    )


def lesson(title, summary, minutes, *body):
    return {"title": title, "summary": summary, "minutes": minutes, "body": list(body)}


# --- Categories (translatable snippets).

CATEGORIES = [
    {
        "key": "makeup",
        "fr": {
            "name": "Maquillage",
            "slug": "maquillage",
            "description": "Teint, yeux, mariée, soirée : le maquillage sur peaux noires et métissées.",
        },
        "en": {
            "name": "Makeup Artistry",
            "slug": "makeup-artistry",
            "description": "Base, eyes, bridal and evening looks on black and mixed-race skin.",
        },
    },
    {
        "key": "hair",
        "fr": {
            "name": "Coiffure & tresses",
            "slug": "coiffure-tresses",
            "description": "Tresses africaines, knotless, vanilles et soins des cheveux naturels.",
        },
        "en": {
            "name": "Hairstyling & Braiding",
            "slug": "hairstyling-braiding",
            "description": "African braids, knotless braids, twists and natural hair care.",
        },
    },
    {
        "key": "nails",
        "fr": {
            "name": "Onglerie",
            "slug": "onglerie",
            "description": "Manucure, faux ongles en gel et nail art.",
        },
        "en": {
            "name": "Nail Technology",
            "slug": "nail-technology",
            "description": "Manicure, gel extensions and nail art.",
        },
    },
    {
        "key": "skin",
        "fr": {
            "name": "Soins de la peau",
            "slug": "soins-de-la-peau",
            "description": "Routines, soins du visage et conseils pour peaux noires et métissées.",
        },
        "en": {
            "name": "Skincare",
            "slug": "skincare",
            "description": "Routines, facials and advice for black and mixed-race skin.",
        },
    },
    {
        "key": "business",
        "fr": {
            "name": "Gestion d'activité",
            "slug": "gestion-activite",
            "description": "Prix, clientes, Mobile Money et réseaux sociaux : vivre de son métier.",
        },
        "en": {
            "name": "Business Skills",
            "slug": "business-skills",
            "description": "Pricing, clients, Mobile Money and social media: earning a living.",
        },
    },
]


# --- Section pages under the home page.

INDEX_PAGES = {
    "courses": {
        "fr": {
            "title": "Formations",
            "slug": "formations",
            "intro": "Des formations courtes, pensées pour le téléphone, par des professionnelles "
            "du Cameroun. Filtrez par métier, niveau, prix ou langue des vidéos.",
        },
        "en": {
            "title": "Courses",
            "slug": "courses",
            "intro": "Short courses designed for your phone, taught by professionals from "
            "Cameroon. Filter by trade, level, price or video language.",
        },
    },
    "instructors": {
        "fr": {
            "title": "Formatrices",
            "slug": "formatrices",
            "intro": "Des professionnelles en activité à Douala, Yaoundé et Bamenda, qui "
            "partagent leurs gestes et leurs astuces.",
        },
        "en": {
            "title": "Instructors",
            "slug": "instructors",
            "intro": "Working professionals from Douala, Yaoundé and Bamenda who share "
            "their techniques and tips.",
        },
    },
    "curricula": {
        "fr": {
            "title": "Parcours",
            "slug": "parcours",
            "intro": "Des parcours complets, du premier geste au métier : suivez les "
            "formations dans l'ordre.",
        },
        "en": {
            "title": "Learning paths",
            "slug": "learning-paths",
            "intro": "Complete paths from the first technique to a trade: take the courses "
            "in order.",
        },
    },
}


# The home page's hero button, once it leads to the catalogue.
HERO_BUTTON = t("Découvrir les formations", "Browse the courses")


# --- Instructors, their profiles and portfolios.

INSTRUCTORS = [
    {
        "key": "aicha",
        "email": "instructor@demo.bsa",
        "name": "Aïcha Mbarga",
        "slug": "aicha-mbarga",
        "photo": "Portrait d'Aïcha Mbarga, maquilleuse à Douala",
        "towns": "Douala, Kribi",
        "social_links": [
            ("instagram", "https://www.instagram.com/bsa.demo.aicha"),
            ("facebook", "https://www.facebook.com/bsa.demo.aicha"),
            ("whatsapp", "https://wa.me/237600000001"),
        ],
        "headline": t(
            "Maquilleuse professionnelle, spécialiste des mariées",
            "Professional make-up artist, bridal specialist",
        ),
        "bio": t(
            "<p>Maquilleuse depuis <b>douze ans</b> à Douala, Aïcha a préparé plus de "
            "400 mariées et travaille pour des shootings, des clips et des défilés à Akwa "
            "et Bonapriso.</p><p>Dans son studio de Bonamoussadi, elle forme chaque année "
            "une dizaine de jeunes maquilleuses.</p>",
            "<p>A make-up artist in Douala for <b>twelve years</b>, Aïcha has prepared more "
            "than 400 brides and works on photo shoots, music videos and fashion shows in "
            "Akwa and Bonapriso.</p><p>In her Bonamoussadi studio she trains around ten "
            "young make-up artists every year.</p>",
        ),
        "specialities": [
            t("Maquillage de mariée", "Bridal make-up"),
            t("Teint sur peaux noires et métissées", "Base for black and mixed-race skin"),
            t("Maquillage photo et vidéo", "Make-up for photo and video"),
        ],
        "portfolios": [
            {
                "title": t("Mariées 2025", "Brides 2025"),
                "intro": t(
                    "Mariages civils, dots et mariages religieux à Douala et Kribi.",
                    "Civil weddings, traditional weddings and church weddings in Douala and Kribi.",
                ),
                "text": t(
                    "<p>Chaque mariée a eu un essai deux semaines avant le jour J. Les "
                    "teints ont tenu de 8 h du matin jusqu'à la fin de la soirée.</p>",
                    "<p>Every bride had a trial two weeks before the big day. The bases "
                    "lasted from 8 a.m. until the end of the evening.</p>",
                ),
                "pairs": [
                    (
                        "Mariée de Bonapriso, avant",
                        "Mariée de Bonapriso, après",
                        t("Teint satiné et yeux dorés", "Satin base and golden eyes"),
                    ),
                    (
                        "Dot à Kribi, avant",
                        "Dot à Kribi, après",
                        t("Look traditionnel pour la dot", "Traditional look for the dowry"),
                    ),
                    (
                        "Mariage religieux à Akwa, avant",
                        "Mariage religieux à Akwa, après",
                        t("Lèvres rouge profond, teint mat", "Deep red lips, matte base"),
                    ),
                ],
                "image": (
                    "Palette de fards de mariée",
                    t("Ma palette pour les mariées", "My bridal palette"),
                ),
            },
            {
                "title": t("Shootings et soirées", "Photo shoots and evenings"),
                "intro": t(
                    "Maquillages pour la photo, la vidéo et les grandes soirées.",
                    "Make-up for photo, video and big nights out.",
                ),
                "text": t(
                    "<p>Sous les flashs, le teint doit rester sans reflets : poudre "
                    "transparente et fixateur sont mes meilleurs alliés.</p>",
                    "<p>Under flash the base must stay shine-free: translucent powder and "
                    "setting spray are my best friends.</p>",
                ),
                "pairs": [
                    (
                        "Shooting mode à Douala, avant",
                        "Shooting mode à Douala, après",
                        t("Smoky eyes bronze pour un shooting", "Bronze smoky eyes for a shoot"),
                    ),
                    (
                        "Soirée de gala, avant",
                        "Soirée de gala, après",
                        t("Teint lumineux et lèvres prune", "Glowing base and plum lips"),
                    ),
                ],
            },
        ],
    },
    {
        "key": "grace",
        "email": "instructor2@demo.bsa",
        "name": "Grace Fon",
        "slug": "grace-fon",
        "photo": "Portrait de Grace Fon, tresseuse à Bamenda",
        "towns": "Bamenda, Buea",
        "social_links": [
            ("facebook", "https://www.facebook.com/bsa.demo.grace"),
            ("tiktok", "https://www.tiktok.com/@bsa.demo.grace"),
            ("whatsapp", "https://wa.me/237600000002"),
        ],
        "headline": t(
            "Tresseuse et gérante de salon, reine des knotless",
            "Braider and salon owner, queen of knotless braids",
        ),
        "bio": t(
            "<p>Grace tient un salon de tresses sur Commercial Avenue à Bamenda depuis "
            "dix ans. Elle a formé plus de <b>soixante apprenties</b>, dont beaucoup ont "
            "ouvert leur propre salon à Buea et Douala.</p><p>Elle enseigne en anglais et "
            "en français, avec patience et beaucoup de pratique.</p>",
            "<p>Grace has run a braiding salon on Commercial Avenue in Bamenda for ten "
            "years. She has trained more than <b>sixty apprentices</b>, many of whom have "
            "opened their own salons in Buea and Douala.</p><p>She teaches in English and "
            "French, with patience and plenty of practice.</p>",
        ),
        "specialities": [
            t("Knotless braids", "Knotless braids"),
            t("Tresses collées et vanilles", "Cornrows and twists"),
            t("Soins des cheveux naturels", "Natural hair care"),
        ],
        "portfolios": [
            {
                "title": t("Tresses et knotless", "Braids and knotless"),
                "intro": t(
                    "Quelques coiffures réalisées au salon cette année.",
                    "A few styles done at the salon this year.",
                ),
                "text": t(
                    "<p>Toutes ces coiffures ont été faites avec des mèches prétirées et "
                    "sans tension sur les tempes.</p>",
                    "<p>All these styles were done with pre-stretched hair and no tension "
                    "on the edges.</p>",
                ),
                "pairs": [
                    (
                        "Cheveux naturels avant knotless",
                        "Knotless braids mi-longues, après",
                        t("Knotless mi-longues, 6 heures", "Mid-length knotless, 6 hours"),
                    ),
                    (
                        "Cheveux courts avant tresses collées",
                        "Tresses collées géométriques, après",
                        t("Tresses collées géométriques", "Geometric cornrows"),
                    ),
                    (
                        "Cheveux détendus avant vanilles",
                        "Vanilles sénégalaises, après",
                        t("Vanilles sénégalaises fines", "Small Senegalese twists"),
                    ),
                ],
            }
        ],
    },
    {
        "key": "estelle",
        "email": "instructor3@demo.bsa",
        "name": "Estelle Ngo Bassong",
        "slug": "estelle-ngo-bassong",
        "photo": "Portrait d'Estelle Ngo Bassong, esthéticienne à Yaoundé",
        "towns": "Yaoundé",
        "social_links": [
            ("instagram", "https://www.instagram.com/bsa.demo.estelle"),
            ("youtube", "https://www.youtube.com/@bsa.demo.estelle"),
        ],
        "headline": t(
            "Prothésiste ongulaire et esthéticienne diplômée",
            "Qualified nail technician and beauty therapist",
        ),
        "bio": t(
            "<p>Esthéticienne diplômée, Estelle dirige un institut à Bastos, Yaoundé. "
            "Elle est spécialiste des <b>soins pour peaux noires</b> et des ongles en gel, "
            "et met l'hygiène au cœur de chaque geste.</p>",
            "<p>A qualified beauty therapist, Estelle runs a beauty salon in Bastos, "
            "Yaoundé. She specialises in <b>skincare for black skin</b> and gel nails, and "
            "puts hygiene at the heart of every step.</p>",
        ),
        "specialities": [
            t("Faux ongles en gel", "Gel nail extensions"),
            t("Nail art", "Nail art"),
            t("Soins du visage", "Facials"),
        ],
        "portfolios": [
            {
                "title": t("Ongles en gel", "Gel nails"),
                "intro": t(
                    "Poses complètes et nail art réalisés à l'institut.",
                    "Full sets and nail art done at the salon.",
                ),
                "text": t(
                    "<p>Ongles naturels préparés sans fraise agressive, gel construit en "
                    "trois couches fines.</p>",
                    "<p>Natural nails prepared without harsh drilling, gel built in three "
                    "thin layers.</p>",
                ),
                "pairs": [
                    (
                        "Ongles naturels abîmés, avant",
                        "Pose gel nude, après",
                        t("Pose gel nude en amande", "Nude almond gel set"),
                    ),
                    (
                        "Ongles courts, avant",
                        "Nail art motif wax, après",
                        t("Nail art inspiré du pagne", "Wax-print nail art"),
                    ),
                ],
            },
            {
                "title": t("Soins du visage", "Facials"),
                "intro": t(
                    "Résultats après quatre à six semaines de soins et de routine à la maison.",
                    "Results after four to six weeks of treatments and a home routine.",
                ),
                "text": t(
                    "<p>Photos publiées avec l'accord des clientes, sans retouche.</p>",
                    "<p>Photos published with the clients' consent, unretouched.</p>",
                ),
                "pairs": [
                    (
                        "Peau à taches, avant soins",
                        "Peau unifiée, après six semaines",
                        t("Taches atténuées en six semaines", "Dark spots faded in six weeks"),
                    ),
                    (
                        "Peau grasse à imperfections, avant",
                        "Peau apaisée, après quatre semaines",
                        t("Imperfections apaisées", "Calmer, clearer skin"),
                    ),
                ],
            },
        ],
    },
]


# --- Guide PDFs (one per language), made with WeasyPrint.

DOCUMENTS = {
    "hygiene": t(
        {
            "title": "Fiche hygiène : nettoyer et désinfecter son matériel",
            "filename": "fiche-hygiene-materiel.pdf",
            "heading": "Hygiène du matériel",
            "items": [
                "Lavez pinceaux et éponges au savon doux après chaque cliente.",
                "Désinfectez pinces, limes métalliques et ciseaux à l'alcool à 70 %.",
                "Jetez les limes en carton et les applicateurs à usage unique.",
                "Ne trempez jamais un produit directement : utilisez une spatule.",
                "Lavez-vous les mains devant la cliente avant de commencer.",
            ],
        },
        {
            "title": "Hygiene sheet: cleaning and disinfecting your tools",
            "filename": "hygiene-sheet-tools.pdf",
            "heading": "Keeping your tools clean",
            "items": [
                "Wash brushes and sponges with mild soap after every client.",
                "Disinfect tweezers, metal files and scissors with 70% alcohol.",
                "Throw away paper files and single-use applicators.",
                "Never dip into a product directly: use a spatula.",
                "Wash your hands in front of the client before you start.",
            ],
        },
    ),
    "pricing": t(
        {
            "title": "Grille de calcul du prix d'une prestation",
            "filename": "grille-calcul-prix.pdf",
            "heading": "Calculer le prix d'une prestation",
            "items": [
                "Produits utilisés (mèches, gel, fond de teint…) : ____ FCFA",
                "Transport aller-retour jusqu'à la cliente : ____ FCFA",
                "Votre temps : ____ heures × ____ FCFA de l'heure",
                "Part du loyer, de l'électricité et du matériel : ____ FCFA",
                "Total + marge de 20 à 30 % = prix à annoncer, arrondi à 500 FCFA",
            ],
        },
        {
            "title": "Worksheet: pricing a service",
            "filename": "pricing-worksheet.pdf",
            "heading": "Pricing a service",
            "items": [
                "Products used (braiding hair, gel, foundation…): ____ FCFA",
                "Return transport to the client: ____ FCFA",
                "Your time: ____ hours × ____ FCFA per hour",
                "Share of rent, electricity and equipment: ____ FCFA",
                "Total + 20 to 30% margin = your price, rounded to 500 FCFA",
            ],
        },
    ),
}

VIDEO_TITLE = "Démo : gestes de base (vidéo d'exemple)"


# --- Curricula: course keys in order.

CURRICULA = [
    {
        "title": t("Devenir maquilleuse professionnelle", "Become a professional make-up artist"),
        "summary": t(
            "Du premier teint à la mariée, puis les prix et la clientèle : tout pour vivre "
            "du maquillage.",
            "From your first base to bridal looks, then pricing and clients: everything to "
            "earn a living from make-up.",
        ),
        "owner": "aicha",
        "courses": ["makeup-basics", "makeup-everyday", "makeup-bridal", "pricing", "social"],
    },
    {
        "title": t("Tresseuse de A à Z", "Braider from A to Z"),
        "summary": t(
            "Les bases, les vanilles, les knotless et la gestion du salon, dans l'ordre.",
            "The basics, twists, knotless braids and running your salon, in order.",
        ),
        "owner": "grace",
        "courses": ["braids-basics", "twists", "knotless", "pricing"],
    },
]


# --- Courses. Prerequisites name courses listed before them (no circles).

COURSES = [
    # ----------------------------------------------------------------- Make-up
    {
        "key": "makeup-basics",
        "category": "makeup",
        "instructor": "aicha",
        "level": "beginner",
        "price": 0,
        "subscription": False,
        "hours": "3",
        "video_language": "fr-en",
        "cover": "Teint lumineux sur peau noire",
        "prerequisites": [],
        "title": t("Maquillage : les bases du teint", "Make-up basics: a flawless base"),
        "summary": t(
            "Reconnaître un sous-ton, choisir la bonne teinte et poser un teint qui tient "
            "sous la chaleur de Douala. Gratuit, pour bien commencer.",
            "Read an undertone, choose the right shade and apply a base that survives the "
            "Douala heat. Free, to get you started.",
        ),
        "outcomes": [
            t(
                "Reconnaître un sous-ton chaud, neutre ou froid",
                "Identify a warm, neutral or cool undertone",
            ),
            t(
                "Choisir un fond de teint pour peaux noires et métissées",
                "Choose a foundation for black and mixed-race skin",
            ),
            t(
                "Poser et fixer un teint qui tient toute la journée",
                "Apply and set a base that lasts all day",
            ),
        ],
        "kit": [
            t("Une éponge de maquillage propre", "A clean make-up sponge"),
            t("Un fond de teint ou une BB crème à votre teinte", "A foundation or BB cream"),
            t("Une poudre libre transparente", "A translucent loose powder"),
            t("Un miroir près d'une fenêtre", "A mirror near a window"),
        ],
        "lessons": [
            lesson(
                t("Bienvenue : votre kit de départ", "Welcome: your starter kit"),
                t(
                    "Ce qu'il faut acheter (et ce qui peut attendre) pour débuter.",
                    "What to buy (and what can wait) to get started.",
                ),
                8,
                heading("Un petit kit suffit", "A small kit is enough"),
                paragraph(
                    "<p>Pour débuter, pas besoin de dépenser 50 000 FCFA : une éponge, un "
                    "fond de teint à votre teinte, une poudre et deux pinceaux suffisent. "
                    "Achetez au marché de Mboppi ou en ligne, mais vérifiez toujours la date "
                    "de péremption.</p>",
                    "<p>You do not need to spend 50,000 FCFA to start: a sponge, a "
                    "foundation in your shade, a powder and two brushes are enough. Buy at "
                    "Mboppi market or online, but always check the expiry date.</p>",
                ),
                video("Présentation du kit de départ", "The starter kit, explained"),
                guide(
                    "hygiene",
                    "Fiche hygiène à imprimer",
                    "Hygiene sheet to print",
                ),
            ),
            lesson(
                t("Préparer la peau", "Preparing the skin"),
                t(
                    "Nettoyer, hydrater et matifier : la base d'un teint qui tient.",
                    "Cleanse, moisturise and mattify: the secret of a lasting base.",
                ),
                12,
                paragraph(
                    "<p>Un teint tient mal sur une peau sale ou déshydratée. Prenez cinq "
                    "minutes pour préparer la peau, même si la cliente est pressée.</p>",
                    "<p>A base won't last on dirty or dehydrated skin. Take five minutes "
                    "to prepare the skin, even when the client is in a hurry.</p>",
                ),
                steps(
                    t("Préparer la peau en trois étapes", "Preparing the skin in three steps"),
                    (
                        t(
                            "Nettoyez le visage avec un lait ou une eau micellaire.",
                            "Cleanse the face with a cleansing milk or micellar water.",
                        ),
                        "Nettoyer la peau avec une eau micellaire",
                    ),
                    (
                        t(
                            "Appliquez une crème hydratante légère et laissez pénétrer deux minutes.",
                            "Apply a light moisturiser and let it sink in for two minutes.",
                        ),
                        "Hydrater la peau avant le maquillage",
                    ),
                    (
                        t(
                            "Posez une base matifiante sur la zone T (front, nez, menton).",
                            "Apply a mattifying primer on the T-zone (forehead, nose, chin).",
                        ),
                        None,
                    ),
                ),
            ),
            lesson(
                t("Trouver la teinte et le sous-ton", "Finding the shade and undertone"),
                t(
                    "Les peaux noires ont des sous-tons très variés : apprenez à les lire.",
                    "Black skin has many undertones: learn to read them.",
                ),
                15,
                paragraph(
                    "<p>Testez toujours le fond de teint sur la mâchoire, jamais sur la main, "
                    "et regardez le résultat à la lumière du jour.</p>",
                    "<p>Always test foundation on the jawline, never on the hand, and check "
                    "the result in daylight.</p>",
                ),
                gallery(
                    t("Trois sous-tons", "Three undertones"),
                    ("Sous-ton chaud sur peau ébène", t("Sous-ton chaud", "Warm undertone")),
                    ("Sous-ton neutre sur peau caramel", t("Sous-ton neutre", "Neutral undertone")),
                    ("Sous-ton froid sur peau chocolat", t("Sous-ton froid", "Cool undertone")),
                ),
                quiz(
                    t("Quiz : teinte et sous-ton", "Quiz: shade and undertone"),
                    question(
                        t(
                            "Où teste-t-on un fond de teint ?",
                            "Where do you test a foundation?",
                        ),
                        [
                            (t("Sur la mâchoire", "On the jawline"), True),
                            (t("Sur le dos de la main", "On the back of the hand"), False),
                            (t("Sur le poignet", "On the wrist"), False),
                        ],
                        t(
                            "La mâchoire fait le lien entre le visage et le cou.",
                            "The jawline links the face and the neck.",
                        ),
                    ),
                    question(
                        t(
                            "Quels signes montrent un sous-ton chaud ?",
                            "Which signs show a warm undertone?",
                        ),
                        [
                            (
                                t(
                                    "Les bijoux dorés flattent la peau",
                                    "Gold jewellery flatters the skin",
                                ),
                                True,
                            ),
                            (t("Des reflets jaunes ou orangés", "Yellow or orange hints"), True),
                            (t("Des reflets bleutés", "Bluish hints"), False),
                        ],
                        t(
                            "Les reflets bleutés ou rosés indiquent plutôt un sous-ton froid.",
                            "Bluish or pink hints point to a cool undertone.",
                        ),
                    ),
                    pass_mark=50,
                ),
            ),
            lesson(
                t("Poser et fixer le teint", "Applying and setting the base"),
                t(
                    "De l'éponge humide à la poudre : un teint qui tient 8 heures.",
                    "From damp sponge to powder: a base that lasts 8 hours.",
                ),
                18,
                video("Poser le fond de teint à l'éponge", "Applying foundation with a sponge"),
                steps(
                    t("Le teint pas à pas", "The base step by step"),
                    (
                        t(
                            "Humidifiez l'éponge puis essorez-la bien.",
                            "Dampen the sponge, then squeeze it well.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Tapotez le fond de teint du centre vers l'extérieur du visage.",
                            "Pat the foundation from the centre of the face outwards.",
                        ),
                        "Tapoter le fond de teint à l'éponge",
                    ),
                    (
                        t(
                            "Fixez avec une poudre transparente sur la zone T.",
                            "Set with translucent powder on the T-zone.",
                        ),
                        "Fixer le teint avec une poudre libre",
                    ),
                ),
            ),
            lesson(
                t("Exercice : un teint complet", "Assignment: a complete base"),
                t(
                    "Réalisez un teint complet et envoyez vos photos pour correction.",
                    "Do a complete base and send your photos for review.",
                ),
                30,
                paragraph(
                    "<p>Travaillez sur une amie ou sur vous-même, face à une fenêtre.</p>",
                    "<p>Work on a friend or on yourself, facing a window.</p>",
                ),
                assignment(
                    t("Un teint complet", "A complete base"),
                    t(
                        "<p>Préparez la peau, posez le fond de teint et fixez-le. Prenez une "
                        "photo <b>avant</b> et une photo <b>après</b>, à la lumière du jour, "
                        "sans filtre.</p>",
                        "<p>Prepare the skin, apply the foundation and set it. Take a "
                        "<b>before</b> and an <b>after</b> photo in daylight, with no "
                        "filter.</p>",
                    ),
                    [
                        (
                            t("Teinte", "Shade"),
                            t(
                                "Aucune démarcation entre le visage et le cou.",
                                "No line between the face and the neck.",
                            ),
                        ),
                        (
                            t("Uniformité", "Evenness"),
                            t("Pas de traces d'éponge ni de paquets.", "No streaks or patches."),
                        ),
                        (
                            t("Fini", "Finish"),
                            t("Zone T mate, sans effet plâtre.", "Matte T-zone, not cakey."),
                        ),
                    ],
                    photos=2,
                ),
            ),
        ],
    },
    {
        "key": "makeup-everyday",
        "category": "makeup",
        "instructor": "aicha",
        "level": "beginner",
        "price": 5000,
        "subscription": True,
        "hours": "4",
        "video_language": "fr",
        "cover": "Maquillage de jour naturel",
        "prerequisites": [],
        "title": t("Maquillage de jour pour peaux noires", "Everyday make-up for dark skin"),
        "summary": t(
            "Un maquillage naturel en dix minutes pour le bureau, l'église ou l'école : "
            "sourcils, mascara, blush et lèvres nude.",
            "A natural look in ten minutes for the office, church or school: brows, "
            "mascara, blush and nude lips.",
        ),
        "outcomes": [
            t("Réaliser un maquillage naturel en dix minutes", "Do a natural look in ten minutes"),
            t("Dessiner des sourcils nets et naturels", "Shape neat, natural brows"),
            t("Choisir un nude adapté aux peaux foncées", "Pick a nude that suits dark skin"),
        ],
        "kit": [
            t("Un crayon à sourcils brun foncé", "A dark brown brow pencil"),
            t("Un mascara noir", "A black mascara"),
            t("Un blush terracotta ou prune", "A terracotta or plum blush"),
            t("Un crayon et un rouge à lèvres nude", "A nude lip liner and lipstick"),
        ],
        "lessons": [
            lesson(
                t("Un maquillage naturel en 10 minutes", "A natural look in 10 minutes"),
                t("La routine complète, montrée en temps réel.", "The full routine, in real time."),
                10,
                paragraph(
                    "<p>Le maquillage de jour doit se voir à peine : on unifie, on "
                    "structure les sourcils et on ravive les lèvres.</p>",
                    "<p>Everyday make-up should barely show: even out the skin, define the "
                    "brows and brighten the lips.</p>",
                ),
                video("La routine en dix minutes", "The ten-minute routine"),
            ),
            lesson(
                t("Sourcils nets et naturels", "Neat, natural brows"),
                t(
                    "Trois repères pour des sourcils équilibrés.",
                    "Three guides for balanced brows.",
                ),
                12,
                steps(
                    t("Dessiner les sourcils", "Drawing the brows"),
                    (
                        t(
                            "Brossez les poils vers le haut avec une brosse propre.",
                            "Brush the hairs upwards with a clean spoolie.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Placez le crayon de l'aile du nez au coin de l'œil pour trouver le début.",
                            "Line the pencil from the side of the nose to the inner eye to find the start.",
                        ),
                        "Trouver le début du sourcil",
                    ),
                    (
                        t(
                            "Remplissez par petits traits, sans dessiner de bloc.",
                            "Fill in with small strokes, never a solid block.",
                        ),
                        "Remplir le sourcil par petits traits",
                    ),
                ),
            ),
            lesson(
                t("Mascara, blush et lèvres nude", "Mascara, blush and nude lips"),
                t(
                    "Choisir les couleurs qui réveillent une peau foncée.",
                    "Choosing colours that light up dark skin.",
                ),
                14,
                paragraph(
                    "<p>Sur peau foncée, évitez les nudes trop clairs qui grisent les "
                    "lèvres : préférez le caramel, le chocolat ou la prune.</p>",
                    "<p>On dark skin, avoid nudes that are too light and make lips look "
                    "grey: choose caramel, chocolate or plum.</p>",
                ),
                gallery(
                    t("Nudes pour peaux foncées", "Nudes for dark skin"),
                    ("Lèvres nude caramel", t("Caramel", "Caramel")),
                    ("Lèvres nude chocolat", t("Chocolat", "Chocolate")),
                    ("Blush prune sur peau ébène", t("Blush prune", "Plum blush")),
                ),
            ),
            lesson(
                t("Quiz et exercice de la semaine", "Quiz and weekly assignment"),
                t(
                    "Vérifiez vos acquis, puis montrez votre maquillage de jour.",
                    "Check what you learnt, then show your everyday look.",
                ),
                20,
                quiz(
                    t("Quiz : le maquillage de jour", "Quiz: everyday make-up"),
                    question(
                        t(
                            "Quel nude évite l'effet « lèvres grises » sur peau foncée ?",
                            "Which nude avoids 'grey lips' on dark skin?",
                        ),
                        [
                            (t("Un beige très clair", "A very light beige"), False),
                            (t("Un caramel ou un chocolat", "A caramel or chocolate"), True),
                        ],
                        t(
                            "Un nude doit être proche de la couleur naturelle des lèvres.",
                            "A nude should be close to the natural lip colour.",
                        ),
                    ),
                    question(
                        t(
                            "Comment remplir un sourcil ?",
                            "How do you fill in a brow?",
                        ),
                        [
                            (t("Par petits traits", "With small strokes"), True),
                            (t("En un seul bloc foncé", "As one dark block"), False),
                            (t("Au feutre noir", "With a black felt-tip"), False),
                        ],
                        t(
                            "Les petits traits imitent les poils : le résultat reste naturel.",
                            "Small strokes look like hairs: the result stays natural.",
                        ),
                    ),
                    attempts=5,
                ),
                assignment(
                    t("Votre maquillage de jour", "Your everyday look"),
                    t(
                        "<p>Réalisez le maquillage de jour complet en moins de quinze minutes "
                        "et envoyez une photo de face et une de profil.</p>",
                        "<p>Do the full everyday look in under fifteen minutes and send one "
                        "photo from the front and one in profile.</p>",
                    ),
                    [
                        (
                            t("Naturel", "Natural look"),
                            t("Le maquillage se voit à peine.", "The make-up barely shows."),
                        ),
                        (
                            t("Sourcils", "Brows"),
                            t(
                                "Symétriques et remplis par petits traits.",
                                "Symmetrical, filled with strokes.",
                            ),
                        ),
                    ],
                ),
            ),
        ],
    },
    {
        "key": "makeup-bridal",
        "category": "makeup",
        "instructor": "aicha",
        "level": "advanced",
        "price": 25000,
        "subscription": False,
        "hours": "8",
        "video_language": "fr-en",
        "cover": "Mariée maquillée, teint satiné",
        "prerequisites": ["makeup-basics", "makeup-everyday"],
        "title": t("Maquillage de mariée", "Bridal make-up"),
        "summary": t(
            "L'essai, le teint qui tient douze heures, les yeux, les faux cils et les photos : "
            "tout pour maquiller une mariée, de la dot au mariage religieux.",
            "The trial, a twelve-hour base, eyes, false lashes and photos: everything to "
            "make up a bride, from the traditional wedding to the church ceremony.",
        ),
        "outcomes": [
            t("Mener un essai et conseiller la mariée", "Run a trial and advise the bride"),
            t("Poser un teint qui tient douze heures", "Apply a base that lasts twelve hours"),
            t("Poser des faux cils en bande", "Apply strip lashes"),
            t("Adapter le maquillage aux photos au flash", "Adapt the make-up for flash photos"),
        ],
        "kit": [
            t("Base et spray fixateurs", "Primer and setting spray"),
            t("Palette de fards dorés et bruns", "A palette of gold and brown shadows"),
            t("Faux cils en bande et colle", "Strip lashes and glue"),
            t("Rouge à lèvres longue tenue", "Long-wear lipstick"),
        ],
        "lessons": [
            lesson(
                t("Le rendez-vous d'essai", "The bridal trial"),
                t(
                    "Écouter la mariée, noter ses choix et fixer le prix.",
                    "Listen to the bride, note her choices and set the price.",
                ),
                10,
                paragraph(
                    "<p>L'essai a lieu deux à trois semaines avant le mariage. Demandez la "
                    "couleur de la robe, du pagne de la dot et l'heure de la cérémonie.</p>",
                    "<p>The trial takes place two to three weeks before the wedding. Ask "
                    "about the colour of the dress, the fabric for the traditional wedding "
                    "and the time of the ceremony.</p>",
                ),
                heading("Ce que vous notez", "What you write down"),
                paragraph(
                    "<ul><li>Les produits et teintes utilisés</li><li>Les photos de "
                    "l'essai</li><li>L'acompte reçu par Mobile Money</li></ul>",
                    "<ul><li>Products and shades used</li><li>Photos of the trial</li>"
                    "<li>The deposit received by Mobile Money</li></ul>",
                ),
            ),
            lesson(
                t("Un teint qui tient 12 heures", "A base that lasts 12 hours"),
                t(
                    "Chaleur, larmes et embrassades : un teint qui résiste à tout.",
                    "Heat, tears and hugs: a base that survives everything.",
                ),
                20,
                steps(
                    t("Le teint longue tenue", "The long-wear base"),
                    (
                        t(
                            "Base fixatrice sur tout le visage, puis attendez deux minutes.",
                            "Gripping primer on the whole face, then wait two minutes.",
                        ),
                        "Base fixatrice sur le visage de la mariée",
                    ),
                    (
                        t(
                            "Fond de teint longue tenue en couches fines.",
                            "Long-wear foundation in thin layers.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Poudre, puis brume fixatrice en croix et en T.",
                            "Powder, then setting spray in an X and a T.",
                        ),
                        "Brume fixatrice sur le teint",
                    ),
                ),
                video("Les gestes du teint longue tenue", "Long-wear base techniques"),
            ),
            lesson(
                t("Yeux de mariée et faux cils", "Bridal eyes and false lashes"),
                t(
                    "Un dégradé doré lumineux et des cils qui ne se décollent pas.",
                    "A glowing gold blend and lashes that stay put.",
                ),
                25,
                steps(
                    t("Poser des faux cils en bande", "Applying strip lashes"),
                    (
                        t(
                            "Mesurez la bande et coupez l'excédent côté extérieur.",
                            "Measure the strip and trim the excess on the outer side.",
                        ),
                        "Mesurer la bande de faux cils",
                    ),
                    (
                        t(
                            "Colle sur la bande, attendez 30 secondes qu'elle devienne collante.",
                            "Glue on the strip, wait 30 seconds until it turns tacky.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Posez au ras des cils naturels, du centre vers les coins.",
                            "Place along the lash line, from the centre to the corners.",
                        ),
                        "Poser les faux cils au ras des cils",
                    ),
                ),
                gallery(
                    t("Trois regards de mariée", "Three bridal eyes"),
                    ("Regard doré de mariée", t("Doré lumineux", "Glowing gold")),
                    ("Regard bronze de mariée", t("Bronze chaud", "Warm bronze")),
                    ("Regard prune de mariée", t("Prune intense", "Deep plum")),
                ),
            ),
            lesson(
                t("Lèvres et finitions pour les photos", "Lips and finishing for photos"),
                t("Ce qui change sous le flash du photographe.", "What changes under flash."),
                15,
                paragraph(
                    "<p>Évitez les poudres contenant du SPF et les enlumineurs trop blancs : "
                    "ils créent un effet fantôme au flash.</p>",
                    "<p>Avoid powders with SPF and very white highlighters: they cause "
                    "flashback in photos.</p>",
                ),
                gallery(
                    t("Avec et sans flash", "With and without flash"),
                    ("Teint photographié sans flash", t("Sans flash", "Without flash")),
                    ("Teint photographié au flash", t("Au flash", "With flash")),
                ),
            ),
            lesson(
                t("Quiz : le jour du mariage", "Quiz: the wedding day"),
                t("Organisation, retouches et imprévus.", "Planning, touch-ups and surprises."),
                10,
                quiz(
                    t("Quiz : le jour du mariage", "Quiz: the wedding day"),
                    question(
                        t(
                            "Quand faire l'essai maquillage ?",
                            "When should the make-up trial take place?",
                        ),
                        [
                            (t("Le matin du mariage", "On the wedding morning"), False),
                            (t("Deux à trois semaines avant", "Two to three weeks before"), True),
                            (t("Six mois avant", "Six months before"), False),
                        ],
                        t(
                            "Assez tôt pour ajuster, assez tard pour que la peau n'ait pas changé.",
                            "Early enough to adjust, late enough that the skin has not changed.",
                        ),
                    ),
                    question(
                        t(
                            "Que mettre dans la trousse de retouches de la mariée ?",
                            "What goes in the bride's touch-up kit?",
                        ),
                        [
                            (t("Son rouge à lèvres", "Her lipstick"), True),
                            (t("Des papiers matifiants", "Blotting papers"), True),
                            (t("Un fond de teint neuf", "A new foundation"), False),
                        ],
                        t(
                            "Les retouches se font au rouge à lèvres et aux papiers matifiants.",
                            "Touch-ups need lipstick and blotting papers.",
                        ),
                    ),
                    question(
                        t(
                            "Quel produit éviter pour les photos au flash ?",
                            "Which product should you avoid for flash photos?",
                        ),
                        [
                            (t("Une poudre avec SPF", "A powder with SPF"), True),
                            (t("Un mascara waterproof", "A waterproof mascara"), False),
                        ],
                        t(
                            "Le SPF renvoie la lumière du flash et blanchit le visage.",
                            "SPF reflects the flash and whitens the face.",
                        ),
                    ),
                    pass_mark=80,
                    attempts=2,
                ),
            ),
            lesson(
                t("Projet final : une mariée complète", "Final project: a complete bride"),
                t(
                    "Maquillez une mariée (ou un modèle) du teint aux lèvres.",
                    "Make up a bride (or a model) from base to lips.",
                ),
                60,
                guide("pricing", "Grille de prix à remplir", "Pricing worksheet"),
                assignment(
                    t("Une mariée complète", "A complete bride"),
                    t(
                        "<p>Réalisez un maquillage de mariée complet. Envoyez trois photos : "
                        "avant, après de face, et un gros plan des yeux.</p>",
                        "<p>Do a complete bridal make-up. Send three photos: before, after "
                        "from the front, and a close-up of the eyes.</p>",
                    ),
                    [
                        (
                            t("Tenue du teint", "Base longevity"),
                            t("Teint net après trois heures.", "Clean base after three hours."),
                        ),
                        (
                            t("Yeux", "Eyes"),
                            t(
                                "Dégradé sans démarcation, cils bien collés.",
                                "Seamless blend, lashes secure.",
                            ),
                        ),
                        (
                            t("Harmonie", "Harmony"),
                            t("Le maquillage va avec la tenue.", "The make-up suits the outfit."),
                        ),
                    ],
                    photos=3,
                ),
            ),
        ],
    },
    # ------------------------------------------------------------ Hair & braids
    {
        "key": "braids-basics",
        "category": "hair",
        "instructor": "grace",
        "level": "beginner",
        "price": 0,
        "subscription": False,
        "hours": "4",
        "video_language": "fr-en",
        "cover": "Tresses collées sur cheveux naturels",
        "prerequisites": [],
        "title": t("Tresses africaines : les bases", "African braiding: the basics"),
        "summary": t(
            "Le matériel, le démêlage, les raies nettes et vos premières tresses collées. "
            "Gratuit, pour commencer du bon pied.",
            "Tools, detangling, clean partings and your first cornrows. Free, to start "
            "on the right foot.",
        ),
        "outcomes": [
            t("Démêler des cheveux crépus sans les casser", "Detangle kinky hair without breakage"),
            t("Tracer des raies nettes", "Make clean partings"),
            t("Réaliser des tresses collées régulières", "Braid even cornrows"),
        ],
        "kit": [
            t(
                "Un peigne à queue et un peigne à dents larges",
                "A rat-tail comb and a wide-tooth comb",
            ),
            t("Des pinces de séparation", "Sectioning clips"),
            t("Un vaporisateur d'eau", "A water spray bottle"),
            t("Une tête d'exercice ou un modèle patient", "A practice head or a patient model"),
        ],
        "lessons": [
            lesson(
                t("Bienvenue : le matériel de la tresseuse", "Welcome: the braider's tools"),
                t("Ce qu'il faut avoir sous la main.", "What to have at hand."),
                8,
                paragraph(
                    "<p>Une bonne tresseuse travaille vite parce qu'elle est organisée : "
                    "peignes, pinces, eau et mèches sont prêts avant que la cliente "
                    "s'asseye.</p>",
                    "<p>A good braider works fast because she is organised: combs, clips, "
                    "water and hair are ready before the client sits down.</p>",
                ),
                video("Le poste de travail de la tresseuse", "The braider's workstation"),
                gallery(
                    t("Le matériel", "The tools"),
                    (
                        "Peigne à queue et pinces de séparation",
                        t("Peigne et pinces", "Comb and clips"),
                    ),
                    ("Mèches prétirées en paquets", t("Mèches prétirées", "Pre-stretched hair")),
                ),
            ),
            lesson(
                t("Démêler et préparer les cheveux", "Detangling and preparing the hair"),
                t(
                    "Des cheveux bien préparés, c'est une coiffure qui dure.",
                    "Well-prepared hair means a style that lasts.",
                ),
                15,
                steps(
                    t("Préparer les cheveux naturels", "Preparing natural hair"),
                    (
                        t(
                            "Humidifiez légèrement les cheveux et appliquez un peu de beurre de karité.",
                            "Lightly dampen the hair and apply a little shea butter.",
                        ),
                        "Appliquer du beurre de karité sur cheveux crépus",
                    ),
                    (
                        t(
                            "Divisez en quatre sections avec les pinces.",
                            "Divide into four sections with the clips.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Démêlez chaque section des pointes vers les racines.",
                            "Detangle each section from the ends to the roots.",
                        ),
                        "Démêler des pointes vers les racines",
                    ),
                ),
            ),
            lesson(
                t("Tracer des raies nettes", "Making clean partings"),
                t(
                    "Le secret d'une coiffure professionnelle.",
                    "The secret of a professional style.",
                ),
                15,
                paragraph(
                    "<p>Les raies se voient : une raie de travers gâche la plus belle "
                    "tresse. Prenez votre temps, c'est là que se joue la qualité.</p>",
                    "<p>Partings show: a crooked parting spoils the finest braid. Take your "
                    "time, this is where quality is decided.</p>",
                ),
                steps(
                    t("Une raie droite", "A straight parting"),
                    (
                        t(
                            "Posez la pointe du peigne à queue sur le cuir chevelu.",
                            "Place the tip of the rat-tail comb on the scalp.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Tirez la pointe d'un seul geste, de l'avant vers l'arrière.",
                            "Draw the tip in one movement, from front to back.",
                        ),
                        "Tracer une raie au peigne à queue",
                    ),
                ),
            ),
            lesson(
                t("Les tresses collées", "Cornrows"),
                t(
                    "Le geste de base de toutes les coiffures.",
                    "The basic move behind every style.",
                ),
                20,
                video("Tresser une tresse collée", "Braiding a cornrow"),
                steps(
                    t("Une tresse collée", "One cornrow"),
                    (
                        t(
                            "Prenez trois petites mèches au début de la raie.",
                            "Take three small strands at the start of the parting.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Croisez par-dessous en ajoutant un peu de cheveux à chaque passage.",
                            "Cross under, adding a little hair at each pass.",
                        ),
                        "Croiser les mèches par-dessous",
                    ),
                    (
                        t(
                            "Gardez la même tension du début à la fin.",
                            "Keep the same tension from start to finish.",
                        ),
                        None,
                    ),
                ),
            ),
            lesson(
                t("Quiz et premier exercice", "Quiz and first assignment"),
                t(
                    "Vérifiez vos bases et montrez vos tresses.",
                    "Check the basics and show your braids.",
                ),
                25,
                quiz(
                    t("Quiz : les bases", "Quiz: the basics"),
                    question(
                        t(
                            "Dans quel sens démêle-t-on ?",
                            "Which way do you detangle?",
                        ),
                        [
                            (t("Des pointes vers les racines", "From the ends to the roots"), True),
                            (
                                t("Des racines vers les pointes", "From the roots to the ends"),
                                False,
                            ),
                        ],
                        t(
                            "Commencer par les pointes évite de casser les cheveux.",
                            "Starting at the ends avoids breaking the hair.",
                        ),
                    ),
                    question(
                        t(
                            "Qu'est-ce qui abîme les tempes ?",
                            "What damages the edges?",
                        ),
                        [
                            (t("Des tresses trop serrées", "Braids that are too tight"), True),
                            (
                                t("Des mèches trop lourdes", "Hair extensions that are too heavy"),
                                True,
                            ),
                            (t("Le beurre de karité", "Shea butter"), False),
                        ],
                        t(
                            "La tension et le poids arrachent les cheveux fragiles des tempes.",
                            "Tension and weight pull out the fragile hair at the edges.",
                        ),
                    ),
                ),
                assignment(
                    t("Six tresses collées", "Six cornrows"),
                    t(
                        "<p>Réalisez six tresses collées droites, de l'avant vers la nuque. "
                        "Photographiez le dessus et l'arrière de la tête.</p>",
                        "<p>Braid six straight cornrows from front to nape. Photograph the "
                        "top and the back of the head.</p>",
                    ),
                    [
                        (
                            t("Raies", "Partings"),
                            t("Droites et de même largeur.", "Straight and evenly spaced."),
                        ),
                        (
                            t("Régularité", "Evenness"),
                            t("Tresses de même épaisseur.", "Braids of the same thickness."),
                        ),
                    ],
                ),
            ),
        ],
    },
    {
        "key": "knotless",
        "category": "hair",
        "instructor": "grace",
        "level": "intermediate",
        "price": 12000,
        "subscription": False,
        "hours": "6",
        "video_language": "en",
        "cover": "Knotless braids longues",
        "prerequisites": ["braids-basics"],
        "title": t("Knotless braids : les tresses sans nœud", "Knotless braids"),
        "summary": t(
            "La technique de l'ajout progressif pour des tresses légères, sans tension sur "
            "le cuir chevelu. La coiffure la plus demandée en salon.",
            "The feed-in technique for light braids with no tension on the scalp. The most "
            "requested style in the salon.",
        ),
        "outcomes": [
            t("Préparer et doser les mèches", "Prepare and portion braiding hair"),
            t("Maîtriser l'ajout progressif", "Master the feed-in technique"),
            t("Finir les pointes à l'eau chaude", "Seal the ends with hot water"),
            t("Fixer le prix d'une tête complète", "Price a full head"),
        ],
        "kit": [
            t(
                "Trois à cinq paquets de mèches prétirées",
                "Three to five packs of pre-stretched hair",
            ),
            t("Gel ou crème coiffante", "Edge gel or styling cream"),
            t("Une bouilloire ou de l'eau chaude", "A kettle or hot water"),
        ],
        "lessons": [
            lesson(
                t("Pourquoi les knotless ?", "Why knotless?"),
                t("Ce qui change par rapport aux box braids.", "How they differ from box braids."),
                8,
                paragraph(
                    "<p>Les knotless commencent avec les cheveux naturels de la cliente : "
                    "pas de nœud à la racine, donc moins de poids et de douleur.</p>",
                    "<p>Knotless braids start with the client's own hair: no knot at the "
                    "root, so less weight and less pain.</p>",
                ),
                gallery(
                    t("Knotless ou box braids ?", "Knotless or box braids?"),
                    (
                        "Racine de knotless braids",
                        t("Knotless : racine plate", "Knotless: flat root"),
                    ),
                    ("Racine de box braids avec nœud", t("Box braids : nœud", "Box braids: knot")),
                ),
            ),
            lesson(
                t("Préparer les mèches", "Preparing the braiding hair"),
                t(
                    "Doser et ranger les mèches avant de commencer.",
                    "Portion and sort the hair first.",
                ),
                15,
                steps(
                    t("Préparer les mèches", "Preparing the hair"),
                    (
                        t(
                            "Ouvrez les paquets et séparez les mèches en petites portions égales.",
                            "Open the packs and split the hair into small, equal portions.",
                        ),
                        "Portions de mèches prêtes",
                    ),
                    (
                        t(
                            "Rangez les portions sur un cintre ou une serviette.",
                            "Hang the portions on a hanger or a towel.",
                        ),
                        None,
                    ),
                ),
            ),
            lesson(
                t("La technique de l'ajout progressif", "The feed-in technique"),
                t("Le cœur de la formation.", "The heart of the course."),
                25,
                video("L'ajout progressif au ralenti", "Feed-in in slow motion"),
                steps(
                    t("Ajouter les mèches", "Feeding in the hair"),
                    (
                        t(
                            "Commencez par trois tours avec les cheveux naturels seuls.",
                            "Start with three passes using only the natural hair.",
                        ),
                        "Début de tresse sans mèche",
                    ),
                    (
                        t(
                            "Ajoutez une fine portion de mèche à chaque passage.",
                            "Add a thin portion of hair at each pass.",
                        ),
                        "Ajout d'une fine portion de mèche",
                    ),
                    (
                        t(
                            "Continuez jusqu'à l'épaisseur voulue, puis tressez normalement.",
                            "Keep going until the braid is thick enough, then braid normally.",
                        ),
                        None,
                    ),
                ),
            ),
            lesson(
                t("Finitions : pointes et eau chaude", "Finishing: ends and hot water"),
                t("Des pointes nettes qui ne se défont pas.", "Neat ends that don't unravel."),
                12,
                paragraph(
                    "<p>Ne versez jamais d'eau bouillante près du cuir chevelu : trempez "
                    "seulement les pointes, la cliente bien protégée par une serviette.</p>",
                    "<p>Never pour boiling water near the scalp: dip only the ends, with "
                    "the client well protected by a towel.</p>",
                ),
                steps(
                    t("Sceller les pointes", "Sealing the ends"),
                    (
                        t(
                            "Égalisez les pointes aux ciseaux.",
                            "Even out the ends with scissors.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Trempez les pointes dans l'eau chaude dix secondes, puis essorez.",
                            "Dip the ends in hot water for ten seconds, then squeeze dry.",
                        ),
                        "Tremper les pointes dans l'eau chaude",
                    ),
                ),
            ),
            lesson(
                t("Conseiller la cliente et fixer le prix", "Advising the client and pricing"),
                t("Longueur, épaisseur, temps et prix.", "Length, size, time and price."),
                10,
                paragraph(
                    "<p>À Bamenda, une tête de knotless moyennes mi-longues se facture entre "
                    "15 000 et 25 000 FCFA selon la longueur. Annoncez le prix avant de "
                    "commencer et demandez un acompte.</p>",
                    "<p>In Bamenda, a head of medium, mid-length knotless braids costs "
                    "between 15,000 and 25,000 FCFA depending on length. Give the price "
                    "before you start and ask for a deposit.</p>",
                ),
                quiz(
                    t("Quiz : les knotless", "Quiz: knotless braids"),
                    question(
                        t(
                            "Par quoi commence une knotless ?",
                            "How does a knotless braid start?",
                        ),
                        [
                            (t("Par un nœud de mèche", "With a knot of extension hair"), False),
                            (
                                t("Par les cheveux naturels seuls", "With the natural hair only"),
                                True,
                            ),
                        ],
                        t(
                            "C'est ce qui la rend plate et légère à la racine.",
                            "That is what makes it flat and light at the root.",
                        ),
                    ),
                    question(
                        t(
                            "Quand annoncer le prix ?",
                            "When do you give the price?",
                        ),
                        [
                            (t("Avant de commencer", "Before starting"), True),
                            (t("À la fin de la coiffure", "When the style is finished"), False),
                        ],
                        t(
                            "Un prix annoncé à l'avance évite les disputes.",
                            "A price agreed in advance avoids arguments.",
                        ),
                    ),
                ),
            ),
            lesson(
                t("Exercice : une tête complète", "Assignment: a full head"),
                t(
                    "Votre première tête de knotless, corrigée par Grace.",
                    "Your first full head, reviewed by Grace.",
                ),
                90,
                assignment(
                    t("Une tête de knotless", "A full head of knotless braids"),
                    t(
                        "<p>Réalisez une tête complète de knotless moyennes. Envoyez une "
                        "photo de dos, une de côté et un gros plan des racines.</p>",
                        "<p>Do a full head of medium knotless braids. Send a photo from the "
                        "back, one from the side and a close-up of the roots.</p>",
                    ),
                    [
                        (
                            t("Racines", "Roots"),
                            t("Plates, sans nœud visible.", "Flat, no visible knot."),
                        ),
                        (
                            t("Tension", "Tension"),
                            t("Aucune tension sur les tempes.", "No tension on the edges."),
                        ),
                        (
                            t("Pointes", "Ends"),
                            t("Égales et scellées.", "Even and sealed."),
                        ),
                    ],
                    photos=3,
                ),
            ),
        ],
    },
    {
        "key": "twists",
        "category": "hair",
        "instructor": "grace",
        "level": "intermediate",
        "price": 7500,
        "subscription": True,
        "hours": "5",
        "video_language": "fr-en",
        "cover": "Vanilles sénégalaises",
        "prerequisites": ["braids-basics"],
        "title": t("Vanilles et twists", "Two-strand and Senegalese twists"),
        "summary": t(
            "Vanilles sur cheveux naturels et vanilles sénégalaises avec rajouts : deux "
            "coiffures protectrices très demandées.",
            "Two-strand twists on natural hair and Senegalese twists with extensions: two "
            "popular protective styles.",
        ),
        "outcomes": [
            t("Réaliser des vanilles sur cheveux naturels", "Do two-strand twists on natural hair"),
            t("Réaliser des vanilles sénégalaises", "Do Senegalese twists"),
            t("Conseiller l'entretien à la cliente", "Advise the client on aftercare"),
        ],
        "kit": [
            t("Mèches pour vanilles", "Twisting hair"),
            t("Crème coiffante", "Styling cream"),
            t("Peigne à queue", "Rat-tail comb"),
        ],
        "lessons": [
            lesson(
                t("Les différentes vanilles", "Types of twists"),
                t("Reconnaître et conseiller chaque style.", "Recognise and recommend each style."),
                8,
                paragraph(
                    "<p>Les vanilles protègent les cheveux et se défont facilement : "
                    "idéales pour les clientes qui veulent changer souvent.</p>",
                    "<p>Twists protect the hair and are easy to take down: ideal for "
                    "clients who like to change often.</p>",
                ),
                gallery(
                    t("Trois styles", "Three styles"),
                    (
                        "Vanilles sur cheveux naturels",
                        t("Vanilles naturelles", "Two-strand twists"),
                    ),
                    ("Vanilles sénégalaises longues", t("Sénégalaises", "Senegalese twists")),
                    ("Passion twists", t("Passion twists", "Passion twists")),
                ),
            ),
            lesson(
                t("Vanilles sur cheveux naturels", "Two-strand twists on natural hair"),
                t("Sans rajout, avec une crème coiffante.", "No extensions, with styling cream."),
                15,
                steps(
                    t("Une vanille", "One twist"),
                    (
                        t(
                            "Séparez un carré de cheveux et appliquez la crème.",
                            "Part a square of hair and apply the cream.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Divisez en deux mèches et enroulez-les l'une sur l'autre.",
                            "Split into two strands and wrap them around each other.",
                        ),
                        "Enrouler deux mèches de cheveux naturels",
                    ),
                ),
            ),
            lesson(
                t("Vanilles sénégalaises avec rajouts", "Senegalese twists with extensions"),
                t("Des vanilles longues et brillantes.", "Long, glossy twists."),
                20,
                steps(
                    t("Une vanille sénégalaise", "One Senegalese twist"),
                    (
                        t(
                            "Commencez par une petite tresse de trois tours pour accrocher la mèche.",
                            "Start with a short braid of three passes to anchor the extension.",
                        ),
                        "Accrocher la mèche par une petite tresse",
                    ),
                    (
                        t(
                            "Vrillez chaque mèche dans le même sens, puis enroulez-les en sens inverse.",
                            "Twist each strand the same way, then wrap them the opposite way.",
                        ),
                        None,
                    ),
                ),
                video("Vriller et enrouler", "Twist and wrap"),
            ),
            lesson(
                t("Quiz et exercice", "Quiz and assignment"),
                t("Vos vanilles, corrigées.", "Your twists, reviewed."),
                30,
                quiz(
                    t("Quiz : les vanilles", "Quiz: twists"),
                    question(
                        t(
                            "Pourquoi une vanille sénégalaise ne se défait-elle pas ?",
                            "Why doesn't a Senegalese twist unravel?",
                        ),
                        [
                            (
                                t(
                                    "On vrille chaque mèche dans un sens et on les enroule dans l'autre",
                                    "Each strand is twisted one way and wrapped the other way",
                                ),
                                True,
                            ),
                            (t("Grâce à la laque", "Because of hairspray"), False),
                        ],
                        t(
                            "Les deux torsions opposées se bloquent mutuellement.",
                            "The two opposite twists lock each other.",
                        ),
                    ),
                    question(
                        t(
                            "Quels conseils d'entretien donner ?",
                            "Which aftercare tips do you give?",
                        ),
                        [
                            (t("Dormir avec un foulard en satin", "Sleep in a satin scarf"), True),
                            (t("Hydrater le cuir chevelu", "Moisturise the scalp"), True),
                            (t("Laver tous les jours", "Wash every day"), False),
                        ],
                        t(
                            "Le satin limite les frottements et le cuir chevelu a besoin d'hydratation.",
                            "Satin limits friction and the scalp needs moisture.",
                        ),
                    ),
                ),
                assignment(
                    t("Une tête de vanilles", "A head of twists"),
                    t(
                        "<p>Réalisez une tête de vanilles (naturelles ou sénégalaises) et "
                        "envoyez deux photos.</p>",
                        "<p>Do a full head of twists (natural or Senegalese) and send two "
                        "photos.</p>",
                    ),
                    [
                        (
                            t("Régularité", "Evenness"),
                            t("Vanilles de même taille.", "Twists of the same size."),
                        ),
                        (
                            t("Tenue", "Hold"),
                            t("Les pointes ne se défont pas.", "The ends don't unravel."),
                        ),
                    ],
                ),
            ),
        ],
    },
    # ------------------------------------------------------------------- Nails
    {
        "key": "manicure",
        "category": "nails",
        "instructor": "estelle",
        "level": "beginner",
        "price": 2500,
        "subscription": False,
        "hours": "2.5",
        "video_language": "fr",
        "cover": "Manucure naturelle",
        "prerequisites": [],
        "title": t("Manucure et beauté des mains", "Manicure and hand care"),
        "summary": t(
            "Hygiène, limage, cuticules et vernis sans bavure : la manucure professionnelle, "
            "première prestation de toute onglerie.",
            "Hygiene, filing, cuticles and smudge-free polish: the professional manicure, "
            "the first service of every nail bar.",
        ),
        "outcomes": [
            t("Travailler avec un matériel propre", "Work with clean tools"),
            t("Limer et donner une forme régulière", "File and shape evenly"),
            t("Poser un vernis sans bavure", "Apply polish without smudges"),
        ],
        "kit": [
            t("Limes et bâtonnets de buis", "Files and orange sticks"),
            t("Repousse-cuticules", "Cuticle pusher"),
            t("Base, vernis et top coat", "Base coat, polish and top coat"),
            t("Alcool à 70 %", "70% alcohol"),
        ],
        "lessons": [
            lesson(
                t("Hygiène et matériel", "Hygiene and tools"),
                t(
                    "Ce qui protège vos clientes et votre réputation.",
                    "What protects your clients and your name.",
                ),
                10,
                paragraph(
                    "<p>Une infection causée par une pince sale peut ruiner un salon. "
                    "Désinfectez tout, devant la cliente.</p>",
                    "<p>One infection caused by dirty tools can ruin a salon. Disinfect "
                    "everything, in front of the client.</p>",
                ),
                guide("hygiene", "Fiche hygiène", "Hygiene sheet"),
            ),
            lesson(
                t("Limer et donner la forme", "Filing and shaping"),
                t("Carré, ovale ou amande.", "Square, oval or almond."),
                12,
                steps(
                    t("Limer un ongle", "Filing a nail"),
                    (
                        t(
                            "Limez toujours dans un seul sens, jamais en va-et-vient.",
                            "Always file in one direction, never back and forth.",
                        ),
                        "Limer l'ongle dans un seul sens",
                    ),
                    (
                        t(
                            "Vérifiez la forme en regardant la main de face.",
                            "Check the shape by looking at the hand from the front.",
                        ),
                        None,
                    ),
                ),
                gallery(
                    t("Les formes d'ongles", "Nail shapes"),
                    ("Ongles forme carrée", t("Carré", "Square")),
                    ("Ongles forme ovale", t("Ovale", "Oval")),
                    ("Ongles forme amande", t("Amande", "Almond")),
                ),
            ),
            lesson(
                t("Cuticules et soin des mains", "Cuticles and hand care"),
                t("Repousser sans couper.", "Push back, don't cut."),
                12,
                steps(
                    t("Les cuticules", "Cuticles"),
                    (
                        t(
                            "Trempez les doigts deux minutes dans l'eau tiède savonneuse.",
                            "Soak the fingers for two minutes in warm soapy water.",
                        ),
                        "Bain de mains tiède",
                    ),
                    (
                        t(
                            "Repoussez doucement les cuticules avec le bâtonnet.",
                            "Gently push back the cuticles with the stick.",
                        ),
                        "Repousser les cuticules au bâtonnet",
                    ),
                    (
                        t(
                            "Massez les mains avec une crème ou de l'huile de coco.",
                            "Massage the hands with cream or coconut oil.",
                        ),
                        None,
                    ),
                ),
            ),
            lesson(
                t("Poser le vernis sans bavure", "Polish without smudges"),
                t("Base, deux couches fines, top coat.", "Base, two thin coats, top coat."),
                15,
                video("Trois coups de pinceau par ongle", "Three brush strokes per nail"),
                quiz(
                    t("Quiz : la manucure", "Quiz: the manicure"),
                    question(
                        t("Comment lime-t-on un ongle ?", "How do you file a nail?"),
                        [
                            (t("Dans un seul sens", "In one direction"), True),
                            (t("En va-et-vient rapide", "Quickly back and forth"), False),
                        ],
                        t(
                            "Le va-et-vient fait dédoubler les ongles.",
                            "Filing back and forth makes nails split.",
                        ),
                    ),
                    question(
                        t(
                            "Que désinfecte-t-on après chaque cliente ?",
                            "What do you disinfect after each client?",
                        ),
                        [
                            (
                                t("Les pinces et limes métalliques", "Tweezers and metal files"),
                                True,
                            ),
                            (t("Le repousse-cuticules", "The cuticle pusher"), True),
                            (t("Les limes en carton", "Paper files"), False),
                        ],
                        t(
                            "Les limes en carton ne se désinfectent pas : on les jette.",
                            "Paper files can't be disinfected: throw them away.",
                        ),
                    ),
                ),
            ),
            lesson(
                t("Exercice : une manucure complète", "Assignment: a full manicure"),
                t("Montrez vos dix ongles.", "Show all ten nails."),
                30,
                assignment(
                    t("Une manucure complète", "A full manicure"),
                    t(
                        "<p>Réalisez une manucure complète avec vernis de couleur. "
                        "Photographiez les deux mains à plat, à la lumière du jour.</p>",
                        "<p>Do a full manicure with coloured polish. Photograph both hands "
                        "flat, in daylight.</p>",
                    ),
                    [
                        (
                            t("Forme", "Shape"),
                            t(
                                "Dix ongles de même forme et longueur.",
                                "Ten nails of the same shape and length.",
                            ),
                        ),
                        (
                            t("Vernis", "Polish"),
                            t("Aucune bavure sur la peau.", "No polish on the skin."),
                        ),
                    ],
                ),
            ),
        ],
    },
    {
        "key": "gel-nails",
        "category": "nails",
        "instructor": "estelle",
        "level": "intermediate",
        "price": 15000,
        "subscription": False,
        "hours": "6",
        "video_language": "fr",
        "cover": "Ongles en gel couleur bordeaux",
        "prerequisites": ["manicure"],
        "title": t("Pose de faux ongles en gel", "Gel nail extensions"),
        "summary": t(
            "Capsules, construction au gel, remplissage et dépose : la pose complète, en "
            "toute sécurité pour l'ongle naturel.",
            "Tips, gel building, infills and removal: the full set, safely for the natural nail.",
        ),
        "outcomes": [
            t("Préparer l'ongle naturel sans l'abîmer", "Prepare the natural nail without damage"),
            t("Poser des capsules et construire au gel", "Apply tips and build with gel"),
            t("Faire un remplissage et une dépose", "Do an infill and a removal"),
        ],
        "kit": [
            t("Lampe UV/LED", "UV/LED lamp"),
            t("Gel de construction et primer", "Builder gel and primer"),
            t("Capsules et colle", "Tips and glue"),
            t("Lime 180/240 et bloc polissoir", "180/240 file and buffer block"),
        ],
        "lessons": [
            lesson(
                t("Le gel, la lampe et la sécurité", "Gel, lamp and safety"),
                t("Éviter les allergies et les brûlures.", "Avoiding allergies and burns."),
                10,
                paragraph(
                    "<p>Le gel ne doit jamais toucher la peau : c'est ainsi que naissent "
                    "les allergies. Travaillez par couches fines.</p>",
                    "<p>Gel must never touch the skin: that is how allergies start. Work "
                    "in thin layers.</p>",
                ),
                heading("Les coupures de courant", "Power cuts"),
                paragraph(
                    "<p>Une lampe LED sur batterie ou un petit onduleur évite de laisser "
                    "une cliente avec un gel non catalysé pendant un délestage.</p>",
                    "<p>A battery LED lamp or a small UPS means you never leave a client "
                    "with uncured gel during a power cut.</p>",
                ),
            ),
            lesson(
                t("Préparer l'ongle naturel", "Preparing the natural nail"),
                t("Une bonne préparation, une pose qui tient.", "Good prep, a set that lasts."),
                12,
                steps(
                    t("La préparation", "Preparation"),
                    (
                        t(
                            "Repoussez les cuticules et retirez la peau morte.",
                            "Push back the cuticles and remove dead skin.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Matifiez légèrement l'ongle au bloc polissoir.",
                            "Lightly buff the nail matte.",
                        ),
                        "Matifier l'ongle naturel au polissoir",
                    ),
                    (
                        t(
                            "Dépoussiérez et appliquez le primer.",
                            "Remove the dust and apply primer.",
                        ),
                        None,
                    ),
                ),
            ),
            lesson(
                t("Pose des capsules", "Applying tips"),
                t(
                    "Choisir la bonne taille et coller droit.",
                    "Pick the right size and glue it straight.",
                ),
                20,
                steps(
                    t("Poser une capsule", "Applying a tip"),
                    (
                        t(
                            "Choisissez une capsule de la largeur exacte de l'ongle.",
                            "Choose a tip exactly as wide as the nail.",
                        ),
                        "Choisir la taille de capsule",
                    ),
                    (
                        t(
                            "Collez à 45°, puis abaissez en chassant les bulles.",
                            "Glue at 45°, then lower it to push out the bubbles.",
                        ),
                        None,
                    ),
                ),
                video("Poser et couper les capsules", "Applying and cutting tips"),
            ),
            lesson(
                t("Construction au gel", "Building with gel"),
                t("Trois couches pour un ongle solide.", "Three layers for a strong nail."),
                25,
                steps(
                    t("Construire l'ongle", "Building the nail"),
                    (
                        t(
                            "Couche fine d'accroche, puis catalysez 60 secondes.",
                            "Thin base layer, then cure for 60 seconds.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Déposez une bille de gel au centre pour créer l'apex.",
                            "Place a bead of gel in the centre to build the apex.",
                        ),
                        "Bille de gel pour créer l'apex",
                    ),
                    (
                        t(
                            "Catalysez, limez la forme et appliquez le top coat.",
                            "Cure, file the shape and apply top coat.",
                        ),
                        None,
                    ),
                ),
                gallery(
                    t("Résultats", "Results"),
                    ("Pose gel nude en amande", t("Nude amande", "Nude almond")),
                    ("Pose gel rouge carrée", t("Rouge carré", "Red square")),
                ),
            ),
            lesson(
                t("Remplissage et dépose", "Infills and removal"),
                t(
                    "Entretenir la pose toutes les trois semaines.",
                    "Maintaining the set every three weeks.",
                ),
                15,
                paragraph(
                    "<p>Le remplissage se fait toutes les trois semaines. Pour la dépose, "
                    "limez le gel puis trempez dans l'acétone : ne forcez jamais.</p>",
                    "<p>Infills are done every three weeks. To remove, file the gel down "
                    "then soak in acetone: never force it off.</p>",
                ),
                quiz(
                    t("Quiz : le gel", "Quiz: gel"),
                    question(
                        t(
                            "Pourquoi le gel ne doit-il pas toucher la peau ?",
                            "Why must gel not touch the skin?",
                        ),
                        [
                            (t("Risque d'allergie", "Risk of allergy"), True),
                            (t("Il sèche moins vite", "It dries more slowly"), False),
                        ],
                        t(
                            "Le contact répété du gel non catalysé provoque des allergies.",
                            "Repeated contact with uncured gel causes allergies.",
                        ),
                    ),
                    question(
                        t(
                            "Tous les combien fait-on un remplissage ?",
                            "How often is an infill done?",
                        ),
                        [
                            (t("Chaque semaine", "Every week"), False),
                            (
                                t("Environ toutes les trois semaines", "About every three weeks"),
                                True,
                            ),
                            (t("Tous les trois mois", "Every three months"), False),
                        ],
                        t(
                            "Au-delà, l'ongle pousse trop et la pose risque de casser.",
                            "Any longer and the nail grows out too much and may break.",
                        ),
                    ),
                    question(
                        t(
                            "Que faut-il préparer avant une pose ?",
                            "What do you prepare before a set?",
                        ),
                        [
                            (t("Repousser les cuticules", "Push back the cuticles"), True),
                            (t("Matifier l'ongle", "Buff the nail matte"), True),
                            (t("Mettre de la crème sur l'ongle", "Put cream on the nail"), False),
                        ],
                        t(
                            "La crème empêche le gel d'adhérer.",
                            "Cream stops the gel from sticking.",
                        ),
                    ),
                ),
            ),
            lesson(
                t("Exercice : une pose complète", "Assignment: a full set"),
                t(
                    "Dix ongles en gel, corrigés par Estelle.",
                    "Ten gel nails, reviewed by Estelle.",
                ),
                60,
                assignment(
                    t("Une pose complète en gel", "A full gel set"),
                    t(
                        "<p>Réalisez une pose complète au gel avec capsules. Photographiez "
                        "la main de face, de profil (pour voir l'apex) et de dessous.</p>",
                        "<p>Do a full gel set with tips. Photograph the hand from the front, "
                        "in profile (to show the apex) and from below.</p>",
                    ),
                    [
                        (
                            t("Apex", "Apex"),
                            t("Courbe régulière vue de profil.", "Even curve in profile."),
                        ),
                        (
                            t("Propreté", "Clean work"),
                            t("Aucun gel sur la peau.", "No gel on the skin."),
                        ),
                        (
                            t("Forme", "Shape"),
                            t("Dix ongles identiques.", "Ten matching nails."),
                        ),
                    ],
                    photos=3,
                ),
            ),
        ],
    },
    {
        "key": "nail-art",
        "category": "nails",
        "instructor": "estelle",
        "level": "advanced",
        "price": 10000,
        "subscription": True,
        "hours": "4",
        "video_language": "fr",
        "cover": "Nail art motif wax",
        "prerequisites": ["gel-nails"],
        "title": t("Nail art : motifs pagne et wax", "Nail art: wax print patterns"),
        "summary": t(
            "Pinceaux, dotting et motifs géométriques inspirés des pagnes : un nail art qui "
            "fait la différence pour les fêtes et les mariages.",
            "Brushes, dotting and geometric patterns inspired by wax prints: nail art that "
            "stands out at parties and weddings.",
        ),
        "outcomes": [
            t("Utiliser pinceaux fins et dotting tools", "Use fine brushes and dotting tools"),
            t("Reproduire un motif de pagne sur dix ongles", "Reproduce a wax print on ten nails"),
        ],
        "kit": [
            t("Pinceau liner et dotting tools", "Liner brush and dotting tools"),
            t("Gels de couleur (au moins quatre)", "Colour gels (at least four)"),
            t(
                "Un morceau de pagne pour l'inspiration",
                "A piece of wax print fabric for inspiration",
            ),
        ],
        "lessons": [
            lesson(
                t("Inspirations : le pagne sur les ongles", "Inspiration: wax prints on nails"),
                t(
                    "Lire un motif et choisir les couleurs.",
                    "Reading a pattern and picking colours.",
                ),
                8,
                paragraph(
                    "<p>Les clientes apportent souvent le pagne de la fête : reprenez deux "
                    "ou trois couleurs et un motif simple, pas tout le tissu.</p>",
                    "<p>Clients often bring the fabric of the event: pick two or three "
                    "colours and one simple motif, not the whole print.</p>",
                ),
                gallery(
                    t("Inspirations", "Inspiration"),
                    ("Pagne wax motif cercles", t("Cercles", "Circles")),
                    ("Pagne wax motif feuilles", t("Feuilles", "Leaves")),
                    ("Nail art motif wax", t("Sur les ongles", "On the nails")),
                ),
            ),
            lesson(
                t("Pinceaux et dotting", "Brushes and dotting"),
                t("Des points et des lignes réguliers.", "Even dots and lines."),
                15,
                steps(
                    t("Les outils", "The tools"),
                    (
                        t(
                            "Trempez le dotting tool à chaque point pour garder la même taille.",
                            "Dip the dotting tool for every dot to keep the same size.",
                        ),
                        "Points réguliers au dotting tool",
                    ),
                    (
                        t(
                            "Tirez les lignes en posant le petit doigt sur la table.",
                            "Pull lines with your little finger resting on the table.",
                        ),
                        None,
                    ),
                ),
            ),
            lesson(
                t("Motifs géométriques", "Geometric patterns"),
                t("Cercles, triangles et feuilles.", "Circles, triangles and leaves."),
                20,
                steps(
                    t("Un motif cercle", "A circle motif"),
                    (
                        t(
                            "Posez la couleur de fond et catalysez.",
                            "Apply the base colour and cure.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Dessinez les grands cercles, puis les points au centre.",
                            "Draw the large circles, then the dots in the centre.",
                        ),
                        "Motif cercles sur ongle",
                    ),
                ),
                video("Un motif wax en direct", "A wax-print motif, live"),
            ),
            lesson(
                t("Exercice : un set inspiré du pagne", "Assignment: a wax-print set"),
                t(
                    "Votre création, avec le tissu d'inspiration.",
                    "Your design, with the fabric that inspired it.",
                ),
                45,
                quiz(
                    t("Quiz : le nail art", "Quiz: nail art"),
                    question(
                        t(
                            "Combien de couleurs reprendre d'un pagne ?",
                            "How many colours should you take from a print?",
                        ),
                        [
                            (t("Deux ou trois", "Two or three"), True),
                            (t("Toutes", "All of them"), False),
                        ],
                        t(
                            "Peu de couleurs donnent un résultat lisible sur un petit ongle.",
                            "Few colours read better on a small nail.",
                        ),
                    ),
                    question(
                        t(
                            "Comment garder des points de même taille ?",
                            "How do you keep dots the same size?",
                        ),
                        [
                            (
                                t(
                                    "Retremper l'outil à chaque point",
                                    "Re-dip the tool for every dot",
                                ),
                                True,
                            ),
                            (t("Appuyer plus fort", "Press harder"), False),
                        ],
                        t(
                            "Chaque point prend la même quantité de gel.",
                            "Every dot takes the same amount of gel.",
                        ),
                    ),
                    pass_mark=60,
                ),
                assignment(
                    t("Un set wax", "A wax-print set"),
                    t(
                        "<p>Créez un set de dix ongles inspiré d'un pagne. Envoyez une photo "
                        "des ongles posés sur le tissu, et un gros plan.</p>",
                        "<p>Create a ten-nail set inspired by a wax print. Send a photo of "
                        "the nails resting on the fabric, and a close-up.</p>",
                    ),
                    [
                        (
                            t("Fidélité", "Faithfulness"),
                            t("On reconnaît le pagne.", "The fabric is recognisable."),
                        ),
                        (
                            t("Précision", "Precision"),
                            t("Lignes nettes, points réguliers.", "Clean lines, even dots."),
                        ),
                    ],
                ),
            ),
        ],
    },
    # ---------------------------------------------------------------- Skincare
    {
        "key": "skincare-basics",
        "category": "skin",
        "instructor": "estelle",
        "level": "beginner",
        "price": 0,
        "subscription": False,
        "hours": "3",
        "video_language": "fr-en",
        "cover": "Soin du visage peau noire",
        "prerequisites": [],
        "title": t(
            "Soins pour peaux noires et métissées", "Skincare for black and mixed-race skin"
        ),
        "summary": t(
            "Comprendre la peau, construire une routine simple, reconnaître les produits "
            "éclaircissants dangereux et conseiller ses clientes.",
            "Understand the skin, build a simple routine, spot dangerous skin-lightening "
            "products and advise your clients.",
        ),
        "outcomes": [
            t("Expliquer les besoins des peaux noires", "Explain what black skin needs"),
            t("Construire une routine en trois gestes", "Build a three-step routine"),
            t(
                "Reconnaître les produits éclaircissants dangereux",
                "Spot dangerous skin-lightening products",
            ),
        ],
        "kit": [
            t("Un nettoyant doux", "A gentle cleanser"),
            t("Une crème hydratante", "A moisturiser"),
            t("Une protection solaire SPF 30 ou plus", "Sunscreen SPF 30 or higher"),
        ],
        "lessons": [
            lesson(
                t(
                    "Comprendre les peaux noires et métissées",
                    "Understanding black and mixed-race skin",
                ),
                t("Ce qui les rend différentes.", "What makes them different."),
                10,
                paragraph(
                    "<p>Les peaux noires marquent facilement : une petite irritation peut "
                    "laisser une tache pendant des mois. La douceur est la règle.</p>",
                    "<p>Black skin marks easily: a small irritation can leave a dark spot "
                    "for months. Gentleness is the rule.</p>",
                ),
                heading("Oui, le soleil compte", "Yes, the sun matters"),
                paragraph(
                    "<p>La mélanine protège, mais pas assez contre les taches : une "
                    "protection solaire reste utile.</p>",
                    "<p>Melanin protects, but not enough against dark spots: sunscreen is "
                    "still useful.</p>",
                ),
                video("Les bases en images", "The basics on video"),
            ),
            lesson(
                t(
                    "La routine : nettoyer, hydrater, protéger",
                    "The routine: cleanse, moisturise, protect",
                ),
                t("Trois gestes, matin et soir.", "Three steps, morning and night."),
                12,
                steps(
                    t("La routine de base", "The basic routine"),
                    (
                        t(
                            "Nettoyez avec un produit doux, sans frotter.",
                            "Cleanse with a gentle product, without scrubbing.",
                        ),
                        "Nettoyer le visage sans frotter",
                    ),
                    (
                        t(
                            "Hydratez, même une peau grasse.",
                            "Moisturise, even oily skin.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Le matin, terminez par la protection solaire.",
                            "In the morning, finish with sunscreen.",
                        ),
                        "Appliquer la protection solaire",
                    ),
                ),
            ),
            lesson(
                t(
                    "Taches, acné et produits éclaircissants",
                    "Dark spots, acne and skin lightening",
                ),
                t("Savoir dire non et orienter.", "Knowing when to say no and refer."),
                15,
                paragraph(
                    "<p>Les crèmes contenant de l'hydroquinone ou des corticoïdes, vendues "
                    "sans ordonnance, abîment la peau durablement. Une professionnelle ne "
                    "les conseille jamais et oriente vers un dermatologue.</p>",
                    "<p>Creams containing hydroquinone or steroids, sold without a "
                    "prescription, damage the skin for good. A professional never "
                    "recommends them and refers the client to a dermatologist.</p>",
                ),
                quiz(
                    t("Quiz : prendre soin de la peau", "Quiz: caring for the skin"),
                    question(
                        t(
                            "Une peau grasse a-t-elle besoin d'hydratation ?",
                            "Does oily skin need moisturiser?",
                        ),
                        [
                            (t("Oui", "Yes"), True),
                            (t("Non, jamais", "No, never"), False),
                        ],
                        t(
                            "Sans hydratation, la peau produit encore plus de sébum.",
                            "Without moisture, the skin makes even more oil.",
                        ),
                    ),
                    question(
                        t(
                            "Quels ingrédients signalent une crème éclaircissante dangereuse ?",
                            "Which ingredients signal a dangerous lightening cream?",
                        ),
                        [
                            (t("Hydroquinone", "Hydroquinone"), True),
                            (t("Corticoïdes (clobétasol)", "Steroids (clobetasol)"), True),
                            (t("Glycérine", "Glycerin"), False),
                        ],
                        t(
                            "La glycérine hydrate ; les deux autres abîment la peau sans suivi médical.",
                            "Glycerin moisturises; the other two damage skin without medical care.",
                        ),
                    ),
                ),
            ),
            lesson(
                t("Les bons ingrédients locaux", "Good local ingredients"),
                t(
                    "Karité, coco, aloe vera : ce qui marche vraiment.",
                    "Shea, coconut, aloe vera: what really works.",
                ),
                10,
                gallery(
                    t("Ingrédients locaux", "Local ingredients"),
                    ("Beurre de karité brut", t("Beurre de karité", "Shea butter")),
                    ("Huile de coco vierge", t("Huile de coco", "Coconut oil")),
                    ("Feuille d'aloe vera", t("Aloe vera", "Aloe vera")),
                ),
                paragraph(
                    "<p>Le karité nourrit le corps mais peut boucher les pores du visage "
                    "d'une peau grasse : conseillez-le plutôt pour les zones sèches.</p>",
                    "<p>Shea butter nourishes the body but can clog the pores of oily facial "
                    "skin: recommend it for dry areas instead.</p>",
                ),
            ),
            lesson(
                t("Exercice : le diagnostic d'une cliente", "Assignment: a client skin assessment"),
                t("Observer, questionner, conseiller.", "Observe, ask, advise."),
                30,
                assignment(
                    t("Le diagnostic de peau", "A skin assessment"),
                    t(
                        "<p>Faites le diagnostic de peau d'une amie : type de peau, taches, "
                        "produits utilisés. Proposez-lui une routine en trois gestes et "
                        "envoyez deux photos du visage (avec son accord).</p>",
                        "<p>Assess a friend's skin: skin type, dark spots, products used. "
                        "Suggest a three-step routine and send two photos of the face (with "
                        "her consent).</p>",
                    ),
                    [
                        (
                            t("Observation", "Observation"),
                            t(
                                "Type de peau correctement identifié.",
                                "Skin type correctly identified.",
                            ),
                        ),
                        (
                            t("Conseil", "Advice"),
                            t(
                                "Routine simple, sans produit dangereux.",
                                "Simple routine, no dangerous product.",
                            ),
                        ),
                    ],
                ),
            ),
        ],
    },
    {
        "key": "facial",
        "category": "skin",
        "instructor": "estelle",
        "level": "intermediate",
        "price": 12000,
        "subscription": False,
        "hours": "5",
        "video_language": "fr",
        "cover": "Soin du visage en cabine",
        "prerequisites": ["skincare-basics"],
        "title": t("Soin du visage en institut", "Professional facial treatment"),
        "summary": t(
            "Accueil, nettoyage, gommage, massage et masque : le soin du visage complet de "
            "l'institut, adapté aux peaux noires.",
            "Welcome, cleansing, exfoliation, massage and mask: the complete salon facial, "
            "adapted to black skin.",
        ),
        "outcomes": [
            t("Mener un soin du visage d'une heure", "Give a one-hour facial"),
            t("Masser le visage en toute sécurité", "Massage the face safely"),
            t("Choisir un masque selon la peau", "Choose a mask for the skin type"),
        ],
        "kit": [
            t("Serviettes propres et bandeau", "Clean towels and a headband"),
            t("Nettoyant, gommage doux et masque", "Cleanser, gentle scrub and mask"),
            t("Huile de massage", "Massage oil"),
        ],
        "lessons": [
            lesson(
                t("Accueillir la cliente en cabine", "Welcoming the client"),
                t("Une cabine propre et une fiche cliente.", "A clean room and a client card."),
                8,
                paragraph(
                    "<p>Avant tout soin, remplissez la fiche cliente : allergies, "
                    "traitements, grossesse. Elle vous protège autant qu'elle.</p>",
                    "<p>Before any treatment, fill in the client card: allergies, "
                    "medication, pregnancy. It protects you as much as her.</p>",
                ),
                guide("hygiene", "Fiche hygiène de la cabine", "Treatment room hygiene sheet"),
            ),
            lesson(
                t("Nettoyage et gommage", "Cleansing and exfoliation"),
                t("Doux, toujours doux.", "Gentle, always gentle."),
                15,
                steps(
                    t("Nettoyer et gommer", "Cleanse and exfoliate"),
                    (
                        t(
                            "Double nettoyage : huile, puis nettoyant doux.",
                            "Double cleanse: oil, then a gentle cleanser.",
                        ),
                        "Double nettoyage du visage",
                    ),
                    (
                        t(
                            "Gommage doux en petits cercles, sans insister sur les boutons.",
                            "Gentle scrub in small circles, avoiding spots.",
                        ),
                        None,
                    ),
                ),
            ),
            lesson(
                t("Massage du visage", "Facial massage"),
                t("Le moment préféré des clientes.", "Clients' favourite moment."),
                20,
                video("Les mouvements du massage", "The massage movements"),
                steps(
                    t("Le massage", "The massage"),
                    (
                        t(
                            "Chauffez l'huile dans vos mains.",
                            "Warm the oil in your hands.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Lissez du centre du visage vers les oreilles.",
                            "Smooth from the centre of the face towards the ears.",
                        ),
                        "Lisser le visage vers les oreilles",
                    ),
                    (
                        t(
                            "Terminez par de légers tapotements sur le front.",
                            "Finish with light tapping on the forehead.",
                        ),
                        None,
                    ),
                ),
            ),
            lesson(
                t("Masques et finitions", "Masks and finishing"),
                t("Argile, hydratant ou apaisant.", "Clay, hydrating or soothing."),
                12,
                gallery(
                    t("Les masques", "Masks"),
                    ("Masque à l'argile", t("Argile : peau grasse", "Clay: oily skin")),
                    ("Masque hydratant au miel", t("Miel : peau sèche", "Honey: dry skin")),
                ),
                quiz(
                    t("Quiz : le soin du visage", "Quiz: the facial"),
                    question(
                        t(
                            "Que remplit-on avant le soin ?",
                            "What do you fill in before the treatment?",
                        ),
                        [
                            (t("La fiche cliente", "The client card"), True),
                            (t("Rien", "Nothing"), False),
                        ],
                        t(
                            "La fiche signale allergies et contre-indications.",
                            "The card flags allergies and contraindications.",
                        ),
                    ),
                    question(
                        t(
                            "Quel masque pour une peau grasse ?",
                            "Which mask for oily skin?",
                        ),
                        [
                            (t("L'argile", "Clay"), True),
                            (t("Le miel", "Honey"), False),
                        ],
                        t(
                            "L'argile absorbe l'excès de sébum.",
                            "Clay absorbs excess oil.",
                        ),
                    ),
                ),
            ),
            lesson(
                t("Exercice : un soin complet", "Assignment: a full facial"),
                t("Votre soin, du début à la fin.", "Your facial, from start to finish."),
                45,
                assignment(
                    t("Un soin du visage complet", "A full facial"),
                    t(
                        "<p>Réalisez un soin complet d'une heure. Envoyez une photo de votre "
                        "cabine préparée et une photo du visage après le soin.</p>",
                        "<p>Give a full one-hour facial. Send a photo of your prepared room "
                        "and a photo of the face after the treatment.</p>",
                    ),
                    [
                        (
                            t("Hygiène", "Hygiene"),
                            t("Cabine propre, matériel rangé.", "Clean room, tidy tools."),
                        ),
                        (
                            t("Résultat", "Result"),
                            t("Peau nette, sans rougeur.", "Clear skin, no redness."),
                        ),
                    ],
                ),
            ),
        ],
    },
    # ---------------------------------------------------------------- Business
    {
        "key": "pricing",
        "category": "business",
        "instructor": "aicha",
        "level": "beginner",
        "price": 3500,
        "subscription": True,
        "hours": "2",
        "video_language": "fr-en",
        "cover": "Carnet de rendez-vous et calculatrice",
        "prerequisites": [],
        "title": t(
            "Fixer ses prix et trouver ses clientes", "Pricing your services and finding clients"
        ),
        "summary": t(
            "Calculer ce que coûte vraiment une prestation, annoncer un prix juste, demander "
            "un acompte par Mobile Money et remplir son carnet de rendez-vous.",
            "Work out what a service really costs, set a fair price, take a Mobile Money "
            "deposit and fill your appointment book.",
        ),
        "outcomes": [
            t("Calculer le coût réel d'une prestation", "Work out the real cost of a service"),
            t("Annoncer un prix sans gêne", "State your price with confidence"),
            t(
                "Demander un acompte et gérer les annulations",
                "Take deposits and handle cancellations",
            ),
        ],
        "kit": [
            t("Un carnet ou un tableur", "A notebook or a spreadsheet"),
            t("Vos tickets d'achat de produits", "Your product receipts"),
        ],
        "lessons": [
            lesson(
                t("Combien vous coûte une prestation ?", "What does a service cost you?"),
                t("Produits, transport, temps et loyer.", "Products, transport, time and rent."),
                10,
                paragraph(
                    "<p>Beaucoup de professionnelles travaillent à perte sans le savoir : "
                    "elles oublient le transport, le temps passé et l'électricité.</p>",
                    "<p>Many professionals lose money without knowing it: they forget "
                    "transport, time spent and electricity.</p>",
                ),
                guide("pricing", "Grille de calcul du prix", "Pricing worksheet"),
            ),
            lesson(
                t("Calculer son prix", "Calculating your price"),
                t("Un exemple chiffré en FCFA.", "A worked example in FCFA."),
                15,
                steps(
                    t("Le calcul", "The calculation"),
                    (
                        t(
                            "Additionnez les produits : 4 500 FCFA de mèches.",
                            "Add up the products: 4,500 FCFA of braiding hair.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Ajoutez le transport (1 000 FCFA) et votre temps (5 h × 1 500 FCFA).",
                            "Add transport (1,000 FCFA) and your time (5 h × 1,500 FCFA).",
                        ),
                        "Calcul du prix sur un carnet",
                    ),
                    (
                        t(
                            "Ajoutez 25 % de marge et arrondissez : 16 500 FCFA.",
                            "Add a 25% margin and round: 16,500 FCFA.",
                        ),
                        None,
                    ),
                ),
                quiz(
                    t("Quiz : le prix", "Quiz: pricing"),
                    question(
                        t(
                            "Que faut-il compter dans le prix ?",
                            "What goes into the price?",
                        ),
                        [
                            (t("Les produits", "Products"), True),
                            (t("Le transport", "Transport"), True),
                            (t("Votre temps", "Your time"), True),
                            (t("Le prix de la voisine", "The neighbour's price"), False),
                        ],
                        t(
                            "Le prix de la concurrence se regarde après, pas à la place du calcul.",
                            "Look at competitors afterwards, not instead of calculating.",
                        ),
                    ),
                    question(
                        t(
                            "À combien arrondir un prix ?",
                            "What do you round a price to?",
                        ),
                        [
                            (t("Aux 500 FCFA", "To the nearest 500 FCFA"), True),
                            (t("Au franc près", "To the franc"), False),
                        ],
                        t(
                            "Un prix rond se retient et simplifie la monnaie.",
                            "A round price is easy to remember and to pay.",
                        ),
                    ),
                ),
            ),
            lesson(
                t("Trouver ses premières clientes", "Finding your first clients"),
                t(
                    "Bouche-à-oreille, église, marché, quartier.",
                    "Word of mouth, church, market, neighbourhood.",
                ),
                12,
                paragraph(
                    "<p>Vos premières clientes sont autour de vous : famille, voisines, "
                    "collègues, groupes d'église et tontines.</p>",
                    "<p>Your first clients are around you: family, neighbours, colleagues, "
                    "church groups and savings circles.</p>",
                ),
                heading("Le geste qui fidélise", "The habit that builds loyalty"),
                paragraph(
                    "<p>Envoyez un message de remerciement le lendemain, avec une photo du "
                    "résultat. La cliente le partagera souvent d'elle-même.</p>",
                    "<p>Send a thank-you message the next day with a photo of the result. "
                    "The client will often share it herself.</p>",
                ),
            ),
            lesson(
                t("Acomptes et annulations", "Deposits and cancellations"),
                t("Se protéger des rendez-vous manqués.", "Protecting yourself from no-shows."),
                10,
                paragraph(
                    "<p>Demandez un acompte de 30 % par MTN MoMo ou Orange Money pour toute "
                    "prestation de plus de 10 000 FCFA, et annoncez votre règle "
                    "d'annulation par écrit.</p>",
                    "<p>Ask for a 30% deposit by MTN MoMo or Orange Money for any service "
                    "above 10,000 FCFA, and state your cancellation rule in writing.</p>",
                ),
            ),
            lesson(
                t("Exercice : votre grille de tarifs", "Assignment: your price list"),
                t(
                    "Une grille claire à afficher et à partager.",
                    "A clear price list to display and share.",
                ),
                30,
                assignment(
                    t("Votre grille de tarifs", "Your price list"),
                    t(
                        "<p>Calculez le prix de trois de vos prestations avec la grille, puis "
                        "faites une affiche de vos tarifs. Envoyez la grille remplie et "
                        "l'affiche.</p>",
                        "<p>Price three of your services with the worksheet, then make a "
                        "poster of your prices. Send the completed worksheet and the "
                        "poster.</p>",
                    ),
                    [
                        (
                            t("Calcul", "Calculation"),
                            t("Tous les coûts sont comptés.", "All costs are included."),
                        ),
                        (
                            t("Clarté", "Clarity"),
                            t(
                                "L'affiche se lit en cinq secondes.",
                                "The poster reads in five seconds.",
                            ),
                        ),
                    ],
                ),
            ),
        ],
    },
    {
        "key": "social",
        "category": "business",
        "instructor": "grace",
        "level": "intermediate",
        "price": 6000,
        "subscription": False,
        "hours": "3",
        "video_language": "en",
        "cover": "Photo avant-après pour les réseaux",
        "prerequisites": ["pricing"],
        "title": t(
            "Vendre sur WhatsApp, Facebook et Instagram",
            "Selling on WhatsApp, Facebook and Instagram",
        ),
        "summary": t(
            "Un catalogue WhatsApp Business, de belles photos au téléphone et des "
            "publications qui ramènent des clientes, sans vider votre forfait.",
            "A WhatsApp Business catalogue, good phone photos and posts that bring clients, "
            "without using up your data.",
        ),
        "outcomes": [
            t("Créer un catalogue WhatsApp Business", "Set up a WhatsApp Business catalogue"),
            t("Photographier son travail au téléphone", "Photograph your work with a phone"),
            t("Répondre aux messages et aux avis", "Answer messages and reviews"),
        ],
        "kit": [
            t("Un smartphone avec appareil photo", "A smartphone with a camera"),
            t("L'application WhatsApp Business", "The WhatsApp Business app"),
        ],
        "lessons": [
            lesson(
                t("Un catalogue WhatsApp Business", "A WhatsApp Business catalogue"),
                t(
                    "Vos prestations et vos prix, toujours à jour.",
                    "Your services and prices, always up to date.",
                ),
                10,
                paragraph(
                    "<p>Le catalogue évite de répondre cent fois « c'est combien ? » : la "
                    "cliente voit photo, durée et prix.</p>",
                    "<p>The catalogue saves you answering 'how much?' a hundred times: the "
                    "client sees the photo, duration and price.</p>",
                ),
                steps(
                    t("Créer le catalogue", "Creating the catalogue"),
                    (
                        t(
                            "Ouvrez Outils professionnels, puis Catalogue.",
                            "Open Business tools, then Catalogue.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Ajoutez une photo, un nom, le prix en FCFA et la durée.",
                            "Add a photo, a name, the price in FCFA and the duration.",
                        ),
                        "Fiche prestation dans le catalogue WhatsApp",
                    ),
                ),
            ),
            lesson(
                t("Photographier son travail", "Photographing your work"),
                t("Lumière du jour et fond simple.", "Daylight and a plain background."),
                15,
                steps(
                    t("Une bonne photo", "A good photo"),
                    (
                        t(
                            "Placez la cliente face à une fenêtre, jamais sous un néon.",
                            "Face the client towards a window, never under a neon light.",
                        ),
                        "Cliente photographiée face à une fenêtre",
                    ),
                    (
                        t(
                            "Utilisez un fond uni : un drap ou un mur clair.",
                            "Use a plain background: a sheet or a light wall.",
                        ),
                        None,
                    ),
                    (
                        t(
                            "Prenez la même photo avant et après, sous le même angle.",
                            "Take the same photo before and after, from the same angle.",
                        ),
                        None,
                    ),
                ),
                gallery(
                    t("Bonne et mauvaise photo", "Good and bad photo"),
                    ("Photo sous un néon, à éviter", t("À éviter : néon", "Avoid: neon light")),
                    (
                        "Photo à la lumière du jour, réussie",
                        t("Réussi : lumière du jour", "Good: daylight"),
                    ),
                ),
            ),
            lesson(
                t("Publier sans vider son forfait", "Posting without using up your data"),
                t("Préparer hors ligne, publier au Wi-Fi.", "Prepare offline, post on Wi-Fi."),
                10,
                paragraph(
                    "<p>Préparez vos textes hors ligne, publiez quand vous avez du Wi-Fi ou "
                    "un forfait nuit, et préférez les photos aux longues vidéos.</p>",
                    "<p>Write your posts offline, publish when you have Wi-Fi or a night "
                    "bundle, and prefer photos to long videos.</p>",
                ),
            ),
            lesson(
                t("Répondre aux clientes et aux avis", "Answering clients and reviews"),
                t("Rapidement, poliment, avec le prix.", "Quickly, politely, with the price."),
                10,
                paragraph(
                    "<p>Répondez dans l'heure, même pour dire que vous êtes occupée. Face à "
                    "un avis négatif, remerciez, proposez une solution, ne vous disputez "
                    "jamais en public.</p>",
                    "<p>Reply within the hour, even just to say you are busy. Faced with a "
                    "negative review, say thank you, offer a solution and never argue in "
                    "public.</p>",
                ),
                quiz(
                    t("Quiz : les réseaux", "Quiz: social media"),
                    question(
                        t(
                            "Quelle lumière pour photographier une coiffure ?",
                            "Which light for photographing a hairstyle?",
                        ),
                        [
                            (t("La lumière du jour", "Daylight"), True),
                            (t("Un néon", "A neon light"), False),
                            (t("Le flash en pleine nuit", "Flash at night"), False),
                        ],
                        t(
                            "La lumière du jour montre les vraies couleurs.",
                            "Daylight shows the true colours.",
                        ),
                    ),
                    question(
                        t(
                            "Que faire face à un avis négatif ?",
                            "What do you do with a negative review?",
                        ),
                        [
                            (
                                t(
                                    "Remercier et proposer une solution",
                                    "Thank and offer a solution",
                                ),
                                True,
                            ),
                            (t("Répondre calmement", "Reply calmly"), True),
                            (t("Supprimer et bloquer", "Delete and block"), False),
                        ],
                        t(
                            "Les futures clientes lisent surtout votre réponse.",
                            "Future clients mostly read your reply.",
                        ),
                    ),
                ),
            ),
            lesson(
                t("Exercice : votre première publication", "Assignment: your first post"),
                t("Une publication avant/après complète.", "A complete before/after post."),
                20,
                assignment(
                    t("Une publication avant/après", "A before/after post"),
                    t(
                        "<p>Publiez un avant/après sur le réseau de votre choix avec le prix "
                        "et un moyen de réserver. Envoyez une capture d'écran de la "
                        "publication et la photo originale.</p>",
                        "<p>Post a before/after on the network of your choice with the "
                        "price and a way to book. Send a screenshot of the post and the "
                        "original photo.</p>",
                    ),
                    [
                        (
                            t("Photo", "Photo"),
                            t(
                                "Lumière du jour, même angle avant/après.",
                                "Daylight, same angle before/after.",
                            ),
                        ),
                        (
                            t("Texte", "Text"),
                            t(
                                "Prix et contact clairement indiqués.",
                                "Price and contact clearly shown.",
                            ),
                        ),
                    ],
                ),
            ),
        ],
    },
]
