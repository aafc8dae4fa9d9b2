package org.wirelab.core.compare;

import org.wirelab.core.scenario.Transport;

/**
 * One transport's side of a comparison: what its frames cost, which messages the server received, and
 * (for an echo workload) which echoes came back to the client; {@code echoes} is null for one way.
 */
public record ProtocolResult(Transport transport, TransportCost cost, Delivery messages, Delivery echoes,
        RecordedRun run) {
}
