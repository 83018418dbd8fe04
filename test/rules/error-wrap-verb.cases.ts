import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'the error is one of the results a check reports (testing/iotest)',
      code: 'package iotest\n\nimport "fmt"\n\nfunc check(n int, err error) error {\n\treturn fmt.Errorf("Read(0) = %d, %v, want 0, nil", n, err)\n}\n',
    },
    {
      name: 'a value from recover() is not an error, even when named err or e (found in golang.org/x/tools)',
      code: 'package p\n\nimport "fmt"\n\nfunc f() (err error) {\n\tdefer func() {\n\t\tif e := recover(); e != nil {\n\t\t\terr = fmt.Errorf("cannot import (%v)", e)\n\t\t}\n\t}()\n\tdefer func() {\n\t\tperr := recover()\n\t\tif perr != nil {\n\t\t\terr = fmt.Errorf("panic: %v", perr)\n\t\t}\n\t}()\n\treturn nil\n}\n',
    },
    {
      name: 'stderr ends in "err" but is a stream (found in golang.org/x/tools)',
      code: 'package p\n\nimport (\n\t"bytes"\n\t"fmt"\n)\n\nfunc f(code int, stderr *bytes.Buffer) error {\n\treturn fmt.Errorf("exit %d: %s", code, stderr)\n}\n',
    },
    {
      name: 'the format already has %w',
      code: 'package p\n\nimport "fmt"\n\nfunc f(name string, err, cause error) error {\n\treturn fmt.Errorf("open %s: %w (%v)", name, err, cause)\n}\n',
    },
    {
      name: 'explicit argument indexes are not analysed',
      code: 'package p\n\nimport "fmt"\n\nfunc f(err error) error {\n\treturn fmt.Errorf("%[1]v: %[1]v", err)\n}\n',
    },
    {
      name: '%% is not a verb: the error is printed with %d here',
      code: 'package p\n\nimport "fmt"\n\nfunc f(n int, err error) error {\n\treturn fmt.Errorf("100%% of %v: %d", n, err)\n}\n',
    },
    {
      name: 'the format is not a literal',
      code: 'package p\n\nimport "fmt"\n\nconst format = "x: %v"\n\nfunc f(err error) error {\n\treturn fmt.Errorf(format, err)\n}\n',
    },
    {
      name: 'arguments that are not error-like names',
      code: 'package p\n\nimport "fmt"\n\nfunc f(name string, err error) error {\n\treturn fmt.Errorf("open %v: %s", name, err.Error())\n}\n',
    },
    {
      name: 'fmt is not the standard fmt package',
      code: 'package p\n\nimport fmt "example.com/myfmt"\n\nfunc f(err error) error {\n\treturn fmt.Errorf("x: %v", err)\n}\n',
    },
    {
      name: 'a verb hidden behind an escaped percent sign is not analysed',
      code: 'package p\n\nimport "fmt"\n\nfunc f(err error) error {\n\treturn fmt.Errorf("x: \\x25v", err)\n}\n',
    },
  ],
  invalid: [
    {
      name: 'an error that caused the failure, in a message that also says what was wanted (internal/trace)',
      code: 'package trace\n\nimport "fmt"\n\nfunc read(n, want int, err error) error {\n\treturn fmt.Errorf("read %v, want %v, error «%v»", n, want, err)\n}\n',
      output: 'package trace\n\nimport "fmt"\n\nfunc read(n, want int, err error) error {\n\treturn fmt.Errorf("read %v, want %v, error %w", n, want, err)\n}\n',
    },
    {
      name: 'an error-like argument printed with %v',
      code: 'package p\n\nimport "fmt"\n\nfunc f(name string, err error) error {\n\treturn fmt.Errorf("open %s: «%v»", name, err)\n}\n',
      messages: ['%w'],
      output: 'package p\n\nimport "fmt"\n\nfunc f(name string, err error) error {\n\treturn fmt.Errorf("open %s: %w", name, err)\n}\n',
    },
    {
      name: 'printed with %s, flags kept, in a raw string',
      code: 'package p\n\nimport "fmt"\n\nfunc f(parseErr error) error {\n\treturn fmt.Errorf(`parse: «%-10s»`, parseErr)\n}\n',
      output: 'package p\n\nimport "fmt"\n\nfunc f(parseErr error) error {\n\treturn fmt.Errorf(`parse: %-10w`, parseErr)\n}\n',
    },
    {
      name: 'verbs counted left to right: %% takes no argument, * takes one',
      code: 'package p\n\nimport "fmt"\n\nfunc f(width int, name string, err error) error {\n\treturn fmt.Errorf("50%% %*s: «%v»", width, name, err)\n}\n',
      output: 'package p\n\nimport "fmt"\n\nfunc f(width int, name string, err error) error {\n\treturn fmt.Errorf("50%% %*s: %w", width, name, err)\n}\n',
    },
    {
      name: 'only the first such verb when there are several',
      code: 'package p\n\nimport "fmt"\n\nfunc f(err, closeErr error) error {\n\treturn fmt.Errorf("write: «%v»; close: %v", err, closeErr)\n}\n',
      output: 'package p\n\nimport "fmt"\n\nfunc f(err, closeErr error) error {\n\treturn fmt.Errorf("write: %w; close: %v", err, closeErr)\n}\n',
    },
  ],
});
