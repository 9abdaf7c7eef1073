"""`site`, for the page-cache and counter tests: the home site with one course, built once
per module and kept open for the next of those files a test process runs
(tests/shared_build.py). Modules here that build a site of their own name theirs."""

from ..home.builders import build_site_with_a_course
from ..shared_build import built_once_per_module

site = built_once_per_module(build_site_with_a_course, "site")
