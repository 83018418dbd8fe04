import { cases } from '../support/ruleTester';

/** A require block of n direct requirements. */
function requireBlock(n: number, indirect = ''): string {
  const lines = Array.from({ length: n }, (_, i) => `\tgithub.com/acme/dep${i} v1.0.${i}${indirect}`);
  return `require (\n${lines.join('\n')}\n)`;
}

const mod = (body: string) => `module example.com/shop\n\ngo 1.22\n\n${body}\n`;

export default cases({
  valid: [
    { name: 'exactly 20 direct requirements', fileName: 'go.mod', code: mod(requireBlock(20)) },
    {
      name: 'indirect requirements do not count',
      fileName: 'go.mod',
      code: mod(`${requireBlock(15)}\n\n${requireBlock(40, ' // indirect').replace(/dep/g, 'lib')}`),
    },
    { name: 'option max', fileName: 'go.mod', options: { max: 30 }, code: mod(requireBlock(25)) },
  ],
  invalid: [
    {
      name: 'a go.mod with more than 20 direct requirements; reported on the require block',
      fileName: 'go.mod',
      code: mod(`«${requireBlock(21)}»\n\n${requireBlock(3, ' // indirect').replace(/dep/g, 'lib')}`),
      messages: ['go.mod has 21 direct requirements (budget 20)'],
    },
    {
      name: 'requirements spread over several directives: reported on the block holding most of them',
      fileName: 'go.mod',
      code: mod(`require github.com/one/more v1.0.0\n\n«${requireBlock(20)}»`),
      messages: ['21 direct requirements'],
    },
    {
      name: 'option max',
      fileName: 'go.mod',
      options: { max: 2 },
      code: mod('«require (\n\tgithub.com/a/a v1.0.0\n\tgithub.com/b/b v1.0.0\n\tgithub.com/c/c v1.0.0 // direct, despite this comment\n)»'),
      messages: ['3 direct requirements (budget 2)'],
    },
  ],
});
