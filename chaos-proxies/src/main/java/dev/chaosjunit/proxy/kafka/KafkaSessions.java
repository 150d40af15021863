package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.protocol.InspectorSession;

/**
 * The part of the Kafka inspector that needs kafka-clients; loaded only once the inspector has checked
 * that kafka-clients is on the class path. Holds what all connections share: the topic-id table.
 */
final class KafkaSessions {

  private final TopicNames topicNames = new TopicNames();

  InspectorSession open(BrokerAddresses addresses) {
    return new KafkaSession(topicNames, addresses);
  }
}
