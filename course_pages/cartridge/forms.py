"""The two forms: which languages to export, and the cartridge to import."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from course_pages.models import CourseCategory, InstructorPage

LANGUAGE_CHOICES = [("fr", _("French")), ("en", _("English")), ("fr-en", _("French and English"))]


class ExportForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, initial="fr")

    def languages(self):
        return self.cleaned_data["language"].split("-")


class ImportForm(forms.Form):
    cartridge = forms.FileField(
        label=_("Cartridge (.imscc)"),
        help_text=_(
            "A course exported from Moodle, Canvas or another platform as IMS Common Cartridge 1.1 to 1.3."
        ),
    )
    category = forms.ModelChoiceField(label=_("Category"), queryset=CourseCategory.objects.none())
    instructor = forms.ModelChoiceField(
        label=_("Instructor"), queryset=InstructorPage.objects.none(), required=False
    )

    def __init__(self, *args, instructor=None, **kwargs):
        """`instructor`: the person's own page (she imports for herself); None for a
        moderator, who chooses."""
        super().__init__(*args, **kwargs)
        default = Locale.get_default()
        self.fields["category"].queryset = CourseCategory.objects.filter(locale=default)
        self.own_instructor = instructor
        if instructor is None:
            self.fields["instructor"].queryset = InstructorPage.objects.filter(locale=default)
            self.fields["instructor"].required = True
        else:
            del self.fields["instructor"]

    def chosen_instructor(self):
        return self.own_instructor or self.cleaned_data["instructor"]
