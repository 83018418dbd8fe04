import { cases } from '../support/ruleTester';

const HEAD = 'package p\n\nimport (\n\t"context"\n\t"net/http"\n)\n\n';

export default cases({
  valid: [
    {
      name: 'the request goes to a call together with the context, which attaches it (ctxhttp.Do, prometheus api)',
      code: HEAD + 'func Head(ctx context.Context, client *http.Client, url string) (*http.Response, error) {\n\treq, err := http.NewRequest("HEAD", url, nil)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn Do(ctx, client, req)\n}\n',
    },
    {
      name: 'http.NewRequestWithContext',
      code: HEAD + 'func f(ctx context.Context, u string) (*http.Request, error) {\n\treturn http.NewRequestWithContext(ctx, http.MethodGet, u, nil)\n}\n',
    },
    {
      name: 'NewRequest of another package named http',
      code: 'package p\n\nimport http "example.com/fake"\n\nfunc f(u string) {\n\thttp.NewRequest("GET", u, nil)\n}\n',
    },
    {
      name: 'a method called NewRequest',
      code: HEAD + 'func f(c *Client, u string) {\n\tc.NewRequest("GET", u, nil)\n}\n',
    },
    {
      name: 'the request is given a context later with WithContext',
      code: HEAD + 'func f(ctx context.Context, c *http.Client, u string) (*http.Response, error) {\n\treq, err := http.NewRequest("GET", u, nil)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn c.Do(req.WithContext(ctx))\n}\n',
    },
  ],
  invalid: [
    {
      name: 'the request goes to a call without the context',
      code: HEAD + 'func f(ctx context.Context, c *http.Client, u string) (*http.Response, error) {\n\treq, err := «http.NewRequest»("GET", u, nil)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn c.Do(req)\n}\n',
      output: HEAD + 'func f(ctx context.Context, c *http.Client, u string) (*http.Response, error) {\n\treq, err := http.NewRequestWithContext(ctx, "GET", u, nil)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn c.Do(req)\n}\n',
    },
    {
      name: 'calls of http.NewRequest; fix with the context.Context parameter',
      code: HEAD + 'func f(ctx context.Context, u string) (*http.Request, error) {\n\treturn «http.NewRequest»("GET", u, nil)\n}\n',
      messages: ['http.NewRequestWithContext(ctx, ...)'],
      output: HEAD + 'func f(ctx context.Context, u string) (*http.Request, error) {\n\treturn http.NewRequestWithContext(ctx, "GET", u, nil)\n}\n',
    },
    {
      name: 'fix with the *http.Request parameter\'s context',
      code: HEAD + 'func handle(w http.ResponseWriter, r *http.Request) {\n\treq, _ := «http.NewRequest»(\n\t\thttp.MethodGet,\n\t\t"https://api.example.com/v1/items",\n\t\tnil,\n\t)\n\t_ = req\n}\n',
      output: HEAD + 'func handle(w http.ResponseWriter, r *http.Request) {\n\treq, _ := http.NewRequestWithContext(\n\t\tr.Context(), http.MethodGet,\n\t\t"https://api.example.com/v1/items",\n\t\tnil,\n\t)\n\t_ = req\n}\n',
    },
    {
      name: 'fix inside a function literal uses the enclosing declaration\'s context',
      code: HEAD + 'func f(ctx context.Context, urls []string) {\n\tfor _, u := range urls {\n\t\tgo func(u string) {\n\t\t\treq, _ := «http.NewRequest»("GET", u, nil)\n\t\t\t_ = req\n\t\t}(u)\n\t}\n}\n',
      output: HEAD + 'func f(ctx context.Context, urls []string) {\n\tfor _, u := range urls {\n\t\tgo func(u string) {\n\t\t\treq, _ := http.NewRequestWithContext(ctx, "GET", u, nil)\n\t\t\t_ = req\n\t\t}(u)\n\t}\n}\n',
    },
    {
      name: 'no fix when no context is in scope',
      code: HEAD + 'func f(u string) (*http.Request, error) {\n\treturn «http.NewRequest»("GET", u, nil)\n}\n',
      messages: ['pass the caller\'s context'],
      output: null,
    },
    {
      name: 'a context.Context parameter named _ does not count',
      code: HEAD + 'func f(_ context.Context, u string) (*http.Request, error) {\n\treturn «http.NewRequest»("GET", u, nil)\n}\n',
      output: null,
    },
  ],
});
