package org.hbew.indicators.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.hbew.indicators.event.ValidationPolicy;
import org.hbew.indicators.kafka.KafkaClientProperties;

/**
 * Everything the ingest gateway needs to run. {@link #defaults(String, TokenStore)} gives the values of the
 * contract (port 8080, 1 MiB bodies, 5000 events per request, 5 minutes of clock skew, 30 days of age) and
 * the limits on slow and greedy senders (15 s to send a body, 32 requests at once per token). Made in one way:
 * {@link #builder} on the defaults, or {@link #toBuilder()} on another configuration, changing what differs.
 *
 * @param host                bind address of the HTTP listener
 * @param port                HTTP port; 0 picks a free one (see {@link IngestGateway#port()})
 * @param bootstrapServers    Kafka bootstrap servers
 * @param tokens              who may post, and for which city
 * @param maxBodyBytes        larger bodies are refused with 413
 * @param maxEventsPerRequest requests with more events are refused with 413
 * @param maxClockSkew        how far in the future an event's {@code occurredAt} may be
 * @param maxEventAge         how far in the past an event's {@code occurredAt} may be
 * @param maxInFlightEvents   events handed to Kafka and not yet acknowledged; beyond it the gateway answers 429.
 *                            At least {@code maxEventsPerRequest}, so that every admissible request can get in.
 * @param producerOverrides   Kafka producer settings that replace the gateway's (security, tuning)
 * @param sendTimeout         how long a request waits for Kafka's acknowledgement before it is answered 503
 * @param bodyReadTimeout     how long the whole body of a request may take to arrive, however steadily it
 *                            trickles in; beyond it the request is answered 408 and the connection closed
 * @param maxConcurrentRequestsPerToken requests of one token being read, checked or written to Kafka at once;
 *                            beyond it the token's further requests are answered 429 at once, before their body is
 *                            read, so one sender cannot hold the HTTP threads the others and the probes need
 * @param readToken           required of {@code GET /metrics} when not empty: the tokens' {@code reader} entry or
 *                            {@code --read-token}
 * @param tls                 the keystore ingest serves HTTPS with; null for plain HTTP
 */
