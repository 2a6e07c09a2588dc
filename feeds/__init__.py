"""Output for people: the monthly digest, RSS feeds, and the Datasette plugin serving them.

The package itself is the Datasette plugin (entry point ``feeds``), so Datasette finds its
``templates/`` and ``static/`` folders.
"""

from .plugin import (  # noqa: F401 (hook implementations Datasette finds on this module)
    asgi_wrapper,
    canned_queries,
    extra_css_urls,
    extra_template_vars,
    menu_links,
    prepare_connection,
    prepare_jinja2_environment,
    register_output_renderer,
    register_routes,
    render_cell,
    startup,
)
