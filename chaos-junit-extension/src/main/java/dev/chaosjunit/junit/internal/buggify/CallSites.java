package dev.chaosjunit.junit.internal.buggify;

import dev.chaosjunit.buggify.AssertType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/** The {@code Assert} and {@code Buggify} calls of one class, with the constant each names (or a problem). */
final class CallSites {

  private static final String ASSERT = "dev/chaosjunit/buggify/Assert";
  private static final String BUGGIFY = "dev/chaosjunit/buggify/Buggify";

  private CallSites() {}

  /** One call: an assertion or a site, its name, or why its name is not a constant. */
  record CallSite(Optional<AssertType> type, Optional<String> name, String call, String className, String method,
      String file, int line) {

    void addTo(Map<String, CataloguedAssertion> assertions, Set<String> sites) {
      String where = (file.isEmpty() ? className : file) + ":" + line + " (" + className + "." + method + ")";
      if (name.isEmpty()) {
        throw new CatalogueException(call + " at " + where + " names its " + (type.isPresent()
            ? "assertion with a message" : "site") + " that is not a string constant, so the catalogue cannot know"
            + " it before the run", "write the name as a string literal (it identifies the "
            + (type.isPresent() ? "assertion across the run; put varying values in its details)"
            : "site across the run and in Fault.buggify)"));
      }
      if (type.isPresent()) {
        assertions.putIfAbsent(name.get(), new CataloguedAssertion(type.get(), name.get(), className, method, file,
            line));
      } else {
        sites.add(name.get());
      }
    }
  }

  static List<CallSite> of(ClassNode node) {
    List<CallSite> calls = new ArrayList<>();
    for (MethodNode method : node.methods) {
      if (Arrays.stream(method.instructions.toArray()).anyMatch(CallSites::named)) {
        calls.addAll(inMethod(node, method));
      }
    }
    return calls;
  }

  private static List<CallSite> inMethod(ClassNode owner, MethodNode method) {
    Frame<SourceValue>[] frames;
    try {
      frames = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
    } catch (AnalyzerException e) {
      throw new IllegalStateException("cannot analyse " + owner.name + "." + method.name + ": " + e.getMessage(), e);
    }
    List<CallSite> calls = new ArrayList<>();
    AbstractInsnNode[] insns = method.instructions.toArray();
    for (int i = 0; i < insns.length; i++) {
      if (named(insns[i]) && frames[i] != null) {
        calls.add(site(owner, method, (MethodInsnNode) insns[i], frames[i]));
      }
    }
    return calls;
  }

  private static CallSite site(ClassNode owner, MethodNode method, MethodInsnNode call, Frame<SourceValue> frame) {
    Optional<AssertType> type = call.owner.equals(ASSERT) ? Optional.of(assertType(call.name)) : Optional.empty();
    int arguments = Type.getArgumentTypes(call.desc).length;
    int nameArgument = type.isPresent() && type.get() != AssertType.REACHABLE && type.get() != AssertType.UNREACHABLE
        ? 1 : 0;
    SourceValue value = frame.getStack(frame.getStackSize() - arguments + nameArgument);
    String callName = (type.isPresent() ? "Assert." : "Buggify.") + call.name;
    return new CallSite(type, constant(value), callName, owner.name.replace('/', '.'), method.name,
        owner.sourceFile == null ? "" : owner.sourceFile, line(call));
  }

  /** Whether this instruction calls an Assert method or a Buggify method naming a site. */
  private static boolean named(AbstractInsnNode insn) {
    return insn instanceof MethodInsnNode call && (call.owner.equals(ASSERT)
        && Arrays.stream(AssertType.values()).anyMatch(t -> t.method().equals(call.name))
        || call.owner.equals(BUGGIFY) && (call.name.equals("hit") || call.name.equals("pick")));
  }

  private static AssertType assertType(String method) {
    return Arrays.stream(AssertType.values()).filter(t -> t.method().equals(method)).findFirst()
        .orElseThrow(() -> new IllegalStateException("unknown Assert method " + method));
  }

  private static Optional<String> constant(SourceValue value) {
    if (value.insns.size() == 1 && value.insns.iterator().next() instanceof LdcInsnNode ldc
        && ldc.cst instanceof String text) {
      return Optional.of(text);
    }
    return Optional.empty();
  }

  private static int line(AbstractInsnNode insn) {
    for (AbstractInsnNode at = insn; at != null; at = at.getPrevious()) {
      if (at instanceof LineNumberNode line) {
        return line.line;
      }
    }
    return 0;
  }
}
