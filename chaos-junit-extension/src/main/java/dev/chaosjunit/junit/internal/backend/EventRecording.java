package dev.chaosjunit.junit.internal.backend;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.CellEvents;
import org.apiguardian.api.API;

/** A backend's events of one cell, recorded from {@link FaultBackend#record()} until {@link #stop()}. */
@API(status = INTERNAL, since = "0.1")
public interface EventRecording {

  /** Stops recording; returns what was recorded, in order. */
  CellEvents stop();
}
