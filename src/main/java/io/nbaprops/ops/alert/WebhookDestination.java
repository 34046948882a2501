package io.nbaprops.ops.alert;

import io.nbaprops.config.AlertsConfig;
import io.nbaprops.config.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts the alert to a Slack-compatible incoming webhook: {@code {"text": "..."}} as JSON. The URL is a credential
 * (anyone holding it can post), so it comes from the secrets provider and is masked in every error.
 */
public final class WebhookDestination implements AlertDestination {
    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    public WebhookDestination(AlertsConfig.Webhook cfg, Secrets secrets) {
        String u = secrets.get(cfg == null ? null : cfg.urlSecret()).orElseThrow(() -> new IllegalArgumentException(
                "alerts.destinations includes webhook but the secret " + (cfg == null ? "(alerts.webhook.url_secret)" : cfg.urlSecret())
                        + " holding the webhook URL is not set"));
        this.url = URI.create(u);
        this.timeout = Duration.ofMillis(Math.max(1000, cfg.timeoutMs()));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(AlertRecord a) throws IOException, InterruptedException {
        String text = "*" + AlertText.subject(a) + "*\n" + AlertText.body(a);
        String payload = "{\"text\":" + AlertText.json(text) + "}";
        HttpRequest req = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("webhook " + Secrets.mask(url.toString()) + " unreachable: " + Secrets.mask(String.valueOf(e.getMessage())), e);
        }
        if (resp.statusCode() / 100 != 2) {
            String body = resp.body() == null ? "" : resp.body();
            throw new IOException("webhook " + Secrets.mask(url.toString()) + " answered HTTP " + resp.statusCode() + ": "
                    + Secrets.mask(body.length() > 200 ? body.substring(0, 200) + "..." : body));
        }
    }
}
