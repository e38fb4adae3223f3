vcl 4.1;

# Varnish in front of the app servers (gunicorn), for anonymous visitors.
#
# - The app says what may be shared: Cache-Control "public, max-age=0, s-maxage=N"
#   (home.caching); Varnish keeps such responses N seconds, browsers revalidate.
# - Anonymous requests lose their cookies here (the site sets none but the CSRF cookie
#   of its form pages and the session of the portal and the admin); requests with a
#   session, to the portal, the admin or a form page, and every POST, go to the app.
# - Wagtail's frontend cache (FRONTEND_CACHE_URL=http://<this varnish>) purges on each
#   change: PURGE <path> bans that path with every query string (the directory's filter
#   pages), BAN / bans the whole host (a snippet shown everywhere changed). Only the app
#   servers may purge (acl purgers).
# - When the app servers do not answer, a page kept before is served stale for up to a
#   day (grace) rather than an error.
#
# The backend below is the README's gunicorn address; CI and the tests write their own
# (deploy/varnish/README.md).

backend default {
    .host = "127.0.0.1";
    .port = "8001";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed."));
        }
        if (req.method == "BAN") {
            ban("obj.http.x-host == " + req.http.host);
            return (synth(200, "Banned."));
        }
        # The path with every query string: objects remember their path (x-url-path).
        ban("obj.http.x-host == " + req.http.host + " && obj.http.x-url-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged."));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Logged in (admin, portal): everything comes from the app.
    if (req.http.cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Pages that hold forms with their CSRF token, and private areas, keep their cookies
    # (the app marks them private; Varnish would not keep them anyway).
    if (req.url ~ "^/(en/)?(admin|espace-commercant|merchant-area|retrait|pickup|referencer-mon-commerce|list-my-shop|django-admin)(/|$)") {
        return (pass);
    }
    unset req.http.cookie;
    # Pages are addressed by language: the browser's preference changes nothing.
    unset req.http.accept-language;
    return (hash);
}

sub vcl_backend_response {
    # Remembered for bans (not sent to visitors, see vcl_deliver).
    set beresp.http.x-url-path = regsub(bereq.url, "\?.*$", "");
    set beresp.http.x-host = bereq.http.host;
    # Serve a stale copy for a day if the app servers are down.
    set beresp.grace = 24h;
    # Only what the app says may be shared: never a response without a lifetime (an API
    # answer, an error page), one that sets a cookie, or a private one.
    if (beresp.http.set-cookie
        || beresp.http.cache-control ~ "(private|no-store|no-cache)"
        || beresp.http.cache-control !~ "(s-maxage|max-age)=[1-9]"
        || beresp.status >= 500) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-url-path;
    unset resp.http.x-host;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
