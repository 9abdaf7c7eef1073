from ..shared_build import built_once_per_module
from .builders import build_directory

directory = built_once_per_module(build_directory, "directory")
