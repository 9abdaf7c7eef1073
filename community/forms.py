"""The forms of the group pages. They turn what people typed into Python values; the
rules (lengths, who may, limits) live in the services, whose refusals the views show
on the form."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core import photos
from course_pages.models import CourseCategory
from directory.models import Town

from .models import Group, Report, Resource
from .selectors import speciality_names

DOUALA = ZoneInfo("Africa/Douala")
TEXTAREA = {"rows": 4}


def speciality_field(**kwargs):
    """Default-locale categories (what groups point at), named in the visitor's language."""
    names = speciality_names()
    field = forms.ModelChoiceField(
        label=_("Speciality"),
        queryset=CourseCategory.objects.filter(locale=Locale.get_default()).order_by(
            "sort_order", "name"
        ),
        **kwargs,
    )
    field.label_from_instance = lambda category: names.get(category.pk, category.name)
    return field


def town_field(**kwargs):
    return forms.ModelChoiceField(queryset=Town.objects.all(), to_field_name="slug", **kwargs)


class GroupForm(forms.Form):
    name = forms.CharField(label=_("Name of the group"), required=False)
    description = forms.CharField(
        label=_("What the group is for"),
        widget=forms.Textarea(attrs={**TEXTAREA, "maxlength": 2000}),
        required=False,
    )
    language = forms.ChoiceField(
        label=_("Language of the group"), choices=Group.Language.choices, initial="fr"
    )
    is_open = forms.TypedChoiceField(
        label=_("Who can join"),
        choices=[("1", _("Anyone: open group")), ("0", _("On request: members approved"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        initial="1",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speciality"] = speciality_field(empty_label=None)
        self.fields["town"] = town_field(
            label=_("Town (a group in a town is its local chapter)"),
            required=False,
            empty_label=_("No town: the group meets online"),
        )
        self.order_fields(["name", "description", "speciality", "town", "language", "is_open"])


class GroupSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Knotless, bridal…")}),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("French or English")), *Group.Language.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"] = town_field(
            label=_("Town"), required=False, empty_label=_("All towns")
        )
        self.fields["speciality"] = speciality_field(
            required=False, empty_label=_("All specialities")
        )
        self.order_fields(["q", "town", "speciality", "language"])


class ResourceForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you share?"),
        choices=Resource.Kind.choices,
        widget=forms.RadioSelect,
        initial=Resource.Kind.TIP,
    )
    text = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={**TEXTAREA, "maxlength": 5000}),
    )
    supplier_name = forms.CharField(label=_("Supplier or shop"), required=False)
    supplier_phone = forms.CharField(
        label=_("Supplier's phone"),
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "off"}),
    )

    def __init__(self, *args, group=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supplier_town"] = town_field(
            label=_("Supplier's town"),
            required=False,
            initial=group.town.slug if group is not None and group.town_id else None,
        )
        if editing:
            del self.fields["kind"]
        self.order_fields(["kind", "text", "supplier_name", "supplier_town", "supplier_phone"])

    photo_accept = photos.ACCEPT_ATTRIBUTE


class SessionForm(forms.Form):
    title = forms.CharField(label=_("What you will practise"), required=False)
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label=_("Time (Douala)"), widget=forms.TimeInput(attrs={"type": "time"}))
    place = forms.CharField(label=_("Place"), required=False)
    online = forms.BooleanField(label=_("Online"), required=False)

    def starts_at(self):
        day, time = self.cleaned_data["day"], self.cleaned_data["time"]
        return datetime.combine(day, time, tzinfo=DOUALA)


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"), choices=Report.Reason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Anything else to say (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
    )
