import { cases } from '../support/ruleTester';

const SQL = 'package p\n\nimport (\n\t"context"\n\t"database/sql"\n)\n\n';
const HTTP = 'package p\n\nimport (\n\t"database/sql"\n\t"net/http"\n)\n\n';
const SQLX = 'package p\n\nimport (\n\t"context"\n\n\t"github.com/jmoiron/sqlx"\n)\n\n';

export default cases({
  valid: [
    {
      name: 'a context is passed',
      code: `${SQL}func load(ctx context.Context, db *sql.DB) error {\n\t_, err := db.ExecContext(ctx, "DELETE FROM t")\n\treturn err\n}\n`,
    },
    {
      name: 'no context in scope',
      code: 'package p\n\nimport "database/sql"\n\nfunc load(db *sql.DB) error {\n\t_, err := db.Exec("DELETE FROM t")\n\treturn err\n}\n',
    },
    {
      name: 'a file that imports neither database/sql nor sqlx',
      code: 'package p\n\nimport "context"\n\ntype store interface{ Exec(string) error }\n\nfunc load(ctx context.Context, db store) error {\n\treturn db.Exec("DELETE FROM t")\n}\n',
    },
    {
      name: 'url.Values from r.URL.Query() is not a database call',
      code: `${HTTP}func handle(w http.ResponseWriter, r *http.Request) {\n\tq := r.URL.Query()\n\t_ = q.Get("id")\n\tvar _ *sql.DB\n}\n`,
    },
    {
      name: 'sqlx\'s Get and Select count only in files importing sqlx',
      code: `${SQL}func load(ctx context.Context, db *sql.DB, cache interface{ Get(any, string) error }) error {\n\tvar u struct{}\n\treturn cache.Get(&u, "key")\n}\n`,
    },
    {
      name: 'pgx-style calls with a context first',
      code: `${SQL}func load(parent context.Context, db *sql.DB, conn interface{ Exec(context.Context, string) error }) error {\n\treturn conn.Exec(parent, "DELETE FROM t")\n}\n`,
    },
    {
      name: 'a context from another variable',
      code: `${SQL}func load(ctx context.Context, db *sql.DB) error {\n\treqCtx := context.WithoutCancel(ctx)\n\t_, err := db.ExecContext(reqCtx, "DELETE FROM t")\n\treturn err\n}\n`,
    },
    {
      name: 'Exec and Begin in a GORM file are left to orm-call-without-context',
      code: 'package p\n\nimport (\n\t"context"\n\t"database/sql"\n\n\t"gorm.io/gorm"\n)\n\nvar _ *sql.DB\n\nfunc clean(ctx context.Context, db *gorm.DB) {\n\tdb.Exec("VACUUM")\n\tdb.Begin()\n}\n',
    },
    {
      name: 'a driver\'s ExecContext delegating to its own Exec (lib/pq, go-sql-driver/mysql)',
      code: 'package p\n\nimport (\n\t"context"\n\t"database/sql"\n\t"database/sql/driver"\n)\n\nvar _ sql.IsolationLevel\n\ntype conn struct{}\n\nfunc (cn *conn) Exec(string, []driver.Value) (driver.Result, error) { return nil, nil }\n\nfunc (cn *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {\n\treturn cn.Exec(query, nil)\n}\n',
    },
  ],
  invalid: [
    {
      name: 'Query with a context.Context parameter',
      code: `${SQL}func load(ctx context.Context, db *sql.DB, id int) (*sql.Rows, error) {\n\treturn «db.Query»("SELECT name FROM users WHERE id = $1", id)\n}\n`,
      messages: ['QueryContext(ctx, ...)'],
      output: `${SQL}func load(ctx context.Context, db *sql.DB, id int) (*sql.Rows, error) {\n\treturn db.QueryContext(ctx, "SELECT name FROM users WHERE id = $1", id)\n}\n`,
    },
    {
      name: 'QueryRow in an HTTP handler uses r.Context()',
      code: `${HTTP}var db *sql.DB\n\nfunc handle(w http.ResponseWriter, r *http.Request) {\n\tvar name string\n\t_ = «db.QueryRow»("SELECT name FROM users").Scan(&name)\n}\n`,
      output: `${HTTP}var db *sql.DB\n\nfunc handle(w http.ResponseWriter, r *http.Request) {\n\tvar name string\n\t_ = db.QueryRowContext(r.Context(), "SELECT name FROM users").Scan(&name)\n}\n`,
    },
    {
      name: 'Exec and Prepare on a field',
      code: `${SQL}type repo struct{ db *sql.DB }\n\nfunc (r *repo) save(ctx context.Context) error {\n\tif _, err := «r.db.Exec»("DELETE FROM t"); err != nil {\n\t\treturn err\n\t}\n\t_, err := «r.db.Prepare»(\n\t\t"SELECT 1",\n\t)\n\treturn err\n}\n`,
      output: `${SQL}type repo struct{ db *sql.DB }\n\nfunc (r *repo) save(ctx context.Context) error {\n\tif _, err := r.db.ExecContext(ctx, "DELETE FROM t"); err != nil {\n\t\treturn err\n\t}\n\t_, err := r.db.PrepareContext(\n\t\tctx, "SELECT 1",\n\t)\n\treturn err\n}\n`,
    },
    {
      name: 'Begin becomes BeginTx(ctx, nil); Ping becomes PingContext(ctx)',
      code: `${SQL}func run(ctx context.Context, db *sql.DB) error {\n\tif err := «db.Ping»(); err != nil {\n\t\treturn err\n\t}\n\ttx, err := «db.Begin»()\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn tx.Commit()\n}\n`,
      output: `${SQL}func run(ctx context.Context, db *sql.DB) error {\n\tif err := db.PingContext(ctx); err != nil {\n\t\treturn err\n\t}\n\ttx, err := db.BeginTx(ctx, nil)\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn tx.Commit()\n}\n`,
    },
    {
      name: 'on a *sql.Tx',
      code: `${SQL}func move(ctx context.Context, tx *sql.Tx) error {\n\t_, err := «tx.Exec»("UPDATE t SET a = 1")\n\treturn err\n}\n`,
      output: `${SQL}func move(ctx context.Context, tx *sql.Tx) error {\n\t_, err := tx.ExecContext(ctx, "UPDATE t SET a = 1")\n\treturn err\n}\n`,
    },
    {
      name: 'sqlx\'s Get, Select and NamedExec',
      code: `${SQLX}type user struct{ Name string }\n\nfunc load(ctx context.Context, db *sqlx.DB) error {\n\tvar u user\n\tif err := «db.Get»(&u, "SELECT * FROM users WHERE id = $1", 1); err != nil {\n\t\treturn err\n\t}\n\tvar all []user\n\tif err := «db.Select»(&all, "SELECT * FROM users"); err != nil {\n\t\treturn err\n\t}\n\t_, err := «db.NamedExec»("INSERT INTO users (name) VALUES (:name)", u)\n\treturn err\n}\n`,
      output: `${SQLX}type user struct{ Name string }\n\nfunc load(ctx context.Context, db *sqlx.DB) error {\n\tvar u user\n\tif err := db.GetContext(ctx, &u, "SELECT * FROM users WHERE id = $1", 1); err != nil {\n\t\treturn err\n\t}\n\tvar all []user\n\tif err := db.SelectContext(ctx, &all, "SELECT * FROM users"); err != nil {\n\t\treturn err\n\t}\n\t_, err := db.NamedExecContext(ctx, "INSERT INTO users (name) VALUES (:name)", u)\n\treturn err\n}\n`,
    },
    {
      name: 'no fix when the file declares its own method of that name',
      code: `${SQL}type store struct{ db *sql.DB }\n\nfunc (s *store) Exec(q string) error {\n\t_, err := s.db.Exec(q)\n\treturn err\n}\n\nfunc clear(ctx context.Context, s *store) error {\n\treturn «s.Exec»("DELETE FROM t")\n}\n`,
      output: null,
    },
    {
      name: 'no fix in a goroutine that may outlive the context',
      code: `${SQL}func audit(ctx context.Context, db *sql.DB) {\n\tgo func() {\n\t\t_, _ = «db.Exec»("INSERT INTO audit DEFAULT VALUES")\n\t}()\n}\n`,
      output: null,
    },
    {
      name: 'no fix when the receiver is a parameter of another type (ardanlabs/service: bgn sqldb.Beginner)',
      code: `${SQL}type beginner interface{ Begin() (*sql.Tx, error) }\n\nfunc handle(ctx context.Context, bgn beginner) error {\n\ttx, err := «bgn.Begin»()\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn tx.Commit()\n}\n`,
      output: null,
    },
    {
      name: 'in a GORM file, Exec on a parameter declared as *sql.Tx is still database/sql\'s',
      code: 'package p\n\nimport (\n\t"context"\n\t"database/sql"\n\n\t"gorm.io/gorm"\n)\n\nvar _ *gorm.DB\n\nfunc raw(ctx context.Context, tx *sql.Tx) {\n\t«tx.Exec»("VACUUM")\n}\n',
      output: 'package p\n\nimport (\n\t"context"\n\t"database/sql"\n\n\t"gorm.io/gorm"\n)\n\nvar _ *gorm.DB\n\nfunc raw(ctx context.Context, tx *sql.Tx) {\n\ttx.ExecContext(ctx, "VACUUM")\n}\n',
    },
  ],
});
