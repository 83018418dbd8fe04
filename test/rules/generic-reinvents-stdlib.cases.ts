import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'a package named slices or maps is the standard API or its backport (golang.org/x/exp/slices)',
      code: 'package slices\n\nfunc Contains[E comparable](s []E, v E) bool {\n\tfor _, x := range s {\n\t\tif x == v {\n\t\t\treturn true\n\t\t}\n\t}\n\treturn false\n}\n',
    },
    {
      name: 'functions without type parameters are not generic reimplementations',
      code: 'package p\n\nfunc Contains(xs []string, s string) bool {\n\tfor _, x := range xs {\n\t\tif x == s {\n\t\t\treturn true\n\t\t}\n\t}\n\treturn false\n}\n',
    },
    {
      name: 'methods of generic types (they have no type parameters of their own)',
      code: 'package p\n\ntype Set[T comparable] map[T]struct{}\n\nfunc (s Set[T]) Contains(v T) bool {\n\t_, ok := s[v]\n\treturn ok\n}\n',
    },
    {
      name: 'generic helpers the standard library lacks (Map, Filter, Reduce, Chunk)',
      code: 'package p\n\nfunc Map[T, U any](xs []T, f func(T) U) []U {\n\tout := make([]U, 0, len(xs))\n\tfor _, x := range xs {\n\t\tout = append(out, f(x))\n\t}\n\treturn out\n}\n\nfunc Chunk[T any](xs []T, n int) [][]T { return nil }\n',
    },
    {
      name: 'names that only start like a listed one (Maximum, IndexBy, SortedKeys)',
      code: 'package p\n\nfunc Maximum[T any](xs []T) T { return xs[0] }\n\nfunc IndexBy[T any, K comparable](xs []T, f func(T) K) map[K]T { return nil }\n\nfunc SortedKeys[K comparable, V any](m map[K]V) []K { return nil }\n',
    },
  ],
  invalid: [
    {
      name: 'Contains, Index, IndexOf: slices.Contains and slices.Index',
      code: 'package p\n\nfunc «Contains»[T comparable](xs []T, v T) bool { return false }\n\nfunc «Index»[T comparable](xs []T, v T) int { return -1 }\n\nfunc «IndexOf»[T comparable](xs []T, v T) int { return -1 }\n',
      messages: ['use slices.Contains', 'use slices.Index', 'use slices.Index'],
    },
    {
      name: 'Keys, Values: maps.Keys and maps.Values',
      code: 'package p\n\nfunc «Keys»[K comparable, V any](m map[K]V) []K { return nil }\n\nfunc «Values»[K comparable, V any](m map[K]V) []V { return nil }\n',
      messages: ['use maps.Keys', 'use maps.Values'],
    },
    {
      name: 'Max, Min: the builtin max and min',
      code: 'package p\n\nfunc «Max»[T int | float64](a, b T) T { return a }\n\nfunc «min»[T int | float64](a, b T) T { return a }\n',
      messages: ['use the builtin max', 'use the builtin min'],
    },
    {
      name: 'Reverse, Sort, Compact, Insert: the slices package',
      code: 'package p\n\nfunc «Reverse»[T any](xs []T) {}\n\nfunc «Sort»[T int | string](xs []T) {}\n\nfunc «Compact»[T comparable](xs []T) []T { return xs }\n\nfunc «Insert»[T any](xs []T, i int, v T) []T { return xs }\n',
      messages: ['use slices.Reverse', 'use slices.Sort', 'use slices.Compact', 'use slices.Insert'],
    },
    {
      name: 'Clone, Equal: slices or maps by the first parameter',
      code: 'package p\n\nfunc «Clone»[T any](xs []T) []T { return xs }\n\nfunc «Equal»[K, V comparable](a, b map[K]V) bool { return false }\n',
      messages: ['use slices.Clone', 'use maps.Equal'],
    },
    {
      name: 'Equal over a type parameter constrained by ~map (x/exp/maps): maps.Equal',
      code: 'package p\n\nfunc «Equal»[M1, M2 ~map[K]V, K, V comparable](m1 M1, m2 M2) bool { return false }\n',
      messages: ['use maps.Equal'],
    },
    {
      name: 'with a Map or Slice prefix, any case (MapKeys, SliceContains, mapclone)',
      code: 'package p\n\nfunc «MapKeys»[K comparable, V any](m map[K]V) []K { return nil }\n\nfunc «SliceContains»[T comparable](xs []T, v T) bool { return false }\n\nfunc «mapclone»[K comparable, V any](m map[K]V) map[K]V { return m }\n',
      messages: ['use maps.Keys', 'use slices.Contains', 'use maps.Clone'],
    },
    {
      name: 'Max and Min over a slice: slices.Max and slices.Min',
      code: 'package p\n\nfunc «SliceMax»[T int | float64](xs []T) T { return xs[0] }\n\nfunc «Min»[S ~[]E, E int | float64](xs S) E { return xs[0] }\n',
      messages: ['use slices.Max', 'use slices.Min'],
    },
  ],
});
