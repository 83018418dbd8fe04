import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'package main',
      code: 'package main\n\nfunc main() {\n\tpanic("boom")\n}\n',
    },
    {
      name: 'inside init',
      code: 'package p\n\nvar table map[string]int\n\nfunc init() {\n\tif table != nil {\n\t\tpanic("init twice")\n\t}\n}\n',
    },
    {
      name: 'inside functions whose name starts with Must or must',
      code: 'package p\n\nimport "regexp"\n\nfunc MustCompile(s string) *regexp.Regexp {\n\tre, err := regexp.Compile(s)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\treturn re\n}\n\nfunc mustPositive(n int) int {\n\tif n <= 0 {\n\t\tpanic("not positive")\n\t}\n\treturn n\n}\n',
    },
    {
      name: 'in _test.go files',
      fileName: 'x_test.go',
      code: 'package p\n\nfunc helper() {\n\tpanic("test helper")\n}\n',
    },
    {
      name: 're-panics inside a deferred recover handler',
      code: 'package p\n\nfunc f(cleanup func()) {\n\tdefer func() {\n\t\tif r := recover(); r != nil {\n\t\t\tcleanup()\n\t\t\tpanic(r)\n\t\t}\n\t}()\n}\n\nfunc g(cleanup func()) {\n\tdefer func() {\n\t\te := recover()\n\t\tif e == nil {\n\t\t\treturn\n\t\t}\n\t\tcleanup()\n\t\tpanic(e)\n\t}()\n}\n',
    },
    {
      name: 'a file no build includes (encoding/gob debug.go: //go:build ignore)',
      code: '//go:build ignore\n\npackage gob\n\nfunc dump(n int) {\n\tif n < 0 {\n\t\tpanic("bad wire type")\n\t}\n}\n',
    },
    {
      name: 'a command\'s own packages, under a cmd/ folder (cmd/compile/internal/ssa)',
      fileName: '/usr/lib/go/src/cmd/compile/internal/ssa/poset.go',
      code: 'package ssa\n\nfunc (po *poset) undo(idx int) {\n\tif idx != po.lastidx {\n\t\tpanic("invalid newnode index")\n\t}\n}\n',
    },
    {
      name: 'test-support packages (httptest, testutil, packagestest)',
      code: 'package httptest\n\nfunc newLocalListener(err error) {\n\tif err != nil {\n\t\tpanic("httptest: failed to listen on a port: " + err.Error())\n\t}\n}\n',
    },
    {
      name: 'package-level initialisation, like init (lesson from real code)',
      code: 'package p\n\nvar table = func() map[string]int {\n\tm := map[string]int{}\n\tif len(m) != 0 {\n\t\tpanic("table")\n\t}\n\treturn m\n}()\n',
    },
    {
      name: 'a message that says the code is unreachable (go/types, text/template)',
      code: 'package p\n\nfunc f(x int) int {\n\tif x > 0 {\n\t\treturn x\n\t}\n\tpanic("unreachable")\n}\n\nfunc g() {\n\tpanic("not reached")\n}\n\nfunc h(n int) {\n\tif n < 0 {\n\t\tpanic(fmt.Sprintf("internal error: n = %d", n))\n\t}\n\tif n > 9 {\n\t\tpanic("this should never happen")\n\t}\n\tif n == 5 {\n\t\tpanic("BUG: five")\n\t}\n}\n',
    },
    {
      name: 'a comment that says the code is unreachable, or an internal-error value (database/sql, gcimporter)',
      code: 'package p\n\nfunc removeDep(ok bool) {\n\tif !ok {\n\t\t// Nothing removed. Shouldn\'t happen.\n\t\tpanic("unpaired removeDep")\n\t}\n}\n\nfunc kind(x int) int {\n\tif x > 0 {\n\t\treturn 1\n\t}\n\tpanic(x) // unreachable\n}\n\nfunc export(recv bool) {\n\tif recv {\n\t\tpanic(internalErrorf("unexpected receiver"))\n\t}\n\tpanic(ErrInternalError)\n}\n',
    },
    {
      name: 'go-fuzz entry points report a bug by panicking',
      code: 'package textfuzz\n\nfunc Fuzz(data []byte) int {\n\tif err := check(data); err != nil {\n\t\tpanic(err)\n\t}\n\treturn 1\n}\n',
    },
    {
      name: 'the default branch of a switch over named constants or types (an exhaustive switch)',
      code: 'package p\n\nimport "fmt"\n\nfunc name(op Op) string {\n\tswitch op {\n\tcase OpAdd, token.SUB:\n\t\treturn "+"\n\tdefault:\n\t\tpanic(fmt.Sprintf("bad op %d", op))\n\t}\n}\n\nfunc size(v any) int {\n\tswitch v := v.(type) {\n\tcase int32:\n\t\treturn 4\n\tdefault:\n\t\tpanic(fmt.Sprintf("unexpected %T", v))\n\t}\n}\n',
    },
    {
      name: 'after a switch over named constants whose every case returns (the default written after it)',
      code: 'package p\n\nfunc name(op Op) string {\n\tswitch op {\n\tcase OpAdd:\n\t\treturn "+"\n\tcase OpSub:\n\t\treturn "-"\n\t}\n\tpanic("bad op")\n}\n',
    },
    {
      name: 'self-checks that only run in a debugging mode',
      code: 'package p\n\nconst debug = false\n\nfunc f(s, t int) {\n\tif debug {\n\t\tif s <= t {\n\t\t\tpanic("s <= t")\n\t\t}\n\t}\n\tif sanity && s < 0 {\n\t\tpanic("negative")\n\t}\n\tif e.debugAsserts {\n\t\tpanic("x")\n\t}\n}\n',
    },
    {
      name: 'a panic that the doc comment documents as part of the contract',
      code: 'package p\n\n// Repeat returns n copies of s.\n// It panics if n is negative.\nfunc Repeat(s string, n int) string {\n\tif n < 0 {\n\t\tpanic("negative count")\n\t}\n\treturn s\n}\n',
    },
    {
      name: 'a method named Must... (prometheus MustRegister)',
      code: 'package p\n\ntype R struct{}\n\nfunc (r *R) MustRegister(err error) {\n\tif err != nil {\n\t\tpanic(err)\n\t}\n}\n',
    },
    {
      name: 'inside a function literal of init',
      code: 'package p\n\nfunc init() {\n\tregister(func() {\n\t\tpanic("x")\n\t})\n}\n',
    },
  ],
  invalid: [
    {
      name: 'deferred, started as a goroutine, and in a function literal, as well as a statement',
      code: 'package p\n\nfunc f(stop chan int) {\n\tdefer «panic("late")»\n\tgo «panic("elsewhere")»\n\tg := func() { «panic("inner")» }\n\tg()\n}\n',
    },
    {
      name: 'a call of the builtin panic in a package other than main',
      code: 'package store\n\nfunc Get(key string) string {\n\tif key == "" {\n\t\t«panic("empty key")»\n\t}\n\treturn key\n}\n',
      messages: ['package store'],
    },
    {
      name: 'panicking with a value that did not come from recover()',
      code: 'package p\n\nimport "errors"\n\nfunc f() {\n\tdefer func() {\n\t\tif r := recover(); r != nil {\n\t\t\t«panic(errors.New("wrapped"))»\n\t\t}\n\t}()\n\tr := 1\n\t«panic(r)»\n}\n',
    },
    {
      name: 'a comment that is not about the panic, two lines up',
      code: 'package p\n\nfunc f(key string) {\n\t// unreachable keys are dropped\n\tx := 1\n\tif key == "" {\n\t\t«panic("empty key")»\n\t}\n\t_ = x\n}\n',
    },
    {
      name: 'a panic on an error returned by a call',
      code: 'package p\n\nimport "strconv"\n\nfunc Port(s string) int {\n\tn, err := strconv.Atoi(s)\n\tif err != nil {\n\t\t«panic(err)»\n\t}\n\treturn n\n}\n',
    },
    {
      name: 'the default branch of a switch over literals reads input: still flagged',
      code: 'package p\n\nfunc codec(format string) int {\n\tswitch format {\n\tcase "json":\n\t\treturn 1\n\tdefault:\n\t\t«panic("unknown format " + format)»\n\t}\n}\n',
    },
    {
      name: 'parsing input: a switch over a value converted from a parameter (examples/internal/models)',
      code: 'package p\n\nfunc ParseStatus(s string) Status {\n\tswitch Status(s) {\n\tcase StatusPending, StatusPaid:\n\t\treturn Status(s)\n\t}\n\t«panic("unknown order status " + s)»\n}\n',
    },
    {
      name: 'after a switch whose cases do not all return, and in a case of an exhaustive switch',
      code: 'package p\n\nfunc name(op Op) string {\n\ts := ""\n\tswitch op {\n\tcase OpAdd:\n\t\ts = "+"\n\tcase OpSub:\n\t\t«panic("sub")»\n\t}\n\t«panic("bad op")»\n}\n',
    },
    {
      name: 'a not-implemented stub that callers can reach, and a flag that is not a debugging mode',
      code: 'package p\n\nfunc (c *Client) Watch() error {\n\t«panic("not implemented")»\n}\n\nfunc f(strict bool) {\n\tif strict {\n\t\t«panic("strict")»\n\t}\n}\n',
    },
    {
      name: 'a method named init is not the package init',
      code: 'package p\n\ntype T struct{}\n\nfunc (T) init() {\n\t«panic("x")»\n}\n',
    },
  ],
});
