"""Admin forms of the home app's pages."""

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm

from accounts.models import MODERATORS_GROUP


class NewsArticlePageForm(WagtailAdminPageForm):
    """Articles are signed by a moderator: the choice lists only moderators, and a new
    article is signed by the person writing it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("author")
        if field is None:
            return
        field.queryset = (
            field.queryset.filter(Q(is_superuser=True) | Q(groups__name=MODERATORS_GROUP))
            .distinct()
            .order_by("first_name", "last_name")
        )
        if self.instance.pk is None and not self.is_bound and self.for_user is not None:
            self.initial["author"] = self.initial.get("author") or self.for_user.pk
