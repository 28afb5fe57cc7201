package org.hbew.indicators.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer tokens of ingest: one per city, which may write only that city's events, and one {@code admin}
 * token, which may write any city's (imports, the simulator, operators).
 *
 * <p>Sources, as the launcher offers them:
 * <ul>
 *   <li>a properties file, one {@code <principal>=<token>} line each ({@code hohhot=...}, ..., {@code admin=...},
 *       and optionally {@code reader=...}, the read token of the query API and {@code /metrics});
 *       {@link #loadOrCreate(Path, List)} writes one with fresh random tokens on first start (owner-only file
 *       mode where the file system has POSIX permissions) and reuses it afterwards;</li>
 *   <li>the environment variable {@value #ENVIRONMENT_VARIABLE} holding the same pairs inline, separated by
 *       commas: {@code HBEW_TOKENS="hohhot=...,baotou=...,admin=..."}; see {@link #fromEnvironment(Map)}.</li>
 * </ul>
 *
 * <p>A presented token is compared with every known token in constant time (SHA-256 digests compared with
 * {@link MessageDigest#isEqual}, without stopping at a match), so response timing does not tell how much of a
 * guess was right. Tokens are never logged, and {@link #toString()} names only the principals.
 */
public final class TokenStore {

    public static final String ADMIN = "admin";
    /**
     * The read token of the query API, its internal routes and {@code /metrics}; it may not post events. Ingest
     * accepts a file with it so that one file serves every service.
     */
    public static final String READER = "reader";
    public static final String ENVIRONMENT_VARIABLE = "HBEW_TOKENS";

    private static final Logger log = LoggerFactory.getLogger(TokenStore.class);

    /** 32 random bytes, the size of the digest a token is compared through. */
    private static final int GENERATED_TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> tokens;
    private final List<Entry> entries;

    /** Who presented a token: a city code, or {@link #ADMIN}. */
    public record Principal(String name) {

        public boolean isAdmin() {
            return ADMIN.equals(name);
        }

        /** The read token, which may not post at all. */
        public boolean isReader() {
            return READER.equals(name);
        }

        /** A city token writes only its own city's events; the admin token writes any city's. */
        public boolean mayWrite(String city) {
            return isAdmin() || name.equals(city);
        }
    }

    private record Entry(Principal principal, byte[] digest) {
    }

    private TokenStore(Map<String, String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("no tokens: at least one principal must be able to post");
        }
        Set<String> distinct = new HashSet<>();
        List<Entry> list = new ArrayList<>();
        for (Map.Entry<String, String> e : tokens.entrySet()) {
            String principal = e.getKey();
            String token = e.getValue();
            if (principal == null || principal.isBlank() || !principal.equals(principal.strip())) {
                throw new IllegalArgumentException("principal names must be non-blank without surrounding spaces");
            }
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("the token of '" + principal + "' is empty");
            }
            if (!distinct.add(token)) {
                throw new IllegalArgumentException("the token of '" + principal
                        + "' is also another principal's; every principal needs its own");
            }
            list.add(new Entry(new Principal(principal), sha256(token)));
        }
        this.tokens = Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
        this.entries = List.copyOf(list);
    }

    /** Tokens by principal name, in the given order. */
    public static TokenStore of(Map<String, String> tokensByPrincipal) {
        return new TokenStore(tokensByPrincipal);
    }

    /** Reads a properties file of {@code <principal>=<token>} lines. */
    public static TokenStore load(Path file) {
        return new TokenStore(read(file));
    }

    /**
     * Reads the token file, or writes one with a fresh token for each city and for {@code admin} if there is
     * none. Principals missing from an existing file (a city added to the catalog) get a fresh token and the
     * file is rewritten; existing tokens never change.
     */
    public static TokenStore loadOrCreate(Path file, List<String> cityCodes) {
        return loadOrCreate(file, cityCodes, false);
    }

    /** The same, with a {@value #READER} token too when {@code withReader}. */
    public static TokenStore loadOrCreate(Path file, List<String> cityCodes, boolean withReader) {
        Map<String, String> tokens = Files.exists(file) ? read(file) : new LinkedHashMap<>();
        List<String> wanted = new ArrayList<>(cityCodes);
        wanted.add(ADMIN);
        if (withReader) {
            wanted.add(READER);
        }
        List<String> added = new ArrayList<>();
        for (String principal : wanted) {
            if (!tokens.containsKey(principal)) {
                tokens.put(principal, generateToken());
                added.add(principal);
            }
        }
        if (!added.isEmpty()) {
            write(file, tokens);
            log.info("Wrote fresh ingest tokens for {} to {}", added, file);
        }
        return new TokenStore(tokens);
    }

    /** Pairs in the form of {@value #ENVIRONMENT_VARIABLE}: {@code hohhot=abc,admin=xyz}. */
    public static TokenStore parse(String pairs) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String pair : pairs.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                // Deliberately without the pair itself: it may be a token.
                throw new IllegalArgumentException("token pairs must look like <principal>=<token>");
            }
            String principal = pair.substring(0, eq).strip();
            if (tokens.put(principal, pair.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("principal '" + principal + "' is listed twice");
            }
        }
        return new TokenStore(tokens);
    }

    /** The tokens of {@value #ENVIRONMENT_VARIABLE}, if it is set and not blank. */
    public static Optional<TokenStore> fromEnvironment(Map<String, String> environment) {
        String pairs = environment.get(ENVIRONMENT_VARIABLE);
        return pairs == null || pairs.isBlank() ? Optional.empty() : Optional.of(parse(pairs));
    }

    /** The principal whose token this is, or empty; takes the same time whichever token matches, if any. */
    public Optional<Principal> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        Principal found = null;
        for (Entry entry : entries) {
            boolean match = MessageDigest.isEqual(entry.digest(), digest);
            found = match ? entry.principal() : found;
        }
        return Optional.ofNullable(found);
    }

    /** The principals: city codes and {@value #ADMIN}. */
    public Set<String> principals() {
        return tokens.keySet();
    }

    /** A principal's token, for a launcher that shows the demo tokens to its operator. */
    public Optional<String> token(String principal) {
        return Optional.ofNullable(tokens.get(principal));
    }

    @Override
    public String toString() {
        return "TokenStore" + principals();
    }

    static String generateToken() {
        byte[] bytes = new byte[GENERATED_TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token file " + file, e);
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(name -> tokens.put(name, properties.getProperty(name)));
        return tokens;
    }

    /** Writes a temporary file that only the owner can read, then moves it into place. */
    private static void write(Path file, Map<String, String> tokens) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write("# Bearer tokens of the hbew ingest gateway: one per city, admin may write any city.\n");
                out.write("# Keep this file secret. Delete a line to get a fresh token for it at the next start.\n");
                for (Map.Entry<String, String> e : tokens.entrySet()) {
                    out.write(e.getKey() + "=" + e.getValue() + "\n");
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token file " + file, e);
        }
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
