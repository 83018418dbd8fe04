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
      name: 'a file no build includes (encoding/gob debug.go: //go:build ignore)',
      code: '//go:build ignore\n\npackage gob\n\nfunc dump(n int) {\n\tif n < 0 {\n\t\tpanic("bad wire type")\n\t}\n}\n',
    },
    {
      name: 're-panics inside a deferred recover handler',
      code: 'package p\n\nfunc f(cleanup func()) {\n\tdefer func() {\n\t\tif r := recover(); r != nil {\n\t\t\tcleanup()\n\t\t\tpanic(r)\n\t\t}\n\t}()\n}\n\nfunc g(cleanup func()) {\n\tdefer func() {\n\t\te := recover()\n\t\tif e == nil {\n\t\t\treturn\n\t\t}\n\t\tcleanup()\n\t\tpanic(e)\n\t}()\n}\n',
    },
  ],
  invalid: [
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
      name: 'a method named init is not the package init',
      code: 'package p\n\ntype T struct{}\n\nfunc (T) init() {\n\t«panic("x")»\n}\n',
    },
  ],
});
