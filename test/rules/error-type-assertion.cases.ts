import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'a value from recover() can only be inspected by assertion',
      code: 'package p\n\nimport "fmt"\n\nfunc f() (result error) {\n\tdefer func() {\n\t\tif err := recover(); err != nil {\n\t\t\tswitch e := err.(type) {\n\t\t\tcase error:\n\t\t\t\tresult = e\n\t\t\tdefault:\n\t\t\t\tresult = fmt.Errorf("panic: %v", e)\n\t\t\t}\n\t\t}\n\t}()\n\tdefer func() {\n\t\terr := recover()\n\t\tif e, ok := err.(error); ok {\n\t\t\tresult = e\n\t\t}\n\t}()\n\treturn nil\n}\n',
    },
    {
      name: 'inside methods named Is, As, Unwrap',
      code: 'package p\n\ntype MyErr struct{ err error }\n\nfunc (e *MyErr) Error() string { return "my" }\n\nfunc (e *MyErr) Is(err error) bool {\n\t_, ok := err.(*MyErr)\n\treturn ok\n}\n\nfunc (e *MyErr) As(target any) bool {\n\tswitch t := target.(type) {\n\tcase **MyErr:\n\t\t*t = e\n\t\treturn true\n\t}\n\treturn false\n}\n\nfunc (e *MyErr) Unwrap() error {\n\tif u, ok := e.err.(interface{ Unwrap() error }); ok {\n\t\treturn u.Unwrap()\n\t}\n\tswitch err := e.err.(type) {\n\tcase *MyErr:\n\t\treturn err\n\t}\n\treturn e.err\n}\n',
    },
    {
      name: 'a chain-walking helper function named Unwrap',
      code: 'package p\n\nfunc Unwrap(err error) error {\n\tu, ok := err.(interface{ Unwrap() error })\n\tif !ok {\n\t\treturn nil\n\t}\n\treturn u.Unwrap()\n}\n',
    },
    {
      name: 'assertions on names that are not error-like',
      code: 'package p\n\nfunc f(v any) int {\n\tswitch x := v.(type) {\n\tcase int:\n\t\treturn x\n\t}\n\tn, _ := v.(int)\n\treturn n\n}\n',
    },
    {
      name: 'a parameter named err whose type is not error (gccgoimporter: func (p *parser) error(err any))',
      code: 'package p\n\nimport "errors"\n\nfunc fail(err any) error {\n\tif s, ok := err.(string); ok {\n\t\treturn errors.New(s)\n\t}\n\tswitch e := err.(type) {\n\tcase error:\n\t\treturn e\n\t}\n\treturn nil\n}\n',
    },
    {
      name: 'an assertion to a type no error can have',
      code: 'package p\n\nfunc f() {\n\terr := load()\n\tif s, ok := err.(string); ok {\n\t\t_ = s\n\t}\n\t_, _ = err.([]byte)\n}\n',
    },
    {
      name: 'errors.As already',
      code: 'package p\n\nimport (\n\t"errors"\n\t"io/fs"\n)\n\nfunc f(err error) string {\n\tvar pathErr *fs.PathError\n\tif errors.As(err, &pathErr) {\n\t\treturn pathErr.Path\n\t}\n\treturn ""\n}\n',
    },
  ],
  invalid: [
    {
      name: 'err.(*MyErr)',
      code: 'package p\n\ntype MyErr struct{}\n\nfunc (*MyErr) Error() string { return "" }\n\nfunc f(err error) bool {\n\t_, ok := «err.(*MyErr)»\n\treturn ok\n}\n',
      messages: ['errors.As'],
    },
    {
      name: 'switch e := err.(type)',
      code: 'package p\n\nimport "io/fs"\n\nfunc f(err error) string {\n\tswitch e := «err.(type)» {\n\tcase *fs.PathError:\n\t\treturn e.Path\n\t}\n\treturn ""\n}\n',
    },
    {
      name: 'a type switch without a binding, and an assertion to an interface on a name ending in Err',
      code: 'package p\n\nimport "net"\n\nfunc f(dialErr error) bool {\n\tswitch «dialErr.(type)» {\n\tcase net.Error:\n\t\treturn true\n\t}\n\tt, ok := «dialErr.(interface{ Timeout() bool })»\n\treturn ok && t.Timeout()\n}\n',
    },
  ],
});
