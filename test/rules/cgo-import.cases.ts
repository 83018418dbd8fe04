import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    'package p\n\nimport "fmt"\n\nvar _ = fmt.Sprint\n',
    { name: 'a string "C" elsewhere is not an import', code: 'package p\n\nvar c = "C"\n' },
  ],
  invalid: [
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
