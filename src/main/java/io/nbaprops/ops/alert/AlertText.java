package io.nbaprops.ops.alert;

import io.nbaprops.config.Secrets;

/** How an alert reads in a message: one subject line and a short body, secrets masked. */
final class AlertText {
    private AlertText() {}

    static String subject(AlertRecord a) {
        return Secrets.mask("[nbaprops " + a.severity() + "] " + a.title());
    }

    static String body(AlertRecord a) {
        StringBuilder sb = new StringBuilder();
        sb.append(a.title()).append('\n');
        if (a.detail() != null && !a.detail().isBlank()) {
            sb.append('\n').append(a.detail()).append('\n');
        }
        sb.append("\nseverity: ").append(a.severity())
                .append("\nkind: ").append(a.kind())
                .append("\nkey: ").append(a.alertKey())
                .append("\nfirst seen: ").append(a.firstAt())
                .append("\nalert id: ").append(a.alertId())
                .append('\n');
        return Secrets.mask(sb.toString());
    }

    /** JSON string literal (quotes included) for the webhook payload. */
    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
