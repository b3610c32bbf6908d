"""Where the library sends NOTICEs without importing plpy.

`plraster.sqlapi` points `notice_sink` at plpy.notice once per backend; outside a
server (unit tests, the loader) notices are kept in `recent` so callers can look.
"""

recent = []
notice_sink = None


def notice(message):
    """Emit a NOTICE: to PostgreSQL inside a server, to `recent` elsewhere."""
    if notice_sink is not None:
        notice_sink(message)
    else:
        recent.append(message)
        del recent[:-100]
