"""The deploy/ scripts, loaded as modules for their tests (deploy/ is not a package)."""

import importlib.util

from django.conf import settings

DEPLOY = settings.BASE_DIR / "deploy"


def load(path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
