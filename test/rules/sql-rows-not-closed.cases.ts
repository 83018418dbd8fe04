import { cases } from '../support/ruleTester';

const SQL = 'package p\n\nimport (\n\t"context"\n\t"database/sql"\n)\n\n';

export default cases({
  valid: [
    {
      name: 'defer rows.Close()',
      code: `${SQL}func names(ctx context.Context, db *sql.DB) ([]string, error) {\n\trows, err := db.QueryContext(ctx, "SELECT name FROM users")\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tdefer rows.Close()\n\tvar out []string\n\tfor rows.Next() {\n\t\tvar n string\n\t\tif err := rows.Scan(&n); err != nil {\n\t\t\treturn nil, err\n\t\t}\n\t\tout = append(out, n)\n\t}\n\treturn out, rows.Err()\n}\n`,
    },
    {
      name: 'Close in a function literal',
      code: `${SQL}func count(db *sql.DB) error {\n\trows, err := db.Query("SELECT 1")\n\tif err != nil {\n\t\treturn err\n\t}\n\tdefer func() { _ = rows.Close() }()\n\treturn nil\n}\n`,
    },
    {
      name: 'rows returned to the caller',
      code: `${SQL}func open(db *sql.DB) (*sql.Rows, error) {\n\trows, err := db.Query("SELECT 1")\n\treturn rows, err\n}\n`,
    },
    {
      name: 'rows passed as an argument',
      code: `${SQL}func load(db *sql.DB, scan func(*sql.Rows) error) error {\n\trows, err := db.Query("SELECT 1")\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn scan(rows)\n}\n`,
    },
    {
      name: 'rows stored in a field, a composite literal or sent on a channel',
      code: `${SQL}type cursor struct{ rows *sql.Rows }\n\nfunc keep(db *sql.DB, c *cursor, out chan<- *sql.Rows) {\n\trows, _ := db.Query("SELECT 1")\n\tc.rows = rows\n\trows2, _ := db.Query("SELECT 2")\n\t_ = cursor{rows: rows2}\n\trows3, _ := db.Query("SELECT 3")\n\tout <- rows3\n}\n`,
    },
    {
      name: 'a file that imports neither database/sql nor sqlx',
      code: 'package p\n\ntype q interface{ Query(string) (int, error) }\n\nfunc f(db q) {\n\trows, err := db.Query("x")\n\t_, _ = rows, err\n}\n',
    },
    {
      name: 'other calls returning two values in a file importing database/sql (mysql driver: readResultSetHeaderPacket)',
      code: `${SQL}func exec(db *sql.DB, read func() (int, error)) error {\n\tresLen, err := read()\n\tif err != nil {\n\t\treturn err\n\t}\n\tn, err := db.Exec("SELECT 1")\n\t_, _ = resLen, n\n\treturn err\n}\n`,
    },
  ],
  invalid: [
    {
      name: 'Query without Close: defer after the error check',
      code: `${SQL}func names(db *sql.DB) ([]string, error) {\n\t«rows», err := db.Query("SELECT name FROM users")\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tvar out []string\n\tfor rows.Next() {\n\t\tvar n string\n\t\tif err := rows.Scan(&n); err != nil {\n\t\t\treturn nil, err\n\t\t}\n\t\tout = append(out, n)\n\t}\n\treturn out, rows.Err()\n}\n`,
      messages: ['defer rows.Close()'],
      output: `${SQL}func names(db *sql.DB) ([]string, error) {\n\trows, err := db.Query("SELECT name FROM users")\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tdefer rows.Close()\n\tvar out []string\n\tfor rows.Next() {\n\t\tvar n string\n\t\tif err := rows.Scan(&n); err != nil {\n\t\t\treturn nil, err\n\t\t}\n\t\tout = append(out, n)\n\t}\n\treturn out, rows.Err()\n}\n`,
    },
    {
      name: 'QueryContext with = on a transaction',
      code: `${SQL}func ids(ctx context.Context, tx *sql.Tx) error {\n\tvar rows *sql.Rows\n\tvar err error\n\t«rows», err = tx.QueryContext(ctx, "SELECT id FROM t")\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tfor rows.Next() {\n\t}\n\treturn rows.Err()\n}\n`,
      output: `${SQL}func ids(ctx context.Context, tx *sql.Tx) error {\n\tvar rows *sql.Rows\n\tvar err error\n\trows, err = tx.QueryContext(ctx, "SELECT id FROM t")\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tdefer rows.Close()\n\tfor rows.Next() {\n\t}\n\treturn rows.Err()\n}\n`,
    },
    {
      name: 'sqlx Queryx',
      code: 'package p\n\nimport "github.com/jmoiron/sqlx"\n\nfunc ids(db *sqlx.DB) error {\n\t«rows», err := db.Queryx("SELECT id FROM t")\n\tif err != nil {\n\t\treturn err\n\t}\n\tfor rows.Next() {\n\t}\n\treturn nil\n}\n',
      output: 'package p\n\nimport "github.com/jmoiron/sqlx"\n\nfunc ids(db *sqlx.DB) error {\n\trows, err := db.Queryx("SELECT id FROM t")\n\tif err != nil {\n\t\treturn err\n\t}\n\tdefer rows.Close()\n\tfor rows.Next() {\n\t}\n\treturn nil\n}\n',
    },
    {
      name: 'no fix without an error check that leaves the function',
      code: `${SQL}func ids(db *sql.DB) {\n\t«rows», err := db.Query("SELECT id FROM t")\n\tif err != nil {\n\t\tprintln(err.Error())\n\t}\n\tfor rows.Next() {\n\t}\n}\n`,
      output: null,
    },
    {
      name: 'no fix inside a loop',
      code: `${SQL}func each(db *sql.DB, ids []int) error {\n\tfor _, id := range ids {\n\t\t«rows», err := db.Query("SELECT * FROM t WHERE id = $1", id)\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\tfor rows.Next() {\n\t\t}\n\t}\n\treturn nil\n}\n`,
      output: null,
    },
    {
      name: 'an error check ending in a Fatal method (t.Fatal, logger.Fatalf) leaves the block',
      code: `${SQL}type logger interface{ Fatalf(string, ...any) }\n\nfunc ids(db *sql.DB, log logger) {\n\t«rows», err := db.Query("SELECT id FROM t")\n\tif err != nil {\n\t\tlog.Fatalf("query: %v", err)\n\t}\n\tfor rows.Next() {\n\t}\n}\n`,
      output: `${SQL}type logger interface{ Fatalf(string, ...any) }\n\nfunc ids(db *sql.DB, log logger) {\n\trows, err := db.Query("SELECT id FROM t")\n\tif err != nil {\n\t\tlog.Fatalf("query: %v", err)\n\t}\n\tdefer rows.Close()\n\tfor rows.Next() {\n\t}\n}\n`,
    },
  ],
});
