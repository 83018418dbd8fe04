import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'X.Error() used for logging or formatting',
      code: 'package p\n\nimport (\n\t"fmt"\n\t"log"\n)\n\nfunc f(err error) string {\n\tlog.Println(err.Error())\n\treturn fmt.Sprintf("failed: %s", err.Error())\n}\n',
    },
    {
      name: 'Error() of a name that is not error-like',
      code: 'package p\n\ntype status struct{}\n\nfunc (status) Error() string { return "" }\n\nfunc f(s status) bool {\n\treturn s.Error() == "x"\n}\n',
    },
    {
      name: 'strings is not the standard strings package',
      code: 'package p\n\nimport strings "example.com/mystrings"\n\nfunc f(err error) bool {\n\treturn strings.Contains(err.Error(), "x")\n}\n',
    },
    {
      name: 'the error text as the second argument (searching in another string)',
      code: 'package p\n\nimport "strings"\n\nfunc f(out string, err error) bool {\n\treturn strings.Contains(out, err.Error())\n}\n',
    },
    {
      name: 'comparing the error itself, not its text',
      code: 'package p\n\nimport "io"\n\nfunc f(err error) bool {\n\treturn err != nil && err != io.EOF\n}\n',
    },
  ],
  invalid: [
    {
      name: 'X.Error() on an error-like name compared with ==',
      code: 'package p\n\nfunc f(err error) bool {\n\treturn «err.Error()» == "record not found"\n}\n',
      messages: ['compared with =='],
    },
    {
      name: 'compared with != to anything, on either side',
      code: 'package p\n\nfunc f(readErr, other error) bool {\n\treturn "EOF" != «readErr.Error()» || «readErr.Error()» != other.Error()\n}\n',
    },
    {
      name: 'first argument of strings.Contains, HasPrefix, HasSuffix, EqualFold',
      code: 'package p\n\nimport "strings"\n\nfunc f(err error) bool {\n\treturn strings.Contains(«err.Error()», "timeout") ||\n\t\tstrings.HasPrefix(«err.Error()», "dial") ||\n\t\tstrings.HasSuffix(«err.Error()», "refused") ||\n\t\tstrings.EqualFold(«err.Error()», "eof")\n}\n',
      messages: ['strings.Contains', 'strings.HasPrefix', 'strings.HasSuffix', 'strings.EqualFold'],
    },
    {
      name: 'e bound by if e := ...; e != nil',
      code: 'package p\n\nfunc g() error { return nil }\n\nfunc f() bool {\n\tif e := g(); e != nil {\n\t\treturn «e.Error()» == "busy"\n\t}\n\treturn false\n}\n',
    },
    {
      name: 'a switch on the text',
      code: 'package p\n\nfunc f(err error) int {\n\tswitch «err.Error()» {\n\tcase "busy":\n\t\treturn 1\n\t}\n\treturn 0\n}\n',
      messages: ['switched on'],
    },
  ],
});
