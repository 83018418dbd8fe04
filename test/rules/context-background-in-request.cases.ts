import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'in the select case of a named Done channel: the context is over (lib/pq query cancellation)',
      code: 'package p\n\nimport (\n\t"context"\n\t"time"\n)\n\nfunc watch(ctx context.Context, cancel func(context.Context) error) {\n\tif done := ctx.Done(); done != nil {\n\t\tgo func() {\n\t\t\tselect {\n\t\t\tcase <-done:\n\t\t\t\tc, stop := context.WithTimeout(context.Background(), time.Second)\n\t\t\t\tdefer stop()\n\t\t\t\t_ = cancel(c)\n\t\t\t}\n\t\t}()\n\t}\n}\n',
    },
    {
      name: 'main',
      code: 'package main\n\nimport "context"\n\nfunc main() {\n\tctx := context.Background()\n\trun(ctx)\n}\n\nfunc run(context.Context) {}\n',
    },
    {
      name: 'init',
      code: 'package p\n\nimport "context"\n\nvar ready context.Context\n\nfunc init() {\n\tready = context.TODO()\n}\n',
    },
    {
      name: 'a function literal inside main, even with a context parameter',
      code: 'package main\n\nimport "context"\n\nfunc main() {\n\tf := func(ctx context.Context) context.Context { return context.Background() }\n\t_ = f\n}\n',
    },
    {
      name: 'an argument of context.WithoutCancel is not needed (that takes the incoming context)',
      code: 'package p\n\nimport "context"\n\nfunc detach(ctx context.Context) context.Context {\n\treturn context.WithoutCancel(ctx)\n}\n',
    },
    {
      name: 'context.Background() as the argument of context.WithoutCancel',
      code: 'package p\n\nimport "context"\n\nfunc detach(ctx context.Context) context.Context {\n\treturn context.WithoutCancel(context.Background())\n}\n',
    },
    {
      name: 'no context in scope',
      code: 'package p\n\nimport "context"\n\nfunc load(id int) error {\n\treturn fetch(context.Background(), id)\n}\n\nfunc fetch(context.Context, int) error { return nil }\n',
    },
    {
      name: 'a context-like parameter that is not context.Context',
      code: 'package p\n\nimport "context"\n\ntype Context struct{}\n\nfunc load(ctx *Context) context.Context {\n\treturn context.Background()\n}\n',
    },
    {
      name: 'the `if ctx == nil { ctx = context.Background() }` guard',
      code: 'package p\n\nimport "context"\n\nfunc load(ctx context.Context) error {\n\tif ctx == nil {\n\t\tctx = context.Background()\n\t}\n\treturn ctx.Err()\n}\n',
    },
    {
      name: 'context is another package',
      code: 'package p\n\nimport context "example.com/ctx"\n\nfunc load(ctx context.Context) context.Context {\n\treturn context.Background()\n}\n',
    },
    {
      name: 'a *http.Request of another http package',
      code: 'package p\n\nimport (\n\t"context"\n\n\thttp "example.com/fasthttp"\n)\n\nfunc handle(r *http.Request) context.Context {\n\treturn context.Background()\n}\n',
    },
    {
      name: 'a comparison with context.Background() (pgconn: `if ctx != context.Background()`)',
      code: 'package p\n\nimport "context"\n\nfunc watch(ctx context.Context) bool {\n\treturn ctx != context.Background()\n}\n',
    },
    {
      name: 'a context stored in a field outlives the call (grpc: `cc.ctx, cc.cancel = context.WithCancel(context.Background())`)',
      code: 'package p\n\nimport "context"\n\ntype conn struct {\n\tctx    context.Context\n\tcancel context.CancelFunc\n}\n\nfunc dial(ctx context.Context, c *conn) {\n\tc.ctx, c.cancel = context.WithCancel(context.Background())\n}\n',
    },
    {
      name: 'a context in a composite literal (net: onlyValuesCtx{Context: context.Background()})',
      code: 'package p\n\nimport "context"\n\ntype valuesOnly struct {\n\tcontext.Context\n\tvalues context.Context\n}\n\nfunc detach(ctx context.Context) context.Context {\n\treturn &valuesOnly{Context: context.Background(), values: ctx}\n}\n',
    },
    {
      name: 'cleanup after <-ctx.Done() needs a fresh context',
      code: 'package p\n\nimport (\n\t"context"\n\t"net/http"\n)\n\nfunc serve(ctx context.Context, s *http.Server) {\n\tgo func() {\n\t\t<-ctx.Done()\n\t\t_ = s.Shutdown(context.Background())\n\t}()\n\t_ = s.ListenAndServe()\n}\n',
    },
    {
      name: 'cleanup in the `case <-ctx.Done():` of a select',
      code: 'package p\n\nimport "context"\n\nfunc watch(ctx context.Context, done chan struct{}, cancel func(context.Context)) {\n\tselect {\n\tcase <-done:\n\tcase <-ctx.Done():\n\t\tcancel(context.Background())\n\t}\n}\n',
    },
    {
      name: 'deferred clean-up runs when the context may be done (ardanlabs/service: defer teardown(context.Background()))',
      code: 'package p\n\nimport "context"\n\nfunc run(ctx context.Context, teardown func(context.Context) error, rollback func(context.Context)) error {\n\tdefer teardown(context.Background())\n\tdefer func() {\n\t\trollback(context.Background())\n\t}()\n\treturn ctx.Err()\n}\n',
    },
  ],
  invalid: [
    {
      name: 'context.Background() with a context.Context parameter',
      code: 'package p\n\nimport "context"\n\nfunc load(ctx context.Context, id int) error {\n\treturn fetch(«context.Background()», id)\n}\n\nfunc fetch(context.Context, int) error { return nil }\n',
      messages: ['use ctx'],
      output: 'package p\n\nimport "context"\n\nfunc load(ctx context.Context, id int) error {\n\treturn fetch(ctx, id)\n}\n\nfunc fetch(context.Context, int) error { return nil }\n',
    },
    {
      name: 'context.TODO() in an HTTP handler uses r.Context() and keeps a still-used import',
      code: 'package p\n\nimport (\n\t"context"\n\t"net/http"\n\t"time"\n)\n\nfunc handle(w http.ResponseWriter, r *http.Request) {\n\tctx, cancel := context.WithTimeout(«context.TODO()», time.Second)\n\tdefer cancel()\n\tserve(ctx, w)\n}\n\nfunc serve(context.Context, http.ResponseWriter) {}\n',
      messages: ['use r.Context()'],
      output: 'package p\n\nimport (\n\t"context"\n\t"net/http"\n\t"time"\n)\n\nfunc handle(w http.ResponseWriter, r *http.Request) {\n\tctx, cancel := context.WithTimeout(r.Context(), time.Second)\n\tdefer cancel()\n\tserve(ctx, w)\n}\n\nfunc serve(context.Context, http.ResponseWriter) {}\n',
    },
    {
      name: 'the last use of the context import goes with the fix',
      code: 'package p\n\nimport (\n\t"context"\n\t"net/http"\n)\n\nfunc handle(w http.ResponseWriter, r *http.Request) {\n\tload(«context.Background()», w)\n\tload(«context.TODO()», w)\n}\n\nvar load func(any, http.ResponseWriter)\n',
      output: 'package p\n\nimport (\n\t"net/http"\n)\n\nfunc handle(w http.ResponseWriter, r *http.Request) {\n\tload(r.Context(), w)\n\tload(r.Context(), w)\n}\n\nvar load func(any, http.ResponseWriter)\n',
    },
    {
      name: 'the context parameter comes before an *http.Request one',
      code: 'package p\n\nimport (\n\t"context"\n\t"net/http"\n)\n\nfunc call(r *http.Request, ctx context.Context) context.Context {\n\treturn «context.Background()»\n}\n',
      output: 'package p\n\nimport (\n\t"context"\n\t"net/http"\n)\n\nfunc call(r *http.Request, ctx context.Context) context.Context {\n\treturn ctx\n}\n',
    },
    {
      name: 'inside a function literal, the enclosing declaration\'s context',
      code: 'package p\n\nimport "context"\n\nfunc each(ctx context.Context, ids []int) {\n\tfor _, id := range ids {\n\t\tfunc() {\n\t\t\tfetch(«context.Background()», id)\n\t\t}()\n\t}\n}\n\nfunc fetch(context.Context, int) {}\n',
      output: 'package p\n\nimport "context"\n\nfunc each(ctx context.Context, ids []int) {\n\tfor _, id := range ids {\n\t\tfunc() {\n\t\t\tfetch(ctx, id)\n\t\t}()\n\t}\n}\n\nfunc fetch(context.Context, int) {}\n',
    },
    {
      name: 'an aliased context import',
      code: 'package p\n\nimport stdctx "context"\n\nfunc load(c stdctx.Context) stdctx.Context {\n\treturn «stdctx.Background()»\n}\n',
      output: 'package p\n\nimport stdctx "context"\n\nfunc load(c stdctx.Context) stdctx.Context {\n\treturn c\n}\n',
    },
    {
      name: 'in a goroutine that may outlive the request: no fix, WithoutCancel is suggested',
      code: 'package p\n\nimport "context"\n\nfunc audit(ctx context.Context, id int) {\n\tgo func() {\n\t\tfetch(«context.Background()», id)\n\t}()\n}\n\nfunc fetch(context.Context, int) {}\n',
      messages: ['context.WithoutCancel(ctx)'],
      output: null,
    },
    {
      name: 'in a callback that may run after the call returns: no fix',
      code: 'package p\n\nimport (\n\t"context"\n\t"time"\n)\n\nfunc open(ctx context.Context, onClose func(func())) {\n\tonClose(func() {\n\t\tc, cancel := context.WithTimeout(«context.Background()», time.Second)\n\t\tdefer cancel()\n\t\t_ = c\n\t})\n}\n',
      messages: ['may run after it is done'],
      output: null,
    },
  ],
});
