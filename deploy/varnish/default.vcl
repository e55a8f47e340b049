vcl 4.1;

# The front cache anonymous readers are served from. The app says what may be kept
# (Cache-Control: public, s-maxage=...; see core/caching.py) and purges what a publish changes.

import std;

backend app {
    .host = "127.0.0.1";
    .port = "8000";
}

# Only the app, on this machine, may purge.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # An address ending in "*" is a branch: that page and every page below it (a section
        # made private).
        if (req.url ~ "[*]$") {
            set req.http.x-purge-path = regsub(req.url, "[*]$", "");
            ban("obj.http.x-host == " + req.http.host +
                " && obj.http.x-path ~ ^" + req.http.x-purge-path);
            return (synth(200, "Purged"));
        }
        # A purged address means that path with or without its final slash, with any query
        # string: listing pages (?page=2) and "Tin khác" pages (?tin-khac=2) go with it.
        set req.http.x-purge-path = regsub(req.url, "[?].*$", "");
        set req.http.x-purge-path = regsub(req.http.x-purge-path, "/$", "");
        ban("obj.http.x-host == " + req.http.host +
            " && obj.http.x-path ~ ^" + req.http.x-purge-path + "/?$");
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors, previews, password-protected pages and forms: never from or into the cache.
    if (req.url ~ "^/admin/" || req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Every other cookie (the visitor cookie of the counters) means nothing to a page.
    unset req.http.Cookie;
    # Pages say "Vary: Accept-Language" (Django's locale middleware), but the site speaks one
    # language: without this, each browser's language list would be a copy of its own.
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_backend_response {
    # Remembered with the object, so that purges can match it by path (a "lurker-friendly" ban).
    set beresp.http.x-host = bereq.http.host;
    set beresp.http.x-path = regsub(bereq.url, "[?].*$", "");
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-host;
    unset resp.http.x-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
