import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    'package p\n\nimport "fmt"\n\nvar _ = fmt.Sprint\n',
    { name: 'a string "C" elsewhere is not an import', code: 'package p\n\nvar c = "C"\n' },
    {
      name: 'files no build includes: //go:build ignore (cgo -godefs inputs, generators)',
      code: '// Input to cgo -godefs.\n\n//go:build ignore\n\npackage unix\n\n// #include <termios.h>\nimport "C"\n',
    },
    {
      name: 'the old // +build ignore form, and a constraint that needs ignore with other tags',
      code: '// +build ignore\n\npackage unix\n\nimport "C"\n',
    },
    {
      name: 'a constraint that only holds with the ignore tag set',
      code: '//go:build (ignore && linux) || (ignore && !linux)\n\npackage unix\n\nimport "C"\n',
    },
    {
      name: 'optional cgo: a file built only with the cgo tag, beside a pure-Go fallback (net, os/user)',
      code: '//go:build cgo && !netgo && (darwin || (linux && !android) || netbsd || solaris)\n\npackage net\n\nimport "C"\n',
    },
    {
      name: 'optional cgo: a file built only with a tag the user sets (icu, boringcrypto, race)',
      code: '//go:build boringcrypto && linux && amd64 && !android && !cmd_go_bootstrap && !msan\n\npackage boring\n\nimport "C"\n',
    },
    {
      name: 'optional cgo, old +build lines',
      code: '// +build sqlite_fts5 fts5\n\npackage sqlite3\n\nimport "C"\n',
    },
  ],
  invalid: [
    {
      name: 'build constraints that some build satisfies',
      code: '//go:build linux && !ignore\n\npackage p\n\nimport «"C"»\n',
    },
    {
      name: 'a constraint on the system only: the package needs cgo there (nats-server pse_freebsd.go)',
      code: '//go:build !amd64\n// +build !amd64\n\npackage pse\n\nimport «"C"»\n',
    },
    {
      name: 'a tag the user turns off (!sqlite_omit_load_extension) holds by default',
      code: '// +build !sqlite_omit_load_extension\n\npackage sqlite3\n\nimport «"C"»\n',
    },
    {
      name: 'a +build line with ignore as one option among others',
      code: '// +build ignore linux\n\npackage p\n\nimport «"C"»\n',
    },
    {
      code: 'package p\n\n// #include <stdio.h>\nimport «"C"»\n',
      messages: ['cgo'],
    },
    {
      name: 'inside an import block',
      code: 'package p\n\nimport (\n\t«"C"»\n\t"unsafe"\n)\n\nvar _ = unsafe.Sizeof(0)\n',
    },
  ],
});
