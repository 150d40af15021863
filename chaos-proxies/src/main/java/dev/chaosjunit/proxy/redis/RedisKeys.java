package dev.chaosjunit.proxy.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the keys of a command are, after Redis's own command table ({@code COMMAND INFO}): a first
 * position, a last position (negative counts from the end) and a step, or a {@code numkeys} argument.
 * Commands not listed here expose no key; their {@code command} fact still matches.
 */
final class RedisKeys {

  private record Spec(int first, int last, int step, int numkeysAt) {}

  private static final Map<String, Spec> SPECS = new HashMap<>();

  static {
    range(1, 1, 1, "GET SET SETNX SETEX PSETEX APPEND INCR DECR INCRBY DECRBY INCRBYFLOAT GETSET GETDEL"
        + " GETEX STRLEN GETRANGE SETRANGE SUBSTR EXPIRE PEXPIRE EXPIREAT PEXPIREAT EXPIRETIME TTL PTTL"
        + " PERSIST TYPE DUMP RESTORE HGET HSET HSETNX HMSET HMGET HDEL HGETALL HKEYS HVALS HLEN HEXISTS"
        + " HINCRBY HINCRBYFLOAT HSTRLEN HSCAN HRANDFIELD LPUSH RPUSH LPUSHX RPUSHX LPOP RPOP LLEN LRANGE"
        + " LINDEX LSET LREM LTRIM LINSERT LPOS SADD SREM SMEMBERS SISMEMBER SMISMEMBER SCARD SPOP"
        + " SRANDMEMBER SSCAN ZADD ZREM ZRANGE ZRANGEBYSCORE ZREVRANGEBYSCORE ZRANGEBYLEX ZREVRANGE"
        + " ZSCORE ZMSCORE ZINCRBY ZCARD ZCOUNT ZLEXCOUNT ZRANK ZREVRANK ZSCAN ZPOPMIN ZPOPMAX"
        + " ZREMRANGEBYSCORE ZREMRANGEBYRANK ZRANDMEMBER XADD XLEN XRANGE XREVRANGE XDEL XTRIM XACK"
        + " XCLAIM XAUTOCLAIM XPENDING XSETID GEOADD GEODIST GEOPOS GEOHASH GEOSEARCH GEORADIUS PFADD"
        + " SETBIT GETBIT BITCOUNT BITPOS BITFIELD BITFIELD_RO SORT SORT_RO");
    range(1, -1, 1, "MGET DEL UNLINK EXISTS TOUCH WATCH SINTER SUNION SDIFF SINTERSTORE SUNIONSTORE"
        + " SDIFFSTORE PFCOUNT PFMERGE");
    range(1, -2, 1, "BLPOP BRPOP BZPOPMIN BZPOPMAX");
    range(1, -1, 2, "MSET MSETNX");
    range(1, 2, 1, "RENAME RENAMENX SMOVE RPOPLPUSH BRPOPLPUSH LMOVE BLMOVE COPY LCS ZRANGESTORE");
    range(2, -1, 1, "BITOP");
    numkeys(2, "EVAL EVALSHA EVAL_RO EVALSHA_RO FCALL FCALL_RO");
    numkeys(1, "LMPOP ZMPOP SINTERCARD ZINTERCARD ZUNION ZINTER ZDIFF");
    numkeys(2, "BLMPOP BZMPOP ZUNIONSTORE ZINTERSTORE ZDIFFSTORE");
  }

  private RedisKeys() {}

  private static void range(int first, int last, int step, String commands) {
    for (String command : commands.split(" ")) {
      SPECS.put(command, new Spec(first, last, step, 0));
    }
  }

  private static void numkeys(int at, String commands) {
    for (String command : commands.split(" ")) {
      SPECS.put(command, new Spec(0, 0, 1, at));
    }
  }

  /** The keys of a command, in argument order; empty for commands without keys or unknown ones. */
  static List<String> of(String command, RedisRequest request) {
    Spec spec = SPECS.get(command);
    if (spec == null) {
      return List.of();
    }
    if (spec.first() == 1 && spec.last() == 1) {
      return request.argCount() > 1 ? List.of(request.arg(1)) : List.of();
    }
    List<String> keys = new ArrayList<>();
    if (command.endsWith("STORE") && spec.numkeysAt() > 0) {
      addIfPresent(keys, request, 1);
    }
    int[] bounds = bounds(spec, request);
    for (int i = bounds[0]; i <= bounds[1] && i < request.argCount(); i += spec.step()) {
      keys.add(request.arg(i));
    }
    return keys;
  }

  private static int[] bounds(Spec spec, RedisRequest request) {
    if (spec.numkeysAt() == 0) {
      int last = spec.last() < 0 ? request.argCount() + spec.last() : spec.last();
      return new int[] {spec.first(), last};
    }
    int first = spec.numkeysAt() + 1;
    return new int[] {first, first + numkeys(request, spec.numkeysAt()) - 1};
  }

  private static int numkeys(RedisRequest request, int at) {
    if (at >= request.argCount()) {
      return 0;
    }
    try {
      return Math.max(0, Math.min(Integer.parseInt(request.arg(at)), request.argCount()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void addIfPresent(List<String> keys, RedisRequest request, int index) {
    if (index < request.argCount()) {
      keys.add(request.arg(index));
    }
  }
}
