"""The directory in the Wagtail admin: services and reviews (moderation) for moderators."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from core.admin_ui import yes_no_column

from .models import Review, Service
from .profiles import set_review_hidden


class ServiceViewSet(ModelViewSet):
    model = Service
    icon = "tag"
    menu_label = _("Services")
    list_display = [
        "name_fr",
        "professional",
        "category",
        "price_xaf",
        yes_no_column(Service, "is_active"),
    ]
    list_filter = ["category", "is_active", "is_online"]
    search_fields = ["name_fr", "name_en", "professional__title"]
    search_backend_name = None
    form_fields = [
        "professional",
        "category",
        "name_fr",
        "name_en",
        "duration_minutes",
        "price_xaf",
        "deposit_kind",
        "deposit_value",
        "is_online",
        "is_active",
    ]
    copy_view_enabled = False


class ReviewModerationForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["is_hidden"]


class ReviewEditView(EditView):
    def save_instance(self):
        """Hiding a review goes through the service so the rating is recounted."""
        set_review_hidden(review=self.object, hidden=self.form.cleaned_data["is_hidden"])
        self.object.refresh_from_db()
        return self.object


class ReviewViewSet(ModelViewSet):
    model = Review
    icon = "comment"
    menu_label = _("Reviews")
    list_display = [
        "professional",
        "rating",
        "author",
        yes_no_column(Review, "is_hidden"),
        "created_at",
    ]
    list_filter = ["is_hidden", "rating"]
    search_fields = ["text", "professional__title", "author__email"]
    search_backend_name = None
    form_fields = ["is_hidden"]
    edit_view_class = ReviewEditView
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return ReviewModerationForm


class DirectoryViewSetGroup(ModelViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "group"
    menu_order = 320
    items = (ServiceViewSet("directory_services"), ReviewViewSet("directory_reviews"))


@hooks.register("register_admin_viewset")
def register_directory_viewsets():
    return DirectoryViewSetGroup()
