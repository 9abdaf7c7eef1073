"""What every API view does besides its own work: JSON in and out, sign-in by session
token, throttles per address and person, cursor pages, problem documents for errors,
bounded bodies, the language and the person in Vary, private answers for signed-in
people, and ETags with 304 on GETs. Set here, not in REST_FRAMEWORK: Wagtail's admin and
wagtail-localize's editor are DRF views of their own."""

import hashlib

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from rest_framework import generics
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from .authentication import SessionTokenAuthentication
from .pagination import OrderCursorPagination
from .problems import PayloadTooLarge, problem_exception_handler
from .throttles import AddressThrottle, PersonThrottle


class ApiView(generics.GenericAPIView):
    authentication_classes = [SessionTokenAuthentication]
    permission_classes = [AllowAny]
    pagination_class = OrderCursorPagination
    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]
    throttle_classes = [AddressThrottle, PersonThrottle]
    # Bytes a request body may hold; None: settings.API_MAX_BODY_BYTES. Uploads say more.
    max_body_bytes = None

    def get_exception_handler(self):
        return problem_exception_handler

    def initial(self, request, *args, **kwargs):
        # Before anything reads the body: a huge upload is refused unread.
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > (self.max_body_bytes or settings.API_MAX_BODY_BYTES):
            raise PayloadTooLarge()
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Accept-Language", "X-Session-Token"])
        if not isinstance(response, Response):
            # A private file (a message's photo) served as its page serves it: its own
            # caching, no body to hash.
            return response
        user = getattr(request, "_user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        return get_conditional_response(request._request, etag=response["ETag"], response=response)


class SelectorFilterBackend(DjangoFilterBackend):
    """django-filter's backend (and its schema parameters), with the filter set built by
    the view the way its HTML page builds it (`view.filter_for(data, queryset)`)."""

    def get_filterset(self, request, queryset, view):
        return view.filter_for(request.query_params, queryset)

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        # A search page asked with no parameters at all is unbound, and shows everything.
        if filterset.is_bound and not filterset.is_valid():
            raise translate_validation(filterset.errors)
        return filterset.qs
