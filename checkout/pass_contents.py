"""What a subscription opens, for the subscription page. A subscription is a pass that
knows no item type: the apps whose items it opens register a function at ready()."""

_providers = []


def register_pass_contents(provider):
    """provider() returns the pages the pass opens, in the reader's language."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def pass_contents():
    return [item for provider in _providers for item in provider()]
