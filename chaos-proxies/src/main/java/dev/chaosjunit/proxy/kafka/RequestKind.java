package dev.chaosjunit.proxy.kafka;

import org.apache.kafka.common.protocol.ApiKeys;

/**
 * What a response must be decoded as: the API key and version of the request it answers (Kafka
 * responses do not name their API).
 */
record RequestKind(ApiKeys api, short version) {

  /**
   * Whether the response may carry broker addresses the proxy rewrites (leader hints: Produce v10+,
   * Fetch v16+, share fetches), or topic ids it learns.
   */
  boolean inspectResponse() {
    return switch (api) {
      case METADATA, FIND_COORDINATOR, DESCRIBE_CLUSTER, SHARE_FETCH, SHARE_ACKNOWLEDGE -> true;
      case PRODUCE -> version >= 10;
      case FETCH -> version >= 16;
      default -> false;
    };
  }

  short responseHeaderVersion() {
    return api.responseHeaderVersion(version);
  }
}
