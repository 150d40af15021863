/**
 * The Kafka protocol inspector ({@link dev.chaosjunit.proxy.kafka.KafkaInspector}, name {@code kafka}).
 *
 * <p>How it works: both directions are cut into size-prefixed frames; request headers (and the bodies of
 * APIs with topics or groups) are decoded with kafka-clients' own classes, and each request's API key and
 * version are remembered (responses do not name their API) in a queue that also keeps the client's
 * responses in request order, injected ones included: Kafka clients pipeline up to five requests per
 * connection and reject out-of-order answers. Responses are relayed as bytes, except those that carry
 * broker addresses and Metadata, whose topic ids are learnt so that rules match topic names in requests
 * that carry only ids.
 *
 * <p>One proxy fronts a whole cluster: the client bootstraps through the proxy's own listener, and every
 * broker address the cluster hands out is replaced by a <em>route</em> of the proxy (an extra listener
 * per broker, key {@code broker-<node id>}, opened on first sight through
 * {@link dev.chaosjunit.proxy.protocol.Routes}, bound before the rewritten response leaves, with the
 * proxy's rules, toxics, counters and enabled state; see {@code Routes} for the port policy). Addresses
 * are rewritten in Metadata, FindCoordinator, DescribeCluster (brokers; controller endpoints are left
 * alone) and in the leader hints (KIP-951 node endpoints) of Produce v10+, Fetch v16+, ShareFetch and
 * ShareAcknowledge responses. Brokers send leader hints only when a leader moved, so a response without
 * any is relayed untouched: Fetch responses are walked in place (no copy, a few microseconds) and
 * decoded only when they carry some. When a broker's route cannot be bound the connection is closed
 * with an error logged, rather than letting the client leave the proxy.
 *
 * <p>ERROR on some topics: a Produce is split (the broker writes the other topics, the matched ones get
 * the error); a Fetch belongs to a fetch session (KIP-227), so it reaches the broker unchanged and the
 * matched partitions' results in the broker's response are replaced by the error without records. A
 * fetch's {@code topic} facts are all topics of its connection's fetch session, as incremental fetches
 * name only what changed; when every one of them matches, the proxy answers the whole fetch itself
 * (top-level error, which the Java consumer treats as a fetch session error and follows with a full
 * fetch).
 *
 * <p>A retriable produce error on a partition holds it for the connection ({@code PartitionHolds}): the
 * idempotent producer's batches already in flight behind the failed one get the same error, as from a
 * broker that is no longer the leader, until the producer retries the failed batch. Forwarding them
 * instead would put them out of sequence at the broker, a state no real leader change creates.
 *
 * <p>Limits: SASL and TLS are relayed undecoded (TLS cannot be inspected; traffic degrades to a plain
 * relay); controllers are not routed (clients using {@code bootstrap.controllers} reach them directly).
 */
package dev.chaosjunit.proxy.kafka;
