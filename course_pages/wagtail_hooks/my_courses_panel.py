"""An admin home panel for instructors: their courses and where each stands."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from course_pages import permissions, selectors


class MyCoursesPanel(Component):
    name = "my_courses"
    order = 50
    template_name = "course_pages/admin/my_courses_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"courses": selectors.courses_with_state_for(user=self.user)}


@hooks.register("construct_homepage_panels")
def add_my_courses_panel(request, panels):
    if permissions.is_restricted(request.user) and permissions.own_page_paths(request.user):
        panels.append(MyCoursesPanel(request.user))
