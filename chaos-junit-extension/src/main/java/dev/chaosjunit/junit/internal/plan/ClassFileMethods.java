package dev.chaosjunit.junit.internal.plan;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the method table of a class file (JVMS §4): names and parameter types, in file order. */
final class ClassFileMethods {

  private final DataInputStream in;
  private String[] utf8;

  private ClassFileMethods(DataInputStream in) {
    this.in = in;
  }

  /** Keys {@code name(param descriptors)}, in file order. */
  static List<String> read(DataInputStream in) throws IOException {
    return new ClassFileMethods(in).read();
  }

  private List<String> read() throws IOException {
    in.skipBytes(8);
    readConstantPool();
    in.skipBytes(6);
    in.skipBytes(2 * in.readUnsignedShort());
    skipMembers();
    int count = in.readUnsignedShort();
    List<String> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      in.skipBytes(2);
      String name = utf8[in.readUnsignedShort()];
      String descriptor = utf8[in.readUnsignedShort()];
      skipAttributes();
      keys.add(Descriptors.key(name, descriptor));
    }
    return keys;
  }

  private void readConstantPool() throws IOException {
    int count = in.readUnsignedShort();
    utf8 = new String[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++;
        }
        case 7, 8, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        default -> throw new IOException("unknown constant pool tag [" + tag + "]");
      }
    }
  }

  private void skipMembers() throws IOException {
    int count = in.readUnsignedShort();
    for (int i = 0; i < count; i++) {
      in.skipBytes(6);
      skipAttributes();
    }
  }

  private void skipAttributes() throws IOException {
    int count = in.readUnsignedShort();
    for (int i = 0; i < count; i++) {
      in.skipBytes(2);
      in.skipBytes(in.readInt());
    }
  }
}
