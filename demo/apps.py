from django.apps import AppConfig


class DemoConfig(AppConfig):
    # No models: the app holds the content files, the loaders and load_demo.
    name = "demo"
