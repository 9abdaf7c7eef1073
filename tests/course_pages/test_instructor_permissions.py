"""Instructors author only their own pages; moderators publish through the workflow."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from accounts.models import INSTRUCTORS_GROUP, MODERATORS_GROUP
from course_pages.models import (
    CourseCategory,
    CoursePage,
    CurriculumIndexPage,
    InstructorPage,
    LessonPage,
)
from course_pages.permissions import grant_instructor_permissions

from .builders import make_course, make_instructor, make_lesson

DASHBOARD = "/admin/"


@pytest.fixture
def ben(site):
    return make_instructor("ben@example.cm", index=site["instructors"], title="Ben Tchana")


@pytest.fixture
def awas_draft(site, awa):
    return make_course(
        site["catalogue"], awa[1], title="Tresses collées", slug="tresses-collees", live=False
    )


def course_form(instructor_page, category, **fields):
    data = {
        "title": "Tresses africaines",
        "slug": "tresses-africaines",
        "summary": "Les bases des tresses pour débuter.",
        "category": category.pk,
        "level": "beginner",
        "video_language": "fr",
        "estimated_hours": "2",
        "instructor": instructor_page.pk,
        "price_xaf": "5000",
        "prerequisites": streamfield([]),
        "learning_outcomes": streamfield([]),
        "kit_list": streamfield([]),
        "final_assessment": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def lesson_form(**fields):
    data = {
        "title": "Séparer les cheveux",
        "slug": "separer-les-cheveux",
        "summary": "",
        "duration_minutes": "10",
        "is_required": "on",
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def is_refused(response):
    """Wagtail answers a refused admin request with a redirect to the dashboard."""
    return response.status_code == 302 and response.url == DASHBOARD


@pytest.mark.django_db
def test_instructor_creates_a_course_that_waits_for_moderation(client, site, awa):
    user, page = awa
    client.force_login(user)

    response = client.post(
        add_url(CoursePage, site["catalogue"]),
        course_form(page, site["category"], **{"action-submit": "Submit"}),
    )

    assert response.status_code == 302
    course = CoursePage.objects.get(slug="tresses-africaines")
    assert not course.live
    assert course.owner == user
    assert course.instructor == page
    assert course.workflow_in_progress
    assert course.current_workflow_state.workflow.name == "Moderators approval"


@pytest.mark.django_db
def test_instructor_cannot_publish_their_course(client, site, awa):
    user, page = awa
    client.force_login(user)
    client.post(add_url(CoursePage, site["catalogue"]), course_form(page, site["category"]))
    course = CoursePage.objects.get(slug="tresses-africaines")

    client.post(
        edit_url(course),
        course_form(page, site["category"], title="Tresses pour tous", **{"action-publish": "1"}),
    )

    course.refresh_from_db()
    assert not course.live
    assert course.get_latest_revision().content["title"] == "Tresses pour tous"
    assert not course.permissions_for_user(user).can_publish()


@pytest.mark.django_db
def test_moderator_approves_in_the_workflow_and_the_course_goes_live(
    client, site, awa, moderator, django_capture_on_commit_callbacks
):
    user, page = awa
    client.force_login(user)
    client.post(
        add_url(CoursePage, site["catalogue"]),
        course_form(page, site["category"], **{"action-submit": "Submit"}),
    )
    course = CoursePage.objects.get(slug="tresses-africaines")
    task_state = course.current_workflow_state.current_task_state

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[course.pk, "approve", task_state.pk]
            ),
            {"comment": ""},
        )

    assert response.status_code == 302
    course.refresh_from_db()
    assert course.live
    assert course.current_workflow_state is None
    workflow_state = WorkflowState.objects.get(object_id=str(course.pk))
    assert workflow_state.status == WorkflowState.STATUS_APPROVED


@pytest.mark.django_db
def test_other_instructor_is_refused_on_the_course_edit_view(client, awas_draft, ben):
    client.force_login(ben[0])
    before = awas_draft.get_latest_revision()

    assert is_refused(client.get(edit_url(awas_draft)))
    response = client.post(
        edit_url(awas_draft), course_form(ben[1], awas_draft.category, title="Volé")
    )

    assert is_refused(response)
    awas_draft.refresh_from_db()
    assert awas_draft.title == "Tresses collées"
    assert awas_draft.get_latest_revision() == before


@pytest.mark.django_db
def test_other_instructor_cannot_see_the_draft(client, site, awas_draft, awa, ben):
    client.force_login(ben[0])

    assert is_refused(client.get(reverse("wagtailadmin_pages:view_draft", args=[awas_draft.pk])))
    assert is_refused(
        client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[awas_draft.pk]))
    )
    listing = client.get(reverse("wagtailadmin_explore", args=[site["catalogue"].pk]))
    assert listing.status_code == 200
    assert "Tresses collées" not in listing.content.decode()

    client.force_login(awa[0])
    own_listing = client.get(reverse("wagtailadmin_explore", args=[site["catalogue"].pk]))
    assert "Tresses collées" in own_listing.content.decode()


@pytest.mark.django_db
def test_published_courses_of_others_stay_in_the_listing(client, site, awa, ben):
    make_course(site["catalogue"], awa[1], title="Maquillage nude", slug="maquillage-nude")
    client.force_login(ben[0])

    listing = client.get(reverse("wagtailadmin_explore", args=[site["catalogue"].pk]))

    assert "Maquillage nude" in listing.content.decode()


@pytest.mark.django_db
def test_other_instructor_cannot_add_a_lesson_to_the_course(client, awas_draft, ben):
    client.force_login(ben[0])
    url = add_url(LessonPage, awas_draft)

    assert is_refused(client.get(url))
    assert is_refused(client.post(url, lesson_form(**{"action-submit": "Submit"})))
    assert not LessonPage.objects.exists()


@pytest.mark.django_db
def test_instructor_adds_a_lesson_to_their_own_course(client, awas_draft, awa):
    client.force_login(awa[0])

    response = client.post(add_url(LessonPage, awas_draft), lesson_form())

    assert response.status_code == 302
    lesson = LessonPage.objects.get()
    assert lesson.get_parent().pk == awas_draft.pk
    assert not lesson.live
    assert client.get(edit_url(lesson)).status_code == 200


@pytest.mark.django_db
def test_other_instructor_cannot_delete_copy_or_move_the_course(client, site, awas_draft, ben):
    client.force_login(ben[0])

    assert is_refused(client.post(reverse("wagtailadmin_pages:delete", args=[awas_draft.pk])))
    assert is_refused(client.get(reverse("wagtailadmin_pages:copy", args=[awas_draft.pk])))
    assert is_refused(client.get(reverse("wagtailadmin_pages:move", args=[awas_draft.pk])))
    assert CoursePage.objects.filter(pk=awas_draft.pk).exists()
    assert CoursePage.objects.count() == 1


@pytest.mark.django_db
def test_instructor_cannot_name_another_instructor_on_a_course(client, site, awa, ben):
    client.force_login(awa[0])

    response = client.post(
        add_url(CoursePage, site["catalogue"]),
        course_form(ben[1], site["category"], **{"action-submit": "Submit"}),
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["instructor"]
    assert not CoursePage.objects.exists()


@pytest.mark.django_db
def test_instructor_cannot_make_an_instructor_page_for_someone_else(client, site, awa, ben):
    client.force_login(ben[0])
    data = nested_form_data(
        {
            "title": "Faux profil",
            "slug": "faux-profil",
            "user": awa[0].pk,
            "specialities": streamfield([]),
            "social_links": streamfield([]),
            "comments": inline_formset([]),
        }
    )

    assert is_refused(client.post(add_url(InstructorPage, site["instructors"]), data))
    assert not InstructorPage.objects.filter(slug="faux-profil").exists()


@pytest.mark.django_db
def test_moderator_creates_a_course_for_an_instructor_who_may_then_edit_it(
    client, site, awa, moderator
):
    client.force_login(moderator)
    client.post(add_url(CoursePage, site["catalogue"]), course_form(awa[1], site["category"]))
    course = CoursePage.objects.get(slug="tresses-africaines")

    assert course.owner == awa[0]
    client.force_login(awa[0])
    assert client.get(edit_url(course)).status_code == 200


@pytest.mark.django_db
def test_instructors_may_add_under_every_index_in_every_locale(site):
    group = Group.objects.get(name=INSTRUCTORS_GROUP)
    granted = set(
        GroupPagePermission.objects.filter(
            group=group, permission__codename="add_page"
        ).values_list("page_id", flat=True)
    )

    for key in ("catalogue", "catalogue_en", "instructors", "instructors_en"):
        assert site[key].pk in granted
    assert not GroupPagePermission.objects.filter(
        group=group, permission__codename__in=["change_page", "publish_page"]
    ).exists()
    assert grant_instructor_permissions() == 0


@pytest.mark.django_db
def test_roles_have_what_translation_needs(site):
    instructors = Group.objects.get(name=INSTRUCTORS_GROUP)
    moderators = Group.objects.get(name=MODERATORS_GROUP)

    instructor_perms = set(instructors.permissions.values_list("codename", flat=True))
    assert {"submit_translation", "change_coursecategory"} <= instructor_perms
    assert "delete_coursecategory" not in instructor_perms
    moderator_perms = set(moderators.permissions.values_list("codename", flat=True))
    assert {"add_coursecategory", "change_coursecategory", "submit_translation"} <= moderator_perms


@pytest.mark.django_db
def test_the_whole_site_goes_through_moderation(site):
    for page in (site["catalogue"], site["catalogue_en"], site["instructors_en"]):
        workflow = page.get_workflow()
        assert workflow is not None
        task = workflow.tasks.get().specific
        assert list(task.groups.values_list("name", flat=True)) == [MODERATORS_GROUP]
    assert Page.get_first_root_node().get_workflow() is not None


@pytest.mark.django_db
def test_instructor_translates_categories_but_does_not_change_the_french_ones(client, site, awa):
    client.force_login(awa[0])

    def category_edit(category):
        return reverse("wagtailsnippets_course_pages_coursecategory:edit", args=[category.pk])

    assert is_refused(client.get(category_edit(site["category"])))
    assert client.get(category_edit(site["category_en"])).status_code == 200
    assert CourseCategory.objects.get(pk=site["category"].pk).name == "Maquillage"


@pytest.mark.django_db
def test_other_instructor_cannot_submit_the_course_for_translation(client, site, awas_draft, ben):
    client.force_login(ben[0])
    url = reverse("wagtail_localize:submit_page_translation", args=[awas_draft.pk])

    assert is_refused(client.get(url))
    assert is_refused(client.post(url, {"locales": [site["en"].pk]}))
    assert not CoursePage.objects.filter(locale=site["en"]).exists()


@pytest.mark.django_db
def test_instructor_cannot_submit_site_pages_for_translation(client, site, awa):
    client.force_login(awa[0])

    url = reverse("wagtail_localize:submit_page_translation", args=[site["catalogue"].pk])

    assert is_refused(client.get(url))


@pytest.mark.django_db
def test_a_course_given_to_another_instructor_moves_with_its_lessons(
    client, site, awa, ben, moderator
):
    course = make_course(site["catalogue"], awa[1], title="Teint parfait", slug="teint-parfait")
    lesson = make_lesson(course, title="La base", slug="la-base")
    client.force_login(moderator)

    client.post(
        edit_url(course),
        course_form(
            ben[1],
            site["category"],
            title="Teint parfait",
            slug="teint-parfait",
            **{"action-publish": "1"},
        ),
    )

    assert Page.objects.get(pk=lesson.pk).owner == ben[0]
    client.force_login(ben[0])
    assert client.get(edit_url(course)).status_code == 200
    client.force_login(awa[0])
    assert is_refused(client.get(edit_url(lesson)))


@pytest.mark.django_db
def test_index_pages_translated_in_the_admin_are_open_to_instructors(client, site, moderator):
    curricula = CurriculumIndexPage(title="Parcours", slug="parcours")
    site["home"].add_child(instance=curricula)
    curricula.save_revision().publish()
    client.force_login(moderator)

    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[curricula.pk]),
        {"locales": [site["en"].pk]},
    )

    english = CurriculumIndexPage.objects.get(locale=site["en"])
    assert GroupPagePermission.objects.filter(
        group__name=INSTRUCTORS_GROUP, page=english, permission__codename="add_page"
    ).exists()
