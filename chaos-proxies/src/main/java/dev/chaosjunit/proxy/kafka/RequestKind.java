package dev.chaosjunit.proxy.kafka;

import org.apache.kafka.common.protocol.ApiKeys;

/**
 * What a response must be decoded as: the API key and version of the request it answers (Kafka
 * responses do not name their API).
 */
record RequestKind(ApiKeys api, short version) {

  /** Whether the response carries broker addresses the proxy rewrites, or topic ids it learns. */
  boolean inspectResponse() {
    return api == ApiKeys.METADATA || api == ApiKeys.FIND_COORDINATOR || api == ApiKeys.DESCRIBE_CLUSTER;
  }

  short responseHeaderVersion() {
    return api.responseHeaderVersion(version);
  }
}
