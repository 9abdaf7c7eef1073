"""The forms of the mentorship pages. They turn what people typed into Python values;
the rules (who may, lengths, capacity) live in the services, whose refusals the views
show on the form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..forms import speciality_field, town_field
from ..models.mentorship import (
    DEFAULT_WEEKS,
    MAX_CAPACITY,
    MAX_WEEKS,
    MIN_CAPACITY,
    MIN_WEEKS,
)
from .asking import MAX_MESSAGE_LENGTH, MAX_REASON_LENGTH
from .ending import MAX_REVIEW_LENGTH
from .offers import MAX_BIO_LENGTH

LANGUAGES = [("fr", _("French")), ("en", _("English"))]


class OfferForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Languages you mentor in"),
        choices=LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        initial=["fr"],
    )
    capacity = forms.TypedChoiceField(
        label=_("Beginners at a time"),
        choices=[(n, n) for n in range(MIN_CAPACITY, MAX_CAPACITY + 1)],
        coerce=int,
        initial=2,
    )
    bio = forms.CharField(
        label=_("About you: what you can teach a beginner"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_BIO_LENGTH}),
    )
    is_paused = forms.BooleanField(
        label=_("Pause my offer: nobody new can ask me for now"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speciality"] = speciality_field(empty_label=None)
        self.fields["town"] = town_field(label=_("Your town"), empty_label=None)
        self.order_fields(["speciality", "languages", "town", "capacity", "bio", "is_paused"])


class FindForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("French or English")), *LANGUAGES],
    )
    strict = forms.BooleanField(label=_("Only mentors who match all of this"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speciality"] = speciality_field(
            required=False, empty_label=_("All specialities")
        )
        self.fields["town"] = town_field(
            label=_("Town"), required=False, empty_label=_("All towns")
        )
        self.order_fields(["speciality", "town", "language", "strict"])


class AskForm(forms.Form):
    message = forms.CharField(
        label=_("Your message: what would you like to learn?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_MESSAGE_LENGTH}),
    )


class AnswerForm(forms.Form):
    weeks = forms.TypedChoiceField(
        label=_("For how many weeks"),
        choices=[(n, n) for n in range(MIN_WEEKS, MAX_WEEKS + 1)],
        coerce=int,
        initial=DEFAULT_WEEKS,
    )
    reason = forms.CharField(
        label=_("Why you decline (optional, she will read it)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": MAX_REASON_LENGTH}),
    )


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=[(n, "★" * n) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("A few words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_REVIEW_LENGTH}),
    )
