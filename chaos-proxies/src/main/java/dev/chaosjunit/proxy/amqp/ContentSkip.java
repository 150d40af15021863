package dev.chaosjunit.proxy.amqp;

import dev.chaosjunit.proxy.protocol.FrameBuffer;

/**
 * The content frames of one dropped message on one channel and direction: its header, then body frames
 * until they add up to the header's body size.
 */
final class ContentSkip {

  private boolean awaitingHeader;
  private long bodyLeft;

  /** The method frame of a message was dropped: its content follows. */
  void start() {
    awaitingHeader = true;
  }

  /** Whether a frame of {@code type} belongs to the dropped content. */
  boolean takes(int type) {
    return awaitingHeader && type == Amqp.HEADER || bodyLeft > 0 && type == Amqp.BODY;
  }

  /** The dropped content's header said how long the body is. */
  void header(long bodySize) {
    awaitingHeader = false;
    bodyLeft = bodySize;
  }

  /** A dropped body frame of {@code size} bytes. */
  void body(int size) {
    bodyLeft = Math.max(0, bodyLeft - size);
  }

  /** Skips a discarded frame (whole in {@code in}), keeping count of the dropped content it may belong to. */
  void skip(AmqpFrame frame, FrameBuffer in) {
    if (takes(frame.type()) && frame.type() == Amqp.HEADER) {
      header(frame.bodySize(in.view()));
    } else if (takes(frame.type())) {
      body(frame.payload());
    }
    in.skip(frame.length());
  }
}
