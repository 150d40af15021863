/**
 * The Kafka protocol inspector ({@link dev.chaosjunit.proxy.kafka.KafkaInspector}, name {@code kafka}).
 *
 * <p>How it works: both directions are cut into size-prefixed frames; request headers (and the bodies of
 * APIs with topics or groups) are decoded with kafka-clients' own classes, and each request's API key and
 * version are remembered (responses do not name their API) in a queue that also keeps the client's
 * responses in request order, injected ones included: Kafka clients pipeline up to five requests per
 * connection and reject out-of-order answers. Responses are relayed as bytes, except Metadata,
 * FindCoordinator and DescribeCluster, whose broker addresses are replaced by the proxy's (the local
 * address of the client's connection), and Metadata, whose topic ids are learnt so that rules match
 * topic names in requests that carry only ids.
 *
 * <p>Limits: one listener fronts one broker (every broker maps to the proxy's own address; a
 * multi-broker cluster needs one proxy per broker and a mapping that is not there yet); the leader
 * hints of Produce/Fetch responses (KIP-951 node endpoints, sent only on a leader change) are not
 * rewritten; an ERROR on some topics of a Fetch fails the whole fetch (Produce is split per topic);
 * SASL and TLS are relayed undecoded (TLS cannot be inspected; traffic degrades to a plain relay).
 */
package dev.chaosjunit.proxy.kafka;
