import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    { name: 'lower-case words are prose', code: 'package p\n\n// todo list handling; fix me later maybe\nvar x = 1\n' },
    { name: 'part of a longer word', code: 'package p\n\n// TODOS and XXXL sizes, FIXMEs\nvar x = 1\n' },
    { name: 'markers in strings are not comments', code: 'package p\n\nvar s = "TODO: not a comment"\n' },
  ],
  invalid: [
    {
      name: 'files no build includes are still source someone maintains (//go:build ignore generators)',
      code: '//go:build ignore\n\npackage main\n\n// «TODO»: fetch the tables over HTTPS\nfunc main() {}\n',
    },
    {
      code: 'package p\n\n// «TODO»: handle retries\nvar x = 1\n',
      messages: ['TODO: handle retries'],
    },
    {
      name: 'owner in parentheses, block comment, several markers',
      code: 'package p\n\n/* «FIXME»(alice): leaks\n   «HACK» around the cache */\nvar x = 1 // «XXX»\n',
      messages: ['FIXME(alice): leaks', 'HACK: around the cache', 'XXX marker with no text'],
    },
    {
      name: 'non-ASCII text before the marker keeps UTF-16 columns',
      code: 'package p\n\n// 日本語 😀 «BUG»: off by one\nvar x = 1\n',
      messages: ['BUG: off by one'],
    },
  ],
});
