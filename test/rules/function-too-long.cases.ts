import { cases } from '../support/ruleTester';

/** n lines of `x++` and comments, indented by depth tabs, alternating so statements stay few. */
function lines(n: number, indent = '\t'): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(i % 2 === 0 ? `${indent}x++` : `${indent}// step ${i}`);
  return out.join('\n');
}

/** n statements in ifs of five, so they are nested and take few lines. */
function nestedStatements(ifs: number): string {
  const out: string[] = [];
  for (let i = 0; i < ifs; i++) out.push('\tif x > 0 {', '\t\tx++', '\t\tx++', '\t\tx++', '\t\tx++', '\t}');
  return out.join('\n');
}

export default cases({
  valid: [
    { name: 'a body of exactly 80 lines', code: `package p\n\nfunc f(x int) {\n${lines(80)}\n}\n` },
    { name: 'exactly 50 statements, nested ones included', code: `package p\n\nfunc f(x int) {\n${nestedStatements(10)}\n}\n` },
    { name: 'limits raised by options', options: { maxLines: 200, maxStatements: 100 }, code: `package p\n\nfunc f(x int) {\n${lines(120)}\n}\n` },
    { name: 'test files are skipped', fileName: 'x_test.go', code: `package p\n\nfunc f(x int) {\n${lines(100)}\n}\n` },
  ],
  invalid: [
    {
      name: 'a function whose body spans more than 80 lines',
      code: `package p\n\nfunc «long»(x int) {\n${lines(81)}\n}\n`,
      messages: ['function long has 81 lines (limit 80)'],
    },
    {
      name: 'a method whose body spans more than 80 lines; reported on the name',
      code: `package p\n\ntype T struct{}\n\nfunc (t *T) «Long»(x int) {\n${lines(95)}\n}\n`,
      messages: ['method Long has 95 lines'],
    },
    {
      name: 'holds more than 50 statements, counting nested statements',
      code: `package p\n\nfunc «busy»(x int) {\n${nestedStatements(10)}\n\tx++\n}\n`,
      messages: ['function busy has 51 statements (limit 50)'],
    },
    {
      name: 'statements of a function literal count towards its function, reported once',
      code: `package p\n\nfunc «outer»(x int) {\n\tgo func() {\n${nestedStatements(10).replace(/^/gm, '\t')}\n\t}()\n}\n`,
      messages: ['function outer has 51 statements'],
    },
    {
      name: 'a package-level function literal is measured too, reported on its variable',
      code: `package p\n\nvar «handler» = func(x int) {\n${lines(90)}\n}\n`,
      messages: ['function literal handler has 90 lines'],
    },
    {
      name: 'a package-level function literal without a variable of its own: reported on func',
      code: `package p\n\nvar handlers = []func(int){\n\t«func»(x int) {\n${lines(90, '\t\t')}\n\t},\n}\n`,
      messages: ['function literal has 90 lines'],
    },
    {
      name: 'option maxLines',
      options: { maxLines: 5 },
      code: `package p\n\nfunc «f»(x int) {\n${lines(6)}\n}\n`,
      messages: ['6 lines (limit 5)'],
    },
    {
      name: 'option maxStatements',
      options: { maxStatements: 2 },
      code: 'package p\n\nfunc «f»(x int) {\n\tx++\n\tx++\n\tx++\n}\n',
      messages: ['3 statements (limit 2)'],
    },
  ],
});
