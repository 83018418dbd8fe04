import { cases } from '../support/ruleTester';

const names = ['util', 'utils', 'common', 'helper', 'helpers', 'misc', 'base', 'shared', 'lib', 'tools', 'generic', 'generics'];

export default cases({
  valid: [
    { name: 'a package named for what it provides', code: 'package retry\n\nfunc Do() {}\n' },
    { name: 'names that only contain a grab-bag word', code: 'package httputil\n\nfunc Do() {}\n' },
    {
      name: 'a tools.go that pins tool dependencies behind the tools build tag (go.uber.org/zap/tools)',
      code: '//go:build tools\n// +build tools\n\npackage tools\n\nimport (\n\t_ "golang.org/x/lint/golint"\n)\n',
    },
    { name: 'test files are skipped by default', code: 'package util\n\nfunc TestX() {}\n', fileName: 'x_test.go' },
  ],
  invalid: names.map((name) => ({
    name: `the package clause of a package named ${name}`,
    code: `«package ${name}»\n\nfunc Do() {}\n`,
    messages: [`Package ${name} is a grab bag`],
  })),
});
