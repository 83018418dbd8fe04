import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    { name: 'lower-case words are prose', code: 'package p\n\n// todo list handling; fix me later maybe\nvar x = 1\n' },
    { name: 'part of a longer word', code: 'package p\n\n// TODOS and XXXL sizes, FIXMEs\nvar x = 1\n' },
    { name: 'markers in strings are not comments', code: 'package p\n\nvar s = "TODO: not a comment"\n' },
    {
      name: 'a marker word glued to a name, path or quote (etcd, cmd/link, prometheus, datadriven)',
      code: 'package p\n\n// Pass context.TODO() when unsure; see lkv.Get(context.TODO(), "abc").\n// This maps a type symbol (e.g. "type.XXX") to its loader symbol.\n// See http://golang.org/pkg/sync/atomic/#pkg-note-BUG and @XXX, XXX~, encode(XXX).\n// Search notes matching "BUG|TODO".\nvar x = 1\n',
    },
    {
      name: 'XXX as a placeholder in prose (cmd/asm: "where XXX is a quoted representation")',
      code: 'package p\n\n// expectText adds "got" and the token, where XXX is a quoted representation.\nvar x = 1\n',
    },
  ],
  invalid: [
    {
      name: 'XXX where a note starts: the comment\'s text, after a semicolon, in a bullet (noder, go-check)',
      code: 'package p\n\nvar a = f(false) // has init; «XXX»\nvar b = "..."   // «XXX» Open the file and take the raw line.\n\n// Options:\n//   - «XXX»: check permissions\nvar c = 1\n',
      messages: ['XXX marker with no text', 'XXX: Open the file', 'XXX: check permissions'],
    },
    {
      name: 'a marker in the middle of a sentence or in parentheses is a note',
      code: 'package p\n\n// This is slow («TODO»: cache it), and «FIXME» the lock order.\n// Cases this gets wrong («TODO»):\nvar x = 1 // sample it //«TODO»: is it safe?\n\n// @«TODO» maybe add options; «TODO»/NICETOHAVE: colours\nvar y = 1\n',
      messages: ['TODO: cache it), and FIXME the lock order.', 'FIXME: the lock order.', 'TODO: ):', 'TODO: is it safe?', 'TODO: maybe add', 'TODO: /NICETOHAVE'],
    },
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
      name: 'a file whose code holds a marker word: only the comments with one are notes (CRLF lines too)',
      code: 'package p\n\nimport "context"\n\n// plain comment, DEBUG only\nvar ctx = context.TODO() // no note here\n\n/* a block without one */\nvar s = "FIXME in a string"\n\n// «HACK»: after code that holds one\r\nvar y = 1 // «BUG»\r\n/* «XXX» */\n',
      messages: ['HACK: after code that holds one', 'BUG marker with no text', 'XXX marker with no text'],
    },
    {
      name: 'non-ASCII text before the marker keeps UTF-16 columns',
      code: 'package p\n\n// 日本語 😀 «BUG»: off by one\nvar x = 1\n',
      messages: ['BUG: off by one'],
    },
  ],
});
