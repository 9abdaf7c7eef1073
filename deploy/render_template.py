"""Fill the {{NAME}} placeholders of a template from the environment; an unset name
is an error, so a half-rendered config never reaches nginx.

    render_template.py deploy/nginx.conf.template > nginx.conf
"""

import os
import re
import sys
from pathlib import Path

PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


def render(text, values):
    missing = sorted({name for name in PLACEHOLDER.findall(text) if name not in values})
    if missing:
        raise SystemExit(f"Set {', '.join(missing)} to render the template.")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


if __name__ == "__main__":
    sys.stdout.write(render(Path(sys.argv[1]).read_text(), os.environ))
