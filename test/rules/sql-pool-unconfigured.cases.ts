import { cases } from '../support/ruleTester';

const SQL = 'package p\n\nimport (\n\t"database/sql"\n\t"time"\n)\n\n';

export default cases({
  valid: [
    {
      name: 'SetMaxOpenConns and SetConnMaxLifetime',
      code: `${SQL}func open(dsn string) (*sql.DB, error) {\n\tdb, err := sql.Open("postgres", dsn)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tdb.SetMaxOpenConns(25)\n\tdb.SetConnMaxLifetime(5 * time.Minute)\n\treturn db, nil\n}\n`,
    },
    {
      name: 'SetConnMaxIdleTime alone',
      code: `${SQL}func open(dsn string) *sql.DB {\n\tdb, _ := sql.Open("postgres", dsn)\n\tdb.SetConnMaxIdleTime(time.Minute)\n\treturn db\n}\n`,
    },
    {
      name: 'a field configured in the same function',
      code: `${SQL}type store struct{ db *sql.DB }\n\nfunc (s *store) open(dsn string) error {\n\tvar err error\n\ts.db, err = sql.Open("postgres", dsn)\n\ts.db.SetMaxOpenConns(10)\n\treturn err\n}\n\nvar _ = time.Second\n`,
    },
    {
      name: 'an Open of another package',
      code: 'package p\n\nimport "os"\n\nfunc read() error {\n\tf, err := os.Open("x")\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn f.Close()\n}\n',
    },
    {
      name: 'not assigned to a name',
      code: 'package p\n\nimport "database/sql"\n\nfunc open(dsn string) (*sql.DB, error) {\n\treturn sql.Open("postgres", dsn)\n}\n',
    },
    {
      name: 'sqlx.DB configured through its embedded *sql.DB',
      code: 'package p\n\nimport "github.com/jmoiron/sqlx"\n\nfunc open(dsn string) *sqlx.DB {\n\tdb := sqlx.MustConnect("postgres", dsn)\n\tdb.DB.SetMaxOpenConns(10)\n\treturn db\n}\n',
    },
  ],
  invalid: [
    {
      name: 'sql.Open with neither setting',
      code: 'package p\n\nimport "database/sql"\n\nfunc open(dsn string) (*sql.DB, error) {\n\tdb, err := «sql.Open("postgres", dsn)»\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tdb.SetMaxIdleConns(5)\n\treturn db, nil\n}\n',
      messages: ['db.SetMaxOpenConns'],
    },
    {
      name: 'sqlx.Open and sqlx.Connect',
      code: 'package p\n\nimport "github.com/jmoiron/sqlx"\n\nfunc open(dsn string) (*sqlx.DB, *sqlx.DB) {\n\ta, _ := «sqlx.Open("mysql", dsn)»\n\tb, _ := «sqlx.Connect("mysql", dsn)»\n\treturn a, b\n}\n',
    },
    {
      name: 'an aliased import and a var declaration',
      code: 'package p\n\nimport stdsql "database/sql"\n\nfunc open(dsn string) *stdsql.DB {\n\tvar pool, _ = «stdsql.Open("sqlite3", dsn)»\n\treturn pool\n}\n',
      messages: ['pool from stdsql.Open'],
    },
  ],
});
