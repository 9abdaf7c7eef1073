"""Who may author which course pages: instructors inside their own subtree, moderators everywhere.

How it works, and why this way:

* The Instructors group gets only Wagtail's ``add`` page permission, on every catalogue,
  instructor index and curricula index, in every locale (``grant_instructor_permissions``,
  run by a data migration, by the admin hooks when such an index is created or edited,
  and by the demo loader). With ``add`` alone Wagtail lets a user create children and
  edit the pages they *own*, never publish: their changes go to moderation through the
  workflow assigned to the root page ("Moderators approval", a GroupApprovalTask for
  the Moderators group), and a moderator publishes.
* Wagtail's "add" reaches every page below the index, so the admin hooks
  (``course_pages.wagtail_hooks.permissions``) also refuse to create, edit, copy, move or
  delete a course, lesson, instructor or portfolio page that is not the instructor's own,
  and hide other instructors' drafts from the explorer and the page chooser.
* "Own" follows the content, not who clicked "create": an instructor page whose account is
  the user, a course whose instructor page is theirs, the lessons of such a course, the
  portfolio pages under their instructor page; for curricula, the Wagtail owner.
  ``align_owner`` makes Wagtail's ``owner`` agree with that rule (a course a moderator
  creates for Awa is Awa's to edit), so Wagtail's own checks (preview, revisions,
  history) give the same answer as our hooks.

Moderators (and superusers) are never restricted here; everybody else is.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from accounts.models import INSTRUCTORS_GROUP
from core.roles import is_moderator
from course_pages.models import (
    CourseIndexPage,
    CoursePage,
    CurriculumIndexPage,
    CurriculumPage,
    InstructorIndexPage,
    InstructorPage,
    LessonPage,
    PortfolioPage,
)
from enrolment.media_access import lessons_using

INDEX_MODELS = (CourseIndexPage, InstructorIndexPage, CurriculumIndexPage)
# Pages that belong to one instructor through the content (see `own_page_paths`).
PERSONAL_MODELS = (CoursePage, LessonPage, InstructorPage, PortfolioPage)
# Everything an instructor authors: personal pages and their curricula.
AUTHORED_MODELS = (*PERSONAL_MODELS, CurriculumPage)


def grant_instructor_permissions():
    """Give the Instructors group "add" on every index page instructors write under.

    Idempotent: safe to run after every index page creation and from the demo loader.
    Returns the number of permissions created."""
    group = Group.objects.filter(name=INSTRUCTORS_GROUP).first()
    if group is None:
        return 0
    add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    index_ids = set()
    for model in INDEX_MODELS:
        index_ids.update(model.objects.values_list("pk", flat=True))
    granted = set(
        GroupPagePermission.objects.filter(
            group=group, permission=add_page, page_id__in=index_ids
        ).values_list("page_id", flat=True)
    )
    missing = [
        GroupPagePermission(group=group, permission=add_page, page_id=page_id)
        for page_id in sorted(index_ids - granted)
    ]
    GroupPagePermission.objects.bulk_create(missing)
    return len(missing)


def is_restricted(user):
    """True for anyone who must stay inside their own pages (all but moderators)."""
    return not is_moderator(user)


def own_page_paths(user):
    """Tree paths of the instructor and course pages that are the user's, in every locale.

    A page is the user's when its path starts with one of these."""
    if not user.is_authenticated:
        return ()
    instructor_paths = InstructorPage.objects.filter(user=user).values_list("path", flat=True)
    course_paths = CoursePage.objects.filter(instructor__user=user).values_list("path", flat=True)
    return tuple(sorted({*instructor_paths, *course_paths}))


def is_own_page(user, page):
    """Whether `page` (a course, lesson, instructor, portfolio page or curriculum) is the user's."""
    if page.specific_class is CurriculumPage:
        return page.owner_id == user.pk
    return any(page.path.startswith(path) for path in own_page_paths(user))


def own_pages_q(user):
    """A filter on Page matching the user's authored pages (see `is_own_page`)."""
    q = Q(content_type=ContentType.objects.get_for_model(CurriculumPage), owner_id=user.pk)
    for path in own_page_paths(user):
        q |= Q(path__startswith=path)
    return q


def authored_content_types():
    return list(ContentType.objects.get_for_models(*AUTHORED_MODELS).values())


def hide_others_drafts(pages, user):
    """`pages` without the course pages other instructors have not published yet."""
    if not is_restricted(user):
        return pages
    others_drafts = Q(live=False, content_type__in=authored_content_types()) & ~own_pages_q(user)
    return pages.exclude(others_drafts)


def align_owner(page):
    """Make the Wagtail owner of a personal page (and its subtree) the instructor it belongs to.

    With only the "add" permission Wagtail lets instructors edit the pages they own; this
    keeps that in step when a moderator creates a course for someone or reassigns it.
    Uses the page as given, so an edit not yet published counts."""
    page = page.specific
    if isinstance(page, LessonPage | PortfolioPage):
        page = page.get_parent().specific
    if isinstance(page, InstructorPage):
        owner_id = page.user_id
    elif isinstance(page, CoursePage):
        owner_id = page.instructor.user_id
    else:
        return 0
    subtree = Page.objects.descendant_of(page, inclusive=True)
    return subtree.exclude(owner_id=owner_id).update(owner_id=owner_id)


class InstructorAwarePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, except that other instructors' drafts are not explorable.

    Every admin surface that lists pages asks ``explorable_instances``: search, the
    admin pages API (explorer menu), the site history report and page log filters;
    the explorer and chooser hooks alone left those showing draft titles."""

    def explorable_instances(self, user):
        return hide_others_drafts(super().explorable_instances(user), user)


# What changes a guide for everybody who uses it: its file, title, collection.
SHARED_DOCUMENT_ACTIONS = {"change", "delete"}


class GuideDocumentPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's document policy, except that a guide used in a lesson of someone
    else's course is read-only for an instructor, even one who uploaded it:
    replacing its file would change another instructor's published lesson."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions)
        shared_change = actions <= SHARED_DOCUMENT_ACTIONS
        if shared_change and is_restricted(user) and used_in_others_lessons(user, instance):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


def used_in_others_lessons(user, document):
    return any(not is_own_page(user, lesson) for lesson in lessons_using(document))
