"""Reading Content-Security-Policy headers in tests."""


def parse_csp(header):
    """``{directive: [sources...]}`` from a Content-Security-Policy header value (django-csp
    writes the directives in no fixed order)."""
    policy = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            policy[words[0]] = words[1:]
    return policy
