# The service image of hbew-indicators: the launcher distribution on a Java 17 JRE. One image runs every
# command of a deployment (ingest, processors, topics, targets, acls): `docker run hbew-indicators <command>
# [options]`, options also from HBEW_<OPTION> environment variables. The one-machine tools (standalone, simulate,
# import, bench, with the embedded broker's and the benchmark's libraries) are in tools/ and not in the image: run
# them with ./hbew from a checkout.
#
# Build the distribution first; the image only copies it (no Maven inside the image):
#   ./mvnw -q -DskipTests -pl launcher -am package
#   docker-compose build        (or: docker build -t hbew-indicators:local .)
FROM eclipse-temurin:17-jre

RUN groupadd --system hbew \
 && useradd --system --gid hbew --home-dir /opt/hbew --shell /usr/sbin/nologin hbew \
 && mkdir -p /opt/hbew/bin /var/lib/hbew \
 && chown hbew:hbew /var/lib/hbew

# Dependencies first: they change less often than the launcher jar, so this layer is reused.
COPY launcher/target/lib/ /opt/hbew/lib/
COPY launcher/target/hbew-launcher.jar /opt/hbew/hbew-launcher.jar

# The entrypoint. A processor instance must advertise an address the other instances reach it at
# (Kafka Streams' application.server, for interactive queries); replicas of `docker-compose up --scale
# processors=N` share one environment, so unless HBEW_ADVERTISED_HOST is set each takes its own IP address.
RUN printf '%s\n' \
      '#!/bin/sh' \
      'if [ -z "${HBEW_ADVERTISED_HOST:-}" ]; then' \
      '  HBEW_ADVERTISED_HOST="$(hostname -i | cut -d" " -f1)"' \
      '  export HBEW_ADVERTISED_HOST' \
      'fi' \
      '# JAVA_OPTS unquoted on purpose: it holds several options.' \
      'exec java $JAVA_OPTS -cp "/opt/hbew/hbew-launcher.jar:/opt/hbew/lib/*" org.hbew.indicators.launcher.Hbew "$@"' \
      > /opt/hbew/bin/hbew \
 && chmod 0755 /opt/hbew/bin/hbew

USER hbew
WORKDIR /var/lib/hbew
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# ingest, processors (query API and /metrics)
EXPOSE 8080 8081
ENTRYPOINT ["/opt/hbew/bin/hbew"]
CMD ["--help"]
