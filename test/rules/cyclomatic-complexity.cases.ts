import { cases } from '../support/ruleTester';

/** n if statements in a row: n decision points. */
function ifs(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`\tif x == ${i} {`, '\t\tx++', '\t}');
  return out.join('\n');
}

export default cases({
  valid: [
    { name: 'complexity of exactly 15', code: `package p\n\nfunc f(x int) {\n${ifs(14)}\n}\n` },
    {
      name: 'default cases do not count',
      code: `package p\n\nfunc f(x int) {\n${ifs(12)}\n\tswitch x {\n\tcase 1:\n\t\tx++\n\tdefault:\n\t\tx--\n\t}\n\tselect {\n\tdefault:\n\t}\n}\n`,
    },
    {
      name: 'each function is measured alone',
      code: `package p\n\nfunc f(x int) {\n${ifs(10)}\n}\n\nfunc g(x int) {\n${ifs(10)}\n}\n`,
    },
  ],
  invalid: [
    {
      name: 'a function with cyclomatic complexity above 15; the message gives the number',
      code: `package p\n\nfunc «f»(x int) {\n${ifs(15)}\n}\n`,
      messages: ['function f has cyclomatic complexity 16 (limit 15)'],
    },
    {
      name: 'if, for, non-default cases of switch, type switch and select, && and || all count',
      code: [
        'package p',
        '',
        'type T struct{}',
        '',
        'func (T) «m»(x int, v any, c chan int) {',
        '\tfor i := 0; i < x; i++ { // 2',
        '\t\tif i > 1 && i < 5 || i == 9 { // 5',
        '\t\t\tx++',
        '\t\t} else if i == 7 { // 6',
        '\t\t\tx--',
        '\t\t}',
        '\t}',
        '\tswitch x {',
        '\tcase 1, 2: // 7',
        '\tcase 3: // 8',
        '\tdefault:',
        '\t}',
        '\tswitch v.(type) {',
        '\tcase int: // 9',
        '\tcase string: // 10',
        '\tdefault:',
        '\t}',
        '\tselect {',
        '\tcase <-c: // 11',
        '\tcase c <- 1: // 12',
        '\tdefault:',
        '\t}',
        '\tfor range c { // 13',
        '\t}',
        '\tfor x > 0 && x < 10 { // 15',
        '\t\tx--',
        '\t}',
        '}',
        '',
      ].join('\n'),
      options: { max: 14 },
      messages: ['method m has cyclomatic complexity 15 (limit 14)'],
    },
    {
      name: 'function literals count towards their enclosing function',
      code: `package p\n\nfunc «f»(x int) {\n${ifs(10)}\n\tgo func() {\n${ifs(6).replace(/^/gm, '\t')}\n\t}()\n}\n`,
      messages: ['cyclomatic complexity 17'],
    },
  ],
});
