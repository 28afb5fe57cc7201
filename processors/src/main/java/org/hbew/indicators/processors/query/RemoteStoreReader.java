package org.hbew.indicators.processors.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;
import org.hbew.indicators.http.JsonResponse;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.processors.topology.StatusState;
import org.hbew.indicators.records.CityIndicator;

/**
 * Another instance's answers, asked over HTTP on its {@code /v1/internal/...} endpoints (see
 * {@link InternalRoutes}) with the JDK client. A 503 from it, or no answer at all (it stopped, it is
 * unreachable, it is too slow), is {@link StoreUnavailableException}: the caller may try a standby or
 * answer 503 itself. Any other failure is a fault and surfaces as a 500.
 */
final class RemoteStoreReader implements StoreReader {

    private static final TypeReference<PartitionAnswer<Map<String, StatusState>>> STATUSES = new TypeReference<>() {
    };
    private static final TypeReference<PartitionAnswer<Map<String, Long>>> ACCOUNTING = new TypeReference<>() {
    };
    private static final TypeReference<List<CityIndicator>> CITY_HISTORY = new TypeReference<>() {
    };
    private static final TypeReference<RegionFigures> REGION = new TypeReference<>() {
    };

    private final HttpClient client;
    private final HostInfo host;
    private final Duration timeout;
    private final String readToken;

    RemoteStoreReader(HttpClient client, HostInfo host, Duration timeout) {
        this(client, host, timeout, "");
    }

    /** @param readToken presented to the other instance, which requires the same one; empty for none */
    RemoteStoreReader(HttpClient client, HostInfo host, Duration timeout, String readToken) {
        this.client = client;
        this.host = host;
        this.timeout = timeout;
        this.readToken = readToken;
    }

    @Override
    public CompletableFuture<PartitionAnswer<Map<String, StatusState>>> statuses(Collection<Integer> partitions,
                                                                                  boolean allowStale) {
        return get(InternalRoutes.STATUS + "?partitions=" + join(partitions) + "&stale=" + allowStale)
                .thenApply(response -> parse(response, STATUSES));
    }

    @Override
    public CompletableFuture<PartitionAnswer<Map<String, Long>>> accounting(Collection<Integer> partitions,
                                                                            boolean allowStale) {
        return get(InternalRoutes.ACCOUNTING + "?partitions=" + join(partitions) + "&stale=" + allowStale)
                .thenApply(response -> parse(response, ACCOUNTING));
    }

    @Override
    public CompletableFuture<Read<List<CityIndicator>>> cityHistory(CityHistory query, int partition,
                                                                    boolean allowStale) {
        return get(InternalRoutes.CITY_HISTORY + "?item=" + query.item() + "&city=" + query.city()
                + "&window=" + query.window() + "&first=" + query.firstStart() + "&last=" + query.lastStart()
                + "&partition=" + partition + "&stale=" + allowStale)
                .thenApply(response -> new Read<>(parse(response, CITY_HISTORY), stale(response)));
    }

    @Override
    public CompletableFuture<Read<RegionFigures>> region(Region query, int partition, boolean allowStale) {
        return get(InternalRoutes.REGION + "?item=" + query.item() + "&window=" + query.window()
                + "&start=" + query.windowStart() + "&partition=" + partition + "&stale=" + allowStale)
                .thenApply(response -> new Read<>(parse(response, REGION), stale(response)));
    }

    private CompletableFuture<HttpResponse<byte[]>> get(String pathAndQuery) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", JsonResponse.CONTENT_TYPE);
        if (!readToken.isEmpty()) {
            request.header("Authorization", "Bearer " + readToken);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(new StoreUnavailableException(
                        "instance " + Router.name(host) + " did not answer: " + rootMessage(e))));
    }

    private <T> T parse(HttpResponse<byte[]> response, TypeReference<T> type) {
        if (response.statusCode() == 200) {
            try {
                return Json.mapper().readValue(response.body(), type);
            } catch (IOException e) {
                throw new IllegalStateException("instance " + Router.name(host) + " answered JSON this instance cannot read", e);
            }
        }
        String message = errorMessage(response.body());
        if (response.statusCode() == 503) {
            throw new StoreUnavailableException("instance " + Router.name(host) + ": " + message);
        }
        throw new IllegalStateException("instance " + Router.name(host) + " answered " + response.statusCode() + ": " + message);
    }

    private static boolean stale(HttpResponse<byte[]> response) {
        return response.headers().firstValue(ReadResponse.STALE_HEADER).map("true"::equals).orElse(false);
    }

    private static String errorMessage(byte[] body) {
        try {
            JsonNode error = Json.mapper().readTree(body);
            return error.path("message").asText("no message");
        } catch (IOException e) {
            return "a body that is not JSON";
        }
    }

    private static String join(Collection<Integer> partitions) {
        return partitions.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
