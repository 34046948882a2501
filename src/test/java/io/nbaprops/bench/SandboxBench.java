package io.nbaprops.bench;

import io.nbaprops.sandbox.LeagueGame;
import io.nbaprops.sandbox.SandboxLeague;
import io.nbaprops.sandbox.server.FaultConfig;
import io.nbaprops.sandbox.server.SandboxClock;
import io.nbaprops.sandbox.server.SandboxServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run Sandbox [runs]}: season generation time (median of several runs), server latency
 * for a box-score day (cold: first request per date; warm: repeated) and an event's odds, and the
 * heap a generated league holds.
 */
public final class SandboxBench {
    private SandboxBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        double[] gen = new double[runs];
        double[] cpu = new double[runs];
        var threads = ManagementFactory.getThreadMXBean();
        SandboxLeague league = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            league = SandboxLeague.generate(2024);
            gen[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "  generation run %d: %.2f s wall, %.2f s CPU of the generating thread%n", i + 1,
                    gen[i], cpu[i]);
        }
        Arrays.sort(gen);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "season generation (1,230 games): median %.2f s, min %.2f s, max %.2f s wall over %d runs;"
                + " median %.2f s CPU (the wall time grows with other load on the machine)%n",
                gen[runs / 2], gen[0], gen[runs - 1], runs, cpu[runs / 2]);
        System.out.printf(Locale.ROOT, "load average during the runs: %.1f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.gc();
        Thread.sleep(200);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        int props = 0;
        for (LeagueGame g : league.games()) {
            props += league.propLines(g.index()).size();
        }
        System.out.printf(Locale.ROOT, "heap in use with one league held: %d MB (%d prop-line series)%n", heap >> 20, props);

        try (SandboxServer server = SandboxServer.start(league, 0, SandboxClock.fixedAt(Instant.parse("2025-04-20T00:00:00Z")),
                FaultConfig.OFF)) {
            HttpClient client = HttpClient.newHttpClient();
            long w0 = System.nanoTime();
            server.awaitPrewarm(java.time.Duration.ofMinutes(2));
            System.out.printf(Locale.ROOT, "server start-up: all %d box-score days serialised in %.2f s%n",
                    league.gameDates().size(), (System.nanoTime() - w0) / 1e9);
            List<Double> cold = new ArrayList<>();
            for (java.time.LocalDate d : league.gameDates().subList(40, 100)) {
                cold.add(get(client, server.baseUrl() + "/v1/box_scores?date=" + d));
            }
            String day = server.baseUrl() + "/v1/box_scores?date=2025-01-15";
            for (int i = 0; i < 50; i++) {
                get(client, day);
            }
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                warm.add(get(client, day));
            }
            LeagueGame g = league.gamesOn(java.time.LocalDate.of(2025, 1, 15)).get(0);
            String odds = server.baseUrl() + "/v4/sports/basketball_nba/events/" + g.eventId()
                    + "/odds?apiKey=k&regions=us&markets=player_points,player_rebounds,player_assists,player_threes"
                    + "&oddsFormat=american&now=" + g.tipoff().minusSeconds(3600);
            List<Double> oddsMs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                oddsMs.add(get(client, odds));
            }
            report("box-score day, first request per date (60 dates)", cold);
            report("box-score day, repeated (500 requests)", warm);
            report("event odds, 4 prop markets (200 requests)", oddsMs);
        }
        System.exit(0);
    }

    private static double get(HttpClient client, String url) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "bench").build();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return ms;
    }

    private static void report(String what, List<Double> ms) {
        double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-50s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms%n", what, v[v.length / 2],
                v[(int) (v.length * 0.95)], v[v.length - 1]);
    }
}
