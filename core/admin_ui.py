"""Booleans in our admin listings read as words ("Yes"/"No" in the admin's language),
never as Python's True/False: in the columns and in the active-filter chips."""

import django_filters
from django.utils.translation import gettext
from wagtail.admin.active_filters import (
    ActiveFilter,
    BaseFilterAdapter,
    register_filter_adapter_class,
)
from wagtail.admin.ui.tables import Column


def yes_no(value):
    if value is None:
        return "—"
    return gettext("Yes") if value else gettext("No")


class YesNoColumn(Column):
    """A boolean field's column, as "Yes"/"No" (Wagtail's BooleanColumn titles its
    icons "True"/"False", untranslated)."""

    def get_value(self, instance):
        return yes_no(super().get_value(instance))


def yes_no_column(model, field_name):
    """The column of `model`'s boolean field, titled and sorted like a plain one."""
    label = model._meta.get_field(field_name).verbose_name
    return YesNoColumn(field_name, label=label, sort_key=field_name)


class YesNoFilterAdapter(BaseFilterAdapter):
    """The chip of an active boolean filter: "Active: Yes", not "Active: True"."""

    def get_active_filters(self):
        yield ActiveFilter(
            self.bound_field.auto_id,
            self.filter.label,
            yes_no(self.value),
            self.get_url_without_filter_param(self.name),
        )


def register_yes_no_filters():
    register_filter_adapter_class(django_filters.BooleanFilter, YesNoFilterAdapter)
