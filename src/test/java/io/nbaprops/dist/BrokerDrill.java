package io.nbaprops.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Broker-side faults for tests: closes connections from the broker, as a network cut or a broker restart would. */
final class BrokerDrill {
    private BrokerDrill() {}

    /**
     * Closes (from the broker side, so clients recover) every connection whose client-provided name starts
     * with {@code prefix}: only this test's, never another test's or helper's. Returns how many were closed.
     */
    static int closeConnections(String prefix) throws IOException, InterruptedException {
        String erl = "length([rabbit_networking:close_connection(P, \"nbaprops drill\") || P <- rabbit_networking:connections(), "
                + "case proplists:get_value(client_properties, rabbit_networking:connection_info(P, [client_properties])) of "
                + "Props when is_list(Props) -> lists:any(fun({<<\"connection_name\">>, longstr, N}) -> "
                + "binary:longest_common_prefix([N, <<\"" + prefix + ":\">>]) =:= byte_size(<<\"" + prefix + ":\">>); (_) -> false end, Props); "
                + "_ -> false end]).";
        Process p = new ProcessBuilder("rabbitmqctl", "eval", erl).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("rabbitmqctl eval failed: " + out);
        }
        return Integer.parseInt(out.lines().reduce((a, b) -> b).orElse("0").trim());
    }
}
