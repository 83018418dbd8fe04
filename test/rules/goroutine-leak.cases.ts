import { cases } from '../support/ruleTester';

const P = 'package p\n\n';

export default cases({
  valid: [
    {
      name: 'a return leaves the loop (the <-ctx.Done() case)',
      code: `${P}import "context"\n\nfunc poll(ctx context.Context, jobs <-chan int) {\n\tgo func() {\n\t\tfor {\n\t\t\tselect {\n\t\t\tcase <-ctx.Done():\n\t\t\t\treturn\n\t\t\tcase j := <-jobs:\n\t\t\t\t_ = j\n\t\t\t}\n\t\t}\n\t}()\n}\n`,
    },
    {
      name: 'a break that leaves the loop',
      code: `${P}func drain(ch <-chan int) {\n\tgo func() {\n\t\tfor {\n\t\t\tv, ok := <-ch\n\t\t\tif !ok {\n\t\t\t\tbreak\n\t\t\t}\n\t\t\t_ = v\n\t\t}\n\t}()\n}\n`,
    },
    {
      name: 'a labelled break out of a select',
      code: `${P}func drain(ch <-chan int, quit <-chan struct{}) {\n\tgo func() {\n\tloop:\n\t\tfor {\n\t\t\tselect {\n\t\t\tcase <-quit:\n\t\t\t\tbreak loop\n\t\t\tcase <-ch:\n\t\t\t}\n\t\t}\n\t}()\n}\n`,
    },
    {
      name: 'a goto',
      code: `${P}func spin(ch <-chan int) {\n\tgo func() {\n\t\tfor {\n\t\t\tif <-ch == 0 {\n\t\t\t\tgoto done\n\t\t\t}\n\t\t}\n\tdone:\n\t}()\n}\n`,
    },
    {
      name: 'a panic',
      code: `${P}func watch(ch <-chan error) {\n\tgo func() {\n\t\tfor {\n\t\t\tif err := <-ch; err != nil {\n\t\t\t\tpanic(err)\n\t\t\t}\n\t\t}\n\t}()\n}\n`,
    },
    {
      name: 'os.Exit and runtime.Goexit',
      code: `${P}import (\n\t"os"\n\t"runtime"\n)\n\nfunc watch(ch <-chan int) {\n\tgo func() {\n\t\tfor {\n\t\t\tif <-ch == 1 {\n\t\t\t\tos.Exit(1)\n\t\t\t}\n\t\t}\n\t}()\n\tgo func() {\n\t\tfor {\n\t\t\tif <-ch == 2 {\n\t\t\t\truntime.Goexit()\n\t\t\t}\n\t\t}\n\t}()\n}\n`,
    },
    {
      name: 'log.Fatal ends the program',
      code: `${P}import "log"\n\nfunc watch(ch <-chan error) {\n\tgo func() {\n\t\tfor {\n\t\t\tlog.Fatal(<-ch)\n\t\t}\n\t}()\n}\n`,
    },
    {
      name: 'loops with a condition or a range clause',
      code: `${P}func work(ch <-chan int, n int) {\n\tgo func() {\n\t\tfor v := range ch {\n\t\t\t_ = v\n\t\t}\n\t\tfor i := 0; i < n; i++ {\n\t\t}\n\t\tfor n > 0 {\n\t\t\tn--\n\t\t}\n\t}()\n}\n`,
    },
    {
      name: 'a go statement calling a named function',
      code: `${P}func worker() {\n\tfor {\n\t}\n}\n\nfunc start() {\n\tgo worker()\n}\n`,
    },
    {
      name: 'a return inside an inner endless loop leaves both',
      code: `${P}func pump(ch chan int) {\n\tgo func() {\n\t\tfor {\n\t\t\tfor {\n\t\t\t\tif <-ch == 0 {\n\t\t\t\t\treturn\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}()\n}\n`,
    },
    {
      name: 'a logger\'s Fatal method ends the program',
      code: `${P}type logger interface{ Fatal(...any) }\n\nfunc watch(ch <-chan error, log logger) {\n\tgo func() {\n\t\tfor {\n\t\t\tif err := <-ch; err != nil {\n\t\t\t\tlog.Fatal(err)\n\t\t\t}\n\t\t}\n\t}()\n}\n`,
    },
  ],
  invalid: [
    {
      name: 'an endless loop with no way out',
      code: `${P}func consume(jobs <-chan int) {\n\t«go» func() {\n\t\tfor {\n\t\t\tj := <-jobs\n\t\t\t_ = j\n\t\t}\n\t}()\n}\n`,
      messages: ['<-ctx.Done()'],
    },
    {
      name: 'an unlabelled break inside a select leaves only the select',
      code: `${P}import "context"\n\nfunc poll(ctx context.Context, jobs <-chan int) {\n\t«go» func() {\n\t\tfor {\n\t\t\tselect {\n\t\t\tcase <-ctx.Done():\n\t\t\t\tbreak\n\t\t\tcase <-jobs:\n\t\t\t}\n\t\t}\n\t}()\n}\n`,
    },
    {
      name: 'an unlabelled break inside a switch leaves only the switch',
      code: `${P}func poll(jobs <-chan int) {\n\t«go» func() {\n\t\tfor {\n\t\t\tswitch <-jobs {\n\t\t\tcase 0:\n\t\t\t\tbreak\n\t\t\t}\n\t\t}\n\t}()\n}\n`,
    },
    {
      name: 'a return inside a nested function literal does not leave the loop',
      code: `${P}func tick(f func(func() error)) {\n\t«go» func() {\n\t\tfor {\n\t\t\tf(func() error {\n\t\t\t\treturn nil\n\t\t\t})\n\t\t}\n\t}()\n}\n`,
    },
    {
      name: 'a break of an inner loop does not leave the outer endless loop',
      code: `${P}func pump(ch chan int) {\n\t«go» func() {\n\t\tfor {\n\t\t\tfor {\n\t\t\t\tif <-ch == 0 {\n\t\t\t\t\tbreak\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}()\n}\n`,
    },
    {
      name: 'a labelled break naming the inner loop',
      code: `${P}func pump(ch chan int) {\n\t«go» func() {\n\t\tfor {\n\t\tinner:\n\t\t\tfor {\n\t\t\t\tselect {\n\t\t\t\tcase <-ch:\n\t\t\t\t\tbreak inner\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}()\n}\n`,
    },
    {
      name: 'the loop nested in an if',
      code: `${P}import "time"\n\nfunc refresh(on bool, f func()) {\n\t«go» func() {\n\t\tif on {\n\t\t\tfor {\n\t\t\t\ttime.Sleep(time.Second)\n\t\t\t\tf()\n\t\t\t}\n\t\t}\n\t}()\n}\n`,
    },
  ],
});
