"""Author and translation rights for instructors and moderators (issue #4).

* Instructors: Wagtail "add" on every catalogue, instructor index and curricula index
  that already exists (new ones get it from the admin hooks and the demo loader, see
  course_pages.permissions), the right to submit translations, and to change course
  categories (the hooks keep them to the English translations).
* Moderators: add, change and delete course categories.
* The site keeps a moderation workflow on the root page: Wagtail's default
  "Moderators approval" (a group approval task for Moderators), created again if it
  was removed.
"""

from django.db import migrations

MODERATORS = "Moderators"
INSTRUCTORS = "Instructors"
INDEX_MODELS = ("courseindexpage", "instructorindexpage", "curriculumindexpage")


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _category_permission(apps, action):
    return _permission(
        apps,
        "course_pages",
        "coursecategory",
        f"{action}_coursecategory",
        f"Can {action} course category",
    )


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    instructors, _ = Group.objects.get_or_create(name=INSTRUCTORS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)

    add_page = _permission(apps, "wagtailcore", "page", "add_page", "Can add page")
    for model_name in INDEX_MODELS:
        for index in apps.get_model("course_pages", model_name).objects.all():
            GroupPagePermission.objects.get_or_create(
                group=instructors, page_id=index.pk, permission=add_page
            )

    instructors.permissions.add(
        _permission(
            apps, "wagtail_localize", "translation", "submit_translation", "Can submit translations"
        ),
        _category_permission(apps, "change"),
    )
    moderators.permissions.add(
        *(_category_permission(apps, action) for action in ("add", "change", "delete"))
    )
    _keep_moderation_workflow(apps, moderators)


def _keep_moderation_workflow(apps, moderators):
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root = Page.objects.filter(depth=1).first()
    if root is None or WorkflowPage.objects.filter(page=root, workflow__active=True).exists():
        return
    task = GroupApprovalTask.objects.filter(groups=moderators, active=True).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name="Moderators approval",
            content_type=ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )[0],
            active=True,
        )
        task.groups.set([moderators])
    workflow = Workflow.objects.filter(workflow_tasks__task=task, active=True).first()
    if workflow is None:
        workflow = Workflow.objects.create(name="Moderators approval", active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def revoke(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name=INSTRUCTORS,
        permission__codename="add_page",
        page__content_type__app_label="course_pages",
        page__content_type__model__in=INDEX_MODELS,
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("course_pages", "0001_initial"),
        ("accounts", "0002_roles_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
