import { cases } from '../support/ruleTester';

const SQL = 'package p\n\nimport (\n\t"context"\n\t"database/sql"\n\t"fmt"\n)\n\n';

export default cases({
  valid: [
    {
      name: 'queries built only from literals and same-file constants',
      code: `${SQL}const table = "users"\n\nfunc load(ctx context.Context, db *sql.DB) error {\n\tconst cols = "id, name"\n\t_, err := db.ExecContext(ctx, "DELETE FROM " + table + " WHERE id > 10")\n\tif err != nil {\n\t\treturn err\n\t}\n\t_, err = db.Query(fmt.Sprintf("SELECT %s FROM %s LIMIT %d", cols, table, 10))\n\treturn err\n}\n`,
    },
    {
      name: 'placeholders ($1, ?) with arguments passed separately',
      code: `${SQL}func load(ctx context.Context, db *sql.DB, id int, name string) error {\n\t_, err := db.ExecContext(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id)\n\tif err != nil {\n\t\treturn err\n\t}\n\trow := db.QueryRow("SELECT name FROM users WHERE id = ?", id)\n\treturn row.Err()\n}\n\nvar _ = fmt.Sprint\n`,
    },
    {
      name: 'a query held in a variable',
      code: `${SQL}func load(db *sql.DB, q string) error {\n\t_, err := db.Exec(q)\n\treturn err\n}\n\nvar _ = fmt.Sprint\nvar _ context.Context\n`,
    },
    {
      name: 'a file that imports neither database/sql nor sqlx',
      code: 'package p\n\ntype cache interface{ Exec(string) error }\n\nfunc load(c cache, key string) error {\n\treturn c.Exec("GET " + key)\n}\n',
    },
    {
      name: 'arguments after the query may be built freely',
      code: `${SQL}func load(db *sql.DB, first, last string) error {\n\t_, err := db.Exec("UPDATE users SET name = $1", first+" "+last)\n\treturn err\n}\n\nvar _ = fmt.Sprint\nvar _ context.Context\n`,
    },
    {
      name: 'arithmetic passed to a prepared statement (database/sql example: stmt.Exec(id+1, ...))',
      code: `${SQL}func insert(stmt *sql.Stmt, id int, name string) error {\n\t_, err := stmt.Exec(id+1, name)\n\treturn err\n}\n\nvar _ = fmt.Sprint\nvar _ context.Context\n`,
    },
  ],
  invalid: [
    {
      name: 'a + expression with a variable',
      code: `${SQL}func load(db *sql.DB, name string) (*sql.Rows, error) {\n\treturn db.Query(«"SELECT * FROM users WHERE name = '" + name + "'"»)\n}\n\nvar _ = fmt.Sprint\nvar _ context.Context\n`,
      messages: ['`name`'],
    },
    {
      name: 'fmt.Sprintf with a variable argument, in the …Context form',
      code: `${SQL}func load(ctx context.Context, db *sql.DB, order string) error {\n\t_, err := db.QueryContext(ctx, «fmt.Sprintf("SELECT * FROM users ORDER BY %s", order)»)\n\treturn err\n}\n`,
      messages: ['fmt.Sprintf'],
    },
    {
      name: 'QueryRow, Exec and Prepare',
      code: `${SQL}type repo struct{ table string }\n\nfunc (r repo) run(db *sql.DB, id string) {\n\tdb.QueryRow(«"SELECT 1 FROM " + r.table»)\n\tdb.Exec(«"DELETE FROM t WHERE id = " + id»)\n\tdb.Prepare(«("SELECT " + id)»)\n\tdb.PrepareContext(context.Background(), «fmt.Sprintf("SELECT %d", len(id))»)\n}\n`,
    },
    {
      name: 'sqlx Get, Select and NamedExec',
      code: 'package p\n\nimport "github.com/jmoiron/sqlx"\n\nfunc load(db *sqlx.DB, col string) {\n\tvar v []string\n\tdb.Get(&v, «"SELECT " + col + " FROM t"»)\n\tdb.Select(&v, «"SELECT " + col»)\n\tdb.NamedExec(«"UPDATE t SET " + col + " = :v"», map[string]any{"v": 1})\n}\n',
    },
    {
      name: 'a + of two variables',
      code: `${SQL}func load(db *sql.DB, base, where string) error {\n\t_, err := db.Exec(«base + where»)\n\treturn err\n}\n\nvar _ = fmt.Sprint\nvar _ context.Context\n`,
    },
    {
      name: 'a constant of another file is not known to be constant',
      code: `${SQL}func load(db *sql.DB) error {\n\t_, err := db.Exec(«"DELETE FROM " + usersTable»)\n\treturn err\n}\n\nvar _ = fmt.Sprint\nvar _ context.Context\n`,
    },
  ],
});
