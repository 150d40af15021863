package dev.chaosjunit.proxy.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.MetadataResponseData;

/**
 * Topic ids to names, learnt from the Metadata responses that pass through, so rules can match
 * topics by name in requests that only carry ids (Produce v13+, Fetch v13+, OffsetCommit v10+).
 * Topic ids are cluster-wide random UUIDs, so one table serves every connection.
 */
final class TopicNames {

  private final Map<Uuid, String> names = new ConcurrentHashMap<>();

  void learn(MetadataResponseData metadata) {
    for (MetadataResponseData.MetadataResponseTopic topic : metadata.topics()) {
      if (topic.name() != null && !Uuid.ZERO_UUID.equals(topic.topicId())) {
        names.put(topic.topicId(), topic.name());
      }
    }
  }

  /** The name given, else the name known for the id, else the id itself (so a rule can match it). */
  String name(String name, Uuid id) {
    if (name != null && !name.isEmpty()) {
      return name;
    }
    if (id == null || Uuid.ZERO_UUID.equals(id)) {
      return "";
    }
    return names.getOrDefault(id, id.toString());
  }
}
