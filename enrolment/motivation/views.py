"""The student's own motivation settings. Thin: parse, call the service, say how it went."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ..errors import LearningError
from . import services


@login_required
@require_POST
def set_goal(request):
    try:
        goal = services.set_weekly_goal(user=request.user, lessons=request.POST.get("lessons", ""))
    except LearningError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            ngettext(
                "Your goal: %(count)d lesson a week. You can do it!",
                "Your goal: %(count)d lessons a week. You can do it!",
                goal.lessons,
            )
            % {"count": goal.lessons},
        )
    return redirect("learning:my_learning")
