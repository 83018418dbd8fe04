import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'one-line notation that names what the file never names (cmd/compile walk, nats-server accounts)',
      code: 'package p\n\nfunc grow(s []int, n int) []int {\n\t// s = growslice(T, s, n)\n\ts = append(s, make([]int, n)...)\n\t// SplitFromRight(token, position)\n\treturn s\n}\n',
    },
    { name: 'prose', code: 'package p\n\n// The cache holds at most one entry per key; older entries are evicted first\nvar cache = map[string]int{}\n' },
    { name: 'a sentence ending in "." is prose when it has no :=, ( or {', code: 'package p\n\nfunc f() {\n\t// Set the limit = 10 when in doubt.\n}\n' },
    { name: 'directive //go:', code: 'package p\n\n//go:generate stringer -type=Kind\ntype Kind int\n' },
    { name: 'directive //nolint', code: 'package p\n\nfunc f() int {\n\t//nolint:errcheck\n\treturn g()\n}\n\nfunc g() int { return 1 }\n' },
    { name: 'directive //godebt:', code: 'package p\n\nfunc f() {\n\t//godebt:ignore panic-in-library -- startup check\n\tpanic(1)\n}\n' },
    { name: 'directive // +build', code: '// +build linux\n\npackage p\n' },
    { name: 'directive //export', code: 'package p\n\n//export add\nfunc add(a, b int) int { return a + b }\n' },
    { name: 'directive //line', code: 'package p\n\nfunc f() {\n\t//line foo.go:10\n\tf()\n}\n' },
    { name: 'directive //lint:', code: 'package p\n\n//lint:ignore SA1019 still needed\nvar x = 1\n' },
    {
      name: 'doc comments of a declaration that start with the declared name',
      code: 'package p\n\n// Run(ctx) starts the loop: Run(ctx) = loop(ctx)\nfunc Run() {}\n\n// Limit = 10 by default\nconst Limit = 10\n',
    },
    { name: 'comments made only of prose', code: 'package p\n\nfunc f() {\n\t// If the caller wants a retry, they ask again\n\t// for the same key and we answer from the cache\n}\n' },
    {
      name: 'license headers',
      code: '// Copyright 2024 The Authors. All rights reserved.\n// Use of this source code is governed by a license: f(x) = y\n\npackage p\n',
    },
    {
      name: 'Output: blocks of examples',
      fileName: 'example_test.go',
      options: {},
      code: 'package p\n\nfunc ExampleHello() {\n\thello()\n\t// Output:\n\t// hello()\n}\n\nfunc hello() {}\n',
    },
    { name: 'a trailing comment is not a comment line', code: 'package p\n\nfunc f() int {\n\treturn 3 // len(header) == 3\n}\n' },
    {
      name: 'the cgo preamble is C, not Go',
      code: 'package p\n\n// int add(int a, int b) { return a + b; }\n// static int x = 1;\nimport "C"\n',
    },
    { name: 'a bare comparison is a note, not code', code: 'package p\n\nfunc f(n int) {\n\t// n == len(buf)\n\tf(n)\n}\n' },
    { name: 'a debt marker with an owner is not a call', code: 'package p\n\nfunc f() {\n\t// TODO(alice)\n\tf()\n}\n' },
    { name: 'text in string literals is not code (from go/types)', code: 'package p\n\nfunc f() {\n\t// spec: "For a variable x of any type: unsafe.Alignof(x) is at least 1."\n\t// "=== RUN   "\n}\n' },
    { name: 'a first line opening with a label is prose (from math/bits)', code: 'package p\n\nfunc f(x uint) uint {\n\t// branchless:\n\t// return ((x>>1 | x&1) - 1) >> 63\n\treturn x\n}\n' },
    { name: 'maths: an assignment to something that is not a variable (from math)', code: 'package p\n\nfunc f() {\n\t// j0(x) = 1/sqrt(pi) * (P(0,x)*cc - Q(0,x)*ss) / sqrt(x)\n\t// n * -1 = -n\n}\n' },
    { name: 'a statement of one plain word is prose (from syscall)', code: 'package p\n\nfunc f() int {\n\t// parent; return PID\n\treturn 1\n}\n' },
    { name: 'lines that are each a bare comparison are notes (from math/big)', code: 'package p\n\nfunc f() {\n\t// x * y == x * y\n\t// x * (-y) == -(x * y)\n}\n' },
    { name: 'prose that mentions if and for mid-sentence (from runtime)', code: 'package p\n\nfunc f() {\n\t// poll network if not polled for more than 10ms\n\t// check for zero divisor\n}\n' },
    { name: 'prose with a contraction and a call-like word', code: 'package p\n\nfunc f() {\n\t// we don\'t call close(ch) here: the sender does\n}\n' },
    { name: 'pseudo-code with ... does not parse', code: 'package p\n\nfunc f() {\n\t// for {\n\t//\t...\n\t// }\n}\n' },
    {
      name: 'a comment line with a backquote is still the line above in the run: the code below it is not judged alone',
      code: 'package p\n\nfunc f() {\n\t// A note that quotes `f()` and says more than code would say here:\n\t// f()\n\tf()\n}\n',
    },
    {
      name: 'a run of prose in a file with CRLF line ends',
      code: 'package p\r\n\r\nfunc f() {\r\n\t// The caller would retry here\r\n\t// f()\r\n\tf()\r\n}\r\n',
    },
  ],
  invalid: [
    {
      name: 'the fix takes a blank line along where it would hang after ( or before ) of a var block (ugorji/go codec)',
      code: 'package p\n\nvar (\n\t«// a = c + 1»\n\n\tc = 1\n\n\t«// d = false»\n)\n',
      output: 'package p\n\nvar (\n\tc = 1\n)\n',
    },
    {
      name: 'the fix takes a blank line along at the end of the file',
      code: 'package p\n\nfunc f() {}\n\n«// func g() {\n// \tf()\n// }»\n',
      output: 'package p\n\nfunc f() {}\n',
    },
    {
      name: 'one-line dead code: it names what the file names, or is switched off without a space, or prints a literal',
      code: 'package p\n\nimport "fmt"\n\nfunc f(x map[int]int, rtid int) {\n\t«// delete(x, rtid)»\n\tfmt.Println(x)\n\t«//dump(x)»\n\tfmt.Println(rtid)\n\t«// xdebugf("state %v", x)»\n}\n',
      output: 'package p\n\nimport "fmt"\n\nfunc f(x map[int]int, rtid int) {\n\tfmt.Println(x)\n\tfmt.Println(rtid)\n}\n',
    },
    {
      name: 'a run of consecutive // comment lines that parses as Go statements',
      code: 'package p\n\nfunc f() int {\n\tx := 1\n\t«// y := x * 2\n\t// if y > 10 {\n\t//\treturn y\n\t// }»\n\treturn x\n}\n',
      messages: ['These 4 comment lines are commented-out code'],
      output: 'package p\n\nfunc f() int {\n\tx := 1\n\treturn x\n}\n',
    },
    {
      name: 'one /* */ comment',
      code: 'package p\n\nfunc f() {\n\tg()\n\t«/*\n\t\tg()\n\t\tg()\n\t*/»\n}\n\nfunc g() {}\n',
      output: 'package p\n\nfunc f() {\n\tg()\n}\n\nfunc g() {}\n',
    },
    {
      name: 'a call name(...)',
      code: 'package p\n\nimport "fmt"\n\nfunc f(x int) {\n\t«// fmt.Println("debug", x)»\n\t_ = fmt.Sprint(x)\n}\n',
      messages: ['This comment is commented-out code'],
      output: 'package p\n\nimport "fmt"\n\nfunc f(x int) {\n\t_ = fmt.Sprint(x)\n}\n',
    },
    {
      name: 'declarations: func',
      code: 'package p\n\nvar x = 1\n\n«// func old() int {\n// \treturn x\n// }»\n\nfunc f() int { return x }\n',
      output: 'package p\n\nvar x = 1\n\nfunc f() int { return x }\n',
    },
    {
      name: 'return',
      code: 'package p\n\nfunc f() error {\n\t«// return nil»\n\tpanic("unreachable")\n}\n',
      output: 'package p\n\nfunc f() error {\n\tpanic("unreachable")\n}\n',
    },
    {
      name: '= and a blank line on both sides',
      code: 'package p\n\nvar a, b int\n\nfunc f() {\n\ta = 1\n\n\t«// b = a»\n\n\tb = 2\n}\n',
      output: 'package p\n\nvar a, b int\n\nfunc f() {\n\ta = 1\n\n\tb = 2\n}\n',
    },
    {
      name: 'for, after { and before a blank line',
      code: 'package p\n\nfunc f(c chan int) {\n\t«// for v := range c {\n\t// \t_ = v\n\t// }»\n\n\tclose(c)\n}\n',
      output: 'package p\n\nfunc f(c chan int) {\n\tclose(c)\n}\n',
    },
    {
      name: 'a directive ends a run; the code after it is judged alone',
      code: 'package p\n\nfunc f() int {\n\t//nolint:gocritic\n\t«// x := 2»\n\treturn 1\n}\n',
      output: 'package p\n\nfunc f() int {\n\t//nolint:gocritic\n\treturn 1\n}\n',
    },
    {
      name: 'a comment at the end of a block after a blank line',
      code: 'package p\n\nfunc f(x int) int {\n\tx++\n\n\t«// x *= 2»\n}\n',
      output: 'package p\n\nfunc f(x int) int {\n\tx++\n}\n',
    },
    {
      name: 'no fix where deleting the lines would make gofmt realign a var block',
      code: 'package p\n\nvar (\n\ta  = 1\n\tbb = 2\n\t«// c = 3»\n\tlonger = 4\n)\n',
      output: null,
    },
    {
      name: 'no fix where deleting the lines would make gofmt realign trailing comments',
      code: 'package p\n\nfunc f() (a, b int) {\n\ta = 1 // one\n\t«// a = 3»\n\tb = 20000 // two\n\treturn\n}\n',
      output: null,
    },
    {
      name: 'a line that ends a raw string is not a comment line above a run, even when it starts with //',
      code: 'package p\n\nvar s = `a\n// s = s + "b"`\n«// s = s + "c"»\n',
      messages: ['This comment is commented-out code'],
      output: 'package p\n\nvar s = `a\n// s = s + "b"`\n',
    },
    {
      name: 'a line that ends a block comment is not a comment line above a run',
      code: 'package p\n\nfunc f() {\n\t/* an old note\n\t// f() */\n\t«// f()»\n\tf()\n}\n',
      output: 'package p\n\nfunc f() {\n\t/* an old note\n\t// f() */\n\tf()\n}\n',
    },
    {
      name: 'a comment line that tree-sitter ends at a NUL character does not stand alone: the line below starts a run',
      code: 'package p\n\nfunc f() {\n\t// Call f here\u0000 when it is time\n\t«// f()»\n\tf()\n}\n',
      messages: ['This comment is commented-out code'],
    },
    {
      name: 'commented-out code that keeps its own trailing comments',
      code: 'package p\n\nfunc f(b []byte) []byte {\n\t«// b = append(b, 0) // NUL terminator, for C»\n\treturn b\n}\n',
      output: 'package p\n\nfunc f(b []byte) []byte {\n\treturn b\n}\n',
    },
  ],
});
