import { cases } from '../support/ruleTester';

const fmtHead = 'package p\n\nimport "fmt"\n\n';

export default cases({
  valid: [
    {
      name: 'used as a slice element: v []T',
      code: `${fmtHead}func PrintAll[T fmt.Stringer](vs []T) {\n\tfor _, v := range vs {\n\t\tfmt.Println(v.String())\n\t}\n}\n`,
    },
    {
      name: 'used in a map type: map[K]T',
      code: `${fmtHead}func Show[K comparable, T fmt.Stringer](m map[K]T) {}\n`,
    },
    {
      name: 'used in the results',
      code: `${fmtHead}func Same[T fmt.Stringer](v T) T { return v }\n`,
    },
    {
      name: 'used in the body',
      code: `${fmtHead}func Zero[T fmt.Stringer](v T) {\n\tvar zero T\n\t_ = zero\n}\n`,
    },
    {
      name: 'constraint any or comparable',
      code: 'package p\n\nfunc A[T any](v T) {}\n\nfunc B[T comparable](v T) {}\n',
    },
    {
      name: 'used by two parameters (they must have the same type)',
      code: `${fmtHead}func Both[T fmt.Stringer](a, b T) {}\n\nfunc Pair[T fmt.Stringer](a T, b T) {}\n`,
    },
    {
      name: 'a type-set constraint cannot be a parameter type (local, constraints, cmp)',
      code: 'package p\n\nimport (\n\t"cmp"\n\n\t"golang.org/x/exp/constraints"\n)\n\ntype Number interface {\n\t~int | ~float64\n}\n\nfunc A[T Number](v T) {}\n\nfunc B[T constraints.Ordered](v T) {}\n\nfunc C[T cmp.Ordered](v T) {}\n',
    },
    {
      name: 'an interface literal is not a named interface',
      code: 'package p\n\nfunc F[T interface{ String() string }](v T) {}\n',
    },
    {
      name: 'variadic ...T is not the whole type of one parameter',
      code: `${fmtHead}func F[T fmt.Stringer](vs ...T) {}\n`,
    },
    {
      name: 'a constraint declared in another file may be a type set',
      code: 'package p\n\nfunc F[T Numberish](v T) {}\n',
    },
    {
      name: 'used in another type parameter\'s constraint',
      code: 'package p\n\nfunc F[S ~[]E, E any](s S) {}\n',
    },
    {
      name: 'a blank type parameter is unused on purpose',
      code: 'package p\n\nfunc F[_ any]() {}\n',
    },
  ],
  invalid: [
    {
      name: 'used nowhere in the signature or the body',
      code: 'package p\n\nfunc Register[«T» any](name string) {}\n',
      messages: ['Type parameter T of Register is never used'],
    },
    {
      name: 'used once, as the whole type of one parameter, with a named interface constraint',
      code: `${fmtHead}func Print[«T» fmt.Stringer](v T) {\n\tfmt.Println(v.String())\n}\n`,
      messages: ['only types parameter v: take v fmt.Stringer and drop the type parameter'],
    },
    {
      name: 'a named interface of this file with methods only',
      code: 'package p\n\ntype Named interface {\n\tName() string\n}\n\nfunc Greet[«N» Named](n N, greeting string) string {\n\treturn greeting + n.Name()\n}\n',
    },
    {
      name: 'several type parameters: only the unnecessary ones',
      code: `${fmtHead}func F[K comparable, «V» fmt.Stringer, «X» any](m map[K]int, v V) {}\n`,
      messages: ['V of F only types parameter v', 'X of F is never used'],
    },
  ],
});
