import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'a value from recover() compared with the sentinel it was panicked with (net/http style)',
      code: 'package p\n\nimport "errors"\n\nvar ErrAbortHandler = errors.New("abort")\n\nfunc f() {\n\tdefer func() {\n\t\tif err := recover(); err != nil && err != ErrAbortHandler {\n\t\t\tpanic(err)\n\t\t}\n\t}()\n}\n',
    },
    {
      name: 'comparisons with nil',
      code: 'package p\n\nfunc f(err error) bool {\n\treturn err == nil || nil != err\n}\n',
    },
    {
      name: 'code inside a method named Is',
      code: 'package p\n\nimport "errors"\n\nvar ErrNotFound = errors.New("not found")\n\ntype wrapped struct{ err error }\n\nfunc (w wrapped) Is(target error) bool {\n\treturn target == ErrNotFound\n}\n\nfunc (w wrapped) Unwrap() error {\n\tif w.err == ErrNotFound {\n\t\treturn nil\n\t}\n\treturn w.err\n}\n',
    },
    {
      name: 'code inside a method named As',
      code: 'package p\n\nimport "io"\n\ntype E struct{}\n\nfunc (E) As(err any) bool {\n\tswitch err {\n\tcase io.EOF:\n\t\treturn true\n\t}\n\treturn err == io.EOF\n}\n',
    },
    {
      name: 'errors.Is already',
      code: 'package p\n\nimport (\n\t"errors"\n\t"io"\n)\n\nfunc f(err error) bool {\n\treturn errors.Is(err, io.EOF)\n}\n',
    },
    {
      name: 'io is not the standard io package, and EOF does not look like a sentinel',
      code: 'package p\n\nimport io "example.com/myio"\n\nfunc f(err error) bool {\n\treturn err == io.EOF\n}\n',
    },
    {
      name: 'neither side is an error-like name',
      code: 'package p\n\nvar ErrCount = 3\n\nfunc f(n int) bool {\n\treturn n == ErrCount\n}\n',
    },
    {
      name: 'a switch with no sentinel case',
      code: 'package p\n\nfunc f(err error, other error) int {\n\tswitch err {\n\tcase nil:\n\t\treturn 0\n\tcase other:\n\t\treturn 1\n\t}\n\treturn 2\n}\n',
    },
  ],
  invalid: [
    {
      name: 'err == ErrNotFound, adding the errors import',
      code: 'package p\n\nimport "fmt"\n\nvar ErrNotFound = fmt.Errorf("not found")\n\nfunc f(err error) bool {\n\treturn «err == ErrNotFound»\n}\n',
      messages: ['errors.Is(err, ErrNotFound)'],
      output: 'package p\n\nimport (\n\t"errors"\n\t"fmt"\n)\n\nvar ErrNotFound = fmt.Errorf("not found")\n\nfunc f(err error) bool {\n\treturn errors.Is(err, ErrNotFound)\n}\n',
    },
    {
      name: 'sql.ErrNoRows with !=, sentinel on the left',
      code: 'package p\n\nimport (\n\t"database/sql"\n\t"errors"\n)\n\nvar errX = errors.New("x")\n\nfunc f(err error) error {\n\tif «sql.ErrNoRows != err» {\n\t\treturn err\n\t}\n\treturn nil\n}\n',
      output: 'package p\n\nimport (\n\t"database/sql"\n\t"errors"\n)\n\nvar errX = errors.New("x")\n\nfunc f(err error) error {\n\tif !errors.Is(err, sql.ErrNoRows) {\n\t\treturn err\n\t}\n\treturn nil\n}\n',
    },
    {
      name: 'errClosed (err followed by a capital letter)',
      code: 'package p\n\nimport "errors"\n\nvar errClosed = errors.New("closed")\n\nfunc f(writeErr error) bool {\n\treturn writeErr != nil && «writeErr == errClosed»\n}\n',
      output: 'package p\n\nimport "errors"\n\nvar errClosed = errors.New("closed")\n\nfunc f(writeErr error) bool {\n\treturn writeErr != nil && errors.Is(writeErr, errClosed)\n}\n',
    },
    {
      name: 'well-known sentinels io.EOF, context.Canceled, context.DeadlineExceeded',
      code: 'package p\n\nimport (\n\t"context"\n\t"io"\n)\n\nfunc f(err error) bool {\n\treturn «err == io.EOF» || «err == context.Canceled» || «err != context.DeadlineExceeded»\n}\n',
      output: 'package p\n\nimport (\n\t"context"\n\t"errors"\n\t"io"\n)\n\nfunc f(err error) bool {\n\treturn errors.Is(err, io.EOF) || errors.Is(err, context.Canceled) || !errors.Is(err, context.DeadlineExceeded)\n}\n',
    },
    {
      name: 'switch err { case io.EOF: ... } has no fix',
      code: 'package p\n\nimport "io"\n\nfunc f(err error) int {\n\tswitch «err» {\n\tcase nil:\n\t\treturn 0\n\tcase io.EOF:\n\t\treturn 1\n\t}\n\treturn 2\n}\n',
      messages: ['errors.Is(err, io.EOF)'],
      output: null,
    },
    {
      name: 'errors imported under another name: the fix uses it',
      code: 'package p\n\nimport (\n\tstderrors "errors"\n\t"io"\n)\n\nvar _ = stderrors.New\n\nfunc f(err error) bool {\n\treturn «err == io.ErrUnexpectedEOF»\n}\n',
      output: 'package p\n\nimport (\n\tstderrors "errors"\n\t"io"\n)\n\nvar _ = stderrors.New\n\nfunc f(err error) bool {\n\treturn stderrors.Is(err, io.ErrUnexpectedEOF)\n}\n',
    },
    {
      name: 'the name errors taken by an unknown package: no fix',
      code: 'package p\n\nimport (\n\t"io"\n\n\terrors "example.com/myerrors"\n)\n\nvar _ = errors.New\n\nfunc f(err error) bool {\n\treturn «err == io.EOF»\n}\n',
      output: null,
    },
    {
      name: 'errors already imported: only the comparison changes',
      code: 'package p\n\nimport (\n\t"errors"\n\t"io"\n)\n\nvar _ = errors.New\n\nfunc check(err error) bool {\n\treturn «err == io.EOF»\n}\n',
      output: 'package p\n\nimport (\n\t"errors"\n\t"io"\n)\n\nvar _ = errors.New\n\nfunc check(err error) bool {\n\treturn errors.Is(err, io.EOF)\n}\n',
    },
  ],
});
