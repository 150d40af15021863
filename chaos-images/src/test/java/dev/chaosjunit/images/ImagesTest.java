package dev.chaosjunit.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testcontainers.utility.DockerImageName;

@ResourceLock("system-property:chaos.images")
class ImagesTest {

  private final String before = System.getProperty(Images.PROPERTY);

  @AfterEach
  void restoreProperty() {
    if (before == null) {
      System.clearProperty(Images.PROPERTY);
    } else {
      System.setProperty(Images.PROPERTY, before);
    }
  }

  @Test
  void officialNamesByDefault() {
    System.setProperty(Images.PROPERTY, "official");

    assertThat(Images.postgres().asCanonicalNameString()).isEqualTo("postgres:15");
    assertThat(Images.kafka().asCanonicalNameString()).isEqualTo("apache/kafka:4.3.1");
    assertThat(Images.jre().asCanonicalNameString()).isEqualTo("eclipse-temurin:17-jre");
  }

  @Test
  void localNameIsACompatibleSubstituteForTheOfficialOne() {
    DockerImageName local = Images.localName("apache/kafka", "kafka", "4.3.1");

    assertThat(local.asCanonicalNameString()).isEqualTo("chaos-local/kafka:4.3.1");
    assertThat(local.isCompatibleWith(DockerImageName.parse("apache/kafka"))).isTrue();
  }

  @Test
  void unknownSelectionNamesTheAllowedValues() {
    System.setProperty(Images.PROPERTY, "dockerhub");

    assertThatThrownBy(Images::redis)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Unknown value [dockerhub] for chaos.images")
        .hasMessageContaining("[local]");
  }
}
