package dev.chaosjunit.proxy.amqp;

/** AMQP 0-9-1 wire constants: frame layout and types, and the methods the session reads or writes. */
final class Amqp {

  /** {@code AMQP} 0 0 9 1, the client's first eight bytes. */
  static final byte[] PROTOCOL_HEADER = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};
  /** Type (1), channel (2), payload size (4). */
  static final int FRAME_HEAD = 7;
  /** Head plus the frame-end octet. */
  static final int FRAME_OVERHEAD = FRAME_HEAD + 1;
  static final int FRAME_END = 0xCE;
  /** Far above any frame-max a broker negotiates (RabbitMQ: 128 KiB by default). */
  static final int MAX_PAYLOAD = 64 << 20;

  static final int METHOD = 1;
  static final int HEADER = 2;
  static final int BODY = 3;
  static final int HEARTBEAT = 8;

  static final int CONNECTION_CLOSE = id(10, 50);
  static final int CONNECTION_CLOSE_OK = id(10, 51);
  static final int CHANNEL_OPEN = id(20, 10);
  static final int CHANNEL_CLOSE = id(20, 40);
  static final int CHANNEL_CLOSE_OK = id(20, 41);
  static final int BASIC_CONSUME = id(60, 20);
  static final int BASIC_CONSUME_OK = id(60, 21);
  static final int BASIC_CANCEL_OK = id(60, 31);
  static final int BASIC_PUBLISH = id(60, 40);
  static final int BASIC_DELIVER = id(60, 60);
  static final int BASIC_ACK = id(60, 80);
  static final int BASIC_NACK = id(60, 120);
  static final int CONFIRM_SELECT = id(85, 10);

  /** The reply code a proxy-made close sends the broker: a normal shutdown. */
  static final int REPLY_SUCCESS = 200;

  private Amqp() {}

  /** One int for a method: class id in the high half, method id in the low half. */
  static int id(int classId, int methodId) {
    return classId << 16 | methodId;
  }

  static int classId(int method) {
    return method >>> 16;
  }

  static int methodId(int method) {
    return method & 0xFFFF;
  }
}
