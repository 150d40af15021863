package dev.chaosjunit.proxy.mongo;

import dev.chaosjunit.fault.Action;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Arrays;
import java.util.List;

/**
 * The replies an ERROR rule sends, shaped as mongod's {@code failCommand} fail point shapes them. The
 * error's {@code kind} parameter names the field: {@code errorCode} (the default) a command error
 * {@code {ok: 0, errmsg, code, codeName, errorLabels}}; {@code writeErrors} a write that failed
 * {@code {ok: 1, n: 0, writeErrors: [{index: 0, code, errmsg}], errorLabels}}; {@code writeConcernError}
 * the server's own reply with {@code writeConcernError: {code, codeName, errmsg}} (and errorLabels) added.
 */
final class MongoErrors {

  static final String KIND = "kind";
  static final String CODE_NAME = "codeName";
  static final String ERROR_LABELS = "errorLabels";
  static final String ERROR_CODE = "errorCode";
  static final String WRITE_ERRORS = "writeErrors";
  static final String WRITE_CONCERN_ERROR = "writeConcernError";
  static final List<String> KINDS = List.of(ERROR_CODE, WRITE_ERRORS, WRITE_CONCERN_ERROR);
  static final String DEFAULT_MESSAGE = "injected by chaos-junit";

  private MongoErrors() {}

  static String kind(Action.Error error) {
    return error.param(KIND).orElse(ERROR_CODE);
  }

  /** An OP_MSG answering request {@code responseTo} with the error of kind errorCode or writeErrors. */
  static ByteBuf reply(ByteBufAllocator alloc, Action.Error error, int requestId, int responseTo) {
    ByteBuf out = alloc.buffer(128);
    out.writeIntLE(0).writeIntLE(requestId).writeIntLE(responseTo).writeIntLE(MongoMessage.OP_MSG);
    out.writeIntLE(0).writeByte(0);
    BsonWriter bson = new BsonWriter(out);
    int body = bson.begin();
    if (kind(error).equals(WRITE_ERRORS)) {
      bson.doubleValue("ok", 1);
      bson.int32("n", 0);
      int array = bson.beginEmbedded(WRITE_ERRORS, 4);
      int entry = bson.beginEmbedded("0", 3);
      bson.int32("index", 0);
      bson.int32("code", code(error));
      bson.string("errmsg", message(error));
      bson.end(entry);
      bson.end(array);
    } else {
      bson.doubleValue("ok", 0);
      bson.string("errmsg", message(error));
      bson.int32("code", code(error));
      error.param(CODE_NAME).ifPresent(name -> bson.string(CODE_NAME, name));
    }
    bson.strings(ERROR_LABELS, labels(error));
    bson.end(body);
    return out.setIntLE(0, out.writerIndex());
  }

  /** The elements added to the server's reply for kind writeConcernError. */
  static ByteBuf writeConcernError(ByteBufAllocator alloc, Action.Error error) {
    ByteBuf out = alloc.buffer(96);
    BsonWriter bson = new BsonWriter(out);
    int wce = bson.beginEmbedded(WRITE_CONCERN_ERROR, 3);
    bson.int32("code", code(error));
    error.param(CODE_NAME).ifPresent(name -> bson.string(CODE_NAME, name));
    bson.string("errmsg", message(error));
    bson.end(wce);
    bson.strings(ERROR_LABELS, labels(error));
    return out;
  }

  static List<String> labels(Action.Error error) {
    return error.param(ERROR_LABELS).map(l -> Arrays.asList(l.split(","))).orElse(List.of());
  }

  private static int code(Action.Error error) {
    return Integer.parseInt(error.code());
  }

  private static String message(Action.Error error) {
    return error.message().isEmpty() ? DEFAULT_MESSAGE : error.message();
  }
}