public record IngestConfig(
        String host,
        int port,
        String bootstrapServers,
        TokenStore tokens,
        int maxBodyBytes,
        int maxEventsPerRequest,
        Duration maxClockSkew,
        Duration maxEventAge,
        int maxInFlightEvents,
        Map<String, String> producerOverrides,
        Duration sendTimeout,
        Duration bodyReadTimeout,
        int maxConcurrentRequestsPerToken,
        String readToken,
        TlsKeystore tls) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    /** Where standalone listens unless told otherwise: this machine only. */
    public static final String LOOPBACK_HOST = "127.0.0.1";

    /** A PKCS12 keystore with the server's key and certificate chain, and its password (never shown). */
    public record TlsKeystore(Path path, String password) {

        public TlsKeystore {
            Objects.requireNonNull(path, "path");
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "TlsKeystore[" + path + ", password=[hidden]]";
        }
    }
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_EVENTS_PER_REQUEST = 5_000;
    /**
     * Four full requests at a time. A valid event is a few hundred bytes of JSON, so this many fit several
     * times into the producer's default 32 MiB buffer, and {@code send()} never waits for buffer space.
     */
    public static final int DEFAULT_MAX_IN_FLIGHT_EVENTS = 4 * DEFAULT_MAX_EVENTS_PER_REQUEST;
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(10);
    /** A full 1 MiB body at 70 KB/s; a sender on a slower link sends smaller requests. */
    public static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(15);
    /** Eight times what the importer uses (2) and the benchmark's default clients (4). */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS_PER_TOKEN = 32;

    public IngestConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        Objects.requireNonNull(maxEventAge, "maxEventAge");
        Objects.requireNonNull(sendTimeout, "sendTimeout");
        Objects.requireNonNull(bodyReadTimeout, "bodyReadTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        requirePositive(maxBodyBytes, "maxBodyBytes");
        requirePositive(maxEventsPerRequest, "maxEventsPerRequest");
        requirePositive(maxInFlightEvents, "maxInFlightEvents");
        if (maxInFlightEvents < maxEventsPerRequest) {
            throw new IllegalArgumentException("maxInFlightEvents (" + maxInFlightEvents
                    + ") must be at least maxEventsPerRequest (" + maxEventsPerRequest
                    + "), or a full request could never be admitted");
        }
        if (maxClockSkew.isNegative() || maxEventAge.isNegative() || maxEventAge.isZero()) {
            throw new IllegalArgumentException("maxClockSkew must not be negative and maxEventAge must be positive");
        }
        if (sendTimeout.isNegative() || sendTimeout.isZero()) {
            throw new IllegalArgumentException("sendTimeout must be positive");
        }
        if (bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
            throw new IllegalArgumentException("bodyReadTimeout must be positive");
        }
        requirePositive(maxConcurrentRequestsPerToken, "maxConcurrentRequestsPerToken");
        producerOverrides = Map.copyOf(producerOverrides);
        readToken = readToken == null ? "" : readToken.strip();
    }

    /** The contract's defaults, listening on 0.0.0.0:8080. */
    public static IngestConfig defaults(String bootstrapServers, TokenStore tokens) {
        return builder(bootstrapServers, tokens).build();
    }

    /**
     * A builder on the contract's defaults, for the cluster at {@code bootstrapServers}, and the read token of
     * {@code tokens}' {@code reader} line if it has one.
     */
    public static Builder builder(String bootstrapServers, TokenStore tokens) {
        return new Builder(bootstrapServers, tokens);
    }

    /** A builder on this configuration: {@code config.toBuilder().port(0).build()} differs in its port only. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The time bounds events are checked against at this edge. */
    ValidationPolicy validationPolicy() {
        return ValidationPolicy.edge(maxClockSkew, maxEventAge);
    }

    /** Shows the producer overrides without their secret values, and neither the tokens nor a password. */
    @Override
    public String toString() {
        return "IngestConfig[host=" + host + ", port=" + port + ", bootstrapServers=" + bootstrapServers
                + ", tokens=" + tokens + ", maxBodyBytes=" + maxBodyBytes + ", maxEventsPerRequest="
                + maxEventsPerRequest + ", maxClockSkew=" + maxClockSkew + ", maxEventAge=" + maxEventAge
                + ", maxInFlightEvents=" + maxInFlightEvents + ", producerOverrides="
                + KafkaClientProperties.of(producerOverrides).describe()
                + ", sendTimeout=" + sendTimeout + ", bodyReadTimeout=" + bodyReadTimeout
                + ", maxConcurrentRequestsPerToken=" + maxConcurrentRequestsPerToken + ", readToken="
                + (readToken.isEmpty() ? "none" : "[hidden]") + ", tls=" + tls + "]";
    }

    /**
     * A configuration in the making; {@link #build()} checks it. The in-flight bound, unless set here, grows with
     * {@link #maxEventsPerRequest} if it would otherwise be too small for one full request.
     */
    public static final class Builder {

        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private String bootstrapServers;
        private TokenStore tokens;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxEventsPerRequest = DEFAULT_MAX_EVENTS_PER_REQUEST;
        private Duration maxClockSkew = ValidationPolicy.DEFAULT_MAX_CLOCK_SKEW;
        private Duration maxEventAge = ValidationPolicy.DEFAULT_MAX_AGE;
        private int maxInFlightEvents = DEFAULT_MAX_IN_FLIGHT_EVENTS;
        private boolean maxInFlightEventsSet;
        private Map<String, String> producerOverrides = Map.of();
        private Duration sendTimeout = DEFAULT_SEND_TIMEOUT;
        private Duration bodyReadTimeout = DEFAULT_BODY_READ_TIMEOUT;
        private int maxConcurrentRequestsPerToken = DEFAULT_MAX_CONCURRENT_REQUESTS_PER_TOKEN;
        private String readToken;
        private TlsKeystore tls;

        private Builder(String bootstrapServers, TokenStore tokens) {
            this.bootstrapServers = bootstrapServers;
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            this.readToken = tokens.token(TokenStore.READER).orElse("");
        }

        private Builder(IngestConfig config) {
            host = config.host;
            port = config.port;
            bootstrapServers = config.bootstrapServers;
            tokens = config.tokens;
            maxBodyBytes = config.maxBodyBytes;
            maxEventsPerRequest = config.maxEventsPerRequest;
            maxClockSkew = config.maxClockSkew;
            maxEventAge = config.maxEventAge;
            maxInFlightEvents = config.maxInFlightEvents;
            producerOverrides = config.producerOverrides;
            sendTimeout = config.sendTimeout;
            bodyReadTimeout = config.bodyReadTimeout;
            maxConcurrentRequestsPerToken = config.maxConcurrentRequestsPerToken;
            readToken = config.readToken;
            tls = config.tls;
        }

        /** The address to listen on: 0.0.0.0 for every interface, 127.0.0.1 for this machine only. */
        public Builder host(String value) {
            host = value;
            return this;
        }

        /** 0 picks a free port, see {@link IngestGateway#port()}. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder bootstrapServers(String value) {
            bootstrapServers = value;
            return this;
        }

        /** Who may post; the read token stays what it was. */
        public Builder tokens(TokenStore value) {
            tokens = value;
            return this;
        }

        public Builder maxBodyBytes(int value) {
            maxBodyBytes = value;
            return this;
        }

        public Builder maxEventsPerRequest(int value) {
            maxEventsPerRequest = value;
            return this;
        }

        public Builder maxClockSkew(Duration value) {
            maxClockSkew = value;
            return this;
        }

        public Builder maxEventAge(Duration value) {
            maxEventAge = value;
            return this;
        }

        /** The in-flight bound as given, which must then hold one full request. */
        public Builder maxInFlightEvents(int value) {
            maxInFlightEvents = value;
            maxInFlightEventsSet = true;
            return this;
        }

        public Builder producerOverrides(Map<String, String> value) {
            producerOverrides = value;
            return this;
        }

        public Builder sendTimeout(Duration value) {
            sendTimeout = value;
            return this;
        }

        public Builder bodyReadTimeout(Duration value) {
            bodyReadTimeout = value;
            return this;
        }

        public Builder maxConcurrentRequestsPerToken(int value) {
            maxConcurrentRequestsPerToken = value;
            return this;
        }

        /** Requires {@code token} of {@code GET /metrics}; blank for none. */
        public Builder readToken(String value) {
            readToken = value;
            return this;
        }

        /** Serves HTTPS with this keystore instead of plain HTTP; null for plain HTTP. */
        public Builder tls(TlsKeystore value) {
            tls = value;
            return this;
        }

        /** @throws IllegalArgumentException if a setting is out of its range or they do not fit together */
        public IngestConfig build() {
            int inFlight = maxInFlightEventsSet ? maxInFlightEvents : Math.max(maxInFlightEvents, maxEventsPerRequest);
            return new IngestConfig(host, port, bootstrapServers, tokens, maxBodyBytes, maxEventsPerRequest,
                    maxClockSkew, maxEventAge, inFlight, producerOverrides, sendTimeout, bodyReadTimeout,
                    maxConcurrentRequestsPerToken, readToken, tls);
        }
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
