package org.hbew.indicators.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.event.EventParser;
import org.hbew.indicators.event.ParseResult;
import org.hbew.indicators.event.Problem;
import org.hbew.indicators.event.ValidationPolicy;
import org.hbew.indicators.json.Json;

/**
 * A stand-in for the ingest gateway in unit tests, on a free local port: answers scripted in advance
 * first, then it behaves like ingest on NDJSON (all or nothing, problems by line index from the shared
 * {@link EventParser}). It records every request. The real gateway is used by the *IT tests.
 */
public final class FakeIngest implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final EventParser parser;
    private final Deque<Answer> scripted = new ArrayDeque<>();
    private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> requestSizes = Collections.synchronizedList(new ArrayList<>());

    /** A scripted answer. */
    public record Answer(int status, String body, Map<String, String> headers) {
    }

    public FakeIngest(Catalog catalog) throws IOException {
        this.parser = new EventParser(catalog, ValidationPolicy.edgeDefaults(), Clock.systemUTC());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/events", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized FakeIngest answer(int status, String body, Map<String, String> headers) {
        scripted.addLast(new Answer(status, body, headers));
        return this;
    }

    /** The event lines accepted so far, in order of acceptance. */
    public List<String> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    public List<String> authorizations() {
        synchronized (authorizations) {
            return List.copyOf(authorizations);
        }
    }

    /** Events per request, in order of arrival. */
    public List<Integer> requestSizes() {
        synchronized (requestSizes) {
            return List.copyOf(requestSizes);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            List<String> lines = body.lines().filter(l -> !l.isBlank()).toList();
            requestSizes.add(lines.size());
            Answer answer = next();
            if (answer != null) {
                answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                send(exchange, answer.status(), answer.body());
                return;
            }
            validate(exchange, body.split("\n", -1));
        }
    }

    private synchronized Answer next() {
        return scripted.pollFirst();
    }

    private void validate(HttpExchange exchange, String[] lines) throws IOException {
        ArrayNode problems = Json.mapper().createArrayNode();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            events.add(lines[i]);
            ParseResult result = parser.parse(lines[i].getBytes(StandardCharsets.UTF_8));
            if (result instanceof ParseResult.Invalid invalid) {
                for (Problem p : invalid.problems()) {
                    problems.addObject().put("index", i).put("field", p.field()).put("message", p.message());
                }
            }
        }
        if (!problems.isEmpty()) {
            ObjectNode error = Json.mapper().createObjectNode().put("error", "invalid_events")
                    .put("message", "some events are invalid, so none was accepted");
            error.set("problems", problems);
            send(exchange, 400, error.toString());
            return;
        }
        accepted.addAll(events);
        send(exchange, 202, "{\"accepted\":" + events.size() + ",\"eventIds\":[]}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
