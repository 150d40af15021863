package dev.chaosjunit.proxy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlCanonicalizerTest {

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      insert into orders(id,  note) values ($1, 'x') ;        | INSERT INTO ORDERS(ID, NOTE) VALUES (?, ?)
      SELECT  *\\n FROM\\tt WHERE a = 42 AND b = 4.5e-3          | SELECT * FROM T WHERE A = ? AND B = ?
      select "MixedCase", t1.x from t1 -- trailing comment     | SELECT "MixedCase", T1.X FROM T1
      /* lead */ update t set s = E'it\\'s' where id = ?       | UPDATE T SET S = ? WHERE ID = ?
      select $$a 'quoted' body$$, $tag$x$tag$ , $2::int        | SELECT ?, ?, ?::INT
      select 'it''s', x'ff', 'unterminated                      | SELECT ?, ?, ?
      ( select 1 ) ;;                                           | (SELECT ?)
      /* only a comment */                                      | ~~
      ''                                                        | ?
      """)
  void canonicalisesPostgres(String sql, String expected) {
    assertThat(SqlCanonicalizer.canonicalize(sql.replace("\\n", "\n").replace("\\t", "\t"), SqlDialect.POSTGRES))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      INSERT INTO `Orders` VALUES (?, "two", 'it\\'s', -3)     | INSERT INTO `Orders` VALUES (?, ?, ?, -?)
      select 1 # comment                                        | SELECT ?
      call p(0x1F)                                              | CALL P(?)
      """)
  void canonicalisesMysql(String sql, String expected) {
    assertThat(SqlCanonicalizer.canonicalize(sql, SqlDialect.MYSQL)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', textBlock = """
      INSERT INTO T VALUES (?)  | INSERT
      (SELECT ?)                | SELECT
      ?                         | ''
      """)
  void commandIsTheFirstKeyword(String canonical, String command) {
    assertThat(SqlCanonicalizer.command(canonical)).isEqualTo(command);
  }

  @Test
  void splitsStatementsAtTopLevelSemicolonsOnly() {
    String sql = "begin; insert into t values ('a;b', $$x;y$$) ;\n -- c;\n commit;  ";

    assertThat(SqlCanonicalizer.statements(sql, SqlDialect.POSTGRES))
        .extracting(SqlStatement::canonical, SqlStatement::command)
        .containsExactly(tuple("BEGIN", "BEGIN"), tuple("INSERT INTO T VALUES (?, ?)", "INSERT"), tuple("COMMIT", "COMMIT"));
    assertThat(SqlCanonicalizer.statements(sql, SqlDialect.POSTGRES)).extracting(SqlStatement::start)
        .containsExactly(0, sql.indexOf(" insert"), sql.indexOf("\n -- c"));
    assertThat(SqlCanonicalizer.statements(" ; ", SqlDialect.MYSQL)).isEmpty();
  }
}
