import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    { name: 'a directive that silences a finding', code: 'package p\n\n//godebt:ignore debt-marker -- tracked as issue 12\n// TODO: retry\nvar x = 1\n' },
    { name: 'a file-ignore that silences a finding', code: '//godebt:file-ignore debt-marker -- legacy file\n\npackage p\n\n// TODO: retry\nvar x = 1\n' },
    {
      name: 'a directive that silences only a finding of suppression-without-reason (which runs first)',
      code: '//godebt:file-ignore suppression-without-reason -- old directives, cleaned up in issue 9\n\npackage p\n\n//godebt:ignore debt-marker\n// TODO: retry\nvar x = 1\n',
    },
    { name: 'a bare //nolint may serve golangci-lint', code: 'package p\n\nvar x = 1 //nolint\n' },
    { name: '//nolint naming another linter is golangci-lint\'s', code: 'package p\n\nvar x = 1 //nolint:errcheck // legacy\n' },
    { name: '//nolint naming a peer linter (an alias) may serve that linter', code: 'package p\n\nvar x = 1 //nolint:godox\n' },
    { name: 'a rule that does not look at this file (a test file) might need it elsewhere', fileName: 'x_test.go', code: 'package p\n\n//godebt:ignore cgo-import -- build tag tests\nvar x = 1\n' },
  ],
  invalid: [
    {
      name: 'a //godebt:ignore that silences nothing: the line goes',
      code: 'package p\n\n«//godebt:ignore debt-marker -- flaky marker once»\nvar x = 1\n',
      messages: ['//godebt:ignore debt-marker suppresses nothing on this line or the next: remove it.'],
      output: 'package p\n\nvar x = 1\n',
    },
    {
      name: 'a trailing directive goes with the blanks before it',
      code: 'package p\n\nvar x = 1 «//godebt:ignore debt-marker -- nothing here»\n',
      output: 'package p\n\nvar x = 1\n',
    },
    {
      name: 'a //godebt:file-ignore that silences nothing, and the blank line after it',
      code: '«//godebt:file-ignore debt-marker -- legacy»\n\npackage p\n\nvar x = 1\n',
      messages: ['//godebt:file-ignore debt-marker suppresses nothing in this file: remove it.'],
      output: 'package p\n\nvar x = 1\n',
    },
    {
      name: 'a //godebt:file-ignore after the first declaration has no effect',
      code: 'package p\n\nvar x = 1\n\n«//godebt:file-ignore debt-marker -- too late»\nvar y = 2 // TODO: remove\n',
      messages: [/comes after the first declaration/],
      output: 'package p\n\nvar x = 1\n\nvar y = 2 // TODO: remove\n',
    },
    {
      name: 'a rule id that is not a godebt rule',
      code: 'package p\n\n«//godebt:ignore debt-markr -- typo»\nvar x = 1\n',
      messages: ['//godebt:ignore names \'debt-markr\', which is not a godebt rule: correct or remove it.'],
      output: 'package p\n\nvar x = 1\n',
    },
    {
      name: 'a used directive that also names an unknown id: reported, not removed',
      code: 'package p\n\n«//godebt:ignore debt-marker,debt-markr -- typo»\n// TODO: retry\nvar x = 1\n',
      output: null,
    },
    {
      name: '//nolint:godebt that silences nothing',
      code: 'package p\n\nvar x = 1 «//nolint:godebt»\n',
      messages: ['//nolint:godebt suppresses nothing here: remove it.'],
      output: 'package p\n\nvar x = 1\n',
    },
  ],
});
