import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'the cancel function is named and deferred',
      code: `package p

import (
	"context"
	"time"
)

func f(parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	<-ctx.Done()
}
`,
    },
    {
      name: 'imports are resolved: a package named context that is not the standard one',
      code: `package p

import context "example.com/fakecontext"

func f() {
	ctx, _ := context.WithCancel(nil)
	_ = ctx
}
`,
    },
    {
      name: 'other calls with a discarded second result are error-discarded\'s business',
      code: `package p

import "strconv"

func f(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
`,
    },
  ],
  invalid: [
    {
      name: 'ctx, _ := context.WithCancel(...)',
      code: `package p

import "context"

func run(parent context.Context) {
	ctx, «_» := context.WithCancel(parent)
	work(ctx)
}

func work(context.Context) {}
`,
      messages: ['context.WithCancel'],
      output: `package p

import "context"

func run(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	work(ctx)
}

func work(context.Context) {}
`,
    },
    {
      name: 'WithTimeout, WithDeadline, WithCancelCause, WithTimeoutCause, WithDeadlineCause: two in one scope are fixed in turn',
      code: `package p

import (
	"context"
	"errors"
	"time"
)

func a(parent context.Context) context.Context {
	ctx, «_» := context.WithTimeout(parent, time.Second)
	ctx2, «_» := context.WithDeadline(ctx, time.Now().Add(time.Minute))
	return ctx2
}

func b(parent context.Context) context.Context {
	ctx, «_» := context.WithCancelCause(parent)
	return ctx
}

func c(parent context.Context) context.Context {
	ctx, «_» := context.WithTimeoutCause(parent, time.Second, errors.New("slow"))
	return ctx
}

func d(parent context.Context) context.Context {
	ctx, «_» := context.WithDeadlineCause(parent, time.Now(), errors.New("late"))
	return ctx
}
`,
      output: `package p

import (
	"context"
	"errors"
	"time"
)

func a(parent context.Context) context.Context {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	ctx2, cancel := context.WithDeadline(ctx, time.Now().Add(time.Minute))
	defer cancel()
	return ctx2
}

func b(parent context.Context) context.Context {
	ctx, cancel := context.WithCancelCause(parent)
	defer cancel()
	return ctx
}

func c(parent context.Context) context.Context {
	ctx, cancel := context.WithTimeoutCause(parent, time.Second, errors.New("slow"))
	defer cancel()
	return ctx
}

func d(parent context.Context) context.Context {
	ctx, cancel := context.WithDeadlineCause(parent, time.Now(), errors.New("late"))
	defer cancel()
	return ctx
}
`,
    },
    {
      name: 'also with =, fixed when cancel is declared and already deferred',
      code: `package p

import (
	"context"
	"time"
)

func run(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	ctx, «_» = context.WithTimeout(ctx, time.Second) // tighter
	<-ctx.Done()
}
`,
      output: `package p

import (
	"context"
	"time"
)

func run(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, time.Second) // tighter
	defer cancel()
	<-ctx.Done()
}
`,
    },
    {
      name: 'with = and no cancel declared in the function there is no fix',
      code: `package p

import (
	"context"
	"time"
)

func run(ctx context.Context) {
	ctx, «_» = context.WithTimeout(ctx, time.Second)
	<-ctx.Done()
}
`,
      output: null,
    },
    {
      name: 'no fix when cancel holds a function not yet called (it would leak instead)',
      code: `package p

import (
	"context"
	"time"
)

func run(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	ctx, «_» = context.WithTimeout(ctx, time.Second)
	<-ctx.Done()
	cancel()
}
`,
      output: null,
    },
    {
      name: 'no fix when a new cancel would shadow one that later code calls',
      code: `package p

import "context"

func run(parent context.Context, ok bool) {
	ctx, cancel := context.WithCancel(parent)
	if ok {
		inner, «_» := context.WithCancel(ctx)
		<-inner.Done()
		cancel()
	}
	cancel()
}
`,
      output: null,
    },
    {
      name: 'a var declaration in a function literal, with non-ASCII text before it',
      code: `package p

import (
	"context"
	"time"
)

func start(parent context.Context) {
	go func() {
		msg := "停止 ⏱"
		var ctx, «_» = context.WithTimeout(parent, time.Second)
		<-ctx.Done()
		println(msg)
	}()
}
`,
      output: `package p

import (
	"context"
	"time"
)

func start(parent context.Context) {
	go func() {
		msg := "停止 ⏱"
		var ctx, cancel = context.WithTimeout(parent, time.Second)
		defer cancel()
		<-ctx.Done()
		println(msg)
	}()
}
`,
    },
    {
      name: 'aliased import; no fix at package level or in an if initializer',
      code: `package p

import stdctx "context"

var background, «_» = stdctx.WithCancel(stdctx.Background())

func f() {
	if ctx, «_» := stdctx.WithCancel(background); ctx.Err() == nil {
		return
	}
}
`,
      output: null,
    },
  ],
});
