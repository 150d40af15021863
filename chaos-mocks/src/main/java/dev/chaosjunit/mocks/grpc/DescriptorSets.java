package dev.chaosjunit.mocks.grpc;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.WrappersProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Links the files of a {@link FileDescriptorSet} into {@link FileDescriptor}s, imports first. */
final class DescriptorSets {

  private final Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
  private final Map<String, FileDescriptor> linked = new HashMap<>();

  private DescriptorSets(FileDescriptorSet set) {
    set.getFileList().forEach(file -> protos.put(file.getName(), file));
    Stream.of(AnyProto.getDescriptor(), ApiProto.getDescriptor(), DurationProto.getDescriptor(),
            EmptyProto.getDescriptor(), FieldMaskProto.getDescriptor(), StructProto.getDescriptor(),
            TimestampProto.getDescriptor(), WrappersProto.getDescriptor())
        .forEach(wellKnown -> linked.put(wellKnown.getName(), wellKnown));
  }

  /** Every file of the set, linked; well-known types may be left out of the set. */
  static List<FileDescriptor> link(FileDescriptorSet set) {
    DescriptorSets sets = new DescriptorSets(set);
    List<FileDescriptor> files = new ArrayList<>();
    for (String name : sets.protos.keySet()) {
      files.add(sets.file(name, name));
    }
    return files;
  }

  private FileDescriptor file(String name, String importedBy) {
    FileDescriptor done = linked.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = protos.get(name);
    if (proto == null) {
      throw new IllegalArgumentException("The FileDescriptorSet lacks [" + name + "], imported by ["
          + importedBy + "]: generate it with protoc --include_imports --descriptor_set_out=...");
    }
    FileDescriptor[] deps = proto.getDependencyList().stream()
        .map(dep -> file(dep, name)).toArray(FileDescriptor[]::new);
    FileDescriptor file = build(proto, deps);
    linked.put(name, file);
    return file;
  }

  private static FileDescriptor build(FileDescriptorProto proto, FileDescriptor[] deps) {
    try {
      return FileDescriptor.buildFrom(proto, deps);
    } catch (DescriptorValidationException e) {
      throw new IllegalArgumentException("Invalid descriptor [" + proto.getName() + "]: "
          + e.getMessage(), e);
    }
  }
}
