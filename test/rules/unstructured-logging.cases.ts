import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'fmt.Print in a command\'s own packages (cmd/compile/internal/ssa, etcdctl\'s package command)',
      fileName: '/usr/lib/go/src/cmd/compile/internal/ssa/stackalloc.go',
      code: 'package ssa\n\nimport "fmt"\n\nfunc stackalloc(f *Func) {\n\tfmt.Println(f.String())\n}\n',
    },
    {
      name: 'fmt.Print in a package named command (etcdctl)',
      code: 'package command\n\nimport "fmt"\n\nfunc printKV(k, v string) {\n\tfmt.Printf("%s: %s\\n", k, v)\n}\n\nfunc getCommandFunc(k string) {\n\tfmt.Println(k)\n}\n',
    },
    {
      name: 'fmt.Print in a function whose job is printing (kr/pretty Printf, go/parser printTrace, analysisflags Help)',
      code: 'package pretty\n\nimport "fmt"\n\nfunc Printf(format string, a ...any) (int, error) {\n\treturn fmt.Printf(format, a...)\n}\n\nfunc (p *parser) printTrace(a ...any) {\n\tfmt.Print(a...)\n}\n\nfunc Help(progname string) {\n\tfmt.Println(progname)\n}\n\nfunc (t *Tree) Dump() {\n\tfmt.Println(t)\n}\n\nfunc Fuzz(data []byte) int {\n\tfmt.Printf("input = %q\\n", data)\n\treturn 0\n}\n',
    },
    {
      name: 'fmt.Print dumps behind a debugging switch (the compiler\'s regalloc)',
      code: 'package ssa\n\nimport "fmt"\n\nfunc (s *regAllocState) assignReg(r int) {\n\tif s.f.pass.debug > regDebug {\n\t\tfmt.Printf("assignReg %d\\n", r)\n\t}\n\tif debugPoset && r > 0 {\n\t\tfmt.Println("poset")\n\t}\n\tif verbose {\n\t\tfmt.Println(r)\n\t}\n\tif false {\n\t\tfmt.Printf("header: %d", r)\n\t}\n}\n',
    },
    {
      name: 'fmt.Print, fmt.Printf, fmt.Println in package main are a program talking to its user',
      code: 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Print("a")\n\tfmt.Printf("%d\\n", 1)\n\tfmt.Println("b")\n}\n',
    },
    {
      name: 'log from another package (logrus imported as log) is not the standard log',
      code: 'package p\n\nimport log "github.com/sirupsen/logrus"\n\nfunc f() {\n\tlog.Printf("x %d", 1)\n}\n',
    },
    {
      name: 'a variable named log without the import is not the standard log',
      code: 'package p\n\nfunc f(log interface{ Printf(string, ...any) }) {\n\tlog.Printf("x %d", 1)\n}\n',
    },
    {
      name: 'methods of a *log.Logger are not the package functions',
      code: 'package p\n\nimport "log"\n\nfunc f(l *log.Logger) {\n\tl.Printf("x %d", 1)\n}\n',
    },
    {
      name: 'fmt.Sprintf and fmt.Fprintf build or write text; they are not flagged',
      code: 'package p\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc f() string {\n\tfmt.Fprintf(os.Stderr, "x")\n\treturn fmt.Sprintf("%d", 1)\n}\n',
    },
    {
      name: 'slog calls are structured already',
      code: 'package p\n\nimport "log/slog"\n\nfunc f(id int) {\n\tslog.Info("started", "id", id)\n}\n',
    },
  ],
  invalid: [
    {
      name: 'fmt.Print in a library function that does not print for a living, and under !debug (validator translations)',
      code: 'package en\n\nimport "fmt"\n\nfunc RegisterDefaultTranslations(err error) {\n\tif err != nil {\n\t\t«fmt.Printf»("warning: error translating FieldError: %s", err)\n\t}\n\tif !debug {\n\t\t«fmt.Println»("done")\n\t}\n}\n',
      messages: ['fmt.Printf in library package en', 'fmt.Println'],
    },
    {
      name: 'log.Printf (standard log), with the fix: verbs dropped, snake_case keys, log replaced by log/slog',
      code: 'package p\n\nimport "log"\n\nfunc f(userID string, req *Request) {\n\t«log.Printf»("user %s logged in from %s", userID, req.RemoteAddr)\n}\n\ntype Request struct{ RemoteAddr string }\n',
      messages: ['log.Printf writes unstructured text'],
      output: 'package p\n\nimport "log/slog"\n\nfunc f(userID string, req *Request) {\n\tslog.Info("user logged in from", "user_id", userID, "remote_addr", req.RemoteAddr)\n}\n\ntype Request struct{ RemoteAddr string }\n',
    },
    {
      name: 'log.Print (standard log), in package main too',
      code: 'package main\n\nimport "log"\n\nfunc main() {\n\t«log.Print»("starting\\n")\n}\n',
      output: 'package main\n\nimport "log/slog"\n\nfunc main() {\n\tslog.Info("starting")\n}\n',
    },
    {
      name: 'log.Println (standard log): the leading literal is the message',
      code: 'package p\n\nimport (\n\t"log"\n\t"os"\n)\n\nfunc f(addr string) {\n\t«log.Println»("listening on:", addr)\n\tos.Exit(0)\n}\n',
      output: 'package p\n\nimport (\n\t"log/slog"\n\t"os"\n)\n\nfunc f(addr string) {\n\tslog.Info("listening on", "addr", addr)\n\tos.Exit(0)\n}\n',
    },
    {
      name: 'log still used elsewhere: log/slog is added and log kept; each call is fixed',
      code: 'package p\n\nimport "log"\n\nfunc f(n int, err error) {\n\t«log.Printf»("got %d items", n)\n\t«log.Printf»("retry: %v", err)\n\tlog.Fatal(err)\n}\n',
      output: 'package p\n\nimport (\n\t"log"\n\t"log/slog"\n)\n\nfunc f(n int, err error) {\n\tslog.Info("got items", "n", n)\n\tslog.Info("retry", "err", err)\n\tlog.Fatal(err)\n}\n',
    },
    {
      name: 'several calls that are the only uses of log: the last fix removes the import',
      code: 'package p\n\nimport (\n\t"log"\n\t"log/slog"\n)\n\nfunc f(a, b int) {\n\t«log.Printf»("a=%d", a)\n\t«log.Printf»("b=%d", b)\n\tslog.Debug("done")\n}\n',
      output: 'package p\n\nimport (\n\t"log/slog"\n)\n\nfunc f(a, b int) {\n\tslog.Info("a", "a", a)\n\tslog.Info("b", "b", b)\n\tslog.Debug("done")\n}\n',
    },
    {
      name: 'fmt.Printf in a library package; fmt replaced by log/slog in its sorted place',
      code: 'package store\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc open(path string) {\n\t«fmt.Printf»("opening %q\\n", path)\n\t_, _ = os.Open(path)\n}\n',
      messages: ['fmt.Printf in library package store'],
      output: 'package store\n\nimport (\n\t"log/slog"\n\t"os"\n)\n\nfunc open(path string) {\n\tslog.Info("opening", "path", path)\n\t_, _ = os.Open(path)\n}\n',
    },
    {
      name: 'fmt.Print and fmt.Println in a library package',
      code: 'package store\n\nimport "fmt"\n\nfunc f(n int) {\n\t«fmt.Print»(n)\n\t«fmt.Println»("count", n)\n}\n',
    },
    {
      name: 'aliased standard log is resolved',
      code: 'package p\n\nimport stdlog "log"\n\nfunc f(x int) {\n\t«stdlog.Printf»("x=%d", x)\n}\n',
      output: 'package p\n\nimport "log/slog"\n\nfunc f(x int) {\n\tslog.Info("x", "x", x)\n}\n',
    },
    {
      name: 'log/slog imported under another name is used as is',
      code: 'package p\n\nimport (\n\t"log"\n\tl "log/slog"\n)\n\nfunc f(x int) {\n\t«log.Printf»("x=%d", x)\n\tl.Debug("y")\n}\n',
      output: 'package p\n\nimport (\n\tl "log/slog"\n)\n\nfunc f(x int) {\n\tl.Info("x", "x", x)\n\tl.Debug("y")\n}\n',
    },
    {
      name: 'no fix: an argument is neither an identifier nor a selector',
      code: 'package p\n\nimport "log"\n\nfunc f(xs []int) {\n\t«log.Printf»("n=%d", len(xs))\n}\n',
      output: null,
    },
    {
      name: 'no fix: the format is not a literal',
      code: 'package p\n\nimport "log"\n\nfunc f(format string, x int) {\n\t«log.Printf»(format, x)\n}\n',
      output: null,
    },
    {
      name: 'no fix: verbs and values do not match one to one',
      code: 'package p\n\nimport "log"\n\nfunc f(x int) {\n\t«log.Printf»("%d %d", x)\n\t«log.Printf»("%[1]d", x)\n}\n',
      output: null,
    },
    {
      name: 'no fix: the results of fmt.Println are used',
      code: 'package p\n\nimport "fmt"\n\nfunc f(x int) error {\n\t_, err := «fmt.Println»("x", x)\n\treturn err\n}\n',
      output: null,
    },
    {
      name: 'no fix: two values would get the same key',
      code: 'package p\n\nimport "log"\n\ntype T struct{ ID int }\n\nfunc f(a, b T) {\n\t«log.Printf»("%d -> %d", a.ID, b.ID)\n}\n',
      output: null,
    },
    {
      name: 'no fix: the name slog is taken',
      code: 'package p\n\nimport "log"\n\nfunc f(slog int) {\n\t«log.Printf»("x=%d", slog)\n}\n',
      output: null,
    },
    {
      name: 'no fix: a comment inside the call would be lost',
      code: 'package p\n\nimport "log"\n\nfunc f(x int) {\n\t«log.Printf»("x=%d" /* count */, x)\n}\n',
      output: null,
    },
    {
      name: 'no fix: the trailing comment is aligned with its neighbours (from x/tools printf testdata)',
      code: 'package p\n\nimport "log"\n\nfunc f(x int) {\n\t«log.Printf»("x=%d", x) // one\n\tx++                   // two\n}\n',
      output: null,
    },
    {
      name: 'a lone trailing comment stays after the fixed call',
      code: 'package p\n\nimport "log"\n\nfunc f(x int) {\n\t«log.Printf»("x=%d", x) // why\n\tx++\n}\n',
      output: 'package p\n\nimport "log/slog"\n\nfunc f(x int) {\n\tslog.Info("x", "x", x) // why\n\tx++\n}\n',
    },
    {
      name: 'escapes in the format survive; %% becomes %',
      code: 'package p\n\nimport "log"\n\nfunc f(p float64) {\n\t«log.Printf»("load \\"high\\": %.1f%%\\n", p)\n}\n',
      output: 'package p\n\nimport "log/slog"\n\nfunc f(p float64) {\n\tslog.Info("load \\"high\\" %", "p", p)\n}\n',
    },
  ],
});
