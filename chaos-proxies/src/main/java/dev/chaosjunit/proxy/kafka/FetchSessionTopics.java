package dev.chaosjunit.proxy.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.message.FetchRequestData;

/**
 * The partitions of one connection's fetch session (KIP-227), by topic: a full fetch (session epoch
 * 0 or -1) names them all, an incremental fetch only the changed and forgotten ones, yet the broker
 * answers for every partition of the session. So a fetch's {@code topic} facts are the session's
 * topics, and a rule on a topic keeps matching the fetches of a consumer that stopped naming it.
 * The Java client keeps one session per broker connection and starts over with a full fetch after a
 * disconnect or a session error, which is when this table starts over too.
 */
final class FetchSessionTopics {

  private final TopicNames names;
  private final Map<String, Set<Integer>> partitions = new LinkedHashMap<>();

  FetchSessionTopics(TopicNames names) {
    this.names = names;
  }

  /** Takes in one fetch request; returns the session's topics after it, in first-seen order. */
  List<String> update(FetchRequestData fetch) {
    if (fetch.sessionEpoch() <= 0) {
      partitions.clear();
    }
    for (FetchRequestData.FetchTopic topic : fetch.topics()) {
      Set<Integer> held = partitions.computeIfAbsent(names.name(topic.topic(), topic.topicId()), t -> new TreeSet<>());
      topic.partitions().forEach(p -> held.add(p.partition()));
    }
    for (FetchRequestData.ForgottenTopic forgotten : fetch.forgottenTopicsData()) {
      String name = names.name(forgotten.topic(), forgotten.topicId());
      Set<Integer> held = partitions.get(name);
      if (held != null) {
        held.removeAll(forgotten.partitions());
        if (held.isEmpty()) {
          partitions.remove(name);
        }
      }
    }
    return List.copyOf(partitions.keySet());
  }
}
