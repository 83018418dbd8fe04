import { cases } from '../support/ruleTester';

const HEAD = 'package p\n\nimport (\n\t"math/rand"\n\t"time"\n)\n\n';

export default cases({
  valid: [
    {
      name: 'polling something on this machine: a file lock, a directory still in use (bbolt, cmd/go)',
      code: 'package p\n\nimport (\n\t"os"\n\t"syscall"\n\t"time"\n)\n\nfunc lock(fd int) error {\n\tfor {\n\t\terr := syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB)\n\t\tif err == nil {\n\t\t\treturn nil\n\t\t}\n\t\ttime.Sleep(50 * time.Millisecond)\n\t}\n}\n\nfunc open(path string) (*os.File, error) {\n\tfor {\n\t\tf, err := os.OpenFile(path, os.O_RDWR, 0)\n\t\tif err == nil {\n\t\t\treturn f, nil\n\t\t}\n\t\ttime.Sleep(10 * time.Millisecond)\n\t}\n}\n',
    },
    {
      name: 'the delay depends on a variable that changes in the loop',
      code: HEAD + 'func f() error {\n\tvar err error\n\tfor i := 0; i < 5; i++ {\n\t\tif err = call(); err == nil {\n\t\t\treturn nil\n\t\t}\n\t\ttime.Sleep(time.Duration(1<<i) * 100 * time.Millisecond)\n\t}\n\treturn err\n}\n',
    },
    {
      name: 'the delay doubles each round',
      code: HEAD + 'func f() {\n\tdelay := time.Second\n\tfor {\n\t\terr := call()\n\t\tif err == nil {\n\t\t\tbreak\n\t\t}\n\t\ttime.Sleep(delay)\n\t\tdelay *= 2\n\t}\n}\n',
    },
    {
      name: 'the delay involves a random source',
      code: HEAD + 'func f() {\n\tfor {\n\t\tif err := call(); err == nil {\n\t\t\treturn\n\t\t}\n\t\ttime.Sleep(time.Second + time.Duration(rand.Int63n(int64(time.Second))))\n\t}\n}\n',
    },
    {
      name: 'the delay comes from a call (a backoff policy)',
      code: HEAD + 'func f(b *Policy) {\n\tfor {\n\t\tif err := call(); err == nil {\n\t\t\treturn\n\t\t}\n\t\ttime.Sleep(b.Next())\n\t}\n}\n',
    },
    {
      name: 'no delay at all is retry-without-backoff\'s finding',
      code: HEAD + 'func f() {\n\tfor {\n\t\tif err := call(); err == nil {\n\t\t\treturn\n\t\t}\n\t}\n}\n',
    },
    {
      name: 'a fixed sleep in a loop that is not a retry',
      code: HEAD + 'func f() {\n\tfor {\n\t\tpoll()\n\t\ttime.Sleep(time.Second)\n\t}\n}\n',
    },
  ],
  invalid: [
    {
      name: 'only delay is time.Sleep(D) with a constant D',
      code: HEAD + 'func f() error {\n\tvar err error\n\t«for» i := 0; i < 3; i++ {\n\t\tif err = call(); err == nil {\n\t\t\treturn nil\n\t\t}\n\t\ttime.Sleep(2 * time.Second)\n\t}\n\treturn err\n}\n',
      messages: ['always waits 2 * time.Second'],
    },
    {
      name: 'D from a variable the loop does not change',
      code: HEAD + 'func f(cfg Config) {\n\t«for» {\n\t\terr := call()\n\t\tif err != nil {\n\t\t\ttime.Sleep(cfg.RetryDelay)\n\t\t\tcontinue\n\t\t}\n\t\tbreak\n\t}\n}\n',
    },
    {
      name: 'D with a time.Duration conversion of a fixed value',
      code: HEAD + 'func f(seconds int) {\n\t«for» {\n\t\tif err := call(); err == nil {\n\t\t\treturn\n\t\t}\n\t\ttime.Sleep(time.Duration(seconds) * time.Second)\n\t}\n}\n',
    },
  ],
});
