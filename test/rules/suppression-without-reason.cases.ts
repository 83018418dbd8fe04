import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    { name: 'a directive with a reason', code: 'package p\n\n//godebt:ignore debt-marker -- tracked as issue 12\n// TODO: retry\nvar x = 1\n' },
    { name: '//nolint explanations are golangci-lint\'s business', code: 'package p\n\n// TODO: retry\nvar x = 1 //nolint:godox\n' },
  ],
  invalid: [
    {
      name: 'no " -- reason"',
      code: 'package p\n\n«//godebt:ignore debt-marker»\n// TODO: retry\nvar x = 1\n',
      messages: ['//godebt:ignore gives no reason: add \' -- \' and why the finding is acceptable here.'],
      output: null,
    },
    {
      name: 'words without the " -- " separator are not a reason',
      code: '«//godebt:file-ignore debt-marker legacy code»\n\npackage p\n\n// TODO: retry\nvar x = 1\n',
      messages: ['//godebt:file-ignore gives no reason'],
    },
    {
      name: 'the placeholder the suppress action writes',
      code: 'package p\n\n«//godebt:ignore debt-marker -- <reason>»\n// TODO: retry\nvar x = 1\n',
      messages: ['//godebt:ignore still has the <reason> placeholder: replace it with why the finding is acceptable here.'],
    },
  ],
});
