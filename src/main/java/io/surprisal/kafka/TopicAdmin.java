package io.surprisal.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates topics through an {@link Admin} client and waits for the cluster to confirm. The caller
 * owns the {@code Admin} and closes it.
 */
public final class TopicAdmin {
  private final Admin admin;
  private final Duration timeout;

  /**
   * @param admin the client to create topics with; not closed by this class
   * @param timeout how long {@link #create} waits for the cluster's answer
   * @throws IllegalArgumentException if the timeout is not positive
   */
  public TopicAdmin(Admin admin, Duration timeout) {
    this.admin = Objects.requireNonNull(admin, "admin");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    this.timeout = timeout;
  }

  /**
   * Creates a topic with the cluster's default replication factor.
   *
   * @param name the topic name
   * @param partitions number of partitions, at least 1
   * @param configs topic-level configs, for example {@code cleanup.policy=compact}; may be empty
   * @throws IllegalArgumentException if {@code partitions < 1}
   * @throws TopicCreationException if the cluster refuses (the topic exists, a config is invalid,
   *     ...) or does not answer within the timeout
   */
  public void create(String name, int partitions, Map<String, String> configs) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
    try {
      admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new TopicCreationException(name, e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new TopicCreationException(name, "no answer from the cluster within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicCreationException(name, "interrupted", e);
    }
  }
}
