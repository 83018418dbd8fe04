import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'three type parameters (the default max)',
      code: 'package p\n\nfunc F[A, B any, C comparable](a A, b B, c C) {}\n\ntype T[A, B, C any] struct{}\n',
    },
    {
      name: 'option max raised',
      code: 'package p\n\nfunc F[A, B, C, D any](a A, b B, c C, d D) {}\n',
      options: { max: 4 },
    },
    {
      name: 'methods use their type\'s parameters and are not counted again',
      code: 'package p\n\ntype T[A, B, C any] struct{}\n\nfunc (t T[A, B, C]) M() {}\n',
    },
  ],
  invalid: [
    {
      name: 'a function declaration with more than 3 type parameters',
      code: 'package p\n\nfunc «Pipeline»[In, Mid, Out any, E error](in In) (Out, E) {\n\tvar out Out\n\tvar e E\n\treturn out, e\n}\n',
      messages: ['Pipeline has 4 type parameters (more than 3)'],
    },
    {
      name: 'a type declaration with more than 3 type parameters',
      code: 'package p\n\ntype «Cache»[K comparable, V, M, S any] struct {\n\tdata map[K]V\n}\n',
    },
    {
      name: 'option max lowered to 1',
      code: 'package p\n\nfunc «F»[A, B any](a A, b B) {}\n',
      options: { max: 1 },
      messages: ['F has 2 type parameters (more than 1)'],
    },
  ],
});
