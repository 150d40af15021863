package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.rule.MessageFacts;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * The match keys of one Kafka request: {@code api} (in both spellings, e.g. {@code FIND_COORDINATOR} and
 * {@code FindCoordinator}), {@code client_id}, {@code topic}, {@code group}.
 */
final class RequestFacts {

  private final TopicNames topicNames;
  private final Set<String> topics = new LinkedHashSet<>();
  private final Set<String> groups = new LinkedHashSet<>();

  private RequestFacts(TopicNames topicNames) {
    this.topicNames = topicNames;
  }

  /**
   * The facts of {@code request}, from the topics read in place or from its parsed body; with
   * {@code moreTopics}: those the request stands for without naming them (a fetch session's).
   */
  static MessageFacts of(KafkaRequest request, TopicNames topicNames, List<String> moreTopics, FactsMemo memo) {
    RequestFacts facts = new RequestFacts(topicNames);
    if (request.produceTopics() != null) {
      request.produceTopics().topics.forEach(t -> facts.topic(t.name(), t.id()));
    } else if (request.bodyIfParsed() != null) {
      facts.collect(request.bodyIfParsed().data());
    }
    facts.topics.addAll(moreTopics);
    RequestHeader header = request.header;
    return memo.facts(header.apiKey(), header.clientId() == null ? "" : header.clientId(), facts.topics,
        facts.groups);
  }

  private void collect(ApiMessage data) {
    if (data instanceof ProduceRequestData produce) {
      produce.topicData().forEach(t -> topic(t.name(), t.topicId()));
    } else if (data instanceof FetchRequestData fetch) {
      fetch.topics().forEach(t -> topic(t.topic(), t.topicId()));
    } else if (data instanceof MetadataRequestData metadata && metadata.topics() != null) {
      metadata.topics().forEach(t -> topic(t.name(), t.topicId()));
    } else if (data instanceof ListOffsetsRequestData offsets) {
      offsets.topics().forEach(t -> topic(t.name(), null));
    } else {
      collectGroupApis(data);
    }
  }

  private void collectGroupApis(ApiMessage data) {
    if (data instanceof OffsetCommitRequestData commit) {
      group(commit.groupId());
      commit.topics().forEach(t -> topic(t.name(), t.topicId()));
    } else if (data instanceof OffsetFetchRequestData fetch) {
      collectOffsetFetch(fetch);
    } else if (data instanceof FindCoordinatorRequestData find && find.keyType() == 0) {
      group(find.key());
      find.coordinatorKeys().forEach(this::group);
    } else if (data instanceof ConsumerGroupHeartbeatRequestData heartbeat) {
      group(heartbeat.groupId());
      if (heartbeat.subscribedTopicNames() != null) {
        heartbeat.subscribedTopicNames().forEach(name -> topic(name, null));
      }
    } else {
      collectClassicGroupApis(data);
    }
  }

  private void collectClassicGroupApis(ApiMessage data) {
    if (data instanceof JoinGroupRequestData join) {
      group(join.groupId());
    } else if (data instanceof SyncGroupRequestData sync) {
      group(sync.groupId());
    } else if (data instanceof HeartbeatRequestData heartbeat) {
      group(heartbeat.groupId());
    } else if (data instanceof LeaveGroupRequestData leave) {
      group(leave.groupId());
    } else if (data instanceof TxnOffsetCommitRequestData commit) {
      group(commit.groupId());
      commit.topics().forEach(t -> topic(t.name(), null));
    } else if (data instanceof DescribeGroupsRequestData describe) {
      describe.groups().forEach(this::group);
    }
  }

  private void collectOffsetFetch(OffsetFetchRequestData fetch) {
    group(fetch.groupId());
    if (fetch.topics() != null) {
      fetch.topics().forEach(t -> topic(t.name(), null));
    }
    for (OffsetFetchRequestData.OffsetFetchRequestGroup group : fetch.groups()) {
      group(group.groupId());
      if (group.topics() != null) {
        group.topics().forEach(t -> topic(t.name(), t.topicId()));
      }
    }
  }

  private void topic(String name, Uuid id) {
    String resolved = topicNames.name(name, id);
    if (!resolved.isEmpty()) {
      topics.add(resolved);
    }
  }

  private void group(String group) {
    if (group != null && !group.isEmpty()) {
      groups.add(group);
    }
  }
}
