"""Who may see a lesson's media: its videos, the images in its body and its guide PDFs.

The views that stream the bytes (course_pages) only ask these questions. A file used in
the body of paid lessons opens to whoever may open one of those lessons; a file also
shown elsewhere (a cover, a portfolio, a free preview) is public."""

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from wagtail.models import ReferenceIndex

from .access import AccessDecision, lesson_access
from .pages import lesson_model

PUBLIC = "public"
GATE_CACHE_SECONDS = 5 * 60
_PUBLIC_DECISION = AccessDecision(True, "public")


def video_access(user, lesson):
    """A lesson's video and poster open exactly like the lesson."""
    return lesson_access(user, lesson)


def any_lesson_access(user, lessons):
    """Allowed when the person may open at least one of the lessons."""
    for lesson in lessons:
        decision = lesson_access(user, lesson)
        if decision.allowed:
            return decision
    return AccessDecision(False, "not_enrolled" if user.is_authenticated else "anonymous")


def lessons_using(obj):
    """The lesson pages whose content references obj (an image, a document…)."""
    lesson_type = lesson_model()
    page_ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(content_type=ContentType.objects.get_for_model(lesson_type))
        .values_list("object_id", flat=True)
    )
    return lesson_type.objects.filter(pk__in=[int(pk) for pk in page_ids])


def document_access(user, document):
    """Lesson material opens with its lessons; any other document is public."""
    lessons = list(lessons_using(document))
    if not lessons:
        return _PUBLIC_DECISION
    return any_lesson_access(user, lessons)


def image_access(user, image):
    """PUBLIC images are for everyone; the others open with the lessons that show them."""
    gate = image_gate(image)
    if gate == PUBLIC:
        return _PUBLIC_DECISION
    return any_lesson_access(user, lesson_model().objects.filter(pk__in=gate))


def image_gate(image):
    """PUBLIC, or the ids of the lessons whose access opens this image (cached)."""
    key = f"enrolment:image-gate:{image.pk}"
    gate = cache.get(key)
    if gate is None:
        gate = compute_image_gate(image)
        cache.set(key, gate, GATE_CACHE_SECONDS)
    return gate


def compute_image_gate(image):
    lesson_type = lesson_model()
    content_type = ContentType.objects.get_for_model(lesson_type)
    users = set(
        ReferenceIndex.get_references_to(image)
        .values_list("content_type_id", "object_id")
        .distinct()
    )
    if not users or any(content_type_id != content_type.pk for content_type_id, _ in users):
        return PUBLIC  # unused, or also shown outside lessons (a cover, a portfolio…)
    lessons = lesson_type.objects.filter(pk__in=[int(pk) for _, pk in users])
    previews = {lesson.pk: lesson.is_preview for lesson in lessons.only("pk", "is_preview")}
    if not previews or any(previews.values()):
        return PUBLIC  # a free preview shows it to everyone anyway
    return sorted(previews)


def refuse_media(request, decision):
    """A stranger is asked to log in; a logged-in person without access gets 403."""
    if decision.reason == "anonymous":
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied
