"""A guide PDF used in a lesson is served only to people who may open that lesson
(enrolment.media_access decides; this hook only asks)."""

from wagtail import hooks

from enrolment.media_access import document_access, refuse_media


@hooks.register("before_serve_document")
def check_lesson_access(document, request):
    decision = document_access(request.user, document)
    if decision.allowed:
        return None
    return refuse_media(request, decision)
