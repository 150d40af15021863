package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.CellEvent;
import dev.chaosjunit.junit.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A failure message: the original message first, then a {@code key = value} block with everything
 * needed to understand and replay the cell.
 */
final class FailureMessage {

  private FailureMessage() {}

  /** The message for a cell that did not pass. */
  public static String of(String original, Verdict verdict, CellResult result, CellContext context) {
    Cell cell = result.cell();
    Map<String, String> block = new LinkedHashMap<>();
    block.put("verdict", verdict.label());
    block.put("scenario", cell.scenario());
    block.put("fault", cell.faultName() + cell.fault().map(f -> " (" + f.describe() + ")").orElse(""));
    block.put("expected", context.plan().expectation().describe());
    block.put("outcome", cell.outcome().summary());
    block.put("firings", cell.firings().isEmpty() ? "none" : cell.firings().toString());
    if (!cell.events().primitives().isEmpty()) {
      block.put("primitive", cell.events().primitives().stream().map(FailureMessage::primitive)
          .collect(Collectors.joining("; ")));
    }
    block.put("seed", Long.toString(cell.seed()));
    block.put("proxies", context.endpoints());
    block.put("rerun", context.rerun());
    block.put("unique id", context.uniqueId());
    int width = block.keySet().stream().mapToInt(String::length).max().orElse(0);
    return original + "\n" + block.entrySet().stream()
        .map(e -> "    " + pad(e.getKey(), width) + " = " + e.getValue())
        .collect(Collectors.joining("\n"));
  }

  /** {@code +12 ms db kill detected: ...}: a primitive's event, timed from the cell's start. */
  private static String primitive(CellEvent event) {
    return "+" + event.at().toMillis() + " ms " + event.proxy() + " " + event.attribute("primitive").orElse("") + " "
        + event.kind().substring("primitive-".length()).replace('-', ' ')
        + event.attribute("detail").map(detail -> ": " + detail).orElse("");
  }

  private static String pad(String key, int width) {
    return key + " ".repeat(width - key.length());
  }
}
