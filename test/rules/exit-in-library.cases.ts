import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'package main may end the process',
      code: 'package main\n\nimport (\n\t"log"\n\t"os"\n)\n\nfunc main() {\n\tif len(os.Args) < 2 {\n\t\tlog.Fatal("usage: x FILE")\n\t}\n\tos.Exit(0)\n}\n',
    },
    {
      name: 'log is not the standard log package (a logger with its own Fatal)',
      code: 'package p\n\nimport log "github.com/sirupsen/logrus"\n\nfunc f() {\n\tlog.Infof("x")\n}\n',
    },
    {
      name: 'methods on a *log.Logger value are not resolved (no type information)',
      code: 'package p\n\nimport "log"\n\nvar logger = log.Default()\n\nfunc f() {\n\tlogger.Println("x")\n}\n',
    },
    {
      name: 'returning an error instead',
      code: 'package p\n\nimport "fmt"\n\nfunc f(ok bool) error {\n\tif !ok {\n\t\treturn fmt.Errorf("not ok")\n\t}\n\treturn nil\n}\n',
    },
    {
      name: 'a function whose name says it ends the process: a logger\'s Fatal, Exit, PrintVersionAndExit, PrintTLSHelpAndDie (log, grpclog, nats-server)',
      code: 'package logging\n\nimport (\n\t"fmt"\n\t"log"\n\t"os"\n)\n\nfunc (l *Logger) Fatalf(format string, v ...any) {\n\tl.Output(fmt.Sprintf(format, v...))\n\tos.Exit(1)\n}\n\nfunc Exit(code int) {\n\trunHandlers()\n\tos.Exit(code)\n}\n\nfunc PrintVersionAndExit() {\n\tfmt.Println("v1")\n\tos.Exit(0)\n}\n\nfunc fatal(err error) {\n\tlog.Fatal(err)\n}\n\nfunc PrintTLSHelpAndDie() {\n\tfmt.Println(tlsUsage)\n\tos.Exit(0)\n}\n',
    },
    {
      name: 'the caller chose to exit (flag\'s ExitOnError)',
      code: 'package flag\n\nimport "os"\n\nfunc (f *FlagSet) Parse(args []string) error {\n\terr := f.parse(args)\n\tswitch f.errorHandling {\n\tcase ContinueOnError:\n\t\treturn err\n\tcase ExitOnError:\n\t\tos.Exit(2)\n\t}\n\tif f.exitOnHelp && err == ErrHelp {\n\t\tos.Exit(0)\n\t}\n\treturn nil\n}\n',
    },
    {
      name: 'a command\'s own packages: under a cmd/ folder (cmd/link/internal/ld)',
      fileName: '/src/cmd/link/internal/ld/main.go',
      code: 'package ld\n\nimport "log"\n\nfunc Main(err error) {\n\tif err != nil {\n\t\tlog.Fatalf("%v", err)\n\t}\n}\n',
    },
    {
      name: 'test-support packages, whose callers are tests (testing, testenv, testutil)',
      code: 'package testenv\n\nimport "os"\n\nfunc NeedsTool(ok bool) {\n\tif !ok {\n\t\tos.Exit(0)\n\t}\n}\n',
    },
    {
      name: 'log.Panic with a message that says it guards an invariant',
      code: 'package checker\n\nimport "log"\n\nfunc f(err error) {\n\tif err != nil {\n\t\tlog.Panicf("internal error: encoding failed: %v", err)\n\t}\n}\n',
    },
  ],
  invalid: [
    {
      name: 'os.Exit in a package other than main',
      code: 'package config\n\nimport "os"\n\nfunc Load(path string) {\n\tif path == "" {\n\t\t«os.Exit(1)»\n\t}\n}\n',
      messages: ['os.Exit'],
    },
    {
      name: 'log.Fatal, log.Fatalf, log.Fatalln',
      code: 'package db\n\nimport "log"\n\nfunc Open(dsn string, err error) {\n\tif err != nil {\n\t\t«log.Fatal(err)»\n\t}\n\tif dsn == "" {\n\t\t«log.Fatalf("no dsn: %v", err)»\n\t}\n\t«log.Fatalln("done")»\n}\n',
      messages: ['log.Fatal in package db exits the process behind its caller\'s back, skipping deferred calls', 'log.Fatalf', 'log.Fatalln'],
    },
    {
      name: 'a library function whose name does not say it exits, under a folder that is not cmd/ (etcd pkg/report)',
      fileName: '/src/github.com/coreos/etcd/pkg/report/timeseries.go',
      code: 'package report\n\nimport "log"\n\nfunc (ts TimeSeries) String(err error) string {\n\tif err != nil {\n\t\t«log.Fatal(err)»\n\t}\n\treturn ""\n}\n',
    },
    {
      name: 'log.Panic*, with log under an alias',
      code: 'package db\n\nimport stdlog "log"\n\nfunc f() {\n\t«stdlog.Panic("a")»\n\t«stdlog.Panicf("%s", "b")»\n\t«stdlog.Panicln("c")»\n}\n',
      // A panic runs deferred calls: the message must not say it skips them.
      messages: [/^stdlog\.Panic in package db panics behind its caller's back: unless every caller recovers/, 'stdlog.Panicf', 'stdlog.Panicln'],
    },
  ],
});
