package io.nbaprops.service;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import io.nbaprops.config.ServiceConfig;
import io.nbaprops.service.ApiKeyGuard.Access;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before any handler and before any body is read, from the request line and headers alone: refuses method
 * override headers and malformed %-escapes, then, for every route that is not public, the failed-key throttle (429)
 * and the key ({@link ApiKeyGuard}: 401, or 403 for the read key on an action). Refused action attempts, wrong keys
 * on reads and each throttle episode are audited; a blocked client's further attempts are only counted in the
 * request metrics, so a flood cannot turn into a flood of warehouse writes.
 */
final class RequestGuard {
    private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);
    private static final String WHO = "nbaprops.who";
    private static final String CLIENT = "nbaprops.client";
    /** Headers some frameworks read to turn one method into another; here they are an error, never a different route. */
    static final List<String> OVERRIDE_HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    private final ApiKeyGuard guard;
    private final FailedKeyThrottle throttle;
    private final Client.Resolver clients;
    private final AuditLog audit;
    private final long windowSeconds;

    RequestGuard(ApiKeyGuard guard, FailedKeyThrottle throttle, Client.Resolver clients, AuditLog audit, long windowSeconds) {
        this.guard = guard;
        this.throttle = throttle;
        this.clients = clients;
        this.audit = audit;
        this.windowSeconds = windowSeconds;
    }

    /** The guard as {@code service:} configures it: the keys, the trusted proxies, the failed-key throttle. */
    static RequestGuard of(ServiceConfig sc, ApiKeyGuard guard, AuditLog audit) {
        return new RequestGuard(guard, new FailedKeyThrottle(sc.maxFailedKeys(), Duration.ofSeconds(sc.failedKeyWindowSeconds()),
                System::nanoTime), new Client.Resolver(sc.trustedProxies()), audit, sc.failedKeyWindowSeconds());
    }

    void register(Javalin app) {
        app.before(RequestGuard::screen);
        app.beforeMatched(this::authorize);
    }

    /** Who the guard let through (for the audit trail of an action); fails closed when no guard ran. */
    static String who(Context ctx) {
        String who = ctx.attribute(WHO);
        if (who == null) {
            throw new IllegalStateException("no key check ran for " + ctx.method() + " " + ctx.path());
        }
        return who;
    }

    static Client client(Context ctx) {
        Client c = ctx.attribute(CLIENT);
        return c == null ? new Client(ctx.req().getRemoteAddr(), false) : c;
    }

    private static void screen(Context ctx) {
        for (String h : OVERRIDE_HEADERS) {
            if (ctx.header(h) != null) {
                throw new BadRequest(h, h + " is not accepted: send the request with its real method (" + ctx.req().getMethod() + " here)");
            }
        }
        Params.checkEscapes(ctx.queryString());
    }

    /** A route's access from its roles; a route that declares none needs the API key (fail closed). */
    static Access access(Set<RouteRole> roles) {
        if (roles.contains(Access.PUBLIC)) {
            return Access.PUBLIC;
        }
        return roles.contains(Access.READ) ? Access.READ : Access.WRITE;
    }

    private void authorize(Context ctx) {
        Client client = clients.resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"), ctx.header("Forwarded"));
        ctx.attribute(CLIENT, client);
        Access needed = access(ctx.routeRoles());
        if (needed == Access.PUBLIC) {
            return;
        }
        long blocked = throttle.blockedForSeconds(client.throttleKey());
        if (blocked > 0 && !client.local()) {
            throw tooMany(ctx, blocked); // the key is not even looked at: a blocked client learns nothing
        }
        ApiKeyGuard.Verdict v = guard.check(ApiKeyGuard.presented(ctx::header), needed);
        if (v.allowed()) {
            ctx.attribute(WHO, v.who());
            return; // a local caller with the right key passes even while its address is blocked (the CLI)
        }
        if (blocked > 0) {
            throw tooMany(ctx, blocked);
        }
        String action = ActionRoutes.actionOf(ctx.req().getMethod(), ctx.path());
        boolean guess = v.status() == 401 && (v.keyPresented() || action != null);
        if (guess) {
            FailedKeyThrottle.Failure f = throttle.fail(client.throttleKey());
            if (f.untracked()) {
                throw tooMany(ctx, windowSeconds);
            }
            refused(ctx, v, action, client);
            if (f.blockStarted()) {
                String why = "client " + client.address() + " blocked for " + windowSeconds + " s after repeated failed API keys";
                log.warn("{} (last: {} {})", why, ctx.method(), Params.clip(ctx.path()));
                audit.tryRecord(new AuditLog.Entry(v.who(), "throttle", null, 429, why, client.address()));
            }
        } else if (action != null) {
            refused(ctx, v, action, client);
        }
        if (v.status() == 401) {
            ctx.header("WWW-Authenticate", "ApiKey header=\"" + ApiKeyGuard.HEADER + "\"");
        }
        throw new HttpResponseException(v.status(), v.reason());
    }

    private void refused(Context ctx, ApiKeyGuard.Verdict v, String action, Client client) {
        audit.tryRecord(new AuditLog.Entry(v.who(), action != null ? action : "read", action != null ? null
                : ctx.method() + " " + Params.clip(ctx.path()), v.status(), v.reason(), client.address()));
    }

    private static HttpResponseException tooMany(Context ctx, long seconds) {
        ctx.header("Retry-After", String.valueOf(seconds));
        return new HttpResponseException(HttpStatus.TOO_MANY_REQUESTS.getCode(), "too many failed API keys from this client: try again in "
                + seconds + " s");
    }
}
