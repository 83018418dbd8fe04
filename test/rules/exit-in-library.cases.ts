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
      name: 'log.Panic*, with log under an alias',
      code: 'package db\n\nimport stdlog "log"\n\nfunc f() {\n\t«stdlog.Panic("a")»\n\t«stdlog.Panicf("%s", "b")»\n\t«stdlog.Panicln("c")»\n}\n',
      // A panic runs deferred calls: the message must not say it skips them.
      messages: [/^stdlog\.Panic in package db panics behind its caller's back: unless every caller recovers/, 'stdlog.Panicf', 'stdlog.Panicln'],
    },
  ],
});
