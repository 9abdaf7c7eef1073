from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursePagesConfig(AppConfig):
    name = "course_pages"
    verbose_name = _("Courses")

    def ready(self):
        from wagtail.models import AbstractPage, Page
        from wagtail.permissions import register_permission_policy

        # deferred: ready() runs once every app's models are loaded.
        from checkout.pass_contents import register_pass_contents
        from course_pages import (
            fulfillers,
            localize_dependencies,
            page_cache_hits,
            page_cache_links,
            subscription,
        )
        from course_pages.models import GuideDocument
        from course_pages.permissions import (
            GuideDocumentPermissionPolicy,
            InstructorAwarePagePermissionPolicy,
        )

        # Replaces Wagtail's default page policy for every page type.
        register_permission_policy(AbstractPage, InstructorAwarePagePermissionPolicy(Page))
        # exact_class: wagtail.documents registers its own policy after this app is ready.
        register_permission_policy(
            GuideDocument,
            GuideDocumentPermissionPolicy(
                GuideDocument,
                auth_model="wagtaildocs.Document",
                owner_field_name="uploaded_by_user",
            ),
            exact_class=True,
        )
        localize_dependencies.install()
        fulfillers.register_course_fulfiller()
        register_pass_contents(subscription.included_courses)
        page_cache_links.connect()
        page_cache_hits.register()
