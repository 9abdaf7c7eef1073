"""The directory pages: the search page and one page per professional."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from accounts.phone import validate_cameroon_phone
from core import page_cache
from core.rate_limits import rate_limited
from directory.blocks import PortfolioPairStream


class ProfessionalIndexPage(Page):
    """The public directory: search, filters and paginated professional cards."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.ProfessionalPage"]
    max_count_per_parent = 1
    template = "pages/professional_index_page.html"

    class Meta:
        verbose_name = _("professional directory")

    def get_context(self, request, *args, **kwargs):
        from directory.search_page import (
            SEARCH_PARAMS,
            cache_tags_of_search,
            search_context,  # it imports these models
        )

        page_cache.shows_pages(
            request, self, tags=cache_tags_of_search(request.GET), reads=SEARCH_PARAMS
        )
        context = super().get_context(request, *args, **kwargs)
        context.update(search_context(request, index_page=self))
        return context

    def serve(self, request, *args, **kwargs):
        from directory.search_page import over_search_limit  # it imports these models

        if over_search_limit(request):
            return rate_limited(request)
        return super().serve(request, *args, **kwargs)


class ProfessionalPage(Page):
    """A professional's public profile. The business name is the page title.

    Services, reviews, ratings and statistics belong to the default-locale page
    (see ``directory.selectors.canonical``); the English copy only
    translates the words."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        related_name="professional_pages",
    )
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("about"), max_length=3000, blank=True)
    specialities = ParentalManyToManyField(
        "directory.ServiceCategory", verbose_name=_("specialities"), blank=True, related_name="+"
    )
    town = models.ForeignKey(
        "directory.Town",
        verbose_name=_("town"),
        on_delete=models.PROTECT,
        related_name="professionals",
    )
    neighbourhood = models.CharField(_("neighbourhood"), max_length=120, blank=True)
    travels_to_clients = models.BooleanField(_("travels to clients"), default=False)
    travel_radius_km = models.PositiveSmallIntegerField(
        _("travel distance (km)"), default=0, validators=[MaxValueValidator(1000)]
    )
    languages = ParentalManyToManyField(
        "directory.SpokenLanguage", verbose_name=_("languages spoken"), blank=True, related_name="+"
    )
    phone = PhoneNumberField(
        _("phone"), blank=True, validators=[validate_cameroon_phone], region="CM"
    )
    whatsapp = PhoneNumberField(
        _("WhatsApp"), blank=True, validators=[validate_cameroon_phone], region="CM"
    )
    # Denormalised from visible reviews by directory.services.refresh_rating.
    rating_average = models.DecimalField(
        _("average rating"),
        max_digits=3,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(5)],
    )
    rating_count = models.PositiveIntegerField(_("number of reviews"), default=0)
    portfolio = StreamField(PortfolioPairStream(), verbose_name=_("portfolio"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("user"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("specialities"),
        MultiFieldPanel(
            [
                FieldPanel("town"),
                FieldPanel("neighbourhood"),
                FieldPanel("travels_to_clients"),
                FieldPanel("travel_radius_km"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("languages"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("whatsapp")], heading=_("Contact")),
        FieldPanel("portfolio"),
    ]
    search_fields = Page.search_fields + [index.SearchField("bio")]
    parent_page_types = ["directory.ProfessionalIndexPage"]
    subpage_types = []
    template = "pages/professional_page.html"

    class Meta:
        verbose_name = _("professional page")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating_average__gte=0, rating_average__lte=5),
                name="professional_rating_between_0_and_5",
            )
        ]

    def clean(self):
        super().clean()
        others = ProfessionalPage.objects.filter(user_id=self.user_id, locale_id=self.locale_id)
        if self.user_id and others.exclude(pk=self.pk).exists():
            raise ValidationError({"user": _("This person already has a professional page.")})
        if self.travels_to_clients and not self.travel_radius_km:
            raise ValidationError(
                {"travel_radius_km": _("Say how far you travel to your clients.")}
            )

    def get_context(self, request, *args, **kwargs):
        from directory.profile_page import (
            cache_declaration,
            profile_context,  # it imports these models
        )
        from directory.view_counts import count_profile_view

        declaration = cache_declaration(self)
        page_cache.shows_pages(request, self, **declaration)
        if not getattr(request, "is_preview", False):
            # As the page cache counts a hit (directory/page_cache_hits.py).
            _hit, professional_id = declaration["hit"]
            count_profile_view(professional_id)
        context = super().get_context(request, *args, **kwargs)
        context.update(profile_context(request, page=self))
        return context
