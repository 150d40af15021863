package dev.chaosjunit.junit.report;

/** HTML escaping, definition-list rows and the page head with its inline style. */
final class Html {

  static final String HEAD = """
      <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>chaos-junit report</title><style>
      body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}
      h1{font-size:22px}h2{font-size:17px;margin-top:28px}h3{font-size:15px;margin-top:16px}.meta{color:#555}
      table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:6px 8px;vertical-align:top}
      thead th{background:#f0f0f0}tbody th{background:#fafafa;text-align:left}
      td{min-width:130px}summary{cursor:pointer;list-style:none}small{color:#444}
      .icon{font-weight:bold}dl{margin:6px 0 0;max-width:420px;font-size:12px}
      dt{font-weight:bold;margin-top:4px}dd{margin:0;word-break:break-word}
      code{font-size:11px;background:#fff8;padding:1px 3px;display:block;white-space:pre-wrap}
      .legend span{padding:3px 8px;margin-right:4px;border-radius:3px}
      .v-passed{background:#d4f4dd;color:#0b5a1e}.v-failed{background:#fbd5d5;color:#8a1010}
      .v-fault-bypassed{background:#fde9b8;color:#7a5200}.v-errored{background:#e6d5f7;color:#4b1d7a}
      .v-skipped{background:#e8e8e8;color:#555}.v-none{color:#999}
      .iteration{padding:2px 4px;margin:2px 0}.timeline{background:#fff;display:block;margin:4px 0}
      .timeline text{font-size:10px;fill:#333}.legend-small{font-size:10px;color:#333}
      </style></head><body>
      """;

  private Html() {}

  static String esc(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  static String row(String key, String value) {
    return "<dt>" + esc(key) + "</dt><dd>" + esc(value) + "</dd>";
  }

  static String code(String key, String value) {
    return "<dt>" + esc(key) + "</dt><dd><code>" + esc(value) + "</code></dd>";
  }
}
