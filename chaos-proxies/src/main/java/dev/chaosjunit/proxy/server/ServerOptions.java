package dev.chaosjunit.proxy.server;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The standalone server's command line, Toxiproxy's flags: {@code --host} (default 127.0.0.1: loopback
 * unless asked), {@code --port} (8474), {@code --config} (a JSON array of proxies to populate at start),
 * {@code --seed} (random when absent), {@code --help}, {@code --version}.
 */
record ServerOptions(String host, int port, Path config, OptionalLong seed, boolean help, boolean version) {

  static final String USAGE = String.join("\n",
      "usage: java -jar chaos-proxies-<version>-server.jar [options]",
      "  --host HOST      address of the admin API (default 127.0.0.1; 0.0.0.0 in containers)",
      "  --port PORT      port of the admin API (default 8474, like Toxiproxy)",
      "  --config FILE    JSON array of proxies to create at start, as POST /populate takes",
      "  --seed N         seed of every random decision (toxicity, jitter, rule probability)",
      "  --version        print the version and exit",
      "  --help           print this help and exit");

  static ServerOptions parse(List<String> args) {
    ServerOptions options = new ServerOptions("127.0.0.1", 8474, null, OptionalLong.empty(), false, false);
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      String name = flag.replaceFirst("^--?", "");
      int eq = name.indexOf('=');
      String inline = eq >= 0 ? name.substring(eq + 1) : null;
      name = eq >= 0 ? name.substring(0, eq) : name;
      if (name.equals("help") || name.equals("h")) {
        options = options.with("help", "true");
      } else if (name.equals("version")) {
        options = options.with("version", "true");
      } else if (!List.of("host", "port", "config", "seed").contains(name)) {
        throw new IllegalArgumentException("unknown option [" + flag + "]\n" + USAGE);
      } else {
        String value = inline != null ? inline : value(args, ++i, flag);
        options = options.with(name, value);
      }
    }
    return options;
  }

  private static String value(List<String> args, int index, String flag) {
    if (index >= args.size()) {
      throw new IllegalArgumentException("option [" + flag + "] needs a value\n" + USAGE);
    }
    return args.get(index);
  }

  private ServerOptions with(String name, String value) {
    return switch (name) {
      case "host" -> new ServerOptions(value, port, config, seed, help, version);
      case "port" -> new ServerOptions(host, number(name, value, 0, 65535), config, seed, help, version);
      case "config" -> new ServerOptions(host, port, Path.of(value), seed, help, version);
      case "seed" -> new ServerOptions(host, port, config, OptionalLong.of(longValue(value)), help, version);
      case "help" -> new ServerOptions(host, port, config, seed, true, version);
      case "version" -> new ServerOptions(host, port, config, seed, help, true);
      default -> throw new IllegalStateException("option [" + name + "] is not handled");
    };
  }

  private static int number(String name, String value, int min, int max) {
    long n = longValue(value);
    if (n < min || n > max) {
      throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", was [" + value + "]");
    }
    return (int) n;
  }

  private static long longValue(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("[" + value + "] is not a number", e);
    }
  }
}
