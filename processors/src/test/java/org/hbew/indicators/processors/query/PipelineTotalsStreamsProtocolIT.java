package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.streams.GroupProtocol;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@link PipelineTotalsIT} with {@code group.protocol=streams}: the broker assigns the tasks (KIP-1071) instead of
 * the client-side assignor, and every record must still be accounted for, every figure add up on both instances,
 * every status be reported exactly once, and the metrics move with the tasks when an instance stops.
 */
class PipelineTotalsStreamsProtocolIT extends PipelineTotalsIT {

    @Override
    GroupProtocol groupProtocol() {
        return GroupProtocol.STREAMS;
    }

    @Test
    @Order(0)
    void shouldRunAsAStreamsGroupOfBothInstances() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            StreamsGroupDescription group = admin.describeStreamsGroups(List.of(appId)).all()
                    .get(30, TimeUnit.SECONDS).get(appId);

            assertThat(group.members()).as("members of the streams group %s", appId).hasSize(2);
        }
    }
}
