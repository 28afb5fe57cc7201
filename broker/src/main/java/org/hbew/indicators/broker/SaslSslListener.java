package org.hbew.indicators.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A broker that authenticates and authorizes as a production cluster does: its client listener speaks SASL_SSL
 * with SCRAM-SHA-512 (TLS from a PKCS12 keystore whose certificate clients check against their truststore), and
 * the {@code StandardAuthorizer} lets nobody do anything an ACL does not allow. The broker's own user, whose
 * SCRAM credential is written when the storage is formatted, is a super user: it replicates and writes
 * transaction markers over the same listener, and serves as the cluster administrator that creates the other
 * users and their ACLs. The controller listener (never advertised to clients) uses SASL PLAIN with a password of
 * its own, since SCRAM credentials live in the metadata the controller has not loaded yet when it starts.
 *
 * @param keystore           PKCS12 keystore with the broker's key and a certificate valid for its host
 * @param truststore         PKCS12 truststore with the CA that signed it, for the broker's own client side
 * @param brokerUser         SCRAM user of the broker, a super user
 * @param controllerPassword password of the controller listener's PLAIN user {@value #CONTROLLER_USER}
 */
public record SaslSslListener(Path keystore, String keystorePassword, Path truststore, String truststorePassword,
                              String brokerUser, String brokerPassword, String controllerPassword) {

    public static final String MECHANISM = "SCRAM-SHA-512";
    static final String LISTENER = "SASL_SSL";
    static final String CONTROLLER_USER = "controller";

    public SaslSslListener {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(truststore, "truststore");
        Objects.requireNonNull(brokerUser, "brokerUser");
        Objects.requireNonNull(brokerPassword, "brokerPassword");
        Objects.requireNonNull(controllerPassword, "controllerPassword");
    }

    /** The JAAS line of a SCRAM client, as the client config file of every service holds it. */
    public static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Client settings for {@code user}: SASL_SSL, SCRAM-SHA-512, trusting this broker's CA. */
    public Map<String, String> clientProperties(String user, String password) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("security.protocol", "SASL_SSL");
        props.put("sasl.mechanism", MECHANISM);
        props.put("sasl.jaas.config", scramJaas(user, password));
        props.put("ssl.truststore.location", truststore.toString());
        props.put("ssl.truststore.password", truststorePassword);
        props.put("ssl.truststore.type", "PKCS12");
        return props;
    }

    /** Client settings of the broker's own user: the cluster administrator. */
    public Map<String, String> adminClientProperties() {
        return clientProperties(brokerUser, brokerPassword);
    }

    /** The server settings of both listeners, TLS and the authorizer. */
    Map<String, String> serverProperties(String controllerListener) {
        String controller = controllerListener.toLowerCase(Locale.ROOT);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        props.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", MECHANISM);
        props.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", scramJaas(brokerUser, brokerPassword));
        props.put("sasl.mechanism.controller.protocol", "PLAIN");
        props.put("listener.name." + controller + ".sasl.enabled.mechanisms", "PLAIN");
        props.put("listener.name." + controller + ".plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + CONTROLLER_USER
                        + "\" password=\"" + controllerPassword + "\" user_" + CONTROLLER_USER + "=\""
                        + controllerPassword + "\";");
        props.put("ssl.keystore.location", keystore.toString());
        props.put("ssl.keystore.password", keystorePassword);
        props.put("ssl.keystore.type", "PKCS12");
        props.put("ssl.truststore.location", truststore.toString());
        props.put("ssl.truststore.password", truststorePassword);
        props.put("ssl.truststore.type", "PKCS12");
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("allow.everyone.if.no.acl.found", "false");
        props.put("super.users", "User:" + brokerUser + ";User:" + CONTROLLER_USER);
        return props;
    }

    /** The broker user's credential, written into the bootstrap metadata when the storage is formatted. */
    List<String> formatterScramArguments() {
        return List.of(MECHANISM + "=[name=" + brokerUser + ",password=" + brokerPassword + "]");
    }

    /** Never shows a password. */
    @Override
    public String toString() {
        return "SaslSslListener[keystore=" + keystore + ", truststore=" + truststore + ", brokerUser=" + brokerUser
                + ", passwords=[hidden]]";
    }
}
