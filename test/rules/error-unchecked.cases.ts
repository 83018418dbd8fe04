import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'a comment says the error is ignored on purpose (glog: os.Remove(symlink) // ignore err)',
      code: 'package p\n\nimport "os"\n\nfunc f(link, name string) error {\n\tos.Remove(link)        // ignore err\n\tos.Symlink(name, link) // ignore err\n\t// Best effort: the directory may be in use.\n\tos.RemoveAll(name)\n\t// no op if not empty\n\tos.Remove(link)\n\treturn nil\n}\n',
    },
    {
      name: 'best-effort clean-up on the way out of a failure (the failure is what gets reported)',
      code: 'package p\n\nimport "os"\n\nfunc write(name string, b []byte) (*os.File, error) {\n\tf, err := os.Create(name)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tif _, err := f.Write(b); err != nil {\n\t\tf.Close()\n\t\tos.Remove(f.Name())\n\t\treturn nil, err\n\t}\n\tif err := f.Sync(); err != nil {\n\t\tos.Remove(name)\n\t\tpanic(err)\n\t}\n\treturn f, nil\n}\n',
    },
    {
      name: 'defer x.Close() and other deferred calls',
      code: 'package p\n\nimport "os"\n\nfunc f(name string) {\n\tfile, _ := os.Open(name)\n\tdefer file.Close()\n\tdefer os.Remove(name)\n}\n',
    },
    {
      name: 'defer tx.Rollback()',
      code: 'package p\n\nimport "database/sql"\n\nfunc f(db *sql.DB) error {\n\ttx, err := db.Begin()\n\tif err != nil {\n\t\treturn err\n\t}\n\tdefer tx.Rollback()\n\treturn tx.Commit()\n}\n',
    },
    {
      name: 'calls in go statements',
      code: 'package p\n\nimport "net/http"\n\nfunc f() {\n\tgo http.ListenAndServe(":8080", nil)\n}\n',
    },
    {
      name: 'calls whose result is used',
      code: 'package p\n\nimport (\n\t"encoding/json"\n\t"os"\n)\n\nfunc f(b []byte, v any) error {\n\tif err := json.Unmarshal(b, v); err != nil {\n\t\treturn err\n\t}\n\terr := os.Remove("x")\n\t_ = os.Chdir("/")\n\treturn err\n}\n',
    },
    {
      name: 'json is not encoding/json here',
      code: 'package p\n\nimport json "github.com/segmentio/encoding/jsonx"\n\nfunc f(b []byte, v any) {\n\tjson.Unmarshal(b, v)\n}\n',
    },
    {
      name: 'os not imported: a local value named os',
      code: 'package p\n\ntype fs struct{}\n\nfunc (fs) Remove(string) {}\n\nvar os fs\n\nfunc f() {\n\tos.Remove("x")\n}\n',
    },
    {
      name: 'Exec in a file that does not import database/sql',
      code: 'package p\n\ntype runner interface{ Exec(string) error }\n\nfunc f(db runner) {\n\tdb.Exec("DELETE FROM t")\n}\n',
    },
    {
      name: 'Exec on a receiver that does not look like a database, with a non-SQL argument',
      code: 'package p\n\nimport "database/sql"\n\nvar _ *sql.DB\n\ntype tmpl struct{}\n\nfunc (tmpl) Exec(string) {}\n\nfunc f(t tmpl, name string) {\n\tt.Exec(name)\n}\n',
    },
    {
      name: 'gorm: Exec and Commit return *gorm.DB, not an error',
      code: 'package p\n\nimport (\n\t"database/sql"\n\n\t"gorm.io/gorm"\n)\n\nvar _ *sql.DB\n\nfunc f(db *gorm.DB) {\n\ttx := db.Begin()\n\ttx.Exec("DELETE FROM t")\n\ttx.Commit()\n}\n',
    },
    {
      name: 'tx.Commit() without database/sql',
      code: 'package p\n\ntype txn struct{}\n\nfunc (txn) Commit() {}\n\nfunc f(tx txn) {\n\ttx.Commit()\n}\n',
    },
    {
      name: 'bufio.Scanner.Scan() has no arguments',
      code: 'package p\n\nimport "bufio"\n\nfunc f(rows *bufio.Scanner) {\n\trows.Scan()\n}\n',
    },
    {
      name: 'Run with arguments is not (*exec.Cmd).Run (e.g. cobra\'s Run field)',
      code: 'package p\n\nimport "os/exec"\n\nvar _ = exec.Command\n\ntype command struct{ Run func(*command, []string) }\n\nfunc f(cmd *command) {\n\tcmd.Run(cmd, nil)\n}\n',
    },
    {
      name: 'Sync on something not named like a file (zap logger)',
      code: 'package p\n\nimport "os"\n\nvar _ = os.Args\n\ntype logger struct{}\n\nfunc (logger) Sync() error { return nil }\n\nfunc f(log logger) {\n\tlog.Sync()\n}\n',
    },
    {
      name: 'calls not on the list',
      code: 'package p\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc f() {\n\tfmt.Println("x")\n\tos.Exit(1)\n}\n',
    },
  ],
  invalid: [
    {
      name: 'a removal followed by a successful return is not clean-up after a failure',
      code: 'package p\n\nimport "os"\n\nfunc f(tmp string) (int, error) {\n\t«os.Remove(tmp)»\n\treturn 1, nil\n}\n',
      output: 'package p\n\nimport "os"\n\nfunc f(tmp string) (int, error) {\n\tif err := os.Remove(tmp); err != nil {\n\t\treturn 0, err\n\t}\n\treturn 1, nil\n}\n',
    },
    {
      name: 'json.Unmarshal, in a function returning an error',
      code: 'package p\n\nimport "encoding/json"\n\nfunc f(b []byte) (*T, int, error) {\n\tvar v T\n\t«json.Unmarshal(b, &v)»\n\treturn &v, 0, nil\n}\n\ntype T struct{}\n',
      messages: ['json.Unmarshal'],
      output: 'package p\n\nimport "encoding/json"\n\nfunc f(b []byte) (*T, int, error) {\n\tvar v T\n\tif err := json.Unmarshal(b, &v); err != nil {\n\t\treturn nil, 0, err\n\t}\n\treturn &v, 0, nil\n}\n\ntype T struct{}\n',
    },
    {
      name: 'xml.Unmarshal and yaml.Unmarshal (gopkg.in/yaml.v3, sigs.k8s.io/yaml)',
      code: 'package p\n\nimport (\n\t"encoding/xml"\n\n\tyaml "gopkg.in/yaml.v3"\n\tk8syaml "sigs.k8s.io/yaml"\n)\n\nfunc f(b []byte, v any) {\n\t«xml.Unmarshal(b, v)»\n\t«yaml.Unmarshal(b, v)»\n\t«k8syaml.Unmarshal(b, v)»\n}\n',
      output: null,
    },
    {
      name: 'yaml.Unmarshal of gopkg.in/yaml.v2 under its default name',
      code: 'package p\n\nimport "gopkg.in/yaml.v2"\n\nfunc f(b []byte, v any) error {\n\t«yaml.Unmarshal(b, v)»\n\treturn nil\n}\n',
      output: 'package p\n\nimport "gopkg.in/yaml.v2"\n\nfunc f(b []byte, v any) error {\n\tif err := yaml.Unmarshal(b, v); err != nil {\n\t\treturn err\n\t}\n\treturn nil\n}\n',
    },
    {
      name: 'json.NewDecoder(...).Decode(...) and json.NewEncoder(...).Encode(...) in an HTTP handler',
      code: 'package p\n\nimport (\n\t"encoding/json"\n\t"net/http"\n)\n\nfunc handle(rw http.ResponseWriter, req *http.Request) {\n\tvar in map[string]string\n\t«json.NewDecoder(req.Body).Decode(&in)»\n\t«json.NewEncoder(rw).Encode(map[string]int{\n\t\t"n": len(in),\n\t})»\n}\n',
      output: 'package p\n\nimport (\n\t"encoding/json"\n\t"net/http"\n)\n\nfunc handle(rw http.ResponseWriter, req *http.Request) {\n\tvar in map[string]string\n\tif err := json.NewDecoder(req.Body).Decode(&in); err != nil {\n\t\thttp.Error(rw, err.Error(), http.StatusInternalServerError)\n\t\treturn\n\t}\n\tif err := json.NewEncoder(rw).Encode(map[string]int{\n\t\t"n": len(in),\n\t}); err != nil {\n\t\thttp.Error(rw, err.Error(), http.StatusInternalServerError)\n\t\treturn\n\t}\n}\n',
    },
    {
      name: 'http.ListenAndServe in main adds the log import',
      code: 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc main() {\n\tfmt.Println("listening")\n\t«http.ListenAndServe(":8080", nil)»\n}\n',
      output: 'package main\n\nimport (\n\t"fmt"\n\t"log"\n\t"net/http"\n)\n\nfunc main() {\n\tfmt.Println("listening")\n\tif err := http.ListenAndServe(":8080", nil); err != nil {\n\t\tlog.Fatal(err)\n\t}\n}\n',
    },
    {
      name: 'http.ListenAndServeTLS in init of package main, log already imported',
      code: 'package main\n\nimport (\n\t"log"\n\t"net/http"\n)\n\nfunc init() {\n\tlog.Print("tls")\n\t«http.ListenAndServeTLS(":443", "c", "k", nil)»\n}\n\nfunc main() {}\n',
      output: 'package main\n\nimport (\n\t"log"\n\t"net/http"\n)\n\nfunc init() {\n\tlog.Print("tls")\n\tif err := http.ListenAndServeTLS(":443", "c", "k", nil); err != nil {\n\t\tlog.Fatal(err)\n\t}\n}\n\nfunc main() {}\n',
    },
    {
      name: 'no fix in main when another package is imported as log',
      code: 'package main\n\nimport (\n\t"os"\n\n\tlog "github.com/sirupsen/logrus"\n)\n\nfunc main() {\n\tlog.Info("start")\n\t«os.MkdirAll("out", 0o755)»\n}\n',
      output: null,
    },
    {
      name: 'the os functions of the list; no fix where the handling is unknown',
      code: 'package p\n\nimport "os"\n\nfunc f() {\n\t«os.Remove("a")»\n\t«os.RemoveAll("b")»\n\t«os.Mkdir("c", 0o755)»\n\t«os.MkdirAll("d", 0o755)»\n\t«os.WriteFile("e", nil, 0o644)»\n\t«os.Rename("e", "f")»\n\t«os.Setenv("K", "v")»\n\t«os.Chdir("/")»\n}\n',
      output: null,
    },
    {
      name: '(*sql.DB|*sql.Tx).Exec-shaped calls in files importing database/sql keep both results',
      code: 'package p\n\nimport "database/sql"\n\ntype store struct{ db *sql.DB }\n\nfunc (s *store) Save(tx *sql.Tx, conn *sql.DB, id int) error {\n\t«s.db.Exec("DELETE FROM t WHERE id = ?", id)»\n\t«tx.Exec(`UPDATE t SET n = n + 1`)»\n\t«conn.Exec("INSERT INTO t VALUES (?)", id)»\n\treturn nil\n}\n',
      output: 'package p\n\nimport "database/sql"\n\ntype store struct{ db *sql.DB }\n\nfunc (s *store) Save(tx *sql.Tx, conn *sql.DB, id int) error {\n\tif _, err := s.db.Exec("DELETE FROM t WHERE id = ?", id); err != nil {\n\t\treturn err\n\t}\n\tif _, err := tx.Exec(`UPDATE t SET n = n + 1`); err != nil {\n\t\treturn err\n\t}\n\tif _, err := conn.Exec("INSERT INTO t VALUES (?)", id); err != nil {\n\t\treturn err\n\t}\n\treturn nil\n}\n',
    },
    {
      name: 'tx.Commit()',
      code: 'package p\n\nimport "database/sql"\n\nfunc f(db *sql.DB) (int64, error) {\n\ttx, err := db.Begin()\n\tif err != nil {\n\t\treturn 0, err\n\t}\n\t«tx.Commit()»\n\treturn 1, nil\n}\n',
      output: 'package p\n\nimport "database/sql"\n\nfunc f(db *sql.DB) (int64, error) {\n\ttx, err := db.Begin()\n\tif err != nil {\n\t\treturn 0, err\n\t}\n\tif err := tx.Commit(); err != nil {\n\t\treturn 0, err\n\t}\n\treturn 1, nil\n}\n',
    },
    {
      name: 'rows.Scan(...) and row.Scan(...)',
      code: 'package p\n\nimport "database/sql"\n\nfunc f(rows *sql.Rows, row *sql.Row) (string, error) {\n\tvar a, b string\n\tfor rows.Next() {\n\t\t«rows.Scan(&a)»\n\t}\n\t«row.Scan(&b)»\n\treturn a + b, nil\n}\n',
      output: 'package p\n\nimport "database/sql"\n\nfunc f(rows *sql.Rows, row *sql.Row) (string, error) {\n\tvar a, b string\n\tfor rows.Next() {\n\t\tif err := rows.Scan(&a); err != nil {\n\t\t\treturn "", err\n\t\t}\n\t}\n\tif err := row.Scan(&b); err != nil {\n\t\treturn "", err\n\t}\n\treturn a + b, nil\n}\n',
    },
    {
      name: '(*exec.Cmd).Run/Start',
      code: 'package p\n\nimport "os/exec"\n\nfunc f() error {\n\tcmd := exec.Command("true")\n\t«cmd.Start()»\n\tbuildCmd := exec.Command("go", "build")\n\t«buildCmd.Run()»\n\t«exec.Command("sync").Run()»\n\treturn nil\n}\n',
      output: 'package p\n\nimport "os/exec"\n\nfunc f() error {\n\tcmd := exec.Command("true")\n\tif err := cmd.Start(); err != nil {\n\t\treturn err\n\t}\n\tbuildCmd := exec.Command("go", "build")\n\tif err := buildCmd.Run(); err != nil {\n\t\treturn err\n\t}\n\tif err := exec.Command("sync").Run(); err != nil {\n\t\treturn err\n\t}\n\treturn nil\n}\n',
    },
    {
      name: '(*os.File).Sync',
      code: 'package p\n\nimport "os"\n\nfunc f(name string) error {\n\tf, err := os.Create(name)\n\tif err != nil {\n\t\treturn err\n\t}\n\tdefer f.Close()\n\t«f.Sync()»\n\treturn nil\n}\n',
      output: 'package p\n\nimport "os"\n\nfunc f(name string) error {\n\tf, err := os.Create(name)\n\tif err != nil {\n\t\treturn err\n\t}\n\tdefer f.Close()\n\tif err := f.Sync(); err != nil {\n\t\treturn err\n\t}\n\treturn nil\n}\n',
    },
    {
      name: 'a function literal handles by its own signature: a goroutine body has no fix',
      code: 'package p\n\nimport "os"\n\nfunc f() error {\n\tgo func() {\n\t\t«os.Remove("tmp")»\n\t}()\n\treturn nil\n}\n',
      output: null,
    },
    {
      name: 'type parameters and named types in the zero values',
      code: 'package p\n\nimport "os"\n\ntype ID string\n\nfunc f[T any](v T) (T, ID, bool, error) {\n\t«os.Remove("x")»\n\treturn v, "", true, nil\n}\n',
      output: 'package p\n\nimport "os"\n\ntype ID string\n\nfunc f[T any](v T) (T, ID, bool, error) {\n\tif err := os.Remove("x"); err != nil {\n\t\treturn *new(T), "", false, err\n\t}\n\treturn v, "", true, nil\n}\n',
    },
    {
      name: 'a trailing comment stays after the block, without its alignment padding (found in glog)',
      code: 'package p\n\nimport "os"\n\nfunc f(link, name string) error {\n\t«os.Remove(link)»        // the old link\n\tos.Symlink(name, link) // the new one\n\treturn nil\n}\n',
      output: 'package p\n\nimport "os"\n\nfunc f(link, name string) error {\n\tif err := os.Remove(link); err != nil {\n\t\treturn err\n\t} // the old link\n\tos.Symlink(name, link) // the new one\n\treturn nil\n}\n',
    },
    {
      name: 'no fix when a result type is declared in another file: Repo{} would not compile if Repo is an interface (found in cmd/go)',
      code: 'package p\n\nimport "os"\n\nfunc open(dir string) (Repo, error) {\n\t«os.MkdirAll(dir, 0o755)»\n\treturn newRepo(dir), nil\n}\n',
      output: null,
    },
    {
      name: 'no fix for an unknown named type of another package',
      code: 'package p\n\nimport (\n\t"database/sql/driver"\n\t"os"\n)\n\nfunc open(dir string) (driver.Conn, error) {\n\t«os.MkdirAll(dir, 0o755)»\n\treturn nil, nil\n}\n',
      output: null,
    },
    {
      name: 'standard named types with known zero values: time.Duration is 0, time.Time is a struct',
      code: 'package p\n\nimport (\n\t"os"\n\t"time"\n)\n\nfunc f() (time.Duration, time.Time, error) {\n\t«os.Chdir("/")»\n\treturn time.Second, time.Now(), nil\n}\n',
      output: 'package p\n\nimport (\n\t"os"\n\t"time"\n)\n\nfunc f() (time.Duration, time.Time, error) {\n\tif err := os.Chdir("/"); err != nil {\n\t\treturn 0, time.Time{}, err\n\t}\n\treturn time.Second, time.Now(), nil\n}\n',
    },
    {
      name: 'a statement sharing its line is flagged but not rewritten',
      code: 'package p\n\nimport "os"\n\nfunc f(k int) error {\n\tswitch k {\n\tcase 1: «os.Remove("x")»\n\t}\n\treturn nil\n}\n',
      output: null,
    },
  ],
});
