import { cases } from '../support/ruleTester';

const HEAD = 'package p\n\nimport (\n\t"context"\n\t"time"\n)\n\n';

export default cases({
  valid: [
    {
      name: 'a loop that stops at the first failure it does not remedy (etcdctl auth enable: for err == nil)',
      code: 'package p\n\nfunc enable(c Client) error {\n\tvar err error\n\tfor err == nil {\n\t\tif err = c.AuthEnable(); err == nil {\n\t\t\tbreak\n\t\t}\n\t\tif err == ErrNoRoot {\n\t\t\terr = c.RoleAdd("root")\n\t\t}\n\t}\n\treturn err\n}\n',
    },
    {
      name: 'a delay with time.Sleep',
      code: HEAD + 'func f() error {\n\tvar err error\n\tfor i := 0; i < 3; i++ {\n\t\tif err = call(); err == nil {\n\t\t\treturn nil\n\t\t}\n\t\ttime.Sleep(time.Second << i)\n\t}\n\treturn err\n}\n',
    },
    {
      name: 'a receive from time.After',
      code: HEAD + 'func f(ctx context.Context) {\n\tfor {\n\t\terr := call()\n\t\tif err == nil {\n\t\t\tbreak\n\t\t}\n\t\t<-time.After(time.Second)\n\t}\n}\n',
    },
    {
      name: 'a receive from a timer',
      code: HEAD + 'func f(t *time.Timer) {\n\tfor {\n\t\tif err := call(); err == nil {\n\t\t\treturn\n\t\t}\n\t\tt.Reset(time.Second)\n\t\t<-t.C\n\t}\n}\n',
    },
    {
      name: 'a receive from ctx.Done() in a select',
      code: HEAD + 'func f(ctx context.Context, tick *time.Ticker) error {\n\tfor {\n\t\terr := call()\n\t\tif err == nil {\n\t\t\treturn nil\n\t\t}\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\treturn ctx.Err()\n\t\tcase <-tick.C:\n\t\t}\n\t}\n}\n',
    },
    {
      name: 'a call whose name contains backoff or Wait',
      code: HEAD + 'func f(b *Backoff, lim *Limiter) {\n\tfor {\n\t\tif err := call(); err == nil {\n\t\t\tbreak\n\t\t}\n\t\tb.backoff()\n\t}\n\tfor {\n\t\terr := call()\n\t\tif err != nil {\n\t\t\tlim.Wait()\n\t\t\tcontinue\n\t\t}\n\t\tbreak\n\t}\n}\n',
    },
    {
      name: 'not a retry: the error ends the loop',
      code: HEAD + 'func f(l Listener) error {\n\tfor {\n\t\tc, err := l.Accept()\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\tgo serve(c)\n\t}\n}\n',
    },
    {
      name: 'not a retry: range over a collection tries the next item',
      code: HEAD + 'func f(addrs []string) (c Conn, err error) {\n\tfor _, a := range addrs {\n\t\tc, err = dial(a)\n\t\tif err == nil {\n\t\t\treturn c, nil\n\t\t}\n\t}\n\treturn nil, err\n}\n',
    },
    {
      name: 'not a retry: indexing a collection with the loop variable',
      code: HEAD + 'func f(addrs []string) (c Conn, err error) {\n\tfor i := 0; i < n; i++ {\n\t\tc, err = dial(addrs[i])\n\t\tif err == nil {\n\t\t\tbreak\n\t\t}\n\t}\n\treturn c, err\n}\n',
    },
    {
      name: 'not a retry: an iterator condition',
      code: HEAD + 'func f(s Scanner) {\n\tfor s.Scan() {\n\t\tv, err := parse(s.Text())\n\t\tif err != nil {\n\t\t\tcontinue\n\t\t}\n\t\tuse(v)\n\t}\n}\n',
    },
    {
      name: 'not a retry: a call that consumes a stream',
      code: HEAD + 'func f(s *Server, codec Codec) {\n\tfor {\n\t\treq, err := s.readRequest(codec)\n\t\tif err != nil {\n\t\t\tlog(err)\n\t\t\tcontinue\n\t\t}\n\t\tgo s.serve(req)\n\t}\n}\n',
    },
    {
      name: 'not a retry: the input was computed in the same round',
      code: HEAD + 'func f(data []string) {\n\tfor len(data) > 0 {\n\t\tline := data[0]\n\t\tdata = data[1:]\n\t\tv, err := strconv(line)\n\t\tif err != nil {\n\t\t\tcontinue\n\t\t}\n\t\tuse(v)\n\t}\n}\n',
    },
    {
      name: 'not a retry: the input is state the loop carries forward',
      code: HEAD + 'func f(err error) bool {\n\tfor {\n\t\tif err = unwrap(err); err == nil {\n\t\t\treturn false\n\t\t}\n\t}\n}\n',
    },
    {
      name: 'not a retry: the last failure branch may leave the loop',
      code: HEAD + 'func f(b Buffer) {\n\tfor !done() {\n\t\tif l, err := b.line(); err != nil {\n\t\t\tif l == "" {\n\t\t\t\tbreak\n\t\t\t}\n\t\t}\n\t}\n}\n',
    },
    {
      name: 'not a retry: range over a collection whose name contains "tries"',
      code: HEAD + 'func f(entries []Entry) {\n\tfor _, e := range entries {\n\t\tif err := check(e); err != nil {\n\t\t\tcontinue\n\t\t}\n\t}\n}\n',
    },
    {
      name: 'a wait in the loop condition',
      code: HEAD + 'func f(ctx context.Context, lim *Limiter) {\n\tfor lim.Wait(ctx) == nil {\n\t\tc, err := connect(ctx)\n\t\tif err != nil {\n\t\t\tcontinue\n\t\t}\n\t\tserve(c)\n\t}\n}\n',
    },
    {
      name: 'not a retry of a failing dependency: a system call interrupted by a signal',
      code: 'package p\n\nimport "golang.org/x/sys/unix"\n\nfunc f(name string) (fd int, err error) {\n\tfor {\n\t\tfd, err = unix.Open(name, unix.O_RDONLY, 0)\n\t\tif err == nil {\n\t\t\tbreak\n\t\t}\n\t\tif err != unix.EINTR {\n\t\t\treturn -1, err\n\t\t}\n\t}\n\treturn fd, nil\n}\n',
    },
    {
      name: 'not a retry: a counted loop whose last failure branch falls through',
      code: HEAD + 'func f(c Conn, b []byte) {\n\tfor j := 0; j < 100; j++ {\n\t\t_, err := c.Write(b)\n\t\tif err != nil {\n\t\t\tlog(err)\n\t\t}\n\t}\n}\n',
    },
  ],
  invalid: [
    {
      name: 'leaves the loop on success with break and has no delay',
      code: HEAD + 'func f() {\n\t«for» i := 0; i < 5; i++ {\n\t\terr := call()\n\t\tif err == nil {\n\t\t\tbreak\n\t\t}\n\t}\n}\n',
      messages: ['tries again immediately'],
    },
    {
      name: 'leaves the loop on success with return',
      code: HEAD + 'func f() (int, error) {\n\tvar lastErr error\n\t«for» attempt := 0; attempt < 3; attempt++ {\n\t\tn, err := fetch()\n\t\tif err == nil {\n\t\t\treturn n, nil\n\t\t}\n\t\tlastErr = err\n\t}\n\treturn 0, lastErr\n}\n',
    },
    {
      name: 'goes round again on failure with continue',
      code: HEAD + 'func f() Conn {\n\t«for» {\n\t\tc, err := dial()\n\t\tif err != nil {\n\t\t\tlog(err)\n\t\t\tcontinue\n\t\t}\n\t\treturn c\n\t}\n}\n',
    },
    {
      name: 'a failure branch that is the last statement of the body',
      code: HEAD + 'func f(done chan struct{}) {\n\t«for» !stopped() {\n\t\tif err := sync(); err != nil {\n\t\t\tlog(err)\n\t\t}\n\t}\n}\n',
    },
    {
      name: 'a request and a per-attempt context built afresh each round are the same attempt',
      code: 'package p\n\nimport (\n\t"context"\n\t"net/http"\n\t"time"\n)\n\n' +
        'func f(ctx context.Context, c *http.Client, u string) (*http.Response, error) {\n\tvar lastErr error\n\t«for» attempt := 0; attempt < 3; attempt++ {\n\t\tactx, cancel := context.WithTimeout(ctx, time.Second)\n\t\treq, _ := http.NewRequestWithContext(actx, http.MethodGet, u, nil)\n\t\tresp, err := c.Do(req)\n\t\tcancel()\n\t\tif err == nil {\n\t\t\treturn resp, nil\n\t\t}\n\t\tlastErr = err\n\t}\n\treturn nil, lastErr\n}\n',
    },
    {
      name: 'a labelled loop and range over a count',
      code: HEAD + 'func f() {\nretry:\n\t«for» range 3 {\n\t\tif err := call(); err == nil {\n\t\t\tbreak retry\n\t\t}\n\t}\n}\n',
    },
  ],
});
