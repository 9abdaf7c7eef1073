"""The editor's "Submit to …" button names our workflow in the editor's language.

Wagtail puts a workflow's and a task's stored name into the label as is ("Soumettre
à Moderators approval"); our names are English msgids in the catalogue."""

from django.utils.translation import gettext, gettext_noop
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem

# The workflow and task names our data migration stores (course_pages/migrations/
# 0002_instructor_permissions.py), listed here so that makemessages keeps them.
STORED_NAMES = (gettext_noop("Moderators approval"),)


class TranslatedSubmitForModerationMenuItem(SubmitForModerationMenuItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        workflow_page = page if page and page.pk else context.get("parent_page")
        workflow = workflow_page.get_workflow() if workflow_page else None
        state = page.current_workflow_state if page and page.pk else None
        names = {workflow.name} if workflow else set()
        if state and state.current_task_state:
            names.add(state.current_task_state.task.name)
        for name in names:
            context["label"] = context["label"].replace(name, gettext(name))
        return context


@hooks.register("construct_page_action_menu")
def translate_workflow_names(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = TranslatedSubmitForModerationMenuItem(order=item.order)
