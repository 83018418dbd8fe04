import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'all-blank discards are explicit decisions: _, _ = fmt.Fprintf(w, ...) and _ = f()',
      code: `package p

import (
	"fmt"
	"io"
)

func write(w io.Writer) {
	_, _ = fmt.Fprintf(w, "hello")
	_ = w.(io.Closer).Close()
}
`,
    },
    {
      name: 'map reads, type assertions, channel receives and range clauses',
      code: `package p

func f(m map[string]int, v any, ch chan int, xs []int) int {
	a, _ := m["k"]
	b, _ := v.(int)
	c, _ := <-ch
	for i, _ := range xs {
		a += i
	}
	var d, _ = m["j"]
	return a + b + c + d
}
`,
    },
    {
      name: 'calls whose second result is a boolean by convention (os, strings, bytes, utf8, math, slices, runtime)',
      code: `package p

import (
	"bytes"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"
)

func f(s string, b []byte, xs []int) {
	home, _ := os.LookupEnv("HOME")
	before, _, _ := strings.Cut(s, "=")
	rest, _ := strings.CutPrefix(s, "x")
	head, _ := strings.CutSuffix(s, "y")
	bb, _, _ := bytes.Cut(b, []byte("="))
	r, _ := utf8.DecodeRuneInString(s)
	whole, _ := math.Modf(1.5)
	frac, _ := math.Frexp(8)
	i, _ := slices.BinarySearch(xs, 3)
	_, file, _, _ := runtime.Caller(0)
	println(home, before, rest, head, bb, r, whole, frac, i, file)
}
`,
    },
    {
      name: 'methods with a boolean second result: sync.Map.Load/LoadOrStore/LoadAndDelete, big.Int.SetString, (*http.Request).BasicAuth',
      code: `package p

import (
	"math/big"
	"net/http"
	"sync"
)

func f(m *sync.Map, r *http.Request) {
	v, _ := m.Load("k")
	w, _ := m.LoadOrStore("k", 1)
	x, _ := m.LoadAndDelete("k")
	n, _ := new(big.Int).SetString("10", 10)
	user, _, _ := r.BasicAuth()
	println(v, w, x, n, user)
}
`,
    },
    {
      name: 'the context.With… constructors (context-cancel-discarded covers them), also under an alias',
      code: `package p

import (
	"context"
	stdctx "context"
	"time"
)

func f(parent context.Context) {
	ctx, _ := context.WithTimeout(parent, time.Second)
	ctx2, _ := stdctx.WithCancel(ctx)
	_ = ctx2
}
`,
    },
    {
      name: 'functions and methods of the same file whose last result is not an error',
      code: `package p

import "sync"

type cache struct{ m sync.Map }

func (c *cache) Get(k string) (string, bool) {
	v, _ := c.m.Load(k)
	s, ok := v.(string)
	return s, ok
}

// Load has one result: it is not the Load called below.
func (c *cache) Load() error { return nil }

func split(s string) (string, string) { return s, "" }

func f(c *cache) string {
	v, _ := c.Get("k")
	head, _ := split(v)
	return head
}
`,
    },
    {
      name: 'the error is named, not discarded',
      code: `package p

import "strconv"

func f(s string) (int, error) {
	n, err := strconv.Atoi(s)
	return n, err
}
`,
    },
    {
      name: 'a typed var gives every name the same type: the second result is no error',
      code: `package p

func pair() (int, int) { return 1, 2 }

func f() int {
	var a, _ int = pair()
	return a
}
`,
    },
    {
      name: 'functions and methods declared in another file of the package, whose last result is not an error (the package index)',
      files: {
        'lookup.go': `package p

type cache struct{ m map[string]int }

func lookup(k string) (string, bool) { return k, k != "" }

func (c *cache) get(k string) (v int, found bool) {
	v, found = c.m[k]
	return
}
`,
      },
      code: `package p

func f(c *cache) (string, int) {
	s, _ := lookup("k")
	n, _ := c.get("k")
	return s, n
}
`,
    },
    {
      name: 'a declaration in the same file is nearest: it decides over other files of the package',
      files: { 'b.go': 'package p\n\ntype B struct{}\n\nfunc (B) get() (int, error) { return 0, nil }\n' },
      code: `package p

type A struct{}

func (A) get() (int, bool) { return 0, true }

func f(a A) int {
	n, _ := a.get()
	return n
}
`,
    },
  ],
  invalid: [
    {
      name: 'a function of another file of the package that ends in error',
      files: { 'load.go': 'package p\n\nfunc load(name string) (string, error) { return name, nil }\n' },
      code: `package p

func f() string {
	s, «_» := load("x")
	return s
}
`,
      messages: ['The last result of load (by convention its error) is discarded'],
    },
    {
      name: 'other packages, other package names in the folder and test files do not answer for this package',
      files: {
        'other/lookup.go': 'package other\n\nfunc lookup(k string) (string, bool) { return k, true }\n',
        'gen.go': '//go:build ignore\n\npackage main\n\nfunc count() (int, bool) { return 0, true }\n',
        'p_test.go': 'package p\n\nfunc pair() (int, bool) { return 0, true }\n',
      },
      code: `package p

func f() (string, int, int) {
	s, «_» := lookup("k")
	n, «_» := count()
	m, «_» := pair()
	return s, n, m
}
`,
    },
    {
      name: 'build variants that disagree on the last result: it may be an error',
      files: {
        'stat_linux.go': 'package p\n\nfunc stat() (int, bool) { return 0, true }\n',
        'stat_windows.go': 'package p\n\nfunc stat() (int, error) { return 0, nil }\n',
      },
      code: `package p

func f() int {
	n, «_» := stat()
	return n
}
`,
    },
    {
      name: 'resp, _ := http.Get(u): returns the zero values and the error',
      code: `package p

import "net/http"

func fetch(u string) (*http.Response, error) {
	resp, «_» := http.Get(u)
	return resp, nil
}
`,
      messages: ['http.Get'],
      output: `package p

import "net/http"

func fetch(u string) (*http.Response, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	return resp, nil
}
`,
    },
    {
      name: 'zero values of every kind of result type',
      code: `package p

import (
	"strconv"
	"time"
)

type Config struct{ N int }

type Name string

type Reader interface{ Read() }

func f(s string) (string, int, bool, []byte, map[string]int, *Config, Config, Name, Reader, time.Time, time.Duration, error) {
	n, «_» := strconv.Atoi(s)
	println(n)
	return "", 0, false, nil, nil, nil, Config{}, "", nil, time.Time{}, 0, nil
}
`,
      output: `package p

import (
	"strconv"
	"time"
)

type Config struct{ N int }

type Name string

type Reader interface{ Read() }

func f(s string) (string, int, bool, []byte, map[string]int, *Config, Config, Name, Reader, time.Time, time.Duration, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return "", 0, false, nil, nil, nil, Config{}, "", nil, time.Time{}, 0, err
	}
	println(n)
	return "", 0, false, nil, nil, nil, Config{}, "", nil, time.Time{}, 0, nil
}
`,
    },
    {
      name: 'with = the fix is offered when err is already declared in the function',
      code: `package p

import "os"

func load(p string) ([]byte, error) {
	var data []byte
	var err error
	data, «_» = os.ReadFile(p)
	return data, err
}
`,
      output: `package p

import "os"

func load(p string) ([]byte, error) {
	var data []byte
	var err error
	data, err = os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	return data, err
}
`,
    },
    {
      name: 'with = and no err declared in the function there is no fix',
      code: `package p

import "os"

func load(p string) ([]byte, error) {
	var data []byte
	data, «_» = os.ReadFile(p)
	return data, nil
}
`,
      output: null,
    },
    {
      name: 'a var declaration',
      code: `package p

import "os"

func load(p string) ([]byte, error) {
	var data, «_» = os.ReadFile(p)
	return data, nil
}
`,
      output: `package p

import "os"

func load(p string) ([]byte, error) {
	var data, err = os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	return data, nil
}
`,
    },
    {
      name: 'an HTTP handler answers 500 and returns',
      code: `package p

import (
	"io"
	"net/http"
)

func handle(w http.ResponseWriter, r *http.Request) {
	body, «_» := io.ReadAll(r.Body)
	w.Write(body)
}
`,
      output: `package p

import (
	"io"
	"net/http"
)

func handle(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write(body)
}
`,
    },
    {
      name: 'main of package main: log.Fatal, log added to an import block',
      code: `package main

import (
	"fmt"
	"os"
)

func main() {
	data, «_» := os.ReadFile("config.json")
	fmt.Println(len(data))
}
`,
      output: `package main

import (
	"fmt"
	"log"
	"os"
)

func main() {
	data, err := os.ReadFile("config.json")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(data))
}
`,
    },
    {
      name: 'init of package main: log added next to a single import line',
      code: `package main

import "os"

var config []byte

func init() {
	data, «_» := os.ReadFile("config.json")
	config = data
}

func main() {}
`,
      output: `package main

import (
	"log"
	"os"
)

var config []byte

func init() {
	data, err := os.ReadFile("config.json")
	if err != nil {
		log.Fatal(err)
	}
	config = data
}

func main() {}
`,
    },
    {
      name: 'main of package main with log already imported, and non-ASCII text before the finding',
      code: `package main

import (
	"log"
	"strconv"
)

func main() {
	s := "日本語 😀 42"
	n, «_» := strconv.Atoi(s[len(s)-2:])
	log.Println(n)
}
`,
      output: `package main

import (
	"log"
	"strconv"
)

func main() {
	s := "日本語 😀 42"
	n, err := strconv.Atoi(s[len(s)-2:])
	if err != nil {
		log.Fatal(err)
	}
	log.Println(n)
}
`,
    },
    {
      name: 'main of package main with no imports: a new import line',
      code: `package main

func parse() (int, error) { return 1, nil }

func main() {
	n, «_» := parse()
	println(n)
}
`,
      output: `package main

import "log"

func parse() (int, error) { return 1, nil }

func main() {
	n, err := parse()
	if err != nil {
		log.Fatal(err)
	}
	println(n)
}
`,
    },
    {
      name: 'main whose only import is import "C": log gets a declaration of its own',
      code: `package main

// #include <stdlib.h>
import "C"

func parse() (int, error) { return 1, nil }

func main() {
	n, «_» := parse()
	println(n)
}
`,
      output: `package main

// #include <stdlib.h>
import "C"

import "log"

func parse() (int, error) { return 1, nil }

func main() {
	n, err := parse()
	if err != nil {
		log.Fatal(err)
	}
	println(n)
}
`,
    },
    {
      name: 'log imported under an alias is used under that alias',
      code: `package main

import stdlog "log"

func parse() (int, error) { return 1, nil }

func main() {
	n, «_» := parse()
	stdlog.Println(n)
}
`,
      output: `package main

import stdlog "log"

func parse() (int, error) { return 1, nil }

func main() {
	n, err := parse()
	if err != nil {
		stdlog.Fatal(err)
	}
	stdlog.Println(n)
}
`,
    },
    {
      name: 'no fix where the right handling is unknown (no error result, no handler, not main)',
      code: `package p

import "strconv"

func show(s string) {
	n, «_» := strconv.Atoi(s)
	println(n)
}
`,
      output: null,
    },
    {
      name: 'in a function literal the literal decides: it returns an error',
      code: `package main

import "strconv"

func main() {
	parse := func(s string) (int, error) {
		n, «_» := strconv.Atoi(s)
		return n, nil
	}
	go func() {
		m, «_» := parse("1")
		println(m)
	}()
}
`,
      output: `package main

import "strconv"

func main() {
	parse := func(s string) (int, error) {
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, err
		}
		return n, nil
	}
	go func() {
		m, _ := parse("1")
		println(m)
	}()
}
`,
    },
    {
      name: 'two findings in one function are fixed together',
      code: `package p

import (
	"os"
	"strconv"
)

func port() (int, error) {
	text, «_» := os.ReadFile("port")
	n, «_» := strconv.Atoi(string(text))
	return n, nil
}
`,
      output: `package p

import (
	"os"
	"strconv"
)

func port() (int, error) {
	text, err := os.ReadFile("port")
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(string(text))
	if err != nil {
		return 0, err
	}
	return n, nil
}
`,
    },
    {
      name: 'err already declared in the scope and checked: := reuses it',
      code: `package p

import "strconv"

func sum(a, b string) (int, error) {
	x, err := strconv.Atoi(a)
	if err != nil {
		return 0, err
	}
	y, «_» := strconv.Atoi(b) // the second number
	return x + y, nil
}
`,
      output: `package p

import "strconv"

func sum(a, b string) (int, error) {
	x, err := strconv.Atoi(a)
	if err != nil {
		return 0, err
	}
	y, err := strconv.Atoi(b) // the second number
	if err != nil {
		return 0, err
	}
	return x + y, nil
}
`,
    },
    {
      name: 'no fix when err holds an error not yet checked (it would be overwritten)',
      code: `package p

import "strconv"

func sum(a, b string) (int, error) {
	x, err := strconv.Atoi(a)
	y, «_» := strconv.Atoi(b)
	if err != nil {
		return 0, err
	}
	return x + y, nil
}
`,
      output: null,
    },
    {
      name: 'no fix when a new err would shadow one that later code reads',
      code: `package p

import "strconv"

func f(s string, ok bool) (n int, err error) {
	if ok {
		v, «_» := strconv.Atoi(s)
		n = v
		err = nil
	}
	return n, err
}
`,
      output: null,
    },
    {
      name: 'no fix when a new err would shadow a named result that a bare return returns',
      code: `package p

import "strconv"

func f(s string) (n int, err error) {
	if s != "" {
		v, «_» := strconv.Atoi(s)
		n = v
		return
	}
	return
}
`,
      output: null,
    },
    {
      name: 'no fix when a later err := in the same scope would then declare nothing new',
      code: `package p

import "strconv"

func check() error { return nil }

func f(s string) (int, error) {
	n, «_» := strconv.Atoi(s)
	err := check()
	return n, err
}
`,
      output: null,
    },
    {
      name: 'no fix in an if initializer',
      code: `package p

import "strconv"

func f(s string) error {
	if n, «_» := strconv.Atoi(s); n > 0 {
		return nil
	}
	return nil
}
`,
      output: null,
    },
    {
      name: 'a generic result is returned as *new(T)',
      code: `package p

import "strconv"

func g[T any](s string, v T) (T, error) {
	n, «_» := strconv.Atoi(s)
	println(n)
	return v, nil
}
`,
      output: `package p

import "strconv"

func g[T any](s string, v T) (T, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return *new(T), err
	}
	println(n)
	return v, nil
}
`,
    },
    {
      name: 'no fix at package level, or for a field with no err declared in the function',
      code: `package p

import "strconv"

var port, «_» = strconv.Atoi("8080")

type server struct{ port int }

func (s *server) configure(v string) {
	s.port, «_» = strconv.Atoi(v)
}
`,
      output: null,
    },
    {
      name: 'no fix when := would declare nothing new (every name, err included, is already declared in the scope)',
      code: `package p

import "strconv"

func f(a, b string) (int, error) {
	n, err := strconv.Atoi(a)
	if err != nil {
		return 0, err
	}
	n, «_» := strconv.Atoi(b)
	return n, nil
}
`,
      output: null,
    },
    {
      name: 'a function of the same file whose last result is an error',
      code: `package p

func load(name string) (string, error) { return name, nil }

func show(name string) {
	v, «_» := load(name)
	println(v)
}
`,
      output: null,
    },
    {
      name: 'imports are resolved: a package named strings that is not the standard one',
      code: `package p

import strings "example.com/mystrings"

func f(s string) string {
	a, «_» := strings.Cut(s, "=")
	return a
}
`,
      output: null,
    },
    {
      name: 'a middle real name and method calls count too',
      code: `package p

type store interface {
	Fetch(id int) (string, int, error)
}

func f(s store) (string, error) {
	_, name, «_» := s.Fetch(1)
	return name, nil
}
`,
      output: `package p

type store interface {
	Fetch(id int) (string, int, error)
}

func f(s store) (string, error) {
	_, name, err := s.Fetch(1)
	if err != nil {
		return "", err
	}
	return name, nil
}
`,
    },
  ],
});
