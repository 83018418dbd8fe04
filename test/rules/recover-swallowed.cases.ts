import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'the recovered value is logged',
      code: 'package p\n\nimport "log"\n\nfunc f() {\n\tdefer func() {\n\t\tif r := recover(); r != nil {\n\t\t\tlog.Printf("panic: %v", r)\n\t\t}\n\t}()\n}\n',
    },
    {
      name: 'the recovered value becomes an error',
      code: 'package p\n\nimport "fmt"\n\nfunc f() (err error) {\n\tdefer func() {\n\t\tif r := recover(); r != nil {\n\t\t\terr = fmt.Errorf("panic: %v", r)\n\t\t}\n\t}()\n\treturn nil\n}\n',
    },
    {
      name: 'the recovered value is kept in a variable',
      code: 'package p\n\nfunc f(report func(any)) {\n\tdefer func() {\n\t\tr := recover()\n\t\treport(r)\n\t}()\n}\n',
    },
    {
      name: 'a local function named recover with arguments',
      code: 'package p\n\nfunc f(recover func(int)) {\n\trecover(1)\n}\n',
    },
  ],
  invalid: [
    {
      name: 'recover() as an expression statement',
      code: 'package p\n\nfunc f() {\n\tdefer func() {\n\t\t«recover()»\n\t}()\n}\n',
    },
    {
      name: 'its result assigned to _',
      code: 'package p\n\nfunc f() {\n\tdefer func() {\n\t\t_ = «recover()»\n\t}()\n}\n',
    },
    {
      name: 'if r := recover(); r != nil { } with an empty body',
      code: 'package p\n\nfunc f() {\n\tdefer func() {\n\t\tif r := «recover()»; r != nil {\n\t\t}\n\t}()\n}\n',
      messages: ['empty'],
    },
    {
      name: 'an if body holding only a comment is still empty',
      code: 'package p\n\nfunc f() {\n\tdefer func() {\n\t\tif r := «recover()»; r != nil {\n\t\t\t// ignore\n\t\t}\n\t}()\n}\n',
    },
  ],
});
