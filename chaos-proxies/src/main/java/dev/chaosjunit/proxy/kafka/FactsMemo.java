package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.rule.MessageFacts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * The match facts of a connection's previous request, handed out again while the next requests have
 * the same keys: a producer sends one produce after another to the same topics, and facts are
 * immutable, so they are built once per change instead of once per request.
 */
final class FactsMemo {

  private ApiKeys api;
  private String clientId;
  private MessageFacts facts;

  /** The facts for these keys: the previous ones when equal (same order), else new ones. */
  MessageFacts facts(ApiKeys api, String clientId, Collection<String> topics, Collection<String> groups) {
    if (facts == null || api != this.api || !clientId.equals(this.clientId)
        || !sameInOrder(topics, facts.get("topic")) || !sameInOrder(groups, facts.get("group"))) {
      this.api = api;
      this.clientId = clientId;
      this.facts = MessageFacts.of(KafkaInspector.NAME)
          .put("api", api.name(), api.name)
          .put("client_id", clientId)
          .put("topic", new ArrayList<>(topics))
          .put("group", new ArrayList<>(groups))
          .build();
    }
    return facts;
  }

  private static boolean sameInOrder(Collection<String> values, List<String> known) {
    if (values.size() != known.size()) {
      return false;
    }
    Iterator<String> it = known.iterator();
    for (String value : values) {
      if (!value.equals(it.next())) {
        return false;
      }
    }
    return true;
  }
}
